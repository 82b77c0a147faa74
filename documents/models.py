from django.conf import settings
from django.db import models
from django.db.models import Exists, OuterRef, Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail.models import Locale, TranslatableMixin
from wagtail.search import index

from documents import permissions
from documents.enums import Access, Kind, TextStatus, Theme


class LibraryDocumentQuerySet(models.QuerySet):
    def visible_to(self, user):
        """What `user` may read: lists, counts, search (documents.permissions)."""
        return self.filter(permissions.visible_q(user))

    def usable_by(self, user):
        """What `user` may choose in a document block (documents.permissions.usable_q)."""
        return self.filter(permissions.usable_q(user))

    def changeable_by(self, user):
        return self.filter(permissions.changeable_q(user))

    def in_locale(self, locale=None):
        """One row per document for readers of `locale` (the active one by default): its translation there, or
        the source when nobody has translated it yet."""
        locale = locale or Locale.get_active()
        translated = LibraryDocument.objects.filter(translation_key=OuterRef("translation_key"), locale=locale)
        default = Locale.get_default()
        if locale.pk == default.pk:
            return self.filter(locale=locale)
        return self.filter(Q(locale=locale) | (Q(locale=default) & ~Exists(translated)))


class LibraryDocument(TranslatableMixin, index.Indexed, models.Model):
    """A document of the library. Its file lives in django-filer's private storage, never served directly: every
    download goes through documents.views.download. Title and description are translated through wagtail-localize;
    every other field is shared by the translations (documents.services keeps them in step). The source is the French
(default locale) row."""

    title = models.CharField(_("title"), max_length=255)
    description = models.TextField(_("description"), blank=True, max_length=2000)
    theme = models.CharField(_("theme"), max_length=40, choices=Theme.choices, blank=True)
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices, default=Kind.OTHER)
    language = models.CharField(
        _("language of the document"), max_length=8, choices=settings.LANGUAGES, default="fr"
    )
    region = models.ForeignKey(
        "people.Region", on_delete=models.PROTECT, null=True, blank=True, related_name="+",
        verbose_name=_("region"), help_text=_("Empty for a national document."),
    )
    access = models.CharField(_("access"), max_length=20, choices=Access.choices, default=Access.MEMBERS)
    review_date = models.DateField(_("review date"), null=True, blank=True)
    file = models.ForeignKey("filer.File", on_delete=models.PROTECT, related_name="+", verbose_name=_("file"))
    file_hash = models.CharField(_("file hash (SHA-256)"), max_length=64, editable=False, db_index=True)
    file_size = models.PositiveBigIntegerField(_("file size"), default=0, editable=False)
    file_format = models.CharField(_("file format"), max_length=10, editable=False)
    file_name = models.CharField(_("file name"), max_length=255, editable=False)
    text_status = models.CharField(
        _("text extraction"), max_length=10, choices=TextStatus.choices, default=TextStatus.PENDING, editable=False
    )
    text_error = models.TextField(_("text extraction error"), blank=True, editable=False)
    # The hash of the file whose text is stored: extraction is keyed by it.
    text_hash = models.CharField(max_length=64, blank=True, editable=False)
    text_pages = models.JSONField(default=list, blank=True, editable=False)
    text = models.TextField(blank=True, editable=False)
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+",
        verbose_name=_("uploaded by"), editable=False,
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    objects = LibraryDocumentQuerySet.as_manager()

    search_fields = [
        index.SearchField("title"),
        index.AutocompleteField("title"),
        index.SearchField("description"),
        index.FilterField("locale_id"),
        index.FilterField("region_id"),
        index.FilterField("access"),
    ]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("library document")
        verbose_name_plural = _("library documents")
        ordering = ["title", "pk"]
        indexes = [models.Index(fields=["access", "region"]), models.Index(fields=["theme", "kind"])]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("documents:detail", kwargs={"pk": self.pk})

    @property
    def download_url(self):
        return reverse("documents:download", kwargs={"pk": self.pk})

    @property
    def is_source(self):
        return self.locale_id == Locale.get_default().pk

    @property
    def is_national(self):
        return self.region_id is None

    @property
    def page_count(self):
        return len(self.text_pages) if self.file_format == "pdf" else None

    @property
    def text_error_message(self):
        """The extraction's failure as uploaders read it, in their language (documents.extraction's reasons)."""
        if not self.text_error:
            return ""
        reason, _sep, detail = self.text_error.partition(":")
        messages = {
            "timeout": _("the file took too long to read (it may be damaged or built to exhaust the server)."),
            "memory": _("the file needed too much memory to read."),
            "damaged": _("the file is damaged or not what its format says."),
            "encrypted": _("the file is protected by a password."),
            "crashed": _("the reader stopped unexpectedly."),
        }
        message = messages.get(reason.strip(), _("unknown reason."))
        return f"{message} ({detail.strip()})" if detail.strip() else str(message)
