"""Every kind of PDF the platform makes is a tagged PDF (RGAA: downloadable documents): each is rendered for real and
read back with the checker of cms/tests/tagged_pdf.py, which must also refuse xhtml2pdf's untagged output."""

import io

import pytest
from django.template.loader import render_to_string
from pypdf import PdfWriter
from pypdf.generic import NameObject, NumberObject
from wagtail.images import get_image_model
from wagtail.images.tests.utils import get_test_image_file

from cms.pdf import FONT_DIR, link_callback, pdf_text, render_pdf
from cms.tests.tagged_pdf import inspect, outline_titles
from learning import services as learning_services
from learning.models import Certificate
from learning.tests import factories as learning_factories
from learning.tests.sheet_factories import make_sheet
from seminars import services as seminar_services
from seminars.tests import factories as seminar_factories

pytestmark = pytest.mark.django_db

SAMPLE = {"title": "Fiche : l’œuvre « collective »", "paragraphs": ["Équipe, qualité, santé publique — Œdipe"] * 13}


def _sample():
    return render_pdf("pdf/sample_document.html", SAMPLE, title=SAMPLE["title"], language="fr")


def _untagged_sample():
    """What xhtml2pdf alone makes of the same template."""
    from xhtml2pdf import pisa

    html = render_to_string("pdf/sample_document.html", {**SAMPLE, "pdf_title": SAMPLE["title"], "pdf_language": "fr",
                                                          "pdf_author": "PACTE", "font_dir": FONT_DIR})
    buffer = io.BytesIO()
    pisa.CreatePDF(html, dest=buffer, encoding="utf-8", link_callback=link_callback)
    return buffer.getvalue()


def assert_tagged(data, *, title, furniture):
    """Tagged, the H1 is the title, the headings are exactly the HTML's (xhtml2pdf's bookmarks), and the running
    header and page numbers are artifacts, never read as content."""
    tagging = inspect(data)
    assert tagging.problems == []
    assert tagging.roles("/H1") == [title]
    assert tagging.roles("/H1", "/H2", "/H3") == outline_titles(data)
    assert tagging.roles("/P")
    for page_number, (artifacts, content) in enumerate(zip(tagging.artifact_text, tagging.content_text), start=1):
        for text in furniture(page_number):
            assert text in artifacts and text not in content
    return tagging


def test_the_checker_refuses_an_untagged_pdf_and_a_half_tagged_one():
    problems = inspect(_untagged_sample()).problems
    assert "the catalog has no /StructTreeRoot" in problems
    assert "the catalog has no /MarkInfo << /Marked true >>" in problems
    assert any("text shown outside any marked-content sequence" in p for p in problems)

    def altered(change):
        writer = PdfWriter(clone_from=io.BytesIO(_sample()))
        page = writer.pages[0]
        content = page.get_contents()
        operations = content.operations
        change(operations)
        content.operations = operations
        page.replace_contents(content)
        out = io.BytesIO()
        writer.write(out)
        return inspect(out.getvalue()).problems

    def sequence(operations, role):
        start = next(i for i, (operands, op) in enumerate(operations) if op == b"BDC" and operands[0] == role)
        return start, next(i for i in range(start, len(operations)) if operations[i][1] == b"EMC")

    def unmark_the_title(operations):
        start, end = sequence(operations, "/H1")
        del operations[end], operations[start]

    def reuse_the_titles_mcid(operations):
        operations[sequence(operations, "/P")[0]][0][1][NameObject("/MCID")] = NumberObject(0)

    assert altered(lambda operations: None) == []
    problems = altered(unmark_the_title)
    assert "page 1: text shown outside any marked-content sequence (operation 71)" in problems
    assert "page 1: a structure element refers to MCID 0, which marks nothing" in problems
    problems = altered(reuse_the_titles_mcid)
    assert "page 1: MCID 0 marks 2 marked-content sequences" in problems
    assert "page 1: a structure element refers to MCID 1, which marks nothing" in problems


