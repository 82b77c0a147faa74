"""Security headers and cookies of the site under the production settings (tests/security/conftest.py)."""

import pytest
from django.conf import settings
from wagtail.models import Page

from people.tests.factories import PASSWORD

from .baseline import parse_csp, security_header_problems

pytestmark = pytest.mark.django_db

ANONYMOUS_PATHS = [
    "/fr/",
    "/en/",
    "/fr/regions/bretagne/",
    "/en/regions/bretagne/",
    "/fr/accounts/login/",
    "/en/accounts/password/reset/",
    "/fr/page-qui-n-existe-pas/",
    "/healthz",
    "/admin/login/",
    "/django-admin/login/",
]


def _check(client, path, **kwargs):
    response = client.get(path, **kwargs)
    assert response.status_code < 500, (path, response.status_code)
    return security_header_problems(path, response)


def test_plain_http_is_redirected_to_https(production_settings, client):
    response = client.get("/fr/")
    assert response.status_code == 301
    assert response["Location"] == "https://testserver/fr/"


def test_every_anonymous_response_carries_the_baseline(https_client):
    problems = {path: _check(https_client, path) for path in ANONYMOUS_PATHS}
    # The second anonymous request of a page is served from the page cache: it must carry the same headers.
    problems["/fr/ (cached)"] = _check(https_client, "/fr/")
    problems["/ (redirect)"] = _check(https_client, "/", HTTP_ACCEPT_LANGUAGE="en")
    assert {path: p for path, p in problems.items() if p} == {}


def test_every_logged_in_response_carries_the_baseline(https_client, people):
    https_client.force_login(people["national"])
    bretagne = Page.objects.get(slug="bretagne", locale__language_code="fr")
    paths = ["/fr/", "/fr/regions/bretagne/", "/fr/accounts/profile/", "/admin/", f"/admin/pages/{bretagne.pk}/edit/"]
    paths += ["/admin/pages/", "/admin/users/", "/django-admin/"]
    problems = {path: _check(https_client, path) for path in paths}
    assert {path: p for path, p in problems.items() if p} == {}


def test_public_site_csp_allows_no_inline_script_and_the_admin_only_what_it_needs(https_client, people):
    public = parse_csp(https_client.get("/fr/accounts/login/")["Content-Security-Policy"])
    assert "'unsafe-inline'" not in public["script-src"]
    assert public["frame-ancestors"] == ["'self'"]
    https_client.force_login(people["national"])
    admin = parse_csp(https_client.get("/admin/")["Content-Security-Policy"])
    # The one relaxation: Wagtail's inline scripts. No nonce there (it would disable 'unsafe-inline').
    assert admin["script-src"] == ["'self'", "'unsafe-inline'"]
    assert {k: v for k, v in admin.items() if k != "script-src"} == {
        k: v for k, v in public.items() if k != "script-src"
    }
    django_admin = parse_csp(https_client.get("/django-admin/")["Content-Security-Policy"])
    assert "'unsafe-inline'" not in django_admin["script-src"]


def test_csrf_failure_response_carries_the_baseline(https_csrf_client):
    response = https_csrf_client.post("/fr/accounts/login/", {"username": "a@example.org", "password": "x"})
    assert response.status_code == 403
    assert security_header_problems("/fr/accounts/login/", response) == []


def _cookie(response, name):
    assert name in response.cookies, f"{name} not set; cookies: {list(response.cookies)}"
    return response.cookies[name]


def test_session_csrf_and_language_cookies_are_secure(https_client, people):
    page = https_client.get("/fr/accounts/login/")
    csrf = _cookie(page, settings.CSRF_COOKIE_NAME)
    assert csrf["secure"] and csrf["httponly"] and csrf["samesite"] == "Lax"

    response = https_client.post(
        "/fr/accounts/login/",
        {"username": people["coordinator_bretagne"].email, "password": PASSWORD},
        HTTP_REFERER="https://testserver/fr/accounts/login/",
    )
    assert response.status_code == 302
    session = _cookie(response, settings.SESSION_COOKIE_NAME)
    assert session["secure"] and session["httponly"] and session["samesite"] == "Lax"
    language = _cookie(response, settings.LANGUAGE_COOKIE_NAME)
    assert language["secure"] and language["samesite"] == "Lax"
