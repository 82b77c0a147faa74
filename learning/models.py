from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Orderable, Page, TranslatableMixin
from wagtail.search import index

from cms import navigation, routing
from cms.models.pages import BasePage
from documents.page_forms import LibraryDocumentsPageForm
from learning.blocks import LessonBlock, QuestionBankBlock
from learning.enums import Audience, PackageKind, Theme


class LearningIndexPage(BasePage):
    """The shared learning resources, authored by every trainer: later issues add modules and sheets beneath."""

    parent_page_types = ["cms.HomePage"]
    subpage_types = ["cms.ContentPage", "learning.ModuleIndexPage", "learning.TechnicalSheetIndexPage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("learning resources index")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        # Cached with the navigation: the specific pages' introductions cost a query each otherwise.
        context["resources"] = navigation.child_links(request, self)
        return context


# E-learning. Progress, attempts and certificates refer to modules and lessons by their translation_key: the
# French page and its English translation are the same module for the learner, and a record outlives the page.


class MembersOnlyMixin:
    """Modules are taken by logged-in members: a visitor is sent to the login page."""

    def serve(self, request, *args, **kwargs):
        from django.contrib.auth.views import redirect_to_login

        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        return super().serve(request, *args, **kwargs)


class CachedRouteMixin:
    """The routing cache of cms.routing (BasePage has it; modules and lessons are plain pages)."""

    def route(self, request, path_components):
        return routing.route(self, request, path_components, super().route)

    route._pacte_cached_route = True


class ModuleIndexPage(MembersOnlyMixin, BasePage):
    """The catalogue of modules, with each one's status for the learner."""

    parent_page_types = ["learning.LearningIndexPage"]
    subpage_types = ["learning.ModulePage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("module catalogue")

    def get_context(self, request, *args, **kwargs):
        from learning import catalogue

        context = super().get_context(request, *args, **kwargs)
        context["entries"] = catalogue.catalogue(request.user, self)
        return context


class ModulePage(MembersOnlyMixin, CachedRouteMixin, Page):
    summary = models.TextField(_("summary"), max_length=1000)
    objectives = RichTextField(_("learning objectives"), features=["bold", "italic", "ul", "ol"])
    duration_minutes = models.PositiveIntegerField(_("estimated duration (minutes)"), default=60)
    theme = models.CharField(_("theme"), max_length=40, choices=Theme.choices)
    audience = models.CharField(_("audience"), max_length=20, choices=Audience.choices, default=Audience.COORDINATORS)
    cover_image = models.ForeignKey(
        "wagtailimages.Image", null=True, blank=True, on_delete=models.SET_NULL, related_name="+",
        verbose_name=_("cover image"),
    )
    cover_alt = models.CharField(
        _("cover image's text alternative"), max_length=250, blank=True,
        help_text=_("What the image shows, for people who cannot see it. Leave empty only if it is decorative."),
    )

    parent_page_types = ["learning.ModuleIndexPage"]
    subpage_types = ["learning.LessonPage"]

    content_panels = Page.content_panels + [
        FieldPanel("summary"),
        FieldPanel("objectives"),
        MultiFieldPanel([FieldPanel("duration_minutes"), FieldPanel("theme"), FieldPanel("audience")],
                        heading=_("About the module")),
        MultiFieldPanel([FieldPanel("cover_image"), FieldPanel("cover_alt")], heading=_("Cover")),
        InlinePanel("prerequisite_links", label=_("Prerequisites")),
    ]
    search_fields = Page.search_fields + [index.SearchField("summary"), index.SearchField("objectives")]

    class Meta:
        verbose_name = _("e-learning module")

    def get_context(self, request, *args, **kwargs):
        from learning import catalogue

        context = super().get_context(request, *args, **kwargs)
        context.update(catalogue.module_context(request.user, self, request))
        return context


class ModulePrerequisite(Orderable):
    module = ParentalKey(ModulePage, on_delete=models.CASCADE, related_name="prerequisite_links")
    prerequisite = models.ForeignKey(
        ModulePage, on_delete=models.CASCADE, related_name="+", verbose_name=_("module to take first")
    )

    panels = [FieldPanel("prerequisite")]

    def clean(self):
        if self.prerequisite_id and self.prerequisite_id == self.module_id:
            raise ValidationError({"prerequisite": _("A module cannot be its own prerequisite.")})


class LessonPage(MembersOnlyMixin, CachedRouteMixin, Page):
    summary = models.TextField(_("summary"), max_length=600, blank=True)
    duration_minutes = models.PositiveIntegerField(_("estimated duration (minutes)"), default=15)
    body = StreamField(LessonBlock(), verbose_name=_("content"))
    base_form_class = LibraryDocumentsPageForm  # document blocks checked against the editor at save time

    parent_page_types = ["learning.ModulePage"]
    subpage_types = []

    content_panels = Page.content_panels + [FieldPanel("summary"), FieldPanel("duration_minutes"), FieldPanel("body")]
    search_fields = Page.search_fields + [index.SearchField("summary"), index.SearchField("body")]

    class Meta:
        verbose_name = _("lesson")

    def quiz_blocks(self):
        return [block for block in self.body if block.block_type == "quiz"]

    def interactive_blocks(self):
        """The interactive blocks whose package still exists (a deleted package asks nothing of the learner)."""
        return [block for block in self.body if block.block_type == "interactive" and block.value["package"]]

    def interactive_block(self, block_id):
        return next((block for block in self.interactive_blocks() if block.id == block_id), None)

    def quiz_block(self, block_id):
        return next((block for block in self.quiz_blocks() if block.id == block_id), None)

    def reflection_block(self, block_id):
        return next((b for b in self.body if b.block_type == "reflection" and b.id == block_id), None)

    def get_context(self, request, *args, **kwargs):
        from learning import catalogue

        context = super().get_context(request, *args, **kwargs)
        context.update(catalogue.lesson_context(request, self))
        return context


class QuestionBank(TranslatableMixin, models.Model):
    """Questions on a theme that several quizzes draw from."""

    title = models.CharField(_("title"), max_length=200)
    theme = models.CharField(_("theme"), max_length=40, choices=Theme.choices)
    questions = StreamField(QuestionBankBlock(), verbose_name=_("questions"))

    panels = [FieldPanel("title"), FieldPanel("theme"), FieldPanel("questions")]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("question bank")
        verbose_name_plural = _("question banks")

    def __str__(self):
        return self.title


# Learners' records.


class ModuleProgressQuerySet(models.QuerySet):
    def visible_to(self, user):
        from learning.permissions import learners_visible_to

        return self.filter(user__in=learners_visible_to(user))


class ModuleProgress(models.Model):
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="module_progress")
    module_key = models.UUIDField(_("module"), db_index=True)
    started_at = models.DateTimeField(_("started"), auto_now_add=True)
    last_activity = models.DateTimeField(_("last activity"), auto_now=True)
    last_lesson_key = models.UUIDField(null=True, blank=True)
    completed_at = models.DateTimeField(_("completed"), null=True, blank=True)

    objects = ModuleProgressQuerySet.as_manager()

    class Meta:
        verbose_name = _("module progress")
        constraints = [models.UniqueConstraint(fields=["user", "module_key"], name="learning_one_progress_per_module")]


class LessonProgress(models.Model):
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="lesson_progress")
    module_key = models.UUIDField(db_index=True)
    lesson_key = models.UUIDField()
    done_at = models.DateTimeField(_("done"), auto_now_add=True)

    class Meta:
        verbose_name = _("lesson done")
        constraints = [models.UniqueConstraint(fields=["user", "lesson_key"], name="learning_one_progress_per_lesson")]


