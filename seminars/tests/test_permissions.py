"""Each predicate of seminars.permissions agrees with its queryset, for every role, on a Bretagne, a Normandie and a
national seminar; and the rules themselves, spelled out."""

import pytest
from django.contrib.auth.models import AnonymousUser

from people.models import User
from people.tests.factories import UserFactory
from seminars import permissions as rules
from seminars import services
from seminars.models import (
    Assignment,
    Attendance,
    CopilReport,
    JournalEntry,
    Registration,
    SeminarPage,
    Submission,
)
from seminars.tests import factories

pytestmark = pytest.mark.django_db


@pytest.fixture
def cast(people):
    return {
        **people,
        "anonymous": AnonymousUser(),
        "partner_normandie": UserFactory(role="partner", regions=["normandie"]),
        "coordinator_nowhere": UserFactory(role="coordinator", regions=[]),
        "inactive_coordinator": UserFactory(role="coordinator", regions=["bretagne"], is_active=False),
        "superuser": UserFactory(role="coordinator", regions=[], is_superuser=True),
    }


@pytest.fixture
def world(cast):
    bretagne = factories.seminar("bretagne")
    normandie = factories.seminar("normandie")
    national = factories.seminar(None, number=1)
    for seminar, coordinator, trainer in ((bretagne, cast["coordinator_bretagne"], cast["trainer_bretagne"]),
                                          (normandie, cast["coordinator_normandie"], cast["trainer_normandie"])):
        factories.register(seminar, coordinator)
        services.record_attendance(seminar, trainer, seminar.start_date, "am", [coordinator.pk])
        work = factories.assignment(seminar, trainer)
        submission = services.submit(work, coordinator, text="Mon travail")
        services.review(submission, trainer, decision="to_revise", comment="À compléter")
        services.add_journal_entry(coordinator, trainer, "Suivi")
        services.save_report(seminar, trainer, themes="Conduite de projet")
    factories.register(national, cast["trainer_bretagne"])
    factories.assignment(national, cast["national"])
    return [bretagne, normandie, national]


def test_predicates_agree_with_querysets(cast, world):
    coordinators = list(User.objects.filter(role="coordinator"))
    for name, user in cast.items():
        cohort = set(SeminarPage.objects.filter(rules.cohort_q(user)).values_list("pk", flat=True))
        managed = set(SeminarPage.objects.filter(rules.manage_q(user)).values_list("pk", flat=True))
        reports = set(SeminarPage.objects.filter(rules.report_q(user, prefix="")).values_list("pk", flat=True))
        for seminar in world:
            assert rules.user_is_in_cohort(user, seminar) == (seminar.pk in cohort), (name, seminar)
            assert rules.user_can_manage_seminar(user, seminar) == (seminar.pk in managed), (name, seminar)
            assert rules.user_can_view_report(user, seminar) == (seminar.pk in reports), (name, seminar)
        pairs = [
            (Registration, rules.user_can_view_registration),
            (Attendance, rules.user_can_view_attendance_record),
            (Assignment, rules.user_can_view_assignment),
            (Submission, rules.user_can_view_submission),
            (JournalEntry, rules.user_can_view_journal_entry),
        ]
        for model, predicate in pairs:
            visible = set(model.objects.visible_to(user).values_list("pk", flat=True))
            for obj in model.objects.all():
                assert predicate(user, obj) == (obj.pk in visible), (name, model.__name__, obj.pk)
        report_ids = set(CopilReport.objects.visible_to(user).values_list("pk", flat=True))
        for report in CopilReport.objects.select_related("seminar"):
            assert rules.user_can_view_report(user, report.seminar) == (report.pk in report_ids), name
        readable = set(User.objects.filter(rules.diploma_q(user)).values_list("pk", flat=True))
        for person in coordinators + [cast["trainer_bretagne"]]:
            assert rules.user_can_view_diploma_record(user, person) == (person.pk in readable), (name, person)


