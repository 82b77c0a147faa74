"""The backends the contract battery runs against: the database backend (on whichever database the suite runs:
SQLite or PostgreSQL), and Elasticsearch when ELASTICSEARCH_URL is set."""

import os
import uuid

import pytest

from search.backends.database import DatabaseBackend


def _elasticsearch_url():
    return os.environ.get("ELASTICSEARCH_URL", "")


@pytest.fixture(params=["database", "elasticsearch"])
def backend(request, db):
    if request.param == "database":
        yield DatabaseBackend()
        return
    url = _elasticsearch_url()
    if not url:
        pytest.skip("Elasticsearch: ELASTICSEARCH_URL is not set, the contract battery ran on the database only")
    from search.backends.elasticsearch import ElasticsearchBackend

    es = ElasticsearchBackend(url=url, index=f"pacte-test-{uuid.uuid4().hex[:8]}", refresh=True)
    yield es
    es.drop()
