"""`document_changed` is sent after the commit, with `document_ids=[...]`, whenever a library document is created,
edited, replaced, has its access changed or its text extracted, or is deleted: search reindexes (or drops) them.

The library's grants to the groups that people.services.roles creates are here too."""

from django.contrib.auth.models import Permission
from django.db import transaction
from django.dispatch import Signal, receiver

from people.enums import Role
from people.services.roles import group_created

document_changed = Signal()

# What every trainer is given on the model. The library's permission policy (documents.viewsets) narrows it to the
# documents of their regions, object by object; wagtail-localize's translation views, which check only the model
# permission, are behind cms.translation_admin, which asks that policy too.
TRAINER_PERMISSIONS = ("add_librarydocument", "change_librarydocument")


def send_document_changed(document_ids):
    from documents.models import LibraryDocument

    ids = sorted(set(document_ids))
    if ids:
        transaction.on_commit(lambda: document_changed.send(sender=LibraryDocument, document_ids=ids))


@receiver(group_created)
def _grant_library(sender, group, region, role, **kwargs):
    """Trainers translate their regions' documents (wagtail-localize needs the model permission to create the
    English row and to save strings in its editor)."""
    if region is None and role == Role.TRAINER:
        group.permissions.add(
            *Permission.objects.filter(content_type__app_label="documents", codename__in=TRAINER_PERMISSIONS)
        )
