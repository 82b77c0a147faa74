"""`document_changed` is sent after the commit, with `document_ids=[...]`, whenever a library document is created,
edited, replaced, has its access changed or its text extracted, or is deleted: search reindexes (or drops) them."""

from django.db import transaction
from django.dispatch import Signal

document_changed = Signal()


def send_document_changed(document_ids):
    from documents.models import LibraryDocument

    ids = sorted(set(document_ids))
    if ids:
        transaction.on_commit(lambda: document_changed.send(sender=LibraryDocument, document_ids=ids))
