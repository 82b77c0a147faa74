"""Login lockout behind reverse proxies (cms/settings/client_address.py): failures are counted per e-mail AND per
client address, the client address being the one the trusted proxies saw, so that nobody elsewhere can lock a
coordinator out of their account, and nobody can pick the address their failures count against."""

import pytest
from django.conf import settings as django_settings

from cms.settings.client_address import axes_client_address
from people.tests.factories import PASSWORD

pytestmark = pytest.mark.django_db

LOGIN = "/fr/accounts/login/"
# Globally routable addresses: ipware ranks private and loopback ones lower.
CLIENT_A, CLIENT_B, ATTACKER = "81.250.1.10", "90.45.2.20", "185.12.7.99"
NGINX, FIRST_PROXY = "10.0.0.2", "172.16.0.3"


@pytest.fixture
def trusted_proxies(settings):
    def use(count):
        for name, value in axes_client_address(count).items():
            setattr(settings, name, value)

    return use


def _attempt(client, person, password, *, remote_addr, forwarded_for=None):
    extra = {"REMOTE_ADDR": remote_addr}
    if forwarded_for is not None:
        extra["HTTP_X_FORWARDED_FOR"] = forwarded_for
    return client.post(LOGIN, {"username": person.email, "password": password}, **extra)


def _fail_until_locked(client, person, **where):
    for _ in range(django_settings.AXES_FAILURE_LIMIT):
        _attempt(client, person, "not-the-password", **where)


def test_lockout_is_per_account_and_address_and_off_by_default_for_proxies():
    assert django_settings.AXES_LOCKOUT_PARAMETERS == [["username", "ip_address"]]
    assert django_settings.PACTE_TRUSTED_PROXIES == 0
    assert django_settings.AXES_IPWARE_META_PRECEDENCE_ORDER == ("REMOTE_ADDR",)


def test_behind_one_proxy_failures_from_one_client_do_not_lock_another(client, people, trusted_proxies):
    trusted_proxies(1)
    victim = people["coordinator_bretagne"]
    _fail_until_locked(client, victim, remote_addr=NGINX, forwarded_for=CLIENT_A)
    assert _attempt(client, victim, PASSWORD, remote_addr=NGINX, forwarded_for=CLIENT_A).status_code == 429
    response = _attempt(client, victim, PASSWORD, remote_addr=NGINX, forwarded_for=CLIENT_B)
    assert response.status_code == 302
    assert client.session["_auth_user_id"] == str(victim.pk)


def test_behind_one_proxy_a_forged_left_most_entry_does_not_choose_the_address(client, people, trusted_proxies):
    trusted_proxies(1)
    victim = people["coordinator_bretagne"]
    # The attacker claims to be the victim's address; nginx appends the address it really came from.
    _fail_until_locked(client, victim, remote_addr=NGINX, forwarded_for=f"{CLIENT_B}, {ATTACKER}")
    assert _attempt(client, victim, PASSWORD, remote_addr=NGINX, forwarded_for=ATTACKER).status_code == 429
    response = _attempt(client, victim, PASSWORD, remote_addr=NGINX, forwarded_for=CLIENT_B)
    assert response.status_code == 302


def test_behind_two_proxies_the_client_is_left_of_the_first_proxy(client, people, trusted_proxies):
    trusted_proxies(2)
    victim = people["coordinator_bretagne"]
    # "A, proxy": the first proxy's address, appended by the second one, which connects to Django.
    _fail_until_locked(client, victim, remote_addr=NGINX, forwarded_for=f"{CLIENT_B}, {CLIENT_A}, {FIRST_PROXY}")
    locked = _attempt(client, victim, PASSWORD, remote_addr=NGINX, forwarded_for=f"{CLIENT_A}, {FIRST_PROXY}")
    assert locked.status_code == 429
    response = _attempt(client, victim, PASSWORD, remote_addr=NGINX, forwarded_for=f"{CLIENT_B}, {FIRST_PROXY}")
    assert response.status_code == 302


def test_without_a_trusted_proxy_x_forwarded_for_is_ignored(client, people, trusted_proxies):
    trusted_proxies(0)
    victim = people["coordinator_bretagne"]
    for number in range(django_settings.AXES_FAILURE_LIMIT):
        # A new made-up address each time: none of them counts.
        _attempt(client, victim, "not-the-password", remote_addr=CLIENT_A, forwarded_for=f"203.0.{number}.1")
    assert _attempt(client, victim, PASSWORD, remote_addr=CLIENT_A, forwarded_for=CLIENT_B).status_code == 429
    assert _attempt(client, victim, PASSWORD, remote_addr=CLIENT_B, forwarded_for=CLIENT_A).status_code == 302


def test_a_negative_count_is_refused():
    with pytest.raises(ValueError):
        axes_client_address(-1)
