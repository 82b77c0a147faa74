"""Each search is bounded in time by the database itself: a query that runs too long is interrupted (and the page
says so, search.results.run_search), whatever it was doing."""

import pytest
from django.db import DatabaseError, connection

from search.backends.database import _Timeout

pytestmark = pytest.mark.django_db

SLOW = {
    "sqlite": "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 100000000) SELECT count(*) FROM n",
    "postgresql": "SELECT pg_sleep(5)",
}


def test_a_slow_query_is_interrupted():
    with pytest.raises(DatabaseError):
        with _Timeout(connection.vendor, 50):
            with connection.cursor() as cursor:
                cursor.execute(SLOW[connection.vendor])
    with connection.cursor() as cursor:  # the connection is usable afterwards
        cursor.execute("SELECT 1")
        assert cursor.fetchone() == (1,)
