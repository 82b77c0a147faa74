"""Writes of the seminars app. Each is one atomic step; e-mails are queued for after the commit
(people.mail.enqueue_on_commit) and written by the worker in the recipient's language (seminars.tasks)."""

import csv
import hashlib
import io
import secrets
from dataclasses import dataclass, field

from django.core import signing
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import transaction
from django.db.models.functions import Lower
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from people.enums import Role
from people.mail import enqueue_on_commit
from people.models import User
from seminars.enums import SubmissionStatus
from seminars.models import (
    Assignment,
    AssignmentFile,
    Attendance,
    CalendarToken,
    CopilReport,
    JournalEntry,
    Registration,
    Review,
    Submission,
    SubmissionFile,
)


# Registrations and attendance ---------------------------------------------------------------------------------------
def registrable_people(seminar):
    """Who may be registered to a seminar: the active coordinators of its region (the trainers of every region for a
    national seminar)."""
    people = User.objects.active()
    if seminar.region_id is None:
        return people.with_role(Role.TRAINER)
    return people.with_role(Role.COORDINATOR).filter(regions__id=seminar.region_id)


@transaction.atomic
def set_registrations(seminar, people_ids):
    """Register exactly `people_ids` (among those who may be) to the seminar; returns (added, removed)."""
    wanted = set(registrable_people(seminar).filter(pk__in=people_ids).values_list("pk", flat=True))
    current = set(seminar.registrations.values_list("person_id", flat=True))
    Registration.objects.bulk_create([Registration(seminar=seminar, person_id=pk) for pk in wanted - current])
    removed = current - wanted
    seminar.registrations.filter(person_id__in=removed).delete()
    return len(wanted - current), len(removed)


# The registrations import: a CSV file with a column of e-mail addresses. Planning reads only (the preview); applying
# plans again from the same file, as the database is then, and writes what the plan allows.
IMPORT_MAX_BYTES = 256 * 1024
IMPORT_MAX_ROWS = 2000
IMPORT_MAX_AGE = 60 * 60  # seconds a preview may be confirmed
EMAIL_HEADERS = {"email", "e-mail", "e mail", "mail", "courriel", "adresse e-mail", "adresse email",
                 "adresse électronique", "email address", "e-mail address"}


class ImportFileError(Exception):
    """The file as a whole cannot be read: the message says why, in the language of the person who sent it."""


@dataclass
class ImportRow:
    line: int
    email: str
    person: User | None = None
    refusal: str = ""  # why the line is refused, in the reader's language; empty when accepted
    registered: bool = False  # already registered: nothing to do

    @property
    def accepted(self):
        return not self.refusal


@dataclass
class ImportPlan:
    rows: list = field(default_factory=list)

    @property
    def to_register(self):
        return [row for row in self.rows if row.accepted and not row.registered]

    @property
    def refused(self):
        return [row for row in self.rows if not row.accepted]

    @property
    def already(self):
        return [row for row in self.rows if row.accepted and row.registered]


