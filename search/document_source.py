"""Library documents in the index (when the documents app is installed): title, description and extracted text;
readers from LibraryDocument's access and region, the same rule as `LibraryDocument.objects.visible_to`
(documents.permissions.visible_q). Refreshed on `documents.signals.document_changed`."""

from django.utils import translation

from search.backends.base import Entry
from search.enums import Access, EntryKind
from search.sources import _chunks


def readers(document) -> dict:
    from documents.enums import Access as DocumentAccess

    if document.access == DocumentAccess.PUBLIC:
        return {"access": Access.PUBLIC}
    if document.access == DocumentAccess.MEMBERS:
        return {"access": Access.MEMBERS}
    if document.access == DocumentAccess.REGION:
        return {"access": Access.REGION}  # a region-less "region" document: the national team only, as there
    if document.access == DocumentAccess.TRAINERS:
        return {"access": Access.TRAINERS if document.region_id is None else Access.REGION_TRAINERS}
    return {"access": Access.NATIONAL}


class DocumentSource:
    prefix = "document"

    @staticmethod
    def model():
        from documents.models import LibraryDocument

        return LibraryDocument

    def all_ids(self):
        return self.model().objects.values_list("pk", flat=True).iterator()

    def entries(self, ids):
        from wagtail.models import Locale

        source_locale = Locale.get_default().pk  # LibraryDocument.is_source, asked once
        for chunk in _chunks(ids):
            for document in self.model().objects.filter(pk__in=chunk).select_related("locale"):
                language = document.locale.language_code[:2]
                with translation.override(language):
                    url = document.get_absolute_url()
                # A translation shares its source's file: the file's text is indexed once, with the source, so
                # that a word of the file finds the document once; each translation is found by its own title
                # and description, in its language.
                text = document.text if document.locale_id == source_locale else ""
                yield Entry(
                    source=f"document:{document.pk}", kind=EntryKind.DOCUMENT, title=document.title,
                    body="\n".join(part for part in (document.description, text) if part),
                    language=language, url=url, region_id=document.region_id, theme=document.theme or "",
                    date=document.updated_at, **readers(document),
                )


def document_changed(sender, document_ids=(), **kwargs):
    from search.indexing import queue_refresh

    queue_refresh("document", document_ids)


def connect():
    from documents.signals import document_changed as signal

    signal.connect(document_changed, dispatch_uid="search.document_changed")