class QuizAttemptQuerySet(models.QuerySet):
    def visible_to(self, user):
        from learning.permissions import learners_visible_to

        return self.filter(user__in=learners_visible_to(user))


class QuizAttempt(models.Model):
    """One submitted attempt, scored on the server. `details` keeps the questions as they were (text, answers given,
    which were right, feedback) so that the result reads the same after the quiz is edited."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="quiz_attempts")
    module_key = models.UUIDField(db_index=True)
    lesson_key = models.UUIDField()
    quiz_id = models.CharField(max_length=64)
    number = models.PositiveIntegerField(_("attempt"))
    quiz_title = models.CharField(_("quiz"), max_length=200)
    score = models.PositiveSmallIntegerField(_("score (%)"))
    correct = models.PositiveSmallIntegerField()
    total = models.PositiveSmallIntegerField()
    pass_mark = models.PositiveSmallIntegerField()
    passed = models.BooleanField(_("passed"))
    details = models.JSONField(default=list)
    created_at = models.DateTimeField(_("date"), auto_now_add=True)

    objects = QuizAttemptQuerySet.as_manager()

    class Meta:
        verbose_name = _("quiz attempt")
        ordering = ["created_at", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["user", "lesson_key", "quiz_id", "number"], name="learning_attempt_number")
        ]


class NotebookEntryQuerySet(models.QuerySet):
    def visible_to(self, user):
        from learning.permissions import notebook_visible_to

        return notebook_visible_to(user, self)


class NotebookEntry(models.Model):
    """A learner's answer to a reflection question: private, unless they share it with their region's trainers."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="notebook_entries")
    module_key = models.UUIDField(db_index=True)
    lesson_key = models.UUIDField()
    block_id = models.CharField(max_length=64)
    prompt = models.TextField(_("question"))
    answer = models.TextField(_("answer"))
    shared = models.BooleanField(_("shared with my region's trainers"), default=False)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    objects = NotebookEntryQuerySet.as_manager()

    class Meta:
        verbose_name = _("notebook entry")
        verbose_name_plural = _("notebook entries")
        ordering = ["-updated_at", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["user", "lesson_key", "block_id"], name="learning_one_entry_per_question")
        ]


