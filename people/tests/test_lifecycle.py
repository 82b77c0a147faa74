"""Closing an account, or leaving a regional role without a region, ends the person's sessions and pending
invitations, whichever screen does it (people.services.lifecycle); nothing brings a closed account back."""

import re

import pytest
from django.core import mail
from django.test import Client

from people.models import Invitation, Region, User, UserSession
from people.services import lifecycle
from people.services.invitations import invite
from people.tests.factories import PASSWORD, UserFactory

pytestmark = pytest.mark.django_db

NEW_PASSWORD = "mon-mot-de-passe-pacte-2024"
CLOSED = "the account it was sent for has been closed"
CLOSED_FR = "le compte auquel il était destiné a été fermé"


@pytest.fixture
def committed(django_capture_on_commit_callbacks):
    """Run the block, then what it queued for after the commit (as a real request would)."""
    return lambda: django_capture_on_commit_callbacks(execute=True)


def _invite(person, committed):
    with committed():
        invite(person)
    return re.search(r"http://testserver(/\S+/invitation/\S+/)", mail.outbox[-1].body).group(1)


def _invitee(email="new.coordinator@example.org"):
    person = UserFactory(email=email, regions=["bretagne"], preferred_language="en")
    person.set_unusable_password()
    person.save()
    return person


def _logged_in_client(person):
    client = Client()
    client.post("/fr/accounts/login/", {"username": person.email, "password": PASSWORD})
    assert client.session.get("_auth_user_id") == str(person.pk)
    return client


def _assert_access_ended(person, invitation):
    assert not UserSession.objects.filter(user=person).exists()
    invitation.refresh_from_db()
    assert invitation.revoked_at is not None and not invitation.is_usable


# Invitations of a closed account


