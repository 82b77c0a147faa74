import pytest
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.test import override_settings
from django.utils import translation

from documents import samples
from documents.validation import MIME_TYPES, inspect_upload, normalise_name


def upload(data, name):
    return ContentFile(data, name=name)


@pytest.mark.parametrize("file_format", ["pdf", "docx", "odt", "pptx", "odp"])
def test_accepted_kinds_are_recognised_by_content(file_format):
    data = samples.make(file_format, "Titre", ["Texte"])
    inspected = inspect_upload(upload(data, "mal-nommé.txt"))
    assert inspected.file_format == file_format
    assert inspected.mime_type == MIME_TYPES[file_format]
    assert inspected.name == f"mal-nommé.{file_format}"
    assert inspected.size == len(data)


def refusal(data, name="fichier.pdf", language="fr"):
    with translation.override(language), pytest.raises(ValidationError) as caught:
        inspect_upload(upload(data, name))
    return " ".join(caught.value.messages)


def test_html_renamed_pdf_is_refused_in_the_users_language():
    html = b"<!DOCTYPE html><html><body><script>alert(1)</script></body></html>"
    assert "web page (HTML)" in refusal(html, language="en")
    assert "page web (HTML)" in refusal(html, language="fr")


def test_svg_with_a_script_is_refused():
    svg = b'<?xml version="1.0"?>\n<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'
    assert "SVG" in refusal(svg, "logo.png", language="en")


def test_a_program_is_refused():
    assert "program" in refusal(b"MZ\x90\x00" + b"\x00" * 100, "setup.pdf", language="en")


def test_empty_and_unknown_files_are_refused():
    assert "empty" in refusal(b"", language="en")
    assert "Accepted" in refusal(b"just some text", "notes.pdf", language="en")


@override_settings(PACTE_DOCUMENTS_MAX_UPLOAD_MB=1)
def test_oversized_file_is_refused_with_the_limit():
    message = refusal(b"%PDF-1.4\n" + b"0" * (1024 * 1024 + 1), language="en")
    assert "limit is 1.0" in message


def test_a_zip_that_is_not_an_office_document_is_refused():
    import io
    import zipfile

    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("evil.exe", b"MZ")
    assert "not an office document" in refusal(buffer.getvalue(), "rapport.docx", language="en")


def test_a_zip_bomb_is_refused():
    import io
    import zipfile

    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("mimetype", b"application/vnd.oasis.opendocument.text")
        archive.writestr("content.xml", b"\x00" * (50 * 1024 * 1024))
    assert "zip bomb" in refusal(buffer.getvalue(), "bombe.odt", language="en")


def test_macros_are_refused():
    import io
    import zipfile

    data = samples.docx("Titre", ["Texte"])
    buffer = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, zipfile.ZipFile(buffer, "w") as archive:
        for item in source.infolist():
            archive.writestr(item, source.read(item))
        archive.writestr("word/vbaProject.bin", b"macro")
    assert "macros" in refusal(buffer.getvalue(), "m.docm", language="en")


@pytest.mark.parametrize(
    "name, expected",
    [
        ("../../etc/passwd.pdf", "passwd.pdf"),
        ("..\\..\\windows\\system.ini", "system.pdf"),
        ("rap\x00port\x1b[31m\u202e.pdf", "rapport31m.pdf"),
        ("  .hidden.pdf", "hidden.pdf"),
        ("Fiche « équipe » : l’essentiel.exe", "Fiche-équipe-l’essentiel.pdf"),
        ("", "document.pdf"),
        ("....pdf", "document.pdf"),
        ("a" * 500 + ".pdf", "a" * 120 + ".pdf"),
    ],
)
def test_names_are_normalised(name, expected):
    assert normalise_name(name, "pdf") == expected
