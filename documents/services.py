"""Writes to the library. Each is atomic; the text extraction and the `document_changed` signal follow the commit.

Translations (wagtail-localize) carry their own title and description; every other field (file, access, region,
theme...) is the source's, copied to the translations by `_sync_translations` whenever the source changes."""

import hashlib

from django.core.files.base import ContentFile
from django.db import transaction

from documents.enums import Access, Kind, TextStatus
from documents.models import LibraryDocument
from documents.signals import send_document_changed
from documents.validation import inspect_upload
from people.mail import enqueue_on_commit

SHARED_FIELDS = (
    "theme", "kind", "language", "region", "access", "review_date", "file", "file_hash", "file_size", "file_format",
    "file_name", "text_status", "text_error", "text_hash", "text_pages", "text",
)
LIBRARY_FOLDER = "Bibliothèque"


def folder(*path):
    """The filer folder at `path` under the library's root (created as needed): ("Thèmes", "Démarche qualité"),
    ("Régions", "Bretagne"), ("Séminaires", "Bretagne — séminaire 2")."""
    from filer.models import Folder

    parent = None
    for name in (LIBRARY_FOLDER, *path):
        parent, _ = Folder.objects.get_or_create(name=str(name)[:255], parent=parent)
    return parent


def folder_for(document):
    """Regional documents in their region's folder, national ones in their theme's."""
    from django.utils import translation

    with translation.override("fr"):
        if document.region_id:
            return folder("Régions", document.region.name)
        if document.theme:
            return folder("Thèmes", document.get_theme_display())
        return folder("National")


def _store_file(upload, *, owner, title, target_folder):
    """Check `upload` (documents.validation) and keep it in filer's private storage."""
    from filer.models import File

    inspected = inspect_upload(upload)
    upload.seek(0)
    data = upload.read()
    stored = File(
        folder=target_folder, name=title[:255], original_filename=inspected.name, owner=owner, is_public=False
    )
    stored.file.save(inspected.name, ContentFile(data), save=False)
    stored.save()
    return stored, inspected, hashlib.sha256(data).hexdigest()


def _set_file(document, stored, inspected, digest):
    document.file = stored
    document.file_hash = digest
    document.file_size = inspected.size
    document.file_format = inspected.file_format
    document.file_name = inspected.name
    if document.text_hash != digest:
        document.text_status = TextStatus.PENDING
        document.text_error = ""


def _queue_extraction(document):
    from documents.tasks import extract_document_text

    if document.text_hash != document.file_hash:
        enqueue_on_commit(extract_document_text, document.pk)


def _sync_translations(document):
    """Copy the shared fields of the source `document` to its translations; return every row's id."""
    others = LibraryDocument.objects.filter(translation_key=document.translation_key).exclude(pk=document.pk)
    others.update(**{field: getattr(document, field) for field in SHARED_FIELDS})
    return [document.pk, *others.values_list("pk", flat=True)]


@transaction.atomic
def create_document(*, title, file_name, data, owner, region=None, access=Access.MEMBERS, theme="",
                    kind=Kind.OTHER, language="fr", description="", review_date=None, folder_path=None):
    """A library document from bytes (uploads and demo loaders). Raises ValidationError for a refused file."""
    return add_document(
        upload=ContentFile(data, name=file_name), title=title, owner=owner, region=region, access=access,
        theme=theme, kind=kind, language=language, description=description, review_date=review_date,
        folder_path=folder_path,
    )


@transaction.atomic
def add_document(*, upload, title, owner, region=None, access=Access.MEMBERS, theme="", kind=Kind.OTHER,
                 language="fr", description="", review_date=None, folder_path=None, locale=None):
    from wagtail.models import Locale

    document = LibraryDocument(
        title=title, description=description, region=region, access=access, theme=theme or "", kind=kind,
        language=language, review_date=review_date, owner=owner,
        locale=locale or Locale.get_default(),
    )
    target = folder(*folder_path) if folder_path else folder_for(document)
    _set_file(document, *_store_file(upload, owner=owner, title=title, target_folder=target))
    document.save()
    _queue_extraction(document)
    send_document_changed([document.pk])
    return document


@transaction.atomic
def update_document(document, *, upload=None, user=None, **fields):
    """Edit a document's fields and, with `upload`, replace its file (the old file is deleted once nothing uses
    it). The source's shared fields go to its translations."""
    for name, value in fields.items():
        setattr(document, name, value)
    old_file = None
    if upload is not None:
        old_file = document.file
        _set_file(document, *_store_file(upload, owner=user or document.owner, title=document.title,
                                         target_folder=old_file.folder or folder_for(document)))
    document.save()
    ids = _sync_translations(document) if document.is_source else [document.pk]
    if old_file is not None and old_file.pk != document.file_id:
        _delete_file_if_unused(old_file)
    _queue_extraction(document)
    send_document_changed(ids)
    return document


def _delete_file_if_unused(stored):
    if not LibraryDocument.objects.filter(file=stored).exists():
        stored.delete()


@transaction.atomic
def delete_document(document):
    """Delete a document with its translations, and its file."""
    rows = list(LibraryDocument.objects.filter(translation_key=document.translation_key))
    ids = [row.pk for row in rows]
    files = {row.file_id: row.file for row in rows}
    LibraryDocument.objects.filter(pk__in=ids).delete()
    for stored in files.values():
        _delete_file_if_unused(stored)
    send_document_changed(ids)


@transaction.atomic
def store_extracted_text(document_id, file_hash, *, pages=None, error=""):
    """Record the outcome of an extraction of the file whose hash is `file_hash`. If the file was replaced in the
    meantime the outcome is stale and dropped (the new file's own extraction is queued)."""
    from documents import conf

    document = LibraryDocument.objects.select_for_update().filter(pk=document_id).first()
    if document is None or document.file_hash != file_hash:
        return None
    if error:
        document.text_status, document.text_error = TextStatus.FAILED, error
        document.text_pages, document.text = [], ""
    else:
        limit = conf.max_extracted_chars()
        kept, total = [], 0
        for page in pages or []:
            page = page[: max(limit - total, 0)]
            kept.append(page)
            total += len(page)
        document.text_status, document.text_error = TextStatus.DONE, ""
        document.text_pages, document.text = kept, "\n\n".join(kept).strip()
    document.text_hash = file_hash
    document.save(update_fields=["text_status", "text_error", "text_pages", "text", "text_hash", "updated_at"])
    rows = LibraryDocument.objects.filter(file_hash=file_hash).exclude(pk=document.pk)
    rows.update(text_status=document.text_status, text_error=document.text_error, text_pages=document.text_pages,
                text=document.text, text_hash=file_hash)
    send_document_changed([document.pk, *rows.values_list("pk", flat=True)])
    return document