def test_tagging_keeps_the_text_the_pages_and_the_metadata():
    data, untagged = _sample(), _untagged_sample()
    assert pdf_text(data) == pdf_text(untagged)
    tagging = assert_tagged(data, title=SAMPLE["title"], furniture=lambda n: [f"PACTE — {SAMPLE['title']}",
                                                                              f"Page {n} sur 3"])
    assert len(tagging.content_text) == 3
    assert "Équipe, qualité, santé publique — Œdipe" in tagging.content_text[2]


def test_the_technical_sheet_is_tagged_and_its_illustration_is_a_figure(commit):
    image = get_image_model().objects.create(title="photo", description="Une équipe autour d’une table",
                                             file=get_test_image_file())
    with commit():
        sheet = make_sheet(illustration=image)
    sheet.refresh_from_db()
    data = sheet.pdf.read()
    tagging = assert_tagged(data, title="Animer une réunion d’équipe",
                            furniture=lambda n: ["PACTE — Fiche technique — Animer une réunion d’équipe", "Page"])
    assert tagging.roles("/Figure") == ["Une équipe autour d’une table"]
    assert "Objectif" in tagging.roles("/H2")


def test_the_certificate_is_tagged(client, people):
    user = people["coordinator_bretagne"]
    module = learning_factories.make_module(lessons=1, title="Conduite de projet", duration=90)
    learning_services.mark_lesson_done(user, module.get_children().specific().first(), module)
    client.force_login(user)
    response = client.get(f"/fr/learning/certificates/{Certificate.objects.get(user=user).pk}/")
    assert_tagged(response.content, title="Attestation de réussite", furniture=lambda n: ["Page 1 sur 1"])


def test_the_seminar_pdfs_are_tagged(client, people):
    seminar = seminar_factories.seminar("bretagne", title="Séminaire 1 – Animer l’équipe", days=5,
                                        sessions_per_day=8, trainers=[people["trainer_bretagne"]])
    coordinator = people["coordinator_bretagne"]
    seminar_factories.register(seminar, coordinator)
    seminar_services.record_attendance(seminar, people["trainer_bretagne"], seminar.start_date, "am", [coordinator.pk])
    seminar_services.save_report(seminar, people["trainer_bretagne"], themes="Conduite de projet")
    key = seminar_factories.key(seminar)
    client.force_login(people["trainer_bretagne"])

    agenda = client.get(f"/fr/seminars/{key}/agenda.pdf").content
    tagging = assert_tagged(agenda, title="Séminaire 1 – Animer l’équipe",
                            furniture=lambda n: ["PACTE — Séminaire 1 – Animer l’équipe", f"Page {n} sur"])
    assert len(tagging.content_text) > 1 and len(tagging.roles("/H3")) == 5  # one per day, over several pages

    assert_tagged(client.get(f"/fr/seminars/{key}/report.pdf").content,
                  title="Bilan pour le COPIL : Séminaire 1 – Animer l’équipe",
                  furniture=lambda n: ["PACTE — Bilan pour le COPIL", f"Page {n} sur"])

    client.force_login(coordinator)
    attestation = client.get(f"/fr/seminars/diploma/{coordinator.pk}/attestation.pdf").content
    tagging = assert_tagged(attestation, title="Attestation de formation", furniture=lambda n: [f"Page {n} sur"])
    assert "Séminaires suivis" in tagging.roles("/H2")


def test_the_alt_texts_are_those_of_the_images_drawn_in_the_flow():
    """Matched in order with the images of the content streams: those of a static frame (artifacts) and those the
    renderer refuses (never drawn) are left out; an empty alt makes the image an artifact."""
    from cms.pdf import _image_alts

    html = ('<div id="pdf-header"><div><img src="data:image/png;base64,AA" alt="Logo"></div>'
            '<pdf:pagenumber></div><p><img src="data:image/png;base64,AA" alt=""></p>'
            '<img src="https://example.com/x.png" alt="Distant"><img src="data:image/png;base64,AA" alt=" Schéma ">')
    assert _image_alts(html, skip_ids={"pdf-header"}) == ["", "Schéma"]
