"""Between-seminar work: late and revised submissions, reviews, e-mails in each recipient's language; registrations
and attendance figures."""

import datetime

import pytest
from django.core import mail
from django.db import transaction
from django.utils import timezone

from people.tests.factories import UserFactory
from seminars import services
from seminars.models import Review
from seminars.tests import factories

pytestmark = pytest.mark.django_db


@pytest.fixture
def seminar(people):
    return factories.seminar("bretagne", trainers=[people["trainer_bretagne"]])


def test_a_first_version_after_the_due_date_is_late_and_a_revision_keeps_the_mark(seminar, people):
    coordinator = people["coordinator_bretagne"]
    on_time = factories.assignment(seminar, due_in_days=3)
    overdue = factories.assignment(seminar, due_in_days=-1)
    early = services.submit(on_time, coordinator, text="v1")
    late = services.submit(overdue, coordinator, text="v1")
    assert not early.is_late and late.is_late
    revised = services.submit(overdue, coordinator, text="v2")
    assert revised.pk == late.pk and revised.revision == 2 and revised.text == "v2" and revised.is_late
    assert revised.revised_at is not None


def test_revise_until_accepted(seminar, people):
    coordinator, trainer = people["coordinator_bretagne"], people["trainer_bretagne"]
    work = factories.assignment(seminar)
    submission = services.submit(work, coordinator, text="Premier jet")
    services.review(submission, trainer, decision="to_revise", comment="Précisez les indicateurs.")
    submission.refresh_from_db()
    assert submission.status == "to_revise"
    submission = services.submit(work, coordinator, text="Deuxième version")
    assert submission.status == "submitted" and submission.revision == 2
    services.review(submission, trainer, decision="accepted", comment="Très bien.")
    submission.refresh_from_db()
    assert submission.status == "accepted"
    assert list(Review.objects.filter(submission=submission).values_list("revision", "decision")) == [
        (1, "to_revise"), (2, "accepted")]
    with pytest.raises(services.SubmissionClosed):
        services.submit(work, coordinator, text="Trop tard")
    submission.refresh_from_db()
    assert submission.text == "Deuxième version"


def test_both_sides_are_emailed_in_their_language_after_the_commit(seminar, people, task_worker, commit):
    coordinator, trainer = people["coordinator_bretagne"], people["trainer_bretagne"]
    coordinator.preferred_language = "en"
    coordinator.save()
    UserFactory(role="trainer", regions=["normandie"])  # not told
    work = factories.assignment(seminar, title="Diagnostic d’équipe")
    services.submit(work, coordinator, text="Rolled back")  # queued for a commit that never comes
    assert task_worker() == []
    with commit():
        submission = services.submit(work, coordinator, text="Mon diagnostic")
    task_worker()
    assert [m.to for m in mail.outbox] == [[trainer.email]]
    assert "a révisé son travail" in mail.outbox[0].subject and "Diagnostic d’équipe" in mail.outbox[0].subject
    assert f"/fr/seminars/submissions/{submission.pk}/" in mail.outbox[0].body  # the trainer reads French
    mail.outbox.clear()
    with commit():
        services.review(submission, trainer, decision="to_revise", comment="Ajoutez un exemple.")
    task_worker()
    assert [m.to for m in mail.outbox] == [[coordinator.email]]
    assert mail.outbox[0].subject.startswith("Your work was reviewed") and "Ajoutez un exemple." in mail.outbox[0].body
    assert "/en/seminars/submissions/" in mail.outbox[0].body


