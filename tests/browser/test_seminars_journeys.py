"""The seminars' journey in a real Chromium: a coordinator downloads a seminar's programme and hands in written work
with a file; a trainer reviews it; the coordinator sees the outcome. Léa Guillou's work on assignment 2 is this
test's own (no other test relies on it)."""

import re

from playwright.sync_api import expect

from .conftest import log_in


def _pdf_bytes():
    from documents import samples

    return samples.pdf("Fiche projet – CPTS du Pays de Morlaix", ["Objectif : réunions mensuelles."])


def test_coordinator_downloads_the_agenda_and_hands_in_work_a_trainer_reviews_it(new_page):
    coordinator = log_in(new_page(), "lea.guillou@example.org")
    coordinator.goto("/fr/regions/bretagne/seminaire-2-2020/")
    expect(coordinator.get_by_role("heading", level=1)).to_have_text("Séminaire 2 – Conduire un projet en équipe")
    with coordinator.expect_download() as download:
        coordinator.get_by_role("link", name="Télécharger le programme (PDF)").click()
    assert download.value.suggested_filename.endswith(".pdf")
    with open(download.value.path(), "rb") as handle:
        assert handle.read(5) == b"%PDF-"

    coordinator.get_by_role("link", name="Fiche projet de votre équipe").click()
    coordinator.get_by_label("Votre texte").fill("Notre objectif : une réunion pluriprofessionnelle par mois.")
    coordinator.get_by_label("Fichiers").set_input_files(
        files=[{"name": "fiche-projet.pdf", "mimeType": "application/pdf", "buffer": _pdf_bytes()}])
    coordinator.get_by_role("button", name="Remettre").click()
    expect(coordinator.locator(".messages")).to_contain_text("Votre travail a été remis")
    expect(coordinator.locator("#mine-title ~ p .badge").first).to_have_text("Remis, en attente de relecture")

    trainer = log_in(new_page(), "trainer.bretagne@example.org")
    trainer.goto(coordinator.url)
    trainer.get_by_role("link", name="Léa Guillou").click()
    expect(trainer.get_by_role("link", name=re.compile("fiche-projet"))).to_be_visible()
    trainer.get_by_label("Validé").check()
    trainer.get_by_label("Commentaires").fill("Objectif clair, calendrier réaliste. Bravo.")
    trainer.get_by_role("button", name="Envoyer la relecture").click()
    expect(trainer.locator(".messages")).to_contain_text("Votre relecture a été enregistrée")
    expect(trainer.locator(".review").last).to_contain_text("Objectif clair")

    coordinator.reload()
    expect(coordinator.locator("#mine-title ~ p .badge").first).to_have_text("Validé")
    expect(coordinator.get_by_role("button", name="Remettre")).to_have_count(0)


def test_trainer_previews_a_registrations_import_and_the_preview_passes_the_audit(new_page):
    """A file whose lines are all refused or already registered: the preview says why, line by line, saves nothing
    and offers no confirmation; it passes the WCAG A/AA audit in French and English."""
    from .axe import format_violations, inject_axe, run_axe

    csv = ("courriel;commentaire\n"
           "lea.guillou@example.org;déjà inscrite\n"
           "inconnue@example.org;inconnue\n"
           "coordinator.normandie@example.org;autre région\n"
           "pas-une-adresse;\n")
    for language, refused, already in (("fr", "Refusée : personne n’a cette adresse sur le site", "déjà inscrite"),
                                       ("en", "Refused: nobody has this address on the site", "already registered")):
        page = new_page()
        inject_axe(page)
        log_in(page, "trainer.bretagne@example.org", language)
        page.goto(f"/{language}/seminars/bretagne/seminaire-3-2020/registrations/")
        page.locator("input[type=file]").set_input_files(
            files=[{"name": "inscriptions.csv", "mimeType": "text/csv", "buffer": csv.encode("utf-8-sig")}])
        page.locator("form[enctype] button[type=submit]").click()
        table = page.locator("table.import-preview")
        expect(table.locator("tbody tr")).to_have_count(4)
        expect(table.locator("tbody tr").nth(0)).to_contain_text(already)
        expect(table.locator("tbody tr").nth(1)).to_contain_text(re.compile(refused.replace(" : ", r"\s:\s")))
        expect(page.locator("form button[type=submit][disabled]")).to_have_count(1)
        violations = run_axe(page)
        assert not violations, f"{page.url}:\n{format_violations(violations)}"
