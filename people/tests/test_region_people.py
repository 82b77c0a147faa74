"""The admin's people screen (people.views.region_people): a trainer sees the people of their regions and where
each account stands, sends a new invitation, closes a coordinator's account; the national team's Users screen
shows and filters roles and regions."""

from datetime import timedelta

import pytest
from django.core import mail
from django.test import Client
from django.utils import timezone

from people.models import Invitation, UserSession
from people.services.invitations import invite
from people.tests.factories import PASSWORD, UserFactory

pytestmark = pytest.mark.django_db

LIST = "/admin/people/"


def _invited(email, regions, *, expired=False, role="coordinator"):
    person = UserFactory(email=email, regions=regions, role=role)
    person.set_unusable_password()
    person.save()
    invitation = invite(person)
    if expired:
        Invitation.objects.filter(pk=invitation.pk).update(
            created_at=timezone.now() - timedelta(days=30), expires_at=timezone.now() - timedelta(days=16)
        )
    return person


def _without_password(person):
    person.set_unusable_password()
    person.save()
    return person


@pytest.fixture
def bretagne_cohort(people):
    closed = UserFactory(email="closed@example.org", regions=["bretagne"])
    closed.is_active = False
    closed.save()
    return {
        "joined": people["coordinator_bretagne"],
        "invited": _invited("invited@example.org", ["bretagne"]),
        "expired": _invited("expired@example.org", ["bretagne"], expired=True),
        "never_invited": _without_password(UserFactory(email="never@example.org", regions=["bretagne"])),
        "closed": closed,
        "both_regions": _invited("both@example.org", ["bretagne", "normandie"]),
        "elsewhere": _invited("elsewhere@example.org", ["normandie"]),
    }


def _rows(response):
    return {person.email: person for person in response.context["object_list"]}


def test_a_trainer_sees_who_has_joined_who_is_invited_and_since_when(client, people, bretagne_cohort):
    client.force_login(people["trainer_bretagne"])
    response = client.get(LIST)
    assert response.status_code == 200
    rows = _rows(response)
    assert "elsewhere@example.org" not in rows and "national@example.org" not in rows
    assert {email: row.status for email, row in rows.items()} == {
        "coordinator.bretagne@example.org": "joined", "invited@example.org": "invited",
        "expired@example.org": "not_accepted", "never@example.org": "not_invited", "closed@example.org": "closed",
        "both@example.org": "invited", "trainer.bretagne@example.org": "joined",
        "partner.bretagne@example.org": "joined",
    }
    html = response.content.decode()
    assert "Invitation en attente" in html and "Invitation expirée ou retirée" in html and "Compte fermé" in html
    sent = timezone.localtime(timezone.now() - timedelta(days=30))
    assert f"Dernière invitation le {sent.day} " in html
    assert "Bretagne, Normandie" in html


def test_the_list_filters_by_status_and_region(client, people, bretagne_cohort, region):
    trainer = people["trainer_bretagne"]
    trainer.regions.add(region("normandie"))
    client.force_login(trainer)
    invited = _rows(client.get(LIST, {"status": "invited"}))
    assert set(invited) == {"invited@example.org", "both@example.org", "elsewhere@example.org"}
    normandie = _rows(client.get(LIST, {"region": region("normandie").pk}))
    assert "elsewhere@example.org" in normandie and "invited@example.org" not in normandie
    searched = _rows(client.get("/admin/people/results/", {"q": "expired"}))
    assert set(searched) == {"expired@example.org"}


def test_buttons_show_only_what_the_viewer_may_do(client, people, bretagne_cohort):
    client.force_login(people["trainer_bretagne"])
    html = client.get(LIST).content.decode()
    cohort = bretagne_cohort
    for key in ("invited", "expired", "never_invited"):
        assert f'action="/admin/people/{cohort[key].pk}/invite/"' in html, key
    for key in ("joined", "closed", "both_regions"):  # joined, closed, or partly in another trainer's region
        assert f"/admin/people/{cohort[key].pk}/invite/" not in html, key
    assert f'href="/admin/people/{cohort["joined"].pk}/deactivate/"' in html
    assert f"/admin/people/{people['partner_bretagne'].pk}/deactivate/" not in html  # coordinators only
    assert f"/admin/people/{people['trainer_bretagne'].pk}/deactivate/" not in html


def test_a_trainer_sends_a_new_invitation(client, people, bretagne_cohort, django_capture_on_commit_callbacks):
    person = bretagne_cohort["expired"]
    client.force_login(people["trainer_bretagne"])
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(f"/admin/people/{person.pk}/invite/")
    assert response.status_code == 302 and response["Location"] == LIST
    assert Invitation.objects.filter(user=person).pending().get().invited_by == people["trainer_bretagne"]
    assert [message.to for message in mail.outbox][-1] == [person.email]
    assert f"Une nouvelle invitation a été envoyée à {person.email}." in client.get(LIST).content.decode()


