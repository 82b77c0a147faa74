"""The search journey in a real Chromium: a coordinator types `equipe` in the header box, sees suggestions, runs the
search, opens a document result whose snippet is highlighted, comes back and narrows by theme."""

import re

from playwright.sync_api import expect

from .conftest import log_in


def test_coordinator_finds_a_document_and_narrows_by_theme(new_page):
    page = log_in(new_page(), "coordinator.bretagne@example.org")
    page.goto("/fr/")
    box = page.get_by_role("combobox", name="Rechercher dans le site")
    box.press_sequentially("equipe", delay=40)
    suggestion = page.get_by_role("option", name=re.compile("Guide de l’équipe pluriprofessionnelle"))
    expect(suggestion).to_be_visible()
    box.press("Escape")
    box.press("Enter")
    expect(page).to_have_url(re.compile(r"/fr/search/\?q=equipe"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Recherche")
    result = page.locator(".search-hit").filter(has_text="Guide de l’équipe pluriprofessionnelle")
    expect(result.locator("mark").first).to_be_visible()
    expect(result).to_contain_text("Document")
    result.get_by_role("link", name="Guide de l’équipe pluriprofessionnelle").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Guide de l’équipe pluriprofessionnelle")
    page.go_back()
    facets = page.get_by_role("complementary")
    facets.get_by_role("link", name=re.compile("qualité", re.IGNORECASE)).first.click()
    expect(page).to_have_url(re.compile(r"theme=quality"))
    expect(page.locator(".search-hit").filter(has_text="Référentiel de la démarche qualité")).to_have_count(1)
    expect(page.locator(".search-hit").filter(has_text="Guide de l’équipe")).to_have_count(0)
    expect(page.get_by_role("link", name=re.compile("retirer ce filtre"))).to_be_visible()
