"""Cached seminar pages that show a library document refresh when it changes (its access, title, file, deletion):
each seminar page reads its own scoped version (cms.cache), bumped here for the pages whose materials or agenda
name one of the changed documents. The anonymous page cache then stops serving them."""

from django.dispatch import receiver

from cms import cache
from documents.signals import document_changed


def materials_scope(page_pk):
    """The library documents a seminar page (one language's page) shows."""
    return f"seminars:materials:{page_pk}"


@receiver(document_changed)
def _documents_changed(sender, document_ids, **kwargs):
    from seminars.models import SeminarPage
    from seminars.views_page import material_ids

    changed = set(document_ids)
    # A few dozen seminar pages: their streams' raw data is read, no document is fetched.
    for page in SeminarPage.objects.only("pk", "materials", "agenda").iterator():
        if changed & set(material_ids(page)):
            cache.invalidate(materials_scope(page.pk))