def read_registration_file(data: bytes) -> list:
    """The file's lines as (line number, e-mail cell as written). UTF-8 with or without a BOM, columns separated by
    semicolons or commas; a first line naming the column is recognised and skipped, otherwise the first column is
    read. Raises ImportFileError when the file as a whole cannot be read."""
    if len(data) > IMPORT_MAX_BYTES:
        raise ImportFileError(_("The file is larger than %(size)d KB. Split it into several files.")
                              % {"size": IMPORT_MAX_BYTES // 1024})
    if not data.strip():
        raise ImportFileError(_("The file is empty."))
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise ImportFileError(_("The file is not a CSV file in UTF-8: save it as “CSV UTF-8” and try again.")) from None
    if "\x00" in text:
        raise ImportFileError(_("The file is not a CSV file in UTF-8: save it as “CSV UTF-8” and try again."))
    lines = text.splitlines()
    first = next((line for line in lines if line.strip()), "")
    delimiter = ";" if first.count(";") >= first.count(",") and ";" in first else ","
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    rows, column, header_seen = [], 0, False
    try:
        line = 1
        for cells in reader:
            if any(cell.strip() for cell in cells):
                if not header_seen:
                    header_seen = True
                    names = [" ".join(cell.strip().casefold().split()) for cell in cells]
                    found = [i for i, name in enumerate(names) if name in EMAIL_HEADERS]
                    if found:
                        column = found[0]
                        line = reader.line_num + 1
                        continue
                if len(rows) >= IMPORT_MAX_ROWS:
                    raise ImportFileError(_("The file has more than %(count)d lines. Split it into several files.")
                                          % {"count": IMPORT_MAX_ROWS})
                rows.append((line, cells[column] if column < len(cells) else ""))
            line = reader.line_num + 1
    except csv.Error as error:
        raise ImportFileError(_("Line %(line)d cannot be read.") % {"line": reader.line_num}) from error
    if not rows:
        raise ImportFileError(_("The file holds no e-mail address."))
    return rows


def _well_formed(email):
    if any(ord(c) < 32 or ord(c) == 127 for c in email):
        return False
    try:
        validate_email(email)
    except ValidationError:
        return False
    return True


def plan_registration_import(seminar, rows) -> ImportPlan:
    """What importing `rows` (read_registration_file) would do to the seminar's registrations. Reads only, with
    three queries whatever the number of lines."""
    wanted = {cell.strip().lower() for _line, cell in rows}
    people = {person.email.lower(): person for person in
              User.objects.annotate(email_lower=Lower("email")).filter(email_lower__in=wanted)}
    registrable = set(registrable_people(seminar).filter(pk__in=[p.pk for p in people.values()])
                      .values_list("pk", flat=True))
    current = set(seminar.registrations.values_list("person_id", flat=True))
    not_registrable = (gettext_lazy("not a regional trainer") if seminar.region_id is None
                       else gettext_lazy("not an active coordinator of the region"))
    plan, seen = ImportPlan(), {}
    for line, cell in rows:
        email = cell.strip()
        row = ImportRow(line=line, email=email)
        key = email.lower()
        if not _well_formed(email):
            row.refusal = gettext_lazy("not an e-mail address")
        elif key in seen:
            row.refusal = _("already on line %(line)d") % {"line": seen[key]}
        elif key not in people:
            row.refusal = gettext_lazy("nobody has this address on the site")
        elif people[key].pk not in registrable:
            row.person, row.refusal = people[key], not_registrable
        else:
            row.person = people[key]
            row.registered = row.person.pk in current
        seen.setdefault(key, line)
        plan.rows.append(row)
    return plan


@transaction.atomic
def apply_registration_import(seminar, rows) -> ImportPlan:
    """Register the people the plan accepts (planned again now, from the same lines); returns that plan."""
    plan = plan_registration_import(seminar, rows)
    Registration.objects.bulk_create([Registration(seminar=seminar, person=row.person) for row in plan.to_register],
                                     ignore_conflicts=True)  # a registration made meanwhile stays as it is
    return plan


def sign_registration_import(seminar, user, rows) -> str:
    """The previewed lines, signed for this seminar and person, so that confirming applies what was previewed."""
    return signing.dumps({"seminar": seminar.pk, "user": user.pk, "rows": rows}, salt="seminars.import",
                         compress=True)


def unsign_registration_import(seminar, user, token) -> list:
    try:
        data = signing.loads(token or "", salt="seminars.import", max_age=IMPORT_MAX_AGE)
    except signing.BadSignature:
        raise ImportFileError(_("This preview has expired or is not valid: upload the file again.")) from None
    if data.get("seminar") != seminar.pk or data.get("user") != user.pk:
        raise ImportFileError(_("This preview has expired or is not valid: upload the file again."))
    return [(int(line), str(cell)) for line, cell in data["rows"]]


@transaction.atomic
def record_attendance(seminar, recorder, date, half_day, present_ids):
    """The trainers' record for one half-day: every registered person, present or not. Writing it again replaces it."""
    registered = set(seminar.registrations.values_list("person_id", flat=True))
    present = {int(pk) for pk in present_ids if str(pk).isdigit()} & registered
    now = timezone.now()
    existing = {a.person_id: a for a in seminar.attendance.filter(date=date, half_day=half_day)}
    new, changed = [], []
    for person_id in registered:
        record = existing.get(person_id)
        if record is None:
            new.append(Attendance(seminar=seminar, person_id=person_id, date=date, half_day=half_day,
                                  present=person_id in present, recorded_by=recorder, recorded_at=now))
        elif record.present != (person_id in present):
            record.present, record.recorded_by, record.recorded_at = person_id in present, recorder, now
            changed.append(record)
    Attendance.objects.bulk_create(new)
    Attendance.objects.bulk_update(changed, ["present", "recorded_by", "recorded_at"])
    return len(present)


def attendance_figures(seminar):
    """Computed from the records: registered people, half-days, present per half-day, people present at least once,
    and the attendance rate over all half-days."""
    registered = seminar.registrations.count()
    half_days = seminar.half_days()
    present = {}
    people_present = set()
    for date, half_day, person_id in seminar.attendance.filter(present=True).values_list(
            "date", "half_day", "person_id"):
        present[(date, half_day)] = present.get((date, half_day), 0) + 1
        people_present.add(person_id)
    slots = registered * len(half_days)
    total = sum(present.values())
    return {
        "registered": registered,
        "half_days": [{"date": d, "half_day": h, "present": present.get((d, h), 0)} for d, h in half_days],
        "people_present": len(people_present),
        "rate": round(100 * total / slots) if slots else None,
    }


# Assignments and submissions ----------------------------------------------------------------------------------------
def _store_files(model, owner_field, owner, files):
    for upload, inspected in files:
        record = model(**{owner_field: owner}, name=inspected.name, size=inspected.size,
                       mime_type=inspected.mime_type)
        record.file.save(inspected.name, upload, save=False)
        record.save()


@transaction.atomic
def create_assignment(seminar, author, *, title, instructions, due_at, files=()):
    """`files` are (uploaded file, documents.validation.inspect_upload result) pairs, checked by the form. The
    coordinators registered for the seminar are told by e-mail after the commit."""
    from seminars import tasks

    assignment = Assignment.objects.create(seminar=seminar, author=author, title=title, instructions=instructions,
                                           due_at=due_at)
    _store_files(AssignmentFile, "assignment", assignment, files)
    enqueue_on_commit(tasks.notify_cohort_of_assignment, assignment.pk)
    return assignment


def _delete_stored_after_commit(attached):
    """Delete the files of `attached` (AssignmentFile rows already deleted) once the deletion commits."""
    for record in attached:
        storage, name = record.file.storage, record.file.name
        transaction.on_commit(lambda storage=storage, name=name: storage.delete(name))


@transaction.atomic
def update_assignment(assignment, *, title, instructions, due_at, files=(), remove_file_ids=()):
    """Edit an assignment: its fields, new files (checked by the form), files removed. Work already handed in keeps
    its late mark: it was judged against the due date of its time."""
    assignment = Assignment.objects.select_for_update().get(pk=assignment.pk)
    assignment.title, assignment.instructions, assignment.due_at = title, instructions, due_at
    assignment.save(update_fields=["title", "instructions", "due_at"])
    removed = list(assignment.files.filter(pk__in=[int(pk) for pk in remove_file_ids]))
    AssignmentFile.objects.filter(pk__in=[f.pk for f in removed]).delete()
    _delete_stored_after_commit(removed)
    _store_files(AssignmentFile, "assignment", assignment, files)
    return assignment


class AssignmentHasSubmissions(Exception):
    """Work was handed in for the assignment: deleting it would delete that work."""


@transaction.atomic
def delete_assignment(assignment):
    """Delete an assignment and its files, refused once any work was handed in (the row is locked, so a
    submission cannot slip in between the check and the deletion on PostgreSQL)."""
    assignment = Assignment.objects.select_for_update().get(pk=assignment.pk)
    if assignment.submissions.exists():
        raise AssignmentHasSubmissions
    attached = list(assignment.files.all())
    assignment.delete()
    _delete_stored_after_commit(attached)


class SubmissionClosed(Exception):
    """The work was accepted: it can no longer change."""


@transaction.atomic
def submit(assignment, author, *, text, files=(), remove_file_ids=()):
    """Hand in work, or revise it. A first version handed in after the due date is marked late; a revision keeps
    that mark (asking for changes is not the author's delay). Notifies the seminar's trainers after the commit."""
    from seminars import tasks

    now = timezone.now()
    if not Assignment.objects.select_for_update().filter(pk=assignment.pk).exists():
        raise Assignment.DoesNotExist  # deleted meanwhile
    submission = (Submission.objects.select_for_update().filter(assignment=assignment, author=author).first())
    if submission is None:
        submission = Submission.objects.create(assignment=assignment, author=author, text=text, submitted_at=now,
                                               is_late=now > assignment.due_at)
        event = "submitted"
    else:
        if submission.status == SubmissionStatus.ACCEPTED:
            raise SubmissionClosed
        submission.text = text
        submission.revision += 1
        submission.revised_at = now
        submission.status = SubmissionStatus.SUBMITTED
        submission.save(update_fields=["text", "revision", "revised_at", "status"])
        submission.files.filter(pk__in=list(remove_file_ids)).delete()
        event = "revised"
    _store_files(SubmissionFile, "submission", submission, files)
    enqueue_on_commit(tasks.notify_trainers_of_submission, submission.pk, event)
    return submission


@transaction.atomic
def review(submission, reviewer, *, decision, comment):
    """Record a review; the submission takes its status and the author is told after the commit."""
    from seminars import tasks

    submission = Submission.objects.select_for_update().get(pk=submission.pk)
    if submission.status == SubmissionStatus.ACCEPTED:
        raise SubmissionClosed
    entry = Review.objects.create(submission=submission, reviewer=reviewer, decision=decision, comment=comment,
                                  revision=submission.revision)
    submission.status = decision
    submission.save(update_fields=["status"])
    enqueue_on_commit(tasks.notify_author_of_review, entry.pk)
    return entry


# Journal and report -------------------------------------------------------------------------------------------------
@transaction.atomic
def add_journal_entry(coordinator, author, text):
    return JournalEntry.objects.create(coordinator=coordinator, author=author, text=text)


@transaction.atomic
def save_report(seminar, author, **fields):
    """Write or update the seminar's COPIL report. The region's partners are told by e-mail once, when it is first
    written (the report has no draft state: saved is ready to read)."""
    from seminars import tasks

    report, created = CopilReport.objects.get_or_create(seminar=seminar, defaults={"author": author})
    for name, value in fields.items():
        setattr(report, name, value)
    report.author, report.updated_at = author, timezone.now()
    report.save()
    if created:
        enqueue_on_commit(tasks.notify_partners_of_report, report.pk)
    return report


# Calendar tokens ----------------------------------------------------------------------------------------------------
def hash_token(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


@transaction.atomic
def new_calendar_token(person) -> str:
    """A new private calendar address for `person`; the previous one stops working. Returns the token (only its
    hash is kept)."""
    token = secrets.token_urlsafe(32)
    CalendarToken.objects.update_or_create(person=person, defaults={"token_hash": hash_token(token),
                                                                     "created_at": timezone.now()})
    return token


@transaction.atomic
def revoke_calendar_token(person):
    CalendarToken.objects.filter(person=person).delete()


def person_for_token(token: str):
    found = CalendarToken.objects.filter(token_hash=hash_token(token), person__is_active=True).select_related(
        "person").first()
    return found.person if found else None
