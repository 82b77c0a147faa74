"""Attachments: checked by content and size, downloadable only by readers of the post."""

import io
import zipfile

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import override_settings
from django.urls import reverse

from forums.models import Attachment, Topic
from forums.tests.test_views import client_for

pytestmark = pytest.mark.django_db

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def _docx():
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", "<document/>")
    return buffer.getvalue()


def _post(client, files, title="Avec pièce jointe"):
    return client.post("/fr/forums/bretagne/new/", {"title": title, "body": "Voir le fichier", "attachments": files})


def test_a_pdf_and_a_docx_are_attached_and_served_to_readers_only(people):
    client = client_for(people["coordinator_bretagne"])
    files = [SimpleUploadedFile("compte rendu.pdf", PDF, "application/octet-stream"),
             SimpleUploadedFile("outil.docx", _docx(), "text/plain")]
    assert _post(client, files).status_code == 302
    pdf, docx = Attachment.objects.order_by("pk")
    assert (pdf.content_type, docx.content_type) == (
        "application/pdf", "application/vnd.openxmlformats-officedocument.wordprocessingml.document")
    url = reverse("forums:attachment", kwargs={"pk": pdf.pk})
    response = client_for(people["trainer_bretagne"]).get(url)
    assert response.status_code == 200 and b"".join(response.streaming_content) == PDF
    assert "attachment" in response["Content-Disposition"]
    assert client_for(people["coordinator_normandie"]).get(url).status_code == 404
    assert client_for(people["partner_bretagne"]).get(url).status_code == 404


def test_content_decides_not_the_name(people):
    client = client_for(people["coordinator_bretagne"])
    html = SimpleUploadedFile("rapport.pdf", b"<html><script>alert(1)</script></html>", "application/pdf")
    response = _post(client, [html])
    assert response.status_code == 200 and not Topic.objects.filter(title="Avec pièce jointe").exists()
    assert "rapport.pdf" in response.content.decode()


@override_settings(PACTE_FORUMS_MAX_ATTACHMENT_BYTES=100)
def test_size_limit(people):
    response = _post(client_for(people["coordinator_bretagne"]), [SimpleUploadedFile("gros.pdf", PDF + b" " * 200)])
    assert response.status_code == 200 and not Attachment.objects.exists()


def test_hidden_posts_attachments_are_for_moderators_only(people):
    client = client_for(people["coordinator_bretagne"])
    _post(client, [SimpleUploadedFile("a.pdf", PDF)])
    attachment = Attachment.objects.get()
    from forums import services

    services.hide_post(people["trainer_bretagne"], attachment.post, "erreur")
    url = reverse("forums:attachment", kwargs={"pk": attachment.pk})
    assert client_for(people["coordinator_normandie"]).get(url).status_code == 404
    assert client.get(url).status_code == 404
    assert client_for(people["trainer_bretagne"]).get(url).status_code == 200
