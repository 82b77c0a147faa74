"""People's own journeys: landing on My space after logging in, leaving, and a trainer's people screen. Nothing here
changes data, so the journeys run in any order on the shared site."""

import re

from playwright.sync_api import expect

from .conftest import log_in
from .test_journeys import expect_path


def test_a_coordinator_lands_on_my_space_finds_their_region_and_logs_out(new_page):
    page = log_in(new_page(), "coordinator.bretagne@example.org", "fr")

    expect_path(page, "/fr/accounts/space/")
    expect(page.locator("h1")).to_have_text("Mon espace")
    expect(page.locator("main")).to_contain_text("Maëlle Kerouac")
    expect(page.locator("main dl")).to_contain_text("Bretagne")
    header_link = page.locator(".site-header").get_by_role("link", name=re.compile("Mon espace"))
    expect(header_link).to_have_attribute("aria-current", "page")
    expect(page.get_by_role("link", name="Ouvrir l’administration")).to_have_count(0)

    page.get_by_role("region", name="Ma région").get_by_role("link", name=re.compile("Bretagne")).click()
    expect_path(page, "/fr/regions/bretagne/")

    page.locator(".site-header form button[type=submit]").click()
    expect_path(page, "/fr/")
    expect(page.get_by_role("status")).to_contain_text("Votre session est fermée.")
    expect(page.locator(".site-header").get_by_role("link", name="Se connecter")).to_be_visible()


def test_an_english_speaking_coordinator_lands_on_my_space_in_english(new_page):
    page = log_in(new_page(locale="en-GB"), "coordinator.normandie@example.org", "fr")

    expect_path(page, "/en/accounts/space/")
    expect(page.locator("html")).to_have_attribute("lang", "en")
    expect(page.locator("h1")).to_have_text("My space")


def test_a_trainer_opens_the_people_of_their_region_from_my_space(new_page):
    page = log_in(new_page(), "trainer.bretagne@example.org", "fr")
    expect_path(page, "/fr/accounts/space/")

    page.get_by_role("link", name="Personnes de mes régions").click()
    expect_path(page, "/admin/people/")
    table = page.locator("main table")
    expect(table).to_contain_text("Léa Guillou")
    expect(table).to_contain_text("Maëlle Kerouac")
    expect(table).not_to_contain_text("Camille Fournier")  # Normandie

    # Closing an account asks first; going back changes nothing.
    row = table.locator("tr").filter(has_text="Maëlle Kerouac")
    row.get_by_role("link", name=re.compile("Fermer le compte")).click()
    expect(page).to_have_url(re.compile(r"/admin/people/\d+/deactivate/$"))
    expect(page.locator("main")).to_contain_text("coordinator.bretagne@example.org")
    page.get_by_role("link", name="Non, revenir en arrière").click()
    expect_path(page, "/admin/people/")
    expect(table.locator("tr").filter(has_text="Maëlle Kerouac")).to_contain_text("A rejoint la plateforme")
