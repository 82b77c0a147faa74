"""E-learning in a real Chromium: a coordinator takes a short module with a quiz and downloads the certificate.
Élodie Roux (Occitanie) is used by no other journey; the demo has her done with the first lesson."""

import re

from playwright.sync_api import expect

from .conftest import log_in


def test_a_coordinator_takes_a_module_with_a_quiz_and_downloads_the_certificate(new_page):
    page = log_in(new_page(), "elodie.roux@example.org")
    page.goto("/fr/ressources/modules/")
    page.get_by_role("link", name="Animer une réunion d’équipe pluriprofessionnelle").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Animer une réunion d’équipe pluriprofessionnelle")
    page.get_by_role("link", name="Reprendre").click()

    page.get_by_role("navigation", name="Leçons", exact=True).get_by_role("link", name="Distribuer la parole", exact=True).click()
    expect(page.get_by_role("heading", name="Vérifier mes acquis")).to_be_visible()
    page.get_by_label("Le tour de table").check()
    page.get_by_label("Gardien du temps").check()
    page.get_by_label("Secrétaire de séance").check()
    page.get_by_label("Vrai").check()
    page.get_by_role("button", name="Envoyer mes réponses").click()
    expect(page.locator(".quiz-score")).to_contain_text("100")
    expect(page.locator(".quiz-score")).to_contain_text("Réussi")

    page.get_by_role("link", name="Revenir à la leçon").click()
    expect(page.get_by_text("Vous avez fait cette leçon.")).to_be_visible()
    page.get_by_role("link", name=re.compile("Suivant")).click()
    page.get_by_role("button", name="Marquer cette leçon comme faite").click()

    expect(page.get_by_role("heading", level=1)).to_have_text("Animer une réunion d’équipe pluriprofessionnelle")
    with page.expect_download() as download:
        page.get_by_role("link", name="Télécharger mon attestation (PDF)").click()
    path = download.value.path()
    with open(path, "rb") as pdf:
        data = pdf.read()
    assert data.startswith(b"%PDF")
    from cms.pdf import pdf_text

    text = " ".join(pdf_text(data).split())
    assert "Élodie Roux" in text and "Animer une réunion d’équipe pluriprofessionnelle" in text
