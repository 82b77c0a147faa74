import re
from datetime import timedelta

import pytest
from django.conf import settings
from django.core import mail
from django.utils import timezone

from people.models import Invitation
from people.services.invitations import invite
from people.tests.factories import UserFactory

pytestmark = pytest.mark.django_db

PASSWORD = "mon-mot-de-passe-pacte-2024"


@pytest.fixture
def invitee():
    person = UserFactory(email="new.coordinator@example.org", first_name="Awa", preferred_language="en")
    person.set_unusable_password()
    person.save()
    return person


@pytest.fixture
def send(django_capture_on_commit_callbacks):
    """Invite for real: the email leaves once the transaction commits."""

    def _send(person, invited_by=None):
        with django_capture_on_commit_callbacks(execute=True):
            invite(person, invited_by=invited_by)
        return mail.outbox[-1]

    return _send


def _link(message):
    return re.search(r"http://testserver(/\S+/invitation/\S+/)", message.body).group(1)


def _choose(client, url, password=PASSWORD):
    return client.post(url, {"new_password1": password, "new_password2": password})


def test_invitation_email_is_in_the_invitees_language_and_its_link_works(client, invitee, send, people):
    message = send(invitee, invited_by=people["trainer_bretagne"])
    assert message.to == [invitee.email]
    assert message.subject == "Your invitation to the PACTE platform"
    assert "Hello Awa," in message.body and "14 days" in message.body
    url = _link(message)
    assert url.startswith("/en/accounts/invitation/")
    html, mimetype = message.alternatives[0]
    assert mimetype == "text/html" and f'href="http://testserver{url}"' in html and '<html lang="en">' in html
    page = client.get(url)
    assert page.status_code == 200
    content = page.content.decode()
    assert '<html lang="en">' in content and invitee.email in content
    assert content.count('autocomplete="new-password"') == 2


def test_accepting_sets_the_password_logs_in_and_lands_on_my_space_in_their_language(client, invitee, send):
    url = _link(send(invitee))
    response = _choose(client, url)
    assert response.status_code == 302
    assert response["Location"] == "/en/accounts/space/"
    assert response.cookies[settings.LANGUAGE_COOKIE_NAME].value == "en"
    assert client.session["_auth_user_id"] == str(invitee.pk)
    invitee.refresh_from_db()
    assert invitee.check_password(PASSWORD)
    assert Invitation.objects.get(user=invitee).used_at is not None
    assert client.get(response["Location"]).status_code == 200


def test_an_invitation_works_once(client, invitee, send):
    url = _link(send(invitee))
    _choose(client, url)
    client.logout()
    again = client.get(url)
    assert again.status_code == 410
    assert "already been used" in again.content.decode()
    assert 'name="new_password1"' not in again.content.decode()
    second = _choose(client, url, password="someone-elses-password-99")
    assert second.status_code == 410
    invitee.refresh_from_db()
    assert invitee.check_password(PASSWORD)
    assert "_auth_user_id" not in client.session


def test_an_expired_invitation_is_gone(client, invitee, send):
    url = _link(send(invitee))
    Invitation.objects.filter(user=invitee).update(expires_at=timezone.now() - timedelta(minutes=1))
    response = client.get(url)
    assert response.status_code == 410
    html = response.content.decode()
    assert "expired" in html and 'href="/en/accounts/password/reset/"' in html
    assert _choose(client, url).status_code == 410
    invitee.refresh_from_db()
    assert not invitee.has_usable_password()


def test_an_unknown_token_is_not_found(client):
    response = client.get("/fr/accounts/invitation/not-a-token-we-ever-issued/")
    assert response.status_code == 404
    assert "<h1>" in response.content.decode()


def test_a_new_invitation_replaces_the_previous_one(client, invitee, send):
    old = _link(send(invitee))
    new = _link(send(invitee))
    assert client.get(old).status_code == 410
    assert client.get(new).status_code == 200


def test_the_password_validators_apply(client, invitee, send):
    url = _link(send(invitee))
    response = _choose(client, url, password="12345")
    assert response.status_code == 200
    assert response.context["form"].errors["new_password2"]
    html = response.content.decode()
    assert re.search(r'aria-describedby="[^"]*id_new_password2_error', html) and 'id="id_new_password2_error"' in html
    assert Invitation.objects.get(user=invitee).used_at is None
    assert "_auth_user_id" not in client.session
