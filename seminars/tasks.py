"""E-mails about written work, sent by the worker once the transaction commits, each in the recipient's language
(people.mail). Recipients are checked again against the permission rules at sending time."""

from django.urls import reverse
from django_tasks import task

from people.enums import Role
from people.mail import absolute_url, send_templated_mail
from people.models import User
from seminars import permissions as rules
from seminars.models import Assignment, CopilReport, Review, Submission


@task()
def notify_trainers_of_submission(submission_pk, event):
    submission = Submission.objects.select_related("assignment__seminar", "author").filter(pk=submission_pk).first()
    if submission is None:
        return
    seminar = submission.assignment.seminar
    trainers = User.objects.active().with_role(Role.TRAINER).filter(regions__id=seminar.region_id).distinct()
    for trainer in trainers:
        if rules.user_can_view_submission(trainer, submission):
            send_templated_mail(trainer, "seminars/email/submission", lambda: {
                "submission": submission, "event": event, "seminar": seminar,
                "url": absolute_url(submission.get_absolute_url()),
            })


@task()
def notify_author_of_review(review_pk):
    entry = Review.objects.select_related("submission__assignment__seminar", "submission__author", "reviewer").filter(
        pk=review_pk).first()
    if entry is None:
        return
    author = entry.submission.author
    if author.is_active and rules.user_can_view_submission(author, entry.submission):
        send_templated_mail(author, "seminars/email/review", lambda: {
            "review": entry, "submission": entry.submission,
            "url": absolute_url(entry.submission.get_absolute_url()),
        })


@task()
def notify_cohort_of_assignment(assignment_pk):
    """The coordinators registered for the seminar learn of a new assignment, each in their language."""
    assignment = Assignment.objects.select_related("seminar").filter(pk=assignment_pk).first()
    if assignment is None:
        return
    coordinators = (User.objects.active().with_role(Role.COORDINATOR)
                    .filter(seminar_registrations__seminar=assignment.seminar).distinct())
    for person in coordinators:
        if rules.user_can_view_assignment(person, assignment):
            send_templated_mail(person, "seminars/email/assignment", lambda: {
                "assignment": assignment, "seminar": assignment.seminar,
                "url": absolute_url(assignment.get_absolute_url()),
            })


@task()
def notify_partners_of_report(report_pk):
    """The region's partners learn that the COPIL report of a seminar is written (once, when it is first saved),
    each in their language, with a link to it."""
    report = CopilReport.objects.select_related("seminar__region").filter(pk=report_pk).first()
    if report is None or report.seminar.region_id is None:
        return
    seminar = report.seminar
    partners = User.objects.active().with_role(Role.PARTNER).filter(regions__id=seminar.region_id).distinct()
    for partner in partners:
        if rules.user_can_view_report(partner, seminar):
            send_templated_mail(partner, "seminars/email/report", lambda: {
                "seminar": seminar, "title": (seminar.localized or seminar).title,
                "url": absolute_url(reverse("seminars:report", kwargs=seminar.url_kwargs)),
            })
