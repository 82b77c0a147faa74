"""The pages' document blocks chose a django-filer file; they now choose a library document. Each filer file named by
a block (in a page, its revisions and wagtail-localize's sources) becomes a library document once, with the same
bytes kept in the library's private storage; the block then names that document.

Uses documents.services (the real models) for the files: filer's storage choice and the library's checks live
there. Runs once, on the data as it stands when the library arrives."""

import json

from django.db import migrations


def _convert_stream(stream, library_id):
    changed = False
    for block in stream or []:
        if block.get("type") == "document" and isinstance(block.get("value"), dict):
            old = block["value"].get("document")
            new = library_id(old) if isinstance(old, int) else None
            if new is not None:
                block["value"]["document"] = new
                changed = True
    return changed


def forwards(apps, schema_editor):
    from filer.models import File

    from documents import services
    from documents.enums import Access, Kind

    made = {}

    def library_id(file_id):
        if file_id not in made:
            old = File.objects.filter(pk=file_id).first()
            if old is None:
                made[file_id] = None
            else:
                with old.file.open("rb") as handle:
                    data = handle.read()
                title = old.name or old.original_filename or "Document"
                made[file_id] = services.create_document(
                    title=title, file_name=old.original_filename or "document.pdf", data=data, owner=None,
                    access=Access.PUBLIC if old.is_public else Access.MEMBERS, kind=Kind.GUIDE,
                ).pk
        return made[file_id]

    for model in apps.get_models():
        field = next((f for f in model._meta.concrete_fields if f.name == "body"), None)
        if field is None or type(field).__name__ != "StreamField":
            continue
        for page in model.objects.all():
            stream = page.body.raw_data if hasattr(page.body, "raw_data") else page.body
            stream = [dict(block) for block in stream]
            if _convert_stream(stream, library_id):
                model.objects.filter(pk=page.pk).update(body=json.dumps(stream))

    def convert_content(content):
        body = content.get("body")
        stream = json.loads(body) if isinstance(body, str) else body
        if isinstance(stream, list) and _convert_stream(stream, library_id):
            content["body"] = json.dumps(stream) if isinstance(body, str) else stream
            return True
        return False

    Revision = apps.get_model("wagtailcore", "Revision")
    for revision in Revision.objects.filter(content__has_key="body").only("pk", "content"):
        if convert_content(revision.content):
            Revision.objects.filter(pk=revision.pk).update(content=revision.content)
    TranslationSource = apps.get_model("wagtail_localize", "TranslationSource")
    for source in TranslationSource.objects.all().only("pk", "content_json"):
        content = json.loads(source.content_json)
        if convert_content(content):
            TranslationSource.objects.filter(pk=source.pk).update(content_json=json.dumps(content))


class Migration(migrations.Migration):
    dependencies = [
        ("cms", "0005_library_document_blocks"),
        ("documents", "0001_initial"),
        ("learning", "0003_library_document_blocks"),
        ("wagtail_localize", "0016_rename_page_revision_translationlog_revision"),
        ("django_tasks_database", "0019_rename_django_task_new_ordering_idx_tasks_db_new_ordering_idx_and_more"),
    ]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
