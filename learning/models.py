from django.utils.translation import gettext_lazy as _

from cms import navigation
from cms.models.pages import BasePage


class LearningIndexPage(BasePage):
    """The shared learning resources, authored by every trainer: later issues add modules and sheets beneath."""

    parent_page_types = ["cms.HomePage"]
    subpage_types = ["cms.ContentPage", "learning.TechnicalSheetIndexPage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("learning resources index")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        # Cached with the navigation: the specific pages' introductions cost a query each otherwise.
        context["resources"] = navigation.child_links(request, self)
        return context


# Technical sheets (fiches techniques) ---------------------------------------------------------------------------
from django.db import models  # noqa: E402
from django.utils import timezone  # noqa: E402
from wagtail import blocks  # noqa: E402
from wagtail.admin.panels import FieldPanel, MultiFieldPanel  # noqa: E402
from wagtail.fields import RichTextField, StreamField  # noqa: E402
from wagtail.search import index  # noqa: E402

from cms.pdf import generated_storage  # noqa: E402
from documents.blocks import LibraryDocumentBlock  # noqa: E402
from documents.enums import Theme  # noqa: E402

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
        sheets = TechnicalSheetPage.objects.child_of(self).live().public().order_by("title")
        theme = request.GET.get("theme", "")
        if theme in Theme.values:
            sheets = sheets.filter(theme=theme)
        else:
            theme = ""
        context.update(sheets=sheets, themes=Theme.choices, current_theme=theme)
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
        from documents.models import readable_in_locale

        context = super().get_context(request, *args, **kwargs)
        titles = {block.value["document"].pk: block.value["title"] for block in self.tools if block.value["document"]}
        documents = readable_in_locale(request.user, [block.value["document"] for block in self.tools])
        context["tools"] = [(document, titles.get(document.pk, "")) for document in documents]
        return context

    def route(self, request, path_components):
        if path_components == ["pdf"] and self.live:
            from wagtail.url_routing import RouteResult

            return RouteResult(self, kwargs={"as_pdf": True})
        return super().route(request, path_components)

    def serve(self, request, *args, as_pdf=False, **kwargs):
        # Wagtail has checked the page's view restrictions before calling serve: the PDF follows the page's privacy.
        if as_pdf:
            from learning import sheets

            return sheets.pdf_response(self)
        return super().serve(request, *args, **kwargs)