def test_registrations_and_attendance_figures(seminar, people):
    coordinator = people["coordinator_bretagne"]
    others = [UserFactory(role="coordinator", regions=["bretagne"]) for _ in range(3)]
    stranger = people["coordinator_normandie"]
    added, removed = services.set_registrations(seminar, [coordinator.pk, stranger.pk] + [o.pk for o in others])
    assert (added, removed) == (4, 0)  # not the Normandie coordinator
    assert services.set_registrations(seminar, [coordinator.pk] + [o.pk for o in others[:2]]) == (0, 1)
    trainer = people["trainer_bretagne"]
    day1, day2 = seminar.days()
    services.record_attendance(seminar, trainer, day1, "am", [coordinator.pk, others[0].pk, stranger.pk])
    services.record_attendance(seminar, trainer, day1, "pm", [coordinator.pk])
    services.record_attendance(seminar, trainer, day1, "pm", [coordinator.pk, others[1].pk])  # corrected
    figures = services.attendance_figures(seminar)
    assert figures["registered"] == 3
    assert [h["present"] for h in figures["half_days"]] == [2, 2, 0, 0]
    assert figures["people_present"] == 3
    assert figures["rate"] == round(100 * 4 / 12)
    assert seminar.attendance.filter(date=day1, half_day="am").count() == 3  # absences are recorded too


def test_status_is_derived_from_the_dates(people):
    today = timezone.localdate()
    past = factories.seminar(start=today - datetime.timedelta(days=10))
    ongoing = factories.seminar(start=today - datetime.timedelta(days=1))
    upcoming = factories.seminar(start=today + datetime.timedelta(days=1))
    assert [s.status() for s in (past, ongoing, upcoming)] == ["past", "ongoing", "upcoming"]
    assert ongoing.region.code == "bretagne" and factories.seminar(None).region is None


def test_partners_are_emailed_once_in_their_language_when_the_report_is_first_written(seminar, people, task_worker,
                                                                                       commit):
    partner, trainer = people["partner_bretagne"], people["trainer_bretagne"]
    english = UserFactory(role="partner", regions=["bretagne"], preferred_language="en")
    UserFactory(role="partner", regions=["bretagne"], is_active=False)  # gone: not told
    UserFactory(role="partner", regions=["normandie"])  # another region: not told
    with pytest.raises(RuntimeError), transaction.atomic():
        services.save_report(seminar, trainer, themes="Rolled back")
        raise RuntimeError  # what it queued for the commit goes with it
    assert task_worker() == []
    with commit():
        services.save_report(seminar, trainer, themes="Le travail en équipe")
    task_worker()
    assert sorted(m.to[0] for m in mail.outbox) == sorted([partner.email, english.email])
    by_person = {m.to[0]: m for m in mail.outbox}
    french, other = by_person[partner.email], by_person[english.email]
    assert french.subject == f"Compte rendu au COPIL rédigé : {seminar.title}"
    assert f"/fr/seminars/bretagne/{seminar.slug}/report/" in french.body
    assert other.subject == f"COPIL report written: {seminar.title}"
    assert f"/en/seminars/bretagne/{seminar.slug}/report/" in other.body
    assert f'href="http://' in other.alternatives[0][0]
    mail.outbox.clear()
    with commit():
        services.save_report(seminar, trainer, themes="Le travail en équipe, la suite")
    assert task_worker() == [] and mail.outbox == []  # an update is not announced again


def test_assignment_and_submission_files_share_one_base_and_keep_their_folders(seminar, people):
    from django.core.files.base import ContentFile

    from seminars.models import AssignmentFile, AttachedFile, SubmissionFile

    assert issubclass(AssignmentFile, AttachedFile) and issubclass(SubmissionFile, AttachedFile)
    assert AttachedFile._meta.abstract
    work = factories.assignment(seminar)
    handout = AssignmentFile(assignment=work, name="consignes.txt", size=5, mime_type="text/plain")
    handout.file.save("consignes.txt", ContentFile(b"hello"), save=True)
    submission = services.submit(work, people["coordinator_bretagne"], text="ok")
    attached = SubmissionFile(submission=submission, name="travail.txt", size=5, mime_type="text/plain")
    attached.file.save("travail.txt", ContentFile(b"hello"), save=True)
    assert handout.file.name.startswith(f"seminars/assignments/{work.pk}/consignes")
    assert attached.file.name.startswith(f"seminars/submissions/{submission.pk}/travail")
    assert [f.name for f in AssignmentFile._meta.get_fields()] == ["id", "file", "name", "size", "mime_type",
                                                                   "assignment"]
