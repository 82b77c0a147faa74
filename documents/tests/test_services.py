import pytest
from django.core.exceptions import ValidationError

from documents import samples, services
from documents.enums import Access, TextStatus
from documents.models import LibraryDocument
from documents.signals import document_changed
from documents.tests.factories import make_document

pytestmark = pytest.mark.django_db


@pytest.fixture
def received():
    calls = []

    def listener(sender, document_ids, **kwargs):
        calls.append(sorted(document_ids))

    document_changed.connect(listener)
    yield calls
    document_changed.disconnect(listener)


@pytest.mark.parametrize("file_format", ["pdf", "docx", "odt", "pptx", "odp"])
def test_create_document_stores_the_file_privately_and_extracts_its_text(commit, region, file_format, received):
    with commit():
        document = make_document(title="Grille d’évaluation", region=region("bretagne"), file_format=file_format,
                                 paragraphs=["Démarche qualité : « l’œuvre » de l’équipe."])
    document.refresh_from_db()
    assert document.file_format == file_format
    assert document.file.is_public is False
    assert document.file_hash and document.file_size == document.file.size
    assert document.text_status == TextStatus.DONE, document.text_error
    assert "Démarche qualité : « l’œuvre » de l’équipe." in document.text
    assert document.text_hash == document.file_hash
    assert document.file.folder.name == "Bretagne"
    assert [document.pk] in received
    if file_format == "pdf":
        assert len(document.text_pages) == document.page_count == 1


def test_a_malformed_pdf_fails_cleanly_and_says_so(commit):
    with commit():
        document = services.create_document(
            title="Cassé", file_name="casse.pdf", data=b"%PDF-1.7\n1 0 obj << /Type /Catalog", owner=None
        )
    document.refresh_from_db()
    assert document.text_status == TextStatus.FAILED
    assert document.text_error.startswith("damaged")
    from django.utils import translation

    with translation.override("en"):
        assert str(document.text_error_message).startswith("the file is damaged")


def extractions(results):
    return [r for r in results if r.task_path.endswith("extract_document_text")]


def test_extraction_is_keyed_by_the_file_hash(commit, task_worker):
    with commit():
        document = make_document(title="Un")
    ran = task_worker()
    assert len(extractions(ran)) == 1, [r.task_path for r in ran]
    document.refresh_from_db()
    first_text = document.text
    # Saving without a new file queues nothing; a second run of the task changes nothing.
    with commit():
        services.update_document(document, title="Un, renommé")
    assert extractions(task_worker()) == []
    from documents.tasks import extract_document_text

    with commit():
        extract_document_text.enqueue(document.pk)
    task_worker()
    document.refresh_from_db()
    assert document.text == first_text
    # A replaced file is extracted again.
    from django.core.files.base import ContentFile

    with commit():
        services.update_document(document, upload=ContentFile(samples.odt("Deux", ["Nouvelle version"]), "v2.odt"))
    document.refresh_from_db()
    assert document.text_status == TextStatus.PENDING and document.file_format == "odt"
    assert len(extractions(task_worker())) == 1
    document.refresh_from_db()
    assert "Nouvelle version" in document.text


def test_a_refused_file_saves_nothing():
    before = LibraryDocument.objects.count()
    with pytest.raises(ValidationError):
        services.create_document(title="Piège", file_name="piege.pdf", data=b"<html><script></script></html>",
                                 owner=None)
    assert LibraryDocument.objects.count() == before


def test_delete_document_removes_its_file(commit, received):
    from filer.models import File

    with commit():
        document = make_document(access=Access.PUBLIC)
    file_id = document.file_id
    with commit():
        services.delete_document(document)
    assert not LibraryDocument.objects.filter(pk=document.pk).exists()
    assert not File.objects.filter(pk=file_id).exists()
    assert [document.pk] in received
