"""A regional trainer imports people from a CSV file in the admin: preview, confirm, the import's page; both pages
pass the WCAG A/AA audit, refused lines included (their error markers are text with enough contrast).

Data: one new coordinator in Bretagne with an address of its own, which no other test looks at."""

import re
import secrets

from playwright.sync_api import expect

from .axe import format_violations, inject_axe, run_axe
from .conftest import log_in

HEADER = "prénom;nom;courriel;région;rôle;type de structure;nom de la structure;ville;langue\n"


def _row(page, email):
    return page.locator("table.listing tbody tr", has_text=email)


def _assert_no_violation(page):
    violations = run_axe(page)
    assert not violations, f"{page.url}:\n{format_violations(violations)}"


def test_trainer_imports_people_and_refused_lines_keep_their_region_and_role(new_page, site):
    newcomer = f"import.{secrets.token_hex(4)}@example.org"
    csv = (
        HEADER
        + f"Maëlle;Le Goff;{newcomer};Bretagne;coordonnatrice;MSP;MSP de Lannion;Lannion;en\n"
        + "Ana;Durand;ana.normandie@example.org;Normandie;coordonnatrice;MSP;MSP de Caen;Caen;fr\n"
        + "Paul;Nat;paul.national@example.org;Bretagne;équipe nationale;;;;fr\n"
    )
    page = new_page()
    inject_axe(page)
    log_in(page, "trainer.bretagne@example.org")
    page.goto("/admin/people/import/")
    page.locator("input[type=file]").set_input_files(
        files=[{"name": "nouveaux.csv", "mimeType": "text/csv", "buffer": csv.encode()}]
    )
    page.locator("main form button[type=submit]").click()

    refused = _row(page, "ana.normandie@example.org")
    expect(refused.locator("td").nth(3)).to_have_text("Normandie")
    expect(refused.locator("td").nth(4)).to_have_text(re.compile(r"\S"))
    expect(_row(page, "paul.national@example.org").locator("td").nth(4)).to_have_text(
        re.compile("nationale|National team")
    )
    expect(refused.locator(".error-message")).to_be_visible()
    _assert_no_violation(page)

    page.locator("main form button[type=submit]").click()
    expect(page).to_have_url(re.compile(r"/admin/people/import/\d+/$"))
    expect(page.locator("main")).to_contain_text("nouveaux.csv")
    expect(_row(page, newcomer)).to_be_visible()  # the test site runs tasks at once: done when it renders
    expect(_row(page, "ana.normandie@example.org").locator("td").nth(3)).to_have_text("Normandie")
    _assert_no_violation(page)

    invitations = [message for message in site.emails() if f"To: {newcomer}" in message]
    assert len(invitations) == 1
    assert f"{site.url}/en/accounts/invitation/" in invitations[0]
