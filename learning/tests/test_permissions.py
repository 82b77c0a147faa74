"""The learning rules: predicates and querysets agree for every role, and the dashboard shows each role what it
may see (names for trainers of the region and the national team, aggregated figures for partners)."""

import pytest

from learning import permissions, services
from learning.enums import Audience
from learning.models import Certificate, InteractiveRecord, NotebookEntry, QuizAttempt
from learning.tests import factories as f
from people.models import User

pytestmark = pytest.mark.django_db

ROLES = ["national", "trainer_bretagne", "partner_bretagne", "coordinator_bretagne", "trainer_normandie",
         "coordinator_normandie"]


@pytest.fixture
def records(people):
    """Each coordinator completed a module (certificate, attempt) and wrote a private and a shared entry."""
    module = f.make_module(lessons=1, bodies={0: [f.simple_quiz(), f.reflection(), f.reflection(id="r2")]})
    lesson = module.get_children().specific().first()
    from django.http import QueryDict

    for who in ("coordinator_bretagne", "coordinator_normandie"):
        user = people[who]
        data = QueryDict(mutable=True)
        data.update({"number": "1", "a-q:q1": "q1-right"})
        data.setlist("a-q:q2", ["q2-a", "q2-b"])
        services.submit_quiz(user, lesson, module, "quiz-1", data)
        services.save_reflection(user, lesson, module, "reflection-1", "privé", False)
        services.save_reflection(user, lesson, module, "r2", "partagé", True)
        InteractiveRecord.objects.create(user=user, module_key=module.translation_key,
                                         lesson_key=lesson.translation_key, block_id="scorm", suspend_data="x")
    return module


@pytest.mark.parametrize("who", ROLES + ["anonymous"])
def test_predicates_and_querysets_agree(people, records, who):
    from django.contrib.auth.models import AnonymousUser

    user = AnonymousUser() if who == "anonymous" else people[who]
    visible = set(permissions.learners_visible_to(user))
    for person in User.objects.all():
        assert (person in visible) is permissions.user_can_view_learner(user, person), person
    for model, predicate in ((Certificate, permissions.user_can_view_certificate),
                             (QuizAttempt, permissions.user_can_view_attempt),
                             (NotebookEntry, permissions.user_can_view_notebook_entry),
                             (InteractiveRecord, permissions.user_can_view_interactive_record)):
        shown = set(model.objects.visible_to(user))
        assert model.objects.exists()
        for obj in model.objects.all():
            assert (obj in shown) is predicate(user, obj), (model, obj.pk)


def test_who_reads_what(people, records):
    bretagne = people["coordinator_bretagne"]
    entries = NotebookEntry.objects.filter(user=bretagne)
    trainer = people["trainer_bretagne"]
    assert {e.answer for e in entries.visible_to(trainer)} == {"partagé"}
    assert {e.answer for e in entries.visible_to(bretagne)} == {"privé", "partagé"}
    assert not entries.visible_to(people["trainer_normandie"]).exists()
    assert not entries.visible_to(people["partner_bretagne"]).exists()
    assert entries.visible_to(people["national"]).count() == 1
    assert not Certificate.objects.visible_to(people["partner_bretagne"]).exists()
    assert not Certificate.objects.visible_to(people["coordinator_normandie"]).filter(user=bretagne).exists()


@pytest.mark.parametrize("who, modules", [
    ("coordinator_bretagne", {"coordinators"}), ("partner_bretagne", {"coordinators"}),
    ("trainer_bretagne", {"coordinators", "trainers"}), ("national", {"coordinators", "trainers"}),
])
def test_modules_by_audience(people, who, modules):
    f.make_module(lessons=0, title="Pour les coordonnateurs")
    f.make_module(lessons=0, title="Pour les formateurs", audience=Audience.TRAINERS)
    user = people[who]
    shown = {m.audience for m in permissions.modules_visible_to(user)}
    assert shown == modules
    for module in f.module_index().get_children().specific():
        assert permissions.user_can_view_module(user, module) is (module.audience in shown)


def test_the_migration_grants_the_packages_to_a_trainers_group_made_before_them():
    """A site set up before the interactive packages: its trainers' group had the question banks only."""
    import importlib

    from django.apps import apps
    from django.contrib.auth.models import Group, Permission
    from django.db import connection

    migration = importlib.import_module("learning.migrations.0008_trainers_manage_interactive_packages")
    trainers = Group.objects.get(pacte_key__key="role:trainer")
    packages = Permission.objects.filter(content_type__app_label="learning", codename__in=[
        "add_interactivepackage", "change_interactivepackage", "delete_interactivepackage"])
    assert packages.count() == 3 and set(packages) <= set(trainers.permissions.all())
    trainers.permissions.remove(*packages)
    others = set(Group.objects.exclude(pk=trainers.pk).values_list("pk", "permissions"))

    migration.grant(apps, connection.schema_editor())

    assert set(packages) <= set(trainers.permissions.all())
    assert set(trainers.permissions.filter(content_type__app_label="learning").values_list("codename", flat=True)) \
        == set(migration.CODENAMES)
    assert set(Group.objects.exclude(pk=trainers.pk).values_list("pk", "permissions")) == others
    migration.grant(apps, connection.schema_editor())  # twice: nothing more
    assert trainers.permissions.filter(content_type__app_label="learning").count() == 6
