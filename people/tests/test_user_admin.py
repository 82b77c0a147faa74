"""The national team manages people in the Wagtail admin with PACTE's fields; groups follow the role."""

import re

import pytest
from django.core import mail

from people.models import Region, User

pytestmark = pytest.mark.django_db


def test_national_creates_a_person_who_is_invited(client, people, django_capture_on_commit_callbacks):
    client.force_login(people["national"])
    bretagne = Region.objects.get(code="bretagne")
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post("/admin/users/new/", {
            "email": "Nouvelle.Coordinatrice@Example.org", "first_name": "Rose", "last_name": "Le Bihan",
            "role": "coordinator", "regions": [bretagne.pk], "preferred_language": "en",
            "structure_type": "msp", "structure_name": "MSP de Vannes", "structure_town": "Vannes",
        })
    assert response.status_code == 302, response.content.decode()[:2000]
    person = User.objects.get(email="nouvelle.coordinatrice@example.org")
    assert not person.has_usable_password()
    assert list(person.regions.all()) == [bretagne]
    assert set(person.groups.values_list("name", flat=True)) == {"Coordinators"}
    assert [m.to for m in mail.outbox] == [["nouvelle.coordinatrice@example.org"]]


def test_changing_role_in_admin_updates_groups(client, people):
    client.force_login(people["national"])
    person = people["coordinator_bretagne"]
    response = client.post(f"/admin/users/edit/{person.pk}/", {
        "email": person.email, "first_name": person.first_name, "last_name": person.last_name,
        "role": "trainer", "regions": [r.pk for r in person.regions.all()], "preferred_language": "fr",
        "structure_type": "msp", "structure_name": "MSP", "structure_town": "Redon", "is_active": "on",
    })
    assert response.status_code == 302, response.content.decode()[:2000]
    assert set(person.groups.values_list("name", flat=True)) == {"Regional trainers", "Trainers: bretagne"}


def test_trainer_cannot_manage_accounts_in_admin(client, people):
    client.force_login(people["trainer_bretagne"])
    assert client.get("/admin/users/").status_code in (302, 403)
    assert client.get("/admin/users/new/").status_code in (302, 403)


def test_names_in_the_admin_are_required_and_trimmed(client, people):
    client.force_login(people["national"])
    bretagne = Region.objects.get(code="bretagne")
    fields = {"email": "rose@example.org", "role": "coordinator", "regions": [bretagne.pk], "preferred_language": "fr"}
    response = client.post("/admin/users/new/", {**fields, "first_name": " ", "last_name": "   "})
    assert response.status_code == 200
    assert "Indiquez un prénom" in response.content.decode()
    assert not User.objects.filter(email="rose@example.org").exists()
    response = client.post("/admin/users/new/", {**fields, "first_name": " Rose ", "last_name": "Le Bihan  "})
    assert response.status_code == 302, response.content.decode()[:2000]
    person = User.objects.get(email="rose@example.org")
    assert (person.first_name, person.last_name) == ("Rose", "Le Bihan")


def test_the_admin_lists_people_by_name_in_french_order(client, people):
    from people.tests.factories import UserFactory

    for n, name in enumerate(["Zoé", "Émilie", "Eric", "emile", "Élodie"]):
        UserFactory(email=f"list{n}@example.org", first_name="Anne", last_name=name)
    client.force_login(people["national"])
    html = client.get("/admin/users/").content.decode()
    positions = [html.index(f"Anne {name}") for name in ["Élodie", "emile", "Émilie", "Eric", "Zoé"]]
    assert positions == sorted(positions)


def test_the_regions_to_tick_are_in_the_readers_order(client, people):
    from wagtail.users.models import UserProfile

    from people.collation import sort_key

    national = people["national"]
    client.force_login(national)
    for language, before, after in [("fr", "Hauts-de-France", "Île-de-France"), ("en", "French Guiana", "Grand Est")]:
        profile = UserProfile.get_for_user(national)
        profile.preferred_language = language
        profile.save()
        html = client.get("/admin/users/new/").content.decode()
        labels = re.findall(r'name="regions" value="\d+"[^>]*>\s*([^<]+?)\s*</label>', html)
        assert len(labels) == 18 and labels == sorted(labels, key=sort_key), labels
        assert labels.index(before) < labels.index(after)