class CertificateQuerySet(models.QuerySet):
    def visible_to(self, user):
        from learning.permissions import learners_visible_to

        return self.filter(user__in=learners_visible_to(user))


class Certificate(models.Model):
    """Issued once when a module is completed. Name, title and duration are kept as they were on that day."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="certificates")
    module_key = models.UUIDField()
    code = models.CharField(_("verification code"), max_length=32, unique=True)
    holder_name = models.CharField(_("name"), max_length=300)
    module_title = models.CharField(_("module"), max_length=255)
    module_title_en = models.CharField(max_length=255, blank=True)
    duration_minutes = models.PositiveIntegerField(_("duration (minutes)"))
    issued_at = models.DateTimeField(_("date"), auto_now_add=True)

    objects = CertificateQuerySet.as_manager()

    class Meta:
        verbose_name = _("certificate")
        ordering = ["-issued_at", "pk"]
        constraints = [models.UniqueConstraint(fields=["user", "module_key"], name="learning_one_certificate_per_module")]

    def title_in(self, language):
        return self.module_title_en if language == "en" and self.module_title_en else self.module_title


# Interactive content (SCORM packages, H5P content): the package as uploaded and checked (learning.packages), and each
# learner's record of it (status, score, suspend data), written through the SCORM runtime's commits or the results
# the H5P player sends (its state kept as suspend data).


class InteractivePackage(models.Model):
    title = models.CharField(_("title"), max_length=200)
    kind = models.CharField(_("kind"), max_length=20, choices=PackageKind.choices, editable=False)
    sha256 = models.CharField(max_length=64, editable=False)
    launch = models.CharField(_("file launched"), max_length=500, editable=False)
    entries = models.PositiveIntegerField(_("files"), default=0, editable=False)
    unpacked_bytes = models.PositiveBigIntegerField(_("size unpacked (bytes)"), default=0, editable=False)
    uploaded_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                                    related_name="+", editable=False)
    uploaded_at = models.DateTimeField(_("uploaded"), auto_now_add=True)

    class Meta:
        verbose_name = _("interactive package")
        verbose_name_plural = _("interactive packages")
        ordering = ["title", "pk"]

    def __str__(self):
        return f"{self.title} ({self.get_kind_display()})"

    @property
    def launch_path(self):
        return self.launch.partition("?")[0]


class InteractiveRecordQuerySet(models.QuerySet):
    def visible_to(self, user):
        from learning.permissions import learners_visible_to

        return self.filter(user__in=learners_visible_to(user))


class InteractiveRecord(models.Model):
    """What the package's runtime last committed for a learner in one interactive block of a lesson."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="interactive_records")
    module_key = models.UUIDField(db_index=True)
    lesson_key = models.UUIDField()
    block_id = models.CharField(max_length=64)
    completion_status = models.CharField(_("completion"), max_length=20, blank=True)
    success_status = models.CharField(_("success"), max_length=20, blank=True)
    score_raw = models.FloatField(_("score"), null=True, blank=True)
    score_min = models.FloatField(null=True, blank=True)
    score_max = models.FloatField(null=True, blank=True)
    location = models.CharField(max_length=1000, blank=True)
    suspend_data = models.TextField(blank=True)
    completed_at = models.DateTimeField(_("completed"), null=True, blank=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    objects = InteractiveRecordQuerySet.as_manager()

    class Meta:
        verbose_name = _("interactive content record")
        constraints = [
            models.UniqueConstraint(fields=["user", "lesson_key", "block_id"], name="learning_one_record_per_block")
        ]


# Technical sheets (fiches techniques) ---------------------------------------------------------------------------
from django.utils import timezone  # noqa: E402
from wagtail import blocks  # noqa: E402

from cms.pdf import generated_storage  # noqa: E402
from documents.blocks import LibraryDocumentBlock  # noqa: E402

SHEET_TEXT_FEATURES = ["bold", "italic", "link", "ul", "ol"]


class SheetStepBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("Step"), max_length=200)
    text = blocks.RichTextBlock(label=_("What to do"), features=SHEET_TEXT_FEATURES)

    class Meta:
        icon = "list-ol"
        label = _("Step")


