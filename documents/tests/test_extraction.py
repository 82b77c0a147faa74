"""Text extraction in its limited subprocess: every supported format gives its text back with its accents; a
malformed or hostile file fails cleanly, with a reason, within the limits."""

import io
import zipfile

import pytest
from django.utils import translation

from documents import samples
from documents.extraction import DAMAGED, MEMORY, TIMEOUT, extract

TEXT = "Démarche qualité : « l’œuvre » de l’équipe, à Saint-Étienne."


@pytest.mark.parametrize("file_format", ["pdf", "docx", "odt", "pptx", "odp"])
def test_each_format_gives_its_text_back(file_format):
    outcome = extract(samples.make(file_format, "Titre accentué", [TEXT, "Deuxième paragraphe"]), file_format)
    assert outcome.error == ""
    assert TEXT in "\n".join(outcome.pages)


def test_pdf_pages_are_numbered():
    outcome = extract(samples.pdf("Guide", [f"Paragraphe {n}" for n in range(1, 14)]), "pdf")
    assert len(outcome.pages) == 3
    assert "Paragraphe 1" in outcome.pages[0] and "Paragraphe 13" in outcome.pages[2]


def _docx_with(xml):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", xml)
    return buffer.getvalue()


@pytest.mark.parametrize("data, file_format", [
    (b"%PDF-1.7\n1 0 obj << /Type /Catalog", "pdf"),
    (b"%PDF-1.4\n1 0 obj\n" + b"[" * 100_000 + b"\nendobj\ntrailer<</Root 1 0 R>>\n%%EOF", "pdf"),
    (_docx_with('<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;">]>'
                "<x>&b;&b;&b;</x>"), "docx"),
    (_docx_with("<<< not xml"), "docx"),
    (b"PK\x03\x04" + b"\x00" * 100, "odt"),
])
def test_malformed_and_hostile_files_fail_cleanly(data, file_format):
    outcome = extract(data, file_format, cpu_seconds=5)
    assert outcome.error == DAMAGED, outcome
    assert outcome.pages == [] and outcome.seconds < 10


def test_limits_stop_a_reader_that_asks_too_much():
    # 16 MB of address space cannot hold the reader: the child fails, the worker goes on and says why.
    outcome = extract(samples.pdf("Guide", ["x"]), "pdf", memory_mb=16)
    assert outcome.error in (MEMORY, "crashed", DAMAGED, TIMEOUT) and outcome.error and outcome.pages == []


@pytest.mark.django_db
def test_an_extraction_past_its_wall_clock_fails_with_the_timeout_and_changes_nothing_else(
    settings, task_worker, region, commit, client, people
):
    from documents.enums import TextStatus
    from documents.models import LibraryDocument
    from documents.tests.factories import make_document

    with commit():
        document = make_document(title="Guide d’animation", region=region("bretagne"))
    assert document.text_status == TextStatus.PENDING
    fields = [f.attname for f in LibraryDocument._meta.concrete_fields
              if f.attname not in ("text_status", "text_error", "text_hash", "updated_at")]
    before = LibraryDocument.objects.values(*fields).get(pk=document.pk)
    # The wall clock runs out before the child can even start its interpreter: the worker stops waiting for it.
    settings.PACTE_DOCUMENTS_EXTRACTION_WALL_SECONDS = 0.001
    ran = [result.task_path for result in task_worker()]
    assert ran.count("documents.tasks.extract_document_text") == 1, ran
    document.refresh_from_db()
    assert (document.text_status, document.text_error) == (TextStatus.FAILED, TIMEOUT)
    assert document.text_hash == document.file_hash  # this file's outcome: not tried again until it is replaced
    assert LibraryDocument.objects.values(*fields).get(pk=document.pk) == before
    assert before["text"] == "" and before["text_pages"] == []
    # Its uploader reads why, in the admin, in their language.
    with translation.override("fr"):
        reason = str(document.text_error_message)
    assert reason.startswith("la lecture du fichier a pris trop de temps")
    client.force_login(people["trainer_bretagne"])
    html = client.get(f"/admin/library/edit/{document.pk}/", HTTP_ACCEPT_LANGUAGE="fr").content.decode()
    assert reason in html