def test_the_rules_themselves(cast, world):
    bretagne, normandie, national = world
    can = lambda who, predicate, obj: predicate(cast[who], obj)  # noqa: E731
    # The cohort: the region's members and the national team; a national seminar's: every trainer
    assert can("coordinator_bretagne", rules.user_is_in_cohort, bretagne)
    assert can("partner_bretagne", rules.user_is_in_cohort, bretagne)
    assert not can("coordinator_normandie", rules.user_is_in_cohort, bretagne)
    assert can("trainer_normandie", rules.user_is_in_cohort, national)
    assert not can("coordinator_bretagne", rules.user_is_in_cohort, national)
    assert not can("anonymous", rules.user_is_in_cohort, bretagne)
    assert not can("inactive_coordinator", rules.user_is_in_cohort, bretagne)
    # Managing: the region's trainers; national seminars the national team only
    assert can("trainer_bretagne", rules.user_can_manage_seminar, bretagne)
    assert not can("trainer_bretagne", rules.user_can_manage_seminar, normandie)
    assert not can("trainer_bretagne", rules.user_can_manage_seminar, national)
    assert can("national", rules.user_can_manage_seminar, national)
    # Submissions: the author, the region's trainers, the national team; not a partner, not another coordinator
    work = Submission.objects.get(assignment__seminar=bretagne)
    assert can("coordinator_bretagne", rules.user_can_view_submission, work)
    assert can("trainer_bretagne", rules.user_can_view_submission, work)
    assert can("national", rules.user_can_view_submission, work)
    assert not can("partner_bretagne", rules.user_can_view_submission, work)
    assert not can("trainer_normandie", rules.user_can_view_submission, work)
    colleague = UserFactory(role="coordinator", regions=["bretagne"])
    assert not rules.user_can_view_submission(colleague, work)
    assert can("coordinator_bretagne", rules.user_can_revise_submission, work)
    assert not can("coordinator_bretagne", rules.user_can_review_submission, work)
    # The journal: never the coordinator
    coordinator = cast["coordinator_bretagne"]
    assert not rules.user_can_view_journal(coordinator, coordinator)
    assert rules.user_can_view_journal(cast["trainer_bretagne"], coordinator)
    assert not rules.user_can_view_journal(cast["trainer_normandie"], coordinator)
    assert not rules.user_can_view_journal(cast["partner_bretagne"], coordinator)
    # Reports: trainers and partners of the region, the national team
    assert can("partner_bretagne", rules.user_can_view_report, bretagne)
    assert not can("partner_normandie", rules.user_can_view_report, bretagne)
    assert not can("coordinator_bretagne", rules.user_can_view_report, bretagne)
    # Diploma record: self, their trainers, national
    assert rules.user_can_view_diploma_record(coordinator, coordinator)
    assert not rules.user_can_view_diploma_record(colleague, coordinator)
    assert not rules.user_can_view_diploma_record(cast["partner_bretagne"], coordinator)


def test_downloadable_materials_agrees_with_the_materials_queryset(cast, world):
    """The seminar page filters its cached documents with the predicate; the zip asks the database. Both agree for
    every role, on every kind of access and region."""
    from documents.enums import Access
    from documents.models import LibraryDocument
    from documents.tests.factories import bulk_documents, make_document
    from people.models import Region

    regions = (None, *Region.objects.filter(code__in=["bretagne", "normandie"]))
    bulk_documents(36, template=make_document(access=Access.PUBLIC), regions=regions)
    documents = list(LibraryDocument.objects.order_by("pk"))
    ids = [doc.pk for doc in documents]
    for name, user in cast.items():
        for seminar in world:
            expected = set(rules.materials_visible_to(user, seminar, ids).values_list("pk", flat=True))
            assert {doc.pk for doc in rules.downloadable_materials(user, seminar, documents)} == expected, (
                name, seminar.region_id)
