"""The library's journey in a real Chromium: a coordinator finds a technical sheet by its theme, downloads its PDF,
then downloads one of the documents it links."""

import re

from playwright.sync_api import expect

from .conftest import log_in


def test_coordinator_finds_a_sheet_by_theme_and_downloads_it_and_a_tool(new_page):
    page = log_in(new_page(), "coordinator.bretagne@example.org")
    page.goto("/fr/ressources/fiches-techniques/")
    page.get_by_role("navigation", name="Thèmes").get_by_role("link", name="Conduite de projet").click()
    expect(page.get_by_role("link", name="Conduire un projet de santé en cinq étapes")).to_be_visible()
    expect(page.get_by_role("link", name="Animer une réunion pluriprofessionnelle")).to_have_count(0)
    page.get_by_role("link", name="Conduire un projet de santé en cinq étapes").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Conduire un projet de santé en cinq étapes")

    with page.expect_download() as sheet_download:
        page.get_by_role("link", name="Télécharger cette fiche en PDF").click()
    sheet_pdf = sheet_download.value
    assert sheet_pdf.suggested_filename == "conduire-un-projet-de-sante-en-cinq-etapes.pdf"
    with open(sheet_pdf.path(), "rb") as handle:
        assert handle.read(5) == b"%PDF-"

    tools = page.get_by_role("region", name="Outils")
    with page.expect_download() as tool_download:
        tools.get_by_role("link", name=re.compile("Diagramme de Gantt simplifié")).click()
    assert tool_download.value.suggested_filename.endswith(".odt")
