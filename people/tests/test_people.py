"""One way to bring a person in (people.services.people.create_invited_person), used by the admin's *Add user*
and by the CSV import alike."""

import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied
from django.core.files.uploadedfile import SimpleUploadedFile

from people.enums import Role
from people.models import Invitation, Region, User
from people.services.people import create_invited_person

pytestmark = pytest.mark.django_db

PERSON = {
    "first_name": "Rose", "last_name": "Le Bihan", "role": "coordinator", "preferred_language": "en",
    "structure_type": "msp", "structure_name": "MSP de Vannes", "structure_town": "Vannes",
}


def _through_the_admin(client, email, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            "/admin/users/new/",
            {"email": email, **PERSON, "regions": [Region.objects.get(code="bretagne").pk]},
        )
    assert response.status_code == 302, response.content.decode()[:2000]


def _through_the_import(client, email, django_capture_on_commit_callbacks):
    header = "first name,last name,email,region,role,structure type,structure name,town,language\n"
    line = f"Rose,Le Bihan,{email},Bretagne,coordinator,MSP,MSP de Vannes,Vannes,en\n"
    upload = SimpleUploadedFile("people.csv", (header + line).encode(), content_type="text/csv")
    preview = client.post("/admin/people/import/", {"file": upload})
    assert preview.status_code == 200
    with django_capture_on_commit_callbacks(execute=True):
        client.post("/admin/people/import/confirm/", {"token": preview.context["token"]})


def _portrait(person):
    """Everything about a new person, but the e-mail address that tells them apart."""
    invitation = Invitation.objects.get(user=person)
    (message,) = [m for m in mail.outbox if m.to == [person.email]]
    return {
        **{name: getattr(person, name) for name in (*PERSON, "is_active", "is_staff", "is_superuser")},
        "usable password": person.has_usable_password(),
        "regions": list(person.regions.values_list("code", flat=True)),
        "groups": sorted(person.groups.values_list("name", flat=True)),
        "invited by": invitation.invited_by,
        "invitation pending": invitation.is_usable,
        "subject": message.subject,
        "link": "/en/accounts/invitation/" in message.body,
    }


def test_the_admin_and_the_import_bring_in_the_same_person_with_one_invitation(
    client, people, django_capture_on_commit_callbacks
):
    client.force_login(people["national"])
    _through_the_admin(client, "rose.admin@example.org", django_capture_on_commit_callbacks)
    _through_the_import(client, "rose.import@example.org", django_capture_on_commit_callbacks)

    by_admin = User.objects.get(email="rose.admin@example.org")
    by_import = User.objects.get(email="rose.import@example.org")
    assert _portrait(by_admin) == _portrait(by_import) == {
        **PERSON, "is_active": True, "is_staff": False, "is_superuser": False, "usable password": False,
        "regions": ["bretagne"], "groups": ["Coordinators"], "invited by": people["national"],
        "invitation pending": True, "subject": "Your invitation to the PACTE platform", "link": True,
    }
    assert Invitation.objects.count() == 2 and len(mail.outbox) == 2


def test_the_invitation_leaves_only_if_the_person_is_saved(people, django_capture_on_commit_callbacks):
    bretagne = Region.objects.get(code="bretagne")
    with django_capture_on_commit_callbacks(execute=True):
        person = create_invited_person(
            {"email": "Ana@Example.org", "first_name": "Ana", "last_name": "Durand"},
            invited_by=people["trainer_bretagne"], regions=[bretagne],
        )
    assert (person.email, person.role, person.preferred_language) == ("ana@example.org", Role.COORDINATOR, "fr")
    assert [m.to for m in mail.outbox] == [["ana@example.org"]]


@pytest.mark.parametrize(
    "who, role, regions",
    [
        ("trainer_bretagne", "coordinator", ["normandie"]),  # not their region
        ("trainer_bretagne", "coordinator", ["bretagne", "normandie"]),
        ("trainer_bretagne", "coordinator", []),  # nobody could manage them afterwards
        ("trainer_bretagne", "national", ["bretagne"]),  # only the national team names national staff
        ("coordinator_bretagne", "coordinator", ["bretagne"]),
    ],
)
def test_only_who_may_invite_into_those_regions_with_that_role_can(
    people, who, role, regions, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True), pytest.raises(PermissionDenied):
        create_invited_person(
            {"email": "ana@example.org", "first_name": "Ana", "last_name": "Durand", "role": role},
            invited_by=people[who], regions=Region.objects.filter(code__in=regions),
        )
    assert not User.objects.filter(email="ana@example.org").exists()
    assert not Invitation.objects.exists() and mail.outbox == []
