"""The permission matrix (tests/security/matrix.py) walked as each role, and the check that no URL of the project
escapes it."""

from urllib.parse import urlsplit

import pytest
from django.test import Client
from django.urls import Resolver404, resolve

from cms.models import RegionPage

from .matrix import (
    LOGIN,
    PEOPLE,
    PREFIX_RULE_EXCEPTIONS,
    PREFIX_RULES,
    ROLES,
    all_rows,
    placeholders,
    to,
)
from .urlwalk import endpoints, route_of_path

pytestmark = pytest.mark.django_db

LOGIN_VIEWS = {"accounts:login", "wagtailadmin_login", "admin:login"}


@pytest.fixture
def clients(people):
    clients = {"anonymous": Client()}
    for role, person in PEOPLE.items():
        clients[role] = Client()
        clients[role].force_login(people[person])
    return clients


def _redirect_view(response):
    try:
        return resolve(urlsplit(response["Location"]).path).view_name
    except Resolver404:
        return None


def outcome(response) -> object:
    """What a response means in the matrix's terms."""
    if response.status_code == 302:
        target = urlsplit(response["Location"]).path
        if _redirect_view(response) in LOGIN_VIEWS:
            return LOGIN
        return to(target)
    return response.status_code


def _describe(response):
    return f"{response.status_code} {response.get('Location', '')}".strip()


def test_permission_matrix(clients, people):
    values = placeholders(RegionPage, people)
    wrong = []
    for row in all_rows():
        path = row.path(values[row.region])
        for role in ROLES:
            response = clients[role].get(path)
            got = outcome(response)
            expected = row.expected[role]
            expected = expected.format(**values[row.region]) if isinstance(expected, str) else expected
            if got != expected:
                wrong.append(f"{row} as {role}: expected {expected}, got {_describe(response)}")
    assert wrong == [], "\n".join(wrong)


def _row_routes(people):
    values = placeholders(RegionPage, people)
    routes = set()
    for row in all_rows():
        try:
            routes.add(route_of_path(row.path(values[row.region])))
        except Resolver404:
            pass  # an address no pattern serves (a guessed media URL of a private file): it classifies nothing
    return routes


def _rule_for(route):
    return next((rule for rule in PREFIX_RULES if route.startswith(rule.prefix)), None)


def test_every_url_pattern_is_classified(people):
    """Our own URL patterns need a row; third-party ones a row or a prefix rule."""
    rows = _row_routes(people)
    unclassified = [
        f"{e.route} ({e.name or 'no name'}, {e.module})"
        for e in endpoints()
        if e.route not in rows and (e.is_own or _rule_for(e.route) is None)
    ]
    assert unclassified == [], "URL patterns missing from the permission matrix (<app>/tests/permission_matrix.py):\n" + "\n".join(unclassified)


def test_prefix_rules_hold_on_every_url_they_cover(clients, people):
    rows = _row_routes(people)
    wrong = []
    for endpoint in endpoints():
        rule = _rule_for(endpoint.route)
        if rule is None or endpoint.route in rows or endpoint.route in PREFIX_RULE_EXCEPTIONS:
            continue
        for role, expected in rule.expected.items():
            response = clients[role].get(endpoint.path)
            if outcome(response) != expected:
                wrong.append(f"{endpoint.path} ({endpoint.route}) as {role}: expected {expected}, got {_describe(response)}")
    assert wrong == [], "\n".join(wrong)


def test_matrix_bookkeeping():
    routes = {e.route for e in endpoints()}
    assert set(PREFIX_RULE_EXCEPTIONS) <= routes, set(PREFIX_RULE_EXCEPTIONS) - routes
    assert all(rule.reason for rule in PREFIX_RULES)
