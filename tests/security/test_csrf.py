"""Every URL of the project refuses a state-changing request without a CSRF token, new views included: the test
walks the URL patterns (ours and those of Django's and Wagtail's admins) instead of listing them."""

import logging

import pytest
from django.test import Client

from .urlwalk import endpoints

pytestmark = pytest.mark.django_db

# Routes that may accept a POST without a CSRF token, each with the reason. Empty: none does today.
# (A webhook signed by its sender would be one; add it here with how the signature is checked.)
CSRF_EXEMPT_ROUTES: dict[str, str] = {}


def test_every_url_refuses_a_post_without_csrf_token(people, caplog):
    client = Client(enforce_csrf_checks=True)
    client.force_login(people["national"])  # the most powerful person: the worst case for a forged request
    walked = [e for e in endpoints() if e.route not in CSRF_EXEMPT_ROUTES]
    assert len(walked) > 300  # the walk reached into the Wagtail and Django admins

    accepted = []
    for endpoint in walked:
        caplog.clear()
        with caplog.at_level(logging.WARNING, logger="django.security.csrf"):
            response = client.post(endpoint.path, {"title": "forged"})
        # Django's middleware logs its refusals; Django REST Framework's views (the Wagtail admin API,
        # wagtail-localize's editor) are csrf_exempt and check the token in SessionAuthentication instead.
        refused_for_csrf = response.status_code == 403 and (
            any(r.name == "django.security.csrf" for r in caplog.records) or b"CSRF Failed" in response.content
        )
        if not refused_for_csrf:
            accepted.append(f"{endpoint.path} ({endpoint.route}): {response.status_code}")
    assert accepted == [], "Accepted a POST without CSRF token:\n" + "\n".join(accepted)


def test_the_exempt_list_only_names_existing_routes():
    routes = {e.route for e in endpoints()}
    assert set(CSRF_EXEMPT_ROUTES) <= routes