def _refused(response):
    """Wagtail's refusal in the admin: back to the dashboard, with a message."""
    return response.status_code == 302 and response["Location"] == "/admin/"


@pytest.mark.parametrize("who", ["joined", "closed", "both_regions", "elsewhere"])
def test_no_invitation_for_whom_the_trainer_may_not_invite(client, people, bretagne_cohort, who):
    person = bretagne_cohort[who]
    before = Invitation.objects.filter(user=person).count()
    client.force_login(people["trainer_bretagne"])
    assert _refused(client.post(f"/admin/people/{person.pk}/invite/"))
    assert Invitation.objects.filter(user=person).count() == before


def test_a_trainer_closes_a_coordinators_account_after_confirming(client, people, django_capture_on_commit_callbacks):
    coordinator = people["coordinator_bretagne"]
    theirs = Client()
    theirs.post("/fr/accounts/login/", {"username": coordinator.email, "password": PASSWORD})
    client.force_login(people["trainer_bretagne"])
    url = f"/admin/people/{coordinator.pk}/deactivate/"
    confirm = client.get(url)
    assert confirm.status_code == 200
    assert coordinator.email in confirm.content.decode() and 'method="post"' in confirm.content.decode()
    coordinator.refresh_from_db()
    assert coordinator.is_active  # the GET changed nothing
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url)
    assert response.status_code == 302 and response["Location"] == LIST
    coordinator.refresh_from_db()
    assert not coordinator.is_active
    assert not UserSession.objects.filter(user=coordinator).exists()
    assert theirs.get("/fr/accounts/space/").status_code == 302


def test_closing_an_account_needs_the_csrf_token(people):
    coordinator = people["coordinator_bretagne"]
    client = Client(enforce_csrf_checks=True)
    client.force_login(people["trainer_bretagne"])
    assert client.post(f"/admin/people/{coordinator.pk}/deactivate/").status_code == 403
    assert client.post(f"/admin/people/{coordinator.pk}/invite/").status_code == 403
    coordinator.refresh_from_db()
    assert coordinator.is_active


@pytest.mark.parametrize("who", [
    "partner_bretagne",       # a coordinator only
    "trainer_bretagne",       # not oneself
    "coordinator_normandie",  # another region's
])
def test_what_a_trainer_may_not_close(client, people, who):
    client.force_login(people["trainer_bretagne"])
    person = people[who]
    assert _refused(client.get(f"/admin/people/{person.pk}/deactivate/"))
    assert _refused(client.post(f"/admin/people/{person.pk}/deactivate/"))
    person.refresh_from_db()
    assert person.is_active


def test_the_menu_shows_the_people_screen_to_trainers(client, people):
    client.force_login(people["trainer_bretagne"])
    assert '"/admin/people/"' in client.get("/admin/").content.decode()  # in the sidebar's JSON


def test_the_people_list_costs_fixed_queries_with_150_people(client, people, django_assert_max_num_queries):
    for number in range(150):
        person = _invited(f"cohorte{number}@example.org", ["bretagne"], expired=number % 3 == 0)
        if number % 5 == 0:
            person.set_password(PASSWORD)
            person.save()
    client.force_login(people["trainer_bretagne"])
    client.get(LIST)
    # Session, person, their regions, the paginator's count, the page's people with their status (one query),
    # their regions (one), the region filter's choices; the other 8 are Wagtail's admin furniture (permissions,
    # profile, locales, page/collection/site permissions for the menu).
    with django_assert_max_num_queries(15):
        response = client.get(LIST, {"p": 2})
    assert response.status_code == 200
    assert len(response.context["object_list"]) == 50


# The national team's Users screen


def test_the_users_screen_shows_and_filters_roles_and_regions(client, people, region):
    client.force_login(people["national"])
    response = client.get("/admin/users/")
    html = response.content.decode()
    assert "Formateur relais" in html or "Regional trainer" in html
    assert "Normandie" in html
    trainers = client.get("/admin/users/", {"role": "trainer", "region": region("bretagne").pk})
    assert [person.email for person in trainers.context["object_list"]] == ["trainer.bretagne@example.org"]
    searched = client.get("/admin/users/", {"q": "bretagne", "region": region("bretagne").pk, "role": "partner"})
    assert [person.email for person in searched.context["object_list"]] == ["partner.bretagne@example.org"]


def test_the_users_screen_costs_fixed_queries(client, people, django_assert_max_num_queries):
    for number in range(150):
        UserFactory(email=f"cohorte{number}@example.org", regions=["bretagne", "normandie"])
    client.force_login(people["national"])
    client.get("/admin/users/")
    with django_assert_max_num_queries(11):
        response = client.get("/admin/users/")
    assert response.status_code == 200
