"""Session fixation and logout: the session id changes at login, and logging out ends the session server-side."""

from importlib import import_module

import pytest
from django.conf import settings
from django.test import Client

from people.tests.factories import PASSWORD

pytestmark = pytest.mark.django_db

LOGINS = [
    ("/fr/accounts/login/", "/fr/accounts/logout/", "/fr/accounts/profile/"),
    ("/admin/login/", "/admin/logout/", "/admin/"),
]


def _session_exists(key):
    return import_module(settings.SESSION_ENGINE).SessionStore().exists(key)


def _planted_session(client):
    """A session that exists before login, as one an attacker would plant in a victim's browser."""
    session = client.session
    session["planted"] = True
    session.save()
    return session.session_key


@pytest.mark.parametrize("login_url, logout_url, private_url", LOGINS)
def test_login_rotates_the_session_id_and_logout_ends_the_session(people, login_url, logout_url, private_url):
    person = people["trainer_bretagne"]  # may use both the site and the admin
    client = Client()
    planted = _planted_session(client)

    response = client.post(login_url, {"username": person.email, "password": PASSWORD})
    assert response.status_code == 302
    logged_in = client.cookies[settings.SESSION_COOKIE_NAME].value
    assert logged_in != planted
    assert not _session_exists(planted)
    assert client.get(private_url).status_code == 200

    # A stolen copy of the logged-in cookie, replayed from elsewhere after the person logs out.
    thief = Client()
    thief.cookies[settings.SESSION_COOKIE_NAME] = logged_in
    assert thief.get(private_url).status_code == 200

    response = client.post(logout_url)
    assert response.status_code == 302
    assert not _session_exists(logged_in)
    assert client.get(private_url).status_code == 302

    response = thief.get(private_url)
    assert response.status_code == 302
    assert "login" in response["Location"]
    assert "_auth_user_id" not in thief.session


def test_logout_refuses_get(people):
    """A link or an image in someone else's page cannot log a person out."""
    client = Client()
    client.force_login(people["coordinator_bretagne"])
    key = client.cookies[settings.SESSION_COOKIE_NAME].value
    assert client.get("/fr/accounts/logout/").status_code == 405
    assert _session_exists(key)
