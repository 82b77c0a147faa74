"""The data migration that turns the pages' filer-file document blocks into library documents."""

import importlib
import json

import pytest
from django.apps import apps
from django.core.files.base import ContentFile

from cms.models import ContentPage
from documents import samples
from documents.models import LibraryDocument

pytestmark = pytest.mark.django_db
migration = importlib.import_module("cms.migrations.0006_document_blocks_to_library")


def test_filer_document_blocks_become_library_documents():
    from filer.models import File
    from wagtail.models import Page

    old = File(name="Guide ancien", original_filename="guide-ancien.pdf", is_public=True)
    old.file.save("guide-ancien.pdf", ContentFile(samples.pdf("Guide", ["Équipe"])), save=False)
    old.save()
    home = Page.objects.get(depth=2, locale__language_code="fr").specific
    page = ContentPage(title="Ressource", slug="ressource-ancienne")
    home.add_child(instance=page)
    page.save_revision()
    stream = [{"type": "document", "value": {"document": old.pk, "title": ""}, "id": "a"}]
    ContentPage.objects.filter(pk=page.pk).update(body=json.dumps(stream))
    revision = page.latest_revision
    revision.content["body"] = json.dumps(stream)
    revision.save(update_fields=["content"])

    migration.forwards(apps, None)

    page.refresh_from_db()
    document = page.body[0].value["document"]
    assert isinstance(document, LibraryDocument)
    assert document.title == "Guide ancien" and document.access == "public" and document.file.is_public is False
    revision.refresh_from_db()
    assert json.loads(revision.content["body"])[0]["value"]["document"] == document.pk
