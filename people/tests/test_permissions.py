"""The people rules (people.permissions), their querysets, and the groups derived from roles and regions."""

import pytest
from django.contrib.auth.models import AnonymousUser, Group

from cms.models import RegionPage
from people import permissions
from people.enums import Role
from people.models import Region, User
from people.services import roles
from people.tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def _region_page(code, lang="fr"):
    return RegionPage.objects.get(region__code=code, locale__language_code=lang)


def test_groups_follow_role_and_regions(people):
    user = people["coordinator_bretagne"]
    assert set(user.groups.values_list("name", flat=True)) == {"Coordinators"}
    user.role = "trainer"
    user.save()
    assert set(user.groups.values_list("name", flat=True)) == {"Regional trainers", "Trainers: bretagne"}
    user.regions.add(Region.objects.get(code="normandie"))
    assert "Trainers: normandie" in set(user.groups.values_list("name", flat=True))
    assert _region_page("normandie").permissions_for_user(User.objects.get(pk=user.pk)).can_edit()
    user.role = "coordinator"
    user.save()
    assert set(user.groups.values_list("name", flat=True)) == {"Coordinators"}
    assert not _region_page("bretagne").permissions_for_user(User.objects.get(pk=user.pk)).can_edit()


def test_national_team_is_superuser_and_demotion_removes_it():
    user = UserFactory(role="national", regions=[])
    user.refresh_from_db()
    assert user.is_superuser and user.is_staff
    user.role = "coordinator"
    user.save()
    user.refresh_from_db()
    assert not user.is_superuser and not user.is_staff


def test_manage_person_rules(people):
    trainer = people["trainer_bretagne"]
    assert permissions.user_can_manage_person(trainer, people["coordinator_bretagne"])
    assert not permissions.user_can_manage_person(trainer, people["coordinator_normandie"])
    assert not permissions.user_can_manage_person(trainer, people["national"])
    assert not permissions.user_can_manage_person(people["coordinator_bretagne"], people["coordinator_bretagne"])
    assert set(User.objects.manageable_by(trainer)) == {
        people["trainer_bretagne"], people["partner_bretagne"], people["coordinator_bretagne"]
    }
    assert permissions.user_can_assign_role(trainer, "coordinator")
    assert not permissions.user_can_assign_role(trainer, "national")
    assert permissions.user_can_assign_role(people["national"], "national")


def test_only_role_groups_are_managed(people):
    other = Group.objects.create(name="Jury du mémoire")
    user = people["coordinator_bretagne"]
    user.groups.add(other)
    user.role = "partner"
    user.save()
    assert set(user.groups.values_list("name", flat=True)) == {"Regional partners", "Jury du mémoire"}


def test_predicates_and_querysets_agree_for_every_role_and_region(people):
    """User.objects.manageable_by and Region.objects.managed_by say what the predicates say, person by person."""
    everyone = list(User.objects.all()) + [UserFactory(role=Role.COORDINATOR, regions=["bretagne", "normandie"])]
    regions = list(Region.objects.all())
    for viewer in everyone:
        manageable = set(User.objects.manageable_by(viewer))
        for person in everyone:
            assert (person in manageable) is permissions.user_can_manage_person(viewer, person), (viewer, person)
        managed = set(Region.objects.managed_by(viewer))
        for region in regions:
            assert (region in managed) is permissions.user_can_manage_region(viewer, region), (viewer, region)


def test_groups_are_found_by_their_key_not_their_name(people):
    trainers = roles.role_group(Role.TRAINER)
    trainers.name = "Formateurs relais (renommé)"
    trainers.save()
    region_group = Group.objects.get(pacte_key__key="region:bretagne")
    region_group.name = "Binôme Bretagne"
    region_group.save()
    user = UserFactory(role=Role.TRAINER, regions=["bretagne"])
    assert set(user.groups.all()) == {trainers, region_group}
    assert Group.objects.filter(name__in=["Regional trainers", "Trainers: bretagne"]).count() == 0
    assert _region_page("bretagne").permissions_for_user(User.objects.get(pk=user.pk)).can_edit()


def test_who_may_invite_whom_where(people, region):
    bretagne, normandie = region("bretagne"), region("normandie")
    trainer, national = people["trainer_bretagne"], people["national"]
    assert permissions.user_can_invite(trainer, Role.COORDINATOR, [bretagne])
    assert permissions.user_can_invite(trainer, Role.TRAINER, [bretagne])
    assert not permissions.user_can_invite(trainer, Role.COORDINATOR, [normandie])
    assert not permissions.user_can_invite(trainer, Role.COORDINATOR, [bretagne, normandie])
    assert not permissions.user_can_invite(trainer, Role.COORDINATOR, [])
    assert not permissions.user_can_invite(trainer, Role.NATIONAL, [bretagne])
    assert permissions.user_can_invite(national, Role.NATIONAL, [])
    assert permissions.user_can_invite(national, Role.COORDINATOR, [normandie])
    for who in ("coordinator_bretagne", "partner_bretagne"):
        assert not permissions.user_can_invite(people[who], Role.COORDINATOR, [bretagne])


def test_import_pages_predicate_and_queryset_agree(people):
    from people.enums import ImportStatus
    from people.models import PeopleImport

    jobs = [
        PeopleImport.objects.create(importer=importer, file_name="x.csv", language="fr", status=ImportStatus.DONE)
        for importer in (people["trainer_bretagne"], people["trainer_normandie"], people["national"], None)
    ]
    viewers = [*people.values(), AnonymousUser(), UserFactory(role=Role.TRAINER, regions=["bretagne"])]
    for viewer in viewers:
        visible = set(PeopleImport.objects.visible_to(viewer))
        for job in jobs:
            assert (job in visible) is permissions.user_can_view_people_import(viewer, job), (viewer, job)
    assert set(PeopleImport.objects.visible_to(people["trainer_bretagne"])) == {jobs[0]}
    assert set(PeopleImport.objects.visible_to(people["national"])) == set(jobs)
    closed = people["trainer_bretagne"]
    closed.is_active = False
    assert not permissions.user_can_view_people_import(closed, jobs[0])
    assert not PeopleImport.objects.visible_to(closed).exists()
