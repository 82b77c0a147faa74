"""A cache outage does not take the site down: with Redis out of reach, pages render uncached and logins work."""

import socket

import pytest
from django.core.cache import cache

from cms.page_cache import HEADER
from people.tests.factories import PASSWORD

pytestmark = pytest.mark.django_db

LOGIN = "/fr/accounts/login/"


@pytest.fixture
def redis_down(settings):
    """The production backend (cms.cache_backends.RedisCache, the real redis client) aimed at a local port where
    nothing listens: every cache call meets a refused connection."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    settings.CACHES = {
        "default": {
            "BACKEND": "cms.cache_backends.RedisCache",
            "LOCATION": f"redis://127.0.0.1:{port}/0",
            "OPTIONS": {"socket_connect_timeout": 1, "socket_timeout": 1},
        }
    }
    assert cache.get("anything", "unreachable") == "unreachable"


def test_anonymous_pages_answer_uncached_while_the_cache_is_down(client, redis_down):
    for url in ("/fr/", "/fr/regions/bretagne/", "/en/regions/"):
        for _ in range(2):
            response = client.get(url)
            assert response.status_code == 200
            assert response[HEADER] == "miss"  # rendered every time, nothing served from a cache
    assert "Bretagne" in client.get("/fr/regions/bretagne/").content.decode()


def test_logged_in_pages_answer_while_the_cache_is_down(client, people, redis_down):
    client.force_login(people["coordinator_bretagne"])
    response = client.get("/fr/regions/bretagne/")
    assert response.status_code == 200
    assert people["coordinator_bretagne"].get_full_name() in response.content.decode()
    assert client.get("/fr/accounts/profile/").status_code == 200


def test_login_and_its_throttling_work_while_the_cache_is_down(client, people, redis_down, settings):
    # django-axes counts failures in the database (its default AxesDatabaseHandler), not in the cache.
    email = people["coordinator_bretagne"].email
    response = client.post(LOGIN, {"username": email, "password": PASSWORD})
    assert response.status_code == 302
    assert client.session.get("_auth_user_id") == str(people["coordinator_bretagne"].pk)
    client.logout()
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        assert client.post(LOGIN, {"username": email, "password": "wrong"}).status_code == 200
    assert client.post(LOGIN, {"username": email, "password": "wrong"}).status_code == 429
    locked = client.post(LOGIN, {"username": email, "password": PASSWORD})
    assert locked.status_code == 429
    assert "_auth_user_id" not in client.session


def test_a_working_backend_caches_as_usual(client, settings, tmp_path):
    settings.CACHES = {"default": {"BACKEND": "cms.cache_backends.FileBasedCache", "LOCATION": str(tmp_path)}}
    assert client.get("/fr/")[HEADER] == "miss"
    assert client.get("/fr/")[HEADER] == "hit"