class TechnicalSheetIndexPage(BasePage):
    """The technical sheets, filtered by theme (?theme=)."""

    parent_page_types = ["learning.LearningIndexPage"]
    subpage_types = ["learning.TechnicalSheetPage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("technical sheet index")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        # The cards show a sheet's title, theme, intro and address: its method, tools and texts stay in the database.
        sheets = (TechnicalSheetPage.objects.child_of(self).live().public().order_by("title")
                  .defer(*TechnicalSheetPage.CARD_DEFERRED))
        theme = request.GET.get("theme", "")
        if theme in Theme.values:
            sheets = sheets.filter(theme=theme)
        else:
            theme = ""
        # The index's own address, once: the theme links repeat it.
        context.update(sheets=sheets, themes=Theme.choices, current_theme=theme, index_url=self.get_url(request))
        return context


class TechnicalSheetPage(BasePage):
    """A technical sheet (fiche technique): a method explained in structured parts, downloadable as a PDF. The PDF is
    made when the sheet is published (learning.sheets) and kept, not made again on every download."""

    parent_page_types = ["learning.TechnicalSheetIndexPage"]
    subpage_types = []

    theme = models.CharField(_("theme"), max_length=40, choices=Theme.choices)
    objective = RichTextField(_("objective"), features=SHEET_TEXT_FEATURES)
    when_to_use = RichTextField(_("when to use it"), features=SHEET_TEXT_FEATURES, blank=True)
    steps = StreamField([("step", SheetStepBlock())], verbose_name=_("method, step by step"), blank=True)
    tools = StreamField([("document", LibraryDocumentBlock())], verbose_name=_("tools"), blank=True)
    pitfalls = RichTextField(_("pitfalls to avoid"), features=SHEET_TEXT_FEATURES, blank=True)
    references = RichTextField(_("references"), features=SHEET_TEXT_FEATURES, blank=True)
    authors = models.CharField(_("authors"), max_length=255, blank=True)
    illustration = models.ForeignKey(
        "wagtailimages.Image", on_delete=models.SET_NULL, null=True, blank=True, related_name="+",
        verbose_name=_("illustration"),
    )
    last_reviewed = models.DateField(_("last reviewed"), null=True, blank=True)
    next_review = models.DateField(_("next review"), null=True, blank=True)
    pdf = models.FileField(storage=generated_storage, upload_to="sheets/", blank=True, editable=False)
    pdf_revision_id = models.PositiveBigIntegerField(null=True, blank=True, editable=False)

    # What the index's cards never show (TechnicalSheetIndexPage.get_context).
    CARD_DEFERRED = ("objective", "when_to_use", "steps", "tools", "pitfalls", "references", "authors")

    content_panels = BasePage.content_panels + [
        MultiFieldPanel([FieldPanel("theme"), FieldPanel("authors"), FieldPanel("illustration")],
                        heading=_("About this sheet")),
        FieldPanel("objective"),
        FieldPanel("when_to_use"),
        FieldPanel("steps"),
        FieldPanel("tools"),
        FieldPanel("pitfalls"),
        FieldPanel("references"),
        MultiFieldPanel([FieldPanel("last_reviewed"), FieldPanel("next_review")], heading=_("Review")),
    ]
    search_fields = BasePage.search_fields + [
        index.SearchField("objective"), index.SearchField("when_to_use"), index.SearchField("steps"),
        index.SearchField("pitfalls"), index.FilterField("theme"),
    ]

    class Meta:
        verbose_name = _("technical sheet")
        verbose_name_plural = _("technical sheets")

    @property
    def is_past_review(self):
        return self.next_review is not None and self.next_review < timezone.localdate()

    @property
    def pdf_url(self):
        return self.url + "pdf/" if self.url else ""

    def get_context(self, request, *args, **kwargs):
        from django.utils.translation import get_language
        from wagtail.coreutils import get_supported_content_language_variant
        from wagtail.models import Locale

        from documents.models import readable_in_locale

        context = super().get_context(request, *args, **kwargs)
        # The page's locale (its template shows it) is the active one on its own address: one query serves both.
        locale = self.locale
        try:
            active_code = get_supported_content_language_variant(get_language())
        except LookupError:
            active_code = None
        if locale.language_code != active_code:
            locale = Locale.get_active()
        titles = {block.value["document"].pk: block.value["title"] for block in self.tools if block.value["document"]}
        documents = readable_in_locale(request.user, [block.value["document"] for block in self.tools], locale)
        context["tools"] = [(document, titles.get(document.pk, "")) for document in documents]
        return context

    def route(self, request, path_components):
        if path_components == ["pdf"] and self.live:
            from wagtail.url_routing import RouteResult

            return RouteResult(self, kwargs={"as_pdf": True})
        return super().route(request, path_components)

    # Routed to with no path left, the sheet is the plain page: cms.routing may cache the way to it (not its PDF,
    # whose result carries arguments).
    route._pacte_cached_route = True

    def serve(self, request, *args, as_pdf=False, **kwargs):
        # Wagtail has checked the page's view restrictions before calling serve: the PDF follows the page's privacy.
        if as_pdf:
            from learning import sheets

            return sheets.pdf_response(self)
        return super().serve(request, *args, **kwargs)
