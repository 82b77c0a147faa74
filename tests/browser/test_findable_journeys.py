"""Finding one's way: through the site map, back from a page that does not exist. Read-only journeys."""

import re

from playwright.sync_api import expect

from .test_journeys import expect_path


def test_visitor_opens_the_site_map_from_the_footer_and_follows_a_link(new_page):
    page = new_page()
    page.goto("/fr/")

    page.get_by_role("contentinfo").get_by_role("link", name="Plan du site").click()

    expect_path(page, "/fr/plan-du-site/")
    expect(page.locator("h1")).to_have_text("Plan du site")
    site_map = page.get_by_role("navigation", name="Plan du site")
    # The page a trainer wrote under their region is listed, inside its region.
    expect(site_map.get_by_role("listitem").filter(has=page.get_by_role("link", name="Bretagne", exact=True))
           .get_by_role("link", name="Séminaire de printemps à Rennes")).to_be_visible()

    site_map.get_by_role("link", name="Séminaire de printemps à Rennes").click()

    expect_path(page, "/fr/regions/bretagne/seminaire-de-printemps/")
    expect(page.locator("h1")).to_have_text("Séminaire de printemps à Rennes")
    # The main menu says which section the visitor is in.
    menu = page.get_by_role("navigation", name="Navigation principale")
    expect(menu.get_by_role("link", name="Les régions")).to_have_attribute("aria-current", "true")


def test_region_page_leads_to_its_sub_pages(new_page):
    page = new_page(locale="en-GB")
    page.goto("/en/regions/bretagne/")

    page.get_by_role("region", name="In this section").get_by_role("link", name="Spring seminar in Rennes").click()

    expect_path(page, "/en/regions/bretagne/spring-seminar/")
    expect(page.locator("html")).to_have_attribute("lang", "en")


def test_visitor_hits_a_missing_page_and_gets_back_home(new_page):
    page = new_page()

    response = page.goto("/fr/regions/bretagne/ancien-seminaire/")

    assert response.status == 404
    expect(page.locator("h1")).to_have_text("Page introuvable")
    expect(page.get_by_role("banner")).to_be_visible()
    expect(page.get_by_role("contentinfo").get_by_role("link", name=re.compile("Accessibilité"))).to_be_visible()
    expect(page.get_by_role("main").get_by_role("link", name=re.compile("plan du site"))).to_have_attribute(
        "href", "/fr/plan-du-site/")

    page.get_by_role("main").get_by_role("link", name="Aller à la page d'accueil").click()

    expect_path(page, "/fr/")
    expect(page.locator("h1")).to_have_text("Accueil")


def test_the_language_switcher_of_a_missing_page_leads_to_the_other_home(new_page):
    page = new_page()
    page.goto("/fr/pas-de-page-ici/")

    with page.expect_navigation():
        page.locator(".language-switcher a[hreflang=en]").click()

    expect_path(page, "/en/")
    expect(page.locator("h1")).to_have_text("Home")
