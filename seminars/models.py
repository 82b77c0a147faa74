"""Seminar pages and what hangs on a seminar: registrations, attendance per half-day, assignments and the work
handed in, the COPIL report; a follow-up journal per coordinator and private calendar tokens.

Records point to the French page (the source): `SeminarPage.source` finds it from a translation."""

import datetime

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from cms.models.pages import BasePage
from documents.blocks import LibraryDocumentBlock
from seminars import permissions as rules
from seminars.blocks import AgendaBlock
from seminars.enums import ActivityType, HalfDay, SeminarStatus, SubmissionStatus

User = settings.AUTH_USER_MODEL


class SeminarIndexPage(BasePage):
    """The national section: seminars where the national team trains the regional trainers."""

    parent_page_types = ["cms.HomePage"]
    subpage_types = ["seminars.SeminarPage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("national seminars section")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["cohorts"] = cohorts(SeminarPage.objects.child_of(self).live().public())
        return context


def cohorts(pages):
    """[(year, [pages in number order])], the latest cohort first."""
    by_year = {}
    for page in pages.order_by("-cohort_year", "number", "start_date"):
        by_year.setdefault(page.cohort_year, []).append(page)
    return list(by_year.items())


class SeminarPage(BasePage):
    region = models.ForeignKey(
        "people.Region", on_delete=models.PROTECT, null=True, blank=True, editable=False, related_name="seminars",
        verbose_name=_("region"), help_text=_("Taken from the region page above; empty for a national seminar."),
    )
    cohort_year = models.PositiveSmallIntegerField(
        _("cohort year"), validators=[MinValueValidator(2000), MaxValueValidator(2100)]
    )
    number = models.PositiveSmallIntegerField(
        _("seminar number"), choices=[(1, "1"), (2, "2"), (3, "3")], default=1
    )
    start_date = models.DateField(_("first day"))
    end_date = models.DateField(_("last day"))
    venue = models.CharField(_("venue"), max_length=200, blank=True)
    address = models.TextField(_("address"), blank=True)
    access = models.TextField(_("how to get there"), blank=True, help_text=_("Public transport, parking, access."))
    trainer_1 = models.ForeignKey(User, on_delete=models.SET_NULL, null=True, blank=True, related_name="+",
                                  verbose_name=_("trainer"))
    trainer_2 = models.ForeignKey(User, on_delete=models.SET_NULL, null=True, blank=True, related_name="+",
                                  verbose_name=_("second trainer"))
    objectives = RichTextField(_("objectives"), blank=True, features=["bold", "italic", "ul", "ol"])
    agenda = StreamField(AgendaBlock(), verbose_name=_("agenda"), blank=True)
    materials = StreamField(
        [("document", LibraryDocumentBlock())], verbose_name=_("materials"), blank=True,
        help_text=_("Library documents. Restricted ones are shown only to the seminar's cohort."),
    )

    parent_page_types = ["cms.RegionPage", "seminars.SeminarIndexPage"]
    subpage_types = []

    content_panels = BasePage.content_panels[:1] + [
        MultiFieldPanel([FieldRowPanel([FieldPanel("cohort_year"), FieldPanel("number")]),
                         FieldRowPanel([FieldPanel("start_date"), FieldPanel("end_date")])], heading=_("When")),
        MultiFieldPanel([FieldPanel("venue"), FieldPanel("address"), FieldPanel("access")], heading=_("Where")),
        FieldRowPanel([FieldPanel("trainer_1"), FieldPanel("trainer_2")], heading=_("Trainer pair")),
        FieldPanel("intro"),
        FieldPanel("objectives"),
        FieldPanel("agenda"),
        FieldPanel("materials"),
        FieldPanel("body"),
    ]
    search_fields = BasePage.search_fields + [index.SearchField("objectives"), index.SearchField("venue")]
    # The venue's name and postal address are the same in every language; how to get there is translated.
    override_translatable_fields = [SynchronizedField("venue"), SynchronizedField("address")]

    class Meta:
        verbose_name = _("seminar")
        indexes = [models.Index(fields=["region", "cohort_year"], name="seminars_page_region_year")]

    def clean(self):
        super().clean()
        if self.start_date and self.end_date and self.end_date < self.start_date:
            raise ValidationError({"end_date": _("The last day cannot be before the first day.")})
        if self.start_date and self.end_date and (self.end_date - self.start_date).days > 6:
            raise ValidationError({"end_date": _("A seminar lasts a week at most.")})

    def save(self, *args, **kwargs):
        # The region follows the page's place in the tree, so that permissions never trust an editor's choice.
        parent = self.get_parent() if self.path else None
        if parent is not None:
            self.region_id = getattr(parent.specific, "region_id", None)
        super().save(*args, **kwargs)

    @cached_property
    def source(self):
        """The French page that registrations, attendance, work and reports belong to."""
        if self.locale.language_code == settings.LANGUAGE_CODE:
            return self
        return SeminarPage.objects.filter(translation_key=self.translation_key,
                                          locale__language_code=settings.LANGUAGE_CODE).first() or self

    @property
    def is_national(self):
        return self.region_id is None

    @property
    def region_key(self):
        """How URLs name the seminar's region: its code, or "national"."""
        return "national" if self.region_id is None else self.region.code

    @property
    def url_kwargs(self):
        """The seminar's own views are addressed by region and French slug (stable, readable, unique)."""
        return {"region": self.region_key, "slug": self.source.slug}

    def status(self, today=None):
        today = today or timezone.localdate()
        if today < self.start_date:
            return SeminarStatus.UPCOMING
        if today > self.end_date:
            return SeminarStatus.PAST
        return SeminarStatus.ONGOING

    def days(self):
        day, days = self.start_date, []
        while day <= self.end_date:
            days.append(day)
            day += datetime.timedelta(days=1)
        return days

    def half_days(self):
        return [(day, half) for day in self.days() for half in HalfDay]

    @property
    def trainers(self):
        return [t for t in (self.trainer_1, self.trainer_2) if t is not None]

    def programme(self):
        """The agenda as plain data: [{"date", "sessions": [{"start", "end", "title", "activity", ...}]}]. Read from
        the stream's raw data: turning it into block values would fetch every linked document, all columns, when
        the page then shows only those the reader may download (seminars.views_page)."""
        labels = dict(ActivityType.choices)
        days = []
        for day in self.agenda.raw_data:
            value = day.get("value") or {}
            sessions = []
            for session in value.get("sessions") or []:
                if isinstance(session, dict) and "type" in session and "value" in session:
                    session = session["value"]  # ListBlock's item format
                materials = [item.get("value") if isinstance(item, dict) else item
                             for item in session.get("materials") or []]
                sessions.append({
                    "start": _time(session.get("start")), "end": _time(session.get("end")),
                    "title": session.get("title", ""), "activity": session.get("activity", ""),
                    "activity_label": labels.get(session.get("activity"), ""),
                    "description": session.get("description", ""), "facilitator": session.get("facilitator", ""),
                    "material_ids": [pk for pk in materials if pk],
                })
            if value.get("date"):
                days.append({"date": datetime.date.fromisoformat(value["date"]), "sessions": sessions})
        return days

    def get_context(self, request, *args, **kwargs):
        from seminars import views_page

        context = super().get_context(request, *args, **kwargs)
        context.update(views_page.seminar_context(request, self))
        return context


def _time(value):
    return datetime.time.fromisoformat(value) if value else None


class RegistrationQuerySet(models.QuerySet):
    def visible_to(self, user):
        return self.filter(rules.registration_q(user))


class Registration(models.Model):
    seminar = models.ForeignKey(SeminarPage, on_delete=models.CASCADE, related_name="registrations",
                                verbose_name=_("seminar"))
    person = models.ForeignKey(User, on_delete=models.CASCADE, related_name="seminar_registrations",
                               verbose_name=_("person"))
    created_at = models.DateTimeField(_("registered at"), default=timezone.now)

    objects = RegistrationQuerySet.as_manager()

    class Meta:
        verbose_name = _("registration")
        verbose_name_plural = _("registrations")
        constraints = [models.UniqueConstraint(fields=["seminar", "person"], name="seminars_registration_unique")]

    def __str__(self):
        return f"{self.person} – {self.seminar}"


class AttendanceQuerySet(models.QuerySet):
    def visible_to(self, user):
        return self.filter(rules.attendance_q(user))


class Attendance(models.Model):
    seminar = models.ForeignKey(SeminarPage, on_delete=models.CASCADE, related_name="attendance",
                                verbose_name=_("seminar"))
    person = models.ForeignKey(User, on_delete=models.CASCADE, related_name="seminar_attendance",
                               verbose_name=_("person"))
    date = models.DateField(_("date"))
    half_day = models.CharField(_("half-day"), max_length=2, choices=HalfDay.choices)
    present = models.BooleanField(_("present"), default=False)
    recorded_by = models.ForeignKey(User, on_delete=models.SET_NULL, null=True, related_name="+")
    recorded_at = models.DateTimeField(default=timezone.now)

    objects = AttendanceQuerySet.as_manager()

    class Meta:
        verbose_name = _("attendance")
        verbose_name_plural = _("attendance")
        constraints = [models.UniqueConstraint(fields=["seminar", "person", "date", "half_day"],
                                               name="seminars_attendance_unique")]


def assignment_file_path(instance, filename):
    return f"seminars/assignments/{instance.assignment_id}/{filename}"


def submission_file_path(instance, filename):
    return f"seminars/submissions/{instance.submission_id}/{filename}"


def attached_file_path(instance, filename):
    return instance.upload_path(filename)


class AttachedFile(models.Model):
    """A file handed in with an assignment or a submission: the stored file and what the upload check found (name,
    size, type). Subclasses add their owner and say where the file is stored."""

    file = models.FileField(upload_to=attached_file_path, max_length=300)
    name = models.CharField(max_length=200)
    size = models.PositiveIntegerField(default=0)
    mime_type = models.CharField(max_length=120, blank=True)

    class Meta:
        abstract = True

    def upload_path(self, filename):
        raise NotImplementedError


class AssignmentQuerySet(models.QuerySet):
    def visible_to(self, user):
        return self.filter(rules.assignment_q(user))


class Assignment(models.Model):
    seminar = models.ForeignKey(SeminarPage, on_delete=models.CASCADE, related_name="assignments",
                                verbose_name=_("seminar"))
    title = models.CharField(_("title"), max_length=200)
    instructions = models.TextField(_("instructions"))
    due_at = models.DateTimeField(_("due"))
    author = models.ForeignKey(User, on_delete=models.SET_NULL, null=True, related_name="+")
    created_at = models.DateTimeField(default=timezone.now)

    objects = AssignmentQuerySet.as_manager()

    class Meta:
        verbose_name = _("assignment")
        verbose_name_plural = _("assignments")
        ordering = ["due_at", "pk"]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("seminars:assignment", kwargs={"pk": self.pk})

    @property
    def is_past_due(self):
        return timezone.now() > self.due_at


class AssignmentFile(AttachedFile):
    assignment = models.ForeignKey(Assignment, on_delete=models.CASCADE, related_name="files")

    def upload_path(self, filename):
        return assignment_file_path(self, filename)

    def get_absolute_url(self):
        return reverse("seminars:assignment_file", kwargs={"pk": self.assignment_id, "file_pk": self.pk})


class SubmissionQuerySet(models.QuerySet):
    def visible_to(self, user):
        return self.filter(rules.submission_q(user))


class Submission(models.Model):
    assignment = models.ForeignKey(Assignment, on_delete=models.CASCADE, related_name="submissions",
                                   verbose_name=_("assignment"))
    author = models.ForeignKey(User, on_delete=models.CASCADE, related_name="seminar_submissions",
                               verbose_name=_("author"))
    text = models.TextField(_("text"), blank=True)
    status = models.CharField(_("status"), max_length=12, choices=SubmissionStatus.choices,
                              default=SubmissionStatus.SUBMITTED)
    submitted_at = models.DateTimeField(_("first handed in"), default=timezone.now)
    revised_at = models.DateTimeField(_("last revised"), null=True, blank=True)
    revision = models.PositiveIntegerField(_("version"), default=1)
    is_late = models.BooleanField(_("late"), default=False)

    objects = SubmissionQuerySet.as_manager()

    class Meta:
        verbose_name = _("submission")
        verbose_name_plural = _("submissions")
        constraints = [models.UniqueConstraint(fields=["assignment", "author"], name="seminars_submission_unique")]

    def __str__(self):
        return f"{self.assignment} – {self.author}"

    def get_absolute_url(self):
        return reverse("seminars:submission", kwargs={"pk": self.pk})


class SubmissionFile(AttachedFile):
    submission = models.ForeignKey(Submission, on_delete=models.CASCADE, related_name="files")

    def upload_path(self, filename):
        return submission_file_path(self, filename)

    def get_absolute_url(self):
        return reverse("seminars:submission_file", kwargs={"pk": self.submission_id, "file_pk": self.pk})


class Review(models.Model):
    submission = models.ForeignKey(Submission, on_delete=models.CASCADE, related_name="reviews")
    reviewer = models.ForeignKey(User, on_delete=models.SET_NULL, null=True, related_name="+",
                                 verbose_name=_("reviewer"))
    decision = models.CharField(_("decision"), max_length=12, choices=SubmissionStatus.choices)
    comment = models.TextField(_("comments"))
    revision = models.PositiveIntegerField(default=1)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["created_at", "pk"]


class JournalQuerySet(models.QuerySet):
    def visible_to(self, user):
        return self.filter(rules.journal_q(user))


class JournalEntry(models.Model):
    """The trainers' private follow-up notes about one coordinator; the coordinator does not read them."""

    coordinator = models.ForeignKey(User, on_delete=models.CASCADE, related_name="journal_entries",
                                    verbose_name=_("coordinator"))
    author = models.ForeignKey(User, on_delete=models.SET_NULL, null=True, related_name="+",
                               verbose_name=_("author"))
    text = models.TextField(_("note"))
    created_at = models.DateTimeField(default=timezone.now)

    objects = JournalQuerySet.as_manager()

    class Meta:
        verbose_name = _("journal entry")
        verbose_name_plural = _("journal entries")
        ordering = ["-created_at", "-pk"]


class ReportQuerySet(models.QuerySet):
    def visible_to(self, user):
        return self.filter(rules.report_q(user))


class CopilReport(models.Model):
    """What the trainers tell the steering committee after a seminar. Attendance figures are not stored: they are
    computed from the attendance records whenever the report is read."""

    seminar = models.OneToOneField(SeminarPage, on_delete=models.CASCADE, related_name="report",
                                   verbose_name=_("seminar"))
    themes = models.TextField(_("themes covered"), blank=True)
    evaluation = models.TextField(_("participants' evaluation"), blank=True)
    difficulties = models.TextField(_("difficulties"), blank=True)
    next_steps = models.TextField(_("next steps"), blank=True)
    author = models.ForeignKey(User, on_delete=models.SET_NULL, null=True, related_name="+")
    updated_at = models.DateTimeField(default=timezone.now)

    objects = ReportQuerySet.as_manager()

    class Meta:
        verbose_name = _("COPIL report")
        verbose_name_plural = _("COPIL reports")


class CalendarToken(models.Model):
    """A person's private calendar address. Only a hash is kept: the address is shown once when made; making a
    new one (or revoking) ends the old one."""

    person = models.OneToOneField(User, on_delete=models.CASCADE, related_name="calendar_token")
    token_hash = models.CharField(max_length=64, unique=True)
    created_at = models.DateTimeField(default=timezone.now)
