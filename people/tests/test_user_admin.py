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


# Login e-mails are unique whatever their case, and only the national team changes one.

TAKEN_FR = "Cette adresse électronique est déjà l’identifiant de connexion d’un autre compte."
TAKEN_EN = "This email address is already the login of another account."


def _person_data(person, **changes):
    data = {
        "email": person.email, "first_name": person.first_name, "last_name": person.last_name,
        "role": person.role, "regions": [r.pk for r in person.regions.all()], "preferred_language": "fr",
        "structure_type": "msp", "structure_name": "MSP", "structure_town": "Redon", "is_active": "on",
    }
    return {**data, **changes}


@pytest.mark.parametrize("email", ["Trainer.Bretagne@Example.org", "trainer.bretagne@example.org"])
def test_national_creation_form_refuses_a_taken_email_in_any_case(client, people, email):
    client.force_login(people["national"])
    before = User.objects.count()
    response = client.post("/admin/users/new/", {
        "email": email, "first_name": "Rose", "last_name": "Le Bihan", "role": "coordinator",
        "regions": [Region.objects.get(code="bretagne").pk], "preferred_language": "fr",
    })
    assert response.status_code == 200
    assert response.context["form"].errors["email"] == [TAKEN_FR]
    assert TAKEN_FR in response.content.decode()
    assert User.objects.count() == before
    assert mail.outbox == []


def test_national_edit_form_refuses_a_taken_email_in_another_case(client, people):
    client.force_login(people["national"])
    person = people["coordinator_bretagne"]
    response = client.post(f"/admin/users/edit/{person.pk}/", _person_data(person, email="TRAINER.bretagne@example.org"))
    assert response.status_code == 200
    assert response.context["form"].errors["email"] == [TAKEN_FR]
    person.refresh_from_db()
    assert person.email == "coordinator.bretagne@example.org"


def test_django_admin_refuses_a_taken_email_in_another_case_in_the_readers_language(client, people):
    client.force_login(people["national"])
    person = people["coordinator_bretagne"]
    url = f"/django-admin/people/user/{person.pk}/change/"
    form = client.get(url).context["adminform"].form
    data = {name: value for name, value in form.initial.items() if value is not None and name != "regions"}
    data.update(email="Partner.Bretagne@example.org", regions=[r.pk for r in person.regions.all()],
                is_active="on", date_joined_0="2024-01-01", date_joined_1="10:00:00")
    data.pop("last_login", None)
    data.pop("groups", None)
    data.pop("user_permissions", None)
    response = client.post(url, data, HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 200
    assert response.context["adminform"].form.errors["email"] == [TAKEN_EN]
    person.refresh_from_db()
    assert person.email == "coordinator.bretagne@example.org"

    add = client.post("/django-admin/people/user/add/", {
        "email": "NATIONAL@example.org", "first_name": "A", "last_name": "B", "role": "coordinator",
        "password1": "un-mot-de-passe-solide-2024", "password2": "un-mot-de-passe-solide-2024",
    }, HTTP_ACCEPT_LANGUAGE="en")
    assert add.status_code == 200
    assert add.context["adminform"].form.errors["email"] == [TAKEN_EN]


def test_the_database_refuses_two_logins_differing_only_by_case(people):
    from django.db import IntegrityError, transaction

    with pytest.raises(IntegrityError), transaction.atomic():
        User.objects.filter(pk=people["coordinator_bretagne"].pk).update(email="Trainer.Bretagne@example.org")


def _account_settings(client, **changes):
    """POST the admin's account settings as the page shows them, with `changes`."""
    page = client.get("/admin/account/")
    assert page.status_code == 200
    data = {}
    for panels in page.context["panels_by_tab"].values():
        for panel in panels:
            for field in panel.get_form():
                if field.value() is not None and field.widget_type != "clearablefile":
                    data[field.html_name] = field.value()
    return page, client.post("/admin/account/", {**data, **changes})


def test_trainer_cannot_change_their_login_email_in_the_admin_account_settings(client, people):
    trainer = people["trainer_bretagne"]
    client.force_login(trainer)
    page, response = _account_settings(client, **{
        "name_email-first_name": "Yann", "name_email-email": "yann@elsewhere.example.org",
        "login_email-email": "yann@elsewhere.example.org",
    })
    html = page.content.decode()
    assert 'name="name_email-first_name"' in html
    assert 'name="name_email-email"' not in html and 'name="login_email-email"' not in html
    assert response.status_code == 302
    trainer.refresh_from_db()
    assert trainer.first_name == "Yann"
    assert trainer.email == "trainer.bretagne@example.org"


def test_national_changes_their_login_email_in_the_account_settings_but_not_to_a_taken_one(client, people):
    national = people["national"]
    client.force_login(national)
    page, taken = _account_settings(client, **{"login_email-email": "Coordinator.Bretagne@Example.org"})
    assert 'name="login_email-email"' in page.content.decode()
    assert taken.status_code == 200
    assert TAKEN_FR in taken.content.decode()
    national.refresh_from_db()
    assert national.email == "national@example.org"

    _page, changed = _account_settings(client, **{"login_email-email": "Direction.Pacte@Example.org"})
    assert changed.status_code == 302
    national.refresh_from_db()
    assert national.email == "direction.pacte@example.org"
