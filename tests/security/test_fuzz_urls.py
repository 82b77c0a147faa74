"""Whatever a person writes in a URL, the answer is never a server error: every captured parameter of every URL
pattern (found by walking the URLconf, so new views are covered) is sent hostile values, as the national team (who
reaches the most views), and so are the query parameters that the admin's listings and choosers read.

Bounded to run in well under a minute: each parameter gets the values most likely to break a view (not an integer,
an integer beyond 64 bits, a negative one) and three more taken in turn from the rest of the list, so that every
value is tried on many parameters without trying every pair."""

import itertools
import sys

import pytest
from django.core.signals import got_request_exception
from django.test import Client

from .urlwalk import endpoints

pytestmark = pytest.mark.django_db

# As they would be written in a URL (percent-encoded where a browser would encode them).
ALWAYS = ("x", "99999999999999999999", "-1")
ROTATED = (
    "0",
    "",
    "%00",
    "..%2F..%2Fetc%2Fpasswd",
    "A" * 300,
    "%C3%A9t%C3%A9%20%F0%9F%8F%A5",  # "été 🏥"
    "1;DROP%20TABLE%20wagtailcore_page",
    "%27%22%3E%3Cscript%3Ealert(1)%3C%2Fscript%3E",
    "1.5",
    "%FF%FE",  # not UTF-8
    "-99999999999999999999",
    "1e9",
    "%20",
    "null",
)
PER_PARAMETER = 3
# Query parameters that Wagtail's listings, choosers, reports and the admin API read.
QUERY_NAMES = ("p", "page", "id", "q", "ordering", "page_type", "locale", "parent_page_id", "multiple",
               "content_type", "collection_id", "tag", "user_perms", "target_pages[]", "child_of", "export",
               "for_explorer", "search", "offset", "limit", "fields", "type", "locked_by", "owner", "site")
QUERY_VALUES = ("x", "99999999999999999999", "%00")
# Routes this test cannot ask as the others, with the reason.
SKIPPED = {
    "admin/failwhale/": "Wagtail's deliberate error, to test error reporting",
}


def _is_logout(endpoint) -> bool:
    # A GET may end the session the walk runs in; none of these takes a parameter.
    return (endpoint.name or "").endswith("logout")


def _requests():
    """(path, what it tries) for every parameter of every pattern, then the query string of every pattern."""
    turn = itertools.count()
    walked = [e for e in endpoints() if e.route not in SKIPPED and not _is_logout(e)]
    for endpoint in walked:
        for index, name in endpoint.parameters:
            start = next(turn) * PER_PARAMETER
            rotated = [ROTATED[(start + i) % len(ROTATED)] for i in range(PER_PARAMETER)]
            for value in ALWAYS + tuple(rotated):
                yield endpoint.path_with(index, name, value), f"{endpoint.route} {name}={value[:40]}"
    for endpoint in walked:
        for value in QUERY_VALUES:
            query = "&".join(f"{name}={value}" for name in QUERY_NAMES)
            yield f"{endpoint.path}?{query}", f"{endpoint.route} ?{QUERY_NAMES[0]}...={value}"


def test_no_url_answers_a_server_error(people):
    client = Client(raise_request_exception=False)
    client.force_login(people["national"])
    errors = []

    def record(sender, request, **kwargs):
        errors.append(repr(sys.exc_info()[1])[:200])  # sent while the exception is being handled

    got_request_exception.connect(record)
    failures = []
    try:
        requests = list(_requests())
        assert len(requests) > 2000  # the walk reached every pattern's parameters
        for path, tried in requests:
            errors.clear()
            response = client.get(path)
            if response.status_code >= 500:
                failures.append(f"{response.status_code} {tried}: {path[:120]} {' '.join(errors)}")
    finally:
        got_request_exception.disconnect(record)
    assert client.get("/admin/").status_code == 200  # still the national team: no request ended the session
    assert failures == [], f"{len(failures)} server errors:\n" + "\n".join(failures)


def test_every_value_is_tried():
    tried = {path for path, _ in _requests()}
    for value in ALWAYS + ROTATED:
        assert any(f"/{value}/" in path or path.endswith(f"/{value}") for path in tried), value