def test_a_closed_accounts_invitation_says_so_and_never_reopens_the_account(client, committed):
    person = _invitee()
    url = _invite(person, committed)
    # Closed without any of our code running (a raw update): the link is refused all the same.
    User.objects.filter(pk=person.pk).update(is_active=False)
    page = client.get(url)
    assert page.status_code == 410
    html = page.content.decode()
    assert CLOSED in html and "already been used" not in html and "expired" not in html
    assert 'name="new_password1"' not in html and "/accounts/password/reset/" not in html
    response = client.post(url, {"new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD})
    assert response.status_code == 410
    person.refresh_from_db()
    assert not person.is_active and not person.has_usable_password()
    assert "_auth_user_id" not in client.session


def test_accepting_an_invitation_leaves_is_active_alone(client, committed):
    person = _invitee()
    url = _invite(person, committed)
    response = client.post(url, {"new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD})
    assert response.status_code == 302
    person.refresh_from_db()
    assert person.is_active and person.check_password(NEW_PASSWORD)


def test_the_closed_message_is_in_the_readers_language(client, committed):
    person = _invitee()
    url = _invite(person, committed).replace("/en/", "/fr/")
    with committed():
        lifecycle.deactivate(person)
    assert CLOSED_FR in client.get(url).content.decode()


# Every way of closing an account ends sessions and invitations


def _with_session_and_invitation(person, committed):
    """A person signed in somewhere, with an invitation pending (sent again, say)."""
    client = _logged_in_client(person)
    link = _invite(person, committed)
    invitation = Invitation.objects.get(user=person, used_at__isnull=True, revoked_at__isnull=True)
    invitation.link = link
    return client, invitation


def test_deactivating_in_the_wagtail_user_form(client, people, committed):
    person = people["coordinator_bretagne"]
    theirs, invitation = _with_session_and_invitation(person, committed)
    client.force_login(people["national"])
    data = {
        "email": person.email, "first_name": person.first_name, "last_name": person.last_name,
        "role": person.role, "regions": [r.pk for r in person.regions.all()], "preferred_language": "fr",
        "structure_type": "msp", "structure_name": "MSP", "structure_town": "Redon",  # "is_active" unticked
    }
    with committed():
        response = client.post(f"/admin/users/edit/{person.pk}/", data)
    assert response.status_code == 302, response.content.decode()[:2000]
    person.refresh_from_db()
    assert not person.is_active
    _assert_access_ended(person, invitation)
    assert theirs.get("/fr/accounts/profile/").status_code == 302


def test_deactivating_with_the_wagtail_bulk_action(client, people, committed):
    person = people["coordinator_bretagne"]
    _theirs, invitation = _with_session_and_invitation(person, committed)
    client.force_login(people["national"])
    with committed():
        response = client.post(
            f"/admin/bulk/people/user/set_active_state/?next=/admin/users/&id={person.pk}", {"mark_as_active": "False"}
        )
    assert response.status_code == 302
    person.refresh_from_db()
    assert not person.is_active
    _assert_access_ended(person, invitation)


def test_deactivating_in_the_django_admin(client, people, committed):
    person = people["coordinator_bretagne"]
    _theirs, invitation = _with_session_and_invitation(person, committed)
    client.force_login(people["national"])
    url = f"/django-admin/people/user/{person.pk}/change/"
    data = {
        "email": person.email, "password": person.password, "first_name": person.first_name,
        "last_name": person.last_name, "preferred_language": "fr", "role": person.role,
        "regions": [r.pk for r in person.regions.all()], "structure_type": "msp", "structure_name": "MSP",
        "structure_town": "Redon",  # "is_active" unticked
    }
    with committed():
        response = client.post(url, data)
    assert response.status_code == 302, response.context["adminform"].form.errors
    person.refresh_from_db()
    assert not person.is_active
    _assert_access_ended(person, invitation)


def test_a_deactivated_persons_sessions_all_go_and_nobody_elses(people, committed):
    person, other = people["coordinator_bretagne"], people["coordinator_normandie"]
    _logged_in_client(person), _logged_in_client(person)
    bystander = _logged_in_client(other)
    assert UserSession.objects.filter(user=person).count() == 2
    with committed():
        lifecycle.deactivate(person)
    assert not UserSession.objects.filter(user=person).exists()
    assert bystander.get("/fr/accounts/profile/").status_code == 200


# Losing the last region


def test_losing_the_last_region_ends_sessions_and_invitations_but_moving_region_does_not(client, people, committed):
    person = people["coordinator_bretagne"]
    theirs, invitation = _with_session_and_invitation(person, committed)
    normandie = Region.objects.get(code="normandie")
    with committed():
        person.regions.set([normandie])
    assert UserSession.objects.filter(user=person).exists()
    assert theirs.get("/fr/accounts/profile/").status_code == 200
    invitation.refresh_from_db()
    assert invitation.is_usable

    with committed():
        person.regions.remove(normandie)
    person.refresh_from_db()
    assert person.is_active  # still an account, but no longer signed in anywhere
    _assert_access_ended(person, invitation)
    assert theirs.get("/fr/accounts/profile/").status_code == 302
    page = client.get(invitation.link)
    assert page.status_code == 410
    assert "Cette invitation a été retirée." in page.content.decode()


def test_emptying_a_region_ends_its_members_access(people, committed):
    trainer = people["trainer_normandie"]
    _with_session_and_invitation(trainer, committed)
    with committed():
        Region.objects.get(code="normandie").members.clear()
    assert not UserSession.objects.filter(user=trainer).exists()
    assert not Invitation.objects.filter(user=trainer).pending().exists()


def test_the_national_team_needs_no_region(people, committed):
    national = people["national"]
    _logged_in_client(national)
    with committed():
        national.save()
    assert UserSession.objects.filter(user=national).exists()


# Password reset and closed accounts


def test_password_reset_sends_nothing_to_a_closed_account_on_the_site_or_in_the_admin(client, people, committed):
    person = people["partner_bretagne"]
    with committed():
        lifecycle.deactivate(person)
    with committed():  # reset e-mails are queued once the request commits
        client.post("/fr/accounts/password/reset/", {"email": person.email})
        client.post("/admin/password_reset/", {"email": person.email})
    assert mail.outbox == []
    # The same requests for an open account do send: the test would notice a broken form.
    with committed():
        client.post("/fr/accounts/password/reset/", {"email": people["partner_bretagne"].email.replace("partner", "trainer")})
    assert len(mail.outbox) == 1


def test_a_reset_link_sent_before_the_account_closed_no_longer_works(client, people, committed):
    person = people["coordinator_normandie"]
    with committed():
        client.post("/fr/accounts/password/reset/", {"email": person.email})
    link = re.search(r"http://testserver(/\S+/reset/\S+/)", mail.outbox[0].body).group(1)
    with committed():
        lifecycle.deactivate(person)
    page = client.get(link, follow=True)
    assert page.context["validlink"] is False
    assert 'name="new_password1"' not in page.content.decode()


# The session engine


def test_sessions_know_whose_they_are_through_key_rotation_and_logout(people):
    person = people["trainer_normandie"]
    client = _logged_in_client(person)
    first = client.session.session_key
    assert UserSession.objects.get(session_key=first).user_id == person.pk
    client.post("/fr/accounts/password/change/", {
        "old_password": PASSWORD, "new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD,
    })
    rotated = client.session.session_key
    assert rotated != first
    assert list(UserSession.objects.filter(user=person).values_list("session_key", flat=True)) == [rotated]
    client.post("/fr/accounts/logout/")
    assert not UserSession.objects.filter(user=person).exists()
