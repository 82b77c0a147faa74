"""Site setup gives every installation what the law asks of a French public site: an RGAA accessibility statement
and a legal notice, in French with their English translation, and a site map; a second run changes nothing."""

import pytest
from django.conf import settings
from wagtail.models import Locale, Page, Revision

from cms.models import AccessibilityStatementPage, LegalNoticePage, SitemapPage
from cms.services.site_setup import setup_site
from people.tests.factories import PASSWORD

pytestmark = pytest.mark.django_db


def main_of(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    html = response.content.decode()
    return html[html.index("<main"):html.index("</main>")]


def test_every_language_has_a_site_map_page():
    for language, slug in (("fr", "plan-du-site"), ("en", "site-map")):
        assert SitemapPage.objects.live().get(locale__language_code=language).slug == slug


def test_accessibility_statement_follows_the_rgaa_model_in_french(client):
    main = main_of(client, "/fr/accessibilite/")

    for heading in ["État de conformité", "Résultats des tests", "Contenus non accessibles", "Non-conformités",
                    "Dérogations pour charge disproportionnée",
                    "Contenus non soumis à l’obligation d’accessibilité", "Établissement de cette déclaration",
                    "Technologies utilisées pour la réalisation du site", "Environnement de test",
                    "Outils pour évaluer l’accessibilité",
                    "Pages du site ayant fait l’objet de la vérification de conformité",
                    "Retour d’information et contact", "Voies de recours"]:
        assert f">{heading}</h" in main, heading
    assert "<strong>partiellement conforme</strong>" in main
    assert "Cette déclaration a été établie le" in main
    assert "(critère 13.3)" in main and "axe-core" in main and "Nu Html Checker" in main
    assert 'href="https://formulaire.defenseurdesdroits.fr/"' in main
    assert 'href="https://www.defenseurdesdroits.fr/saisir/delegues"' in main
    assert "Défenseur des droits<br>Libre réponse 71120<br>75342 Paris CEDEX 07" in main
    assert "mailto:accessibilite@pacte.example.org" in main


def test_accessibility_statement_is_translated_into_english(client):
    main = main_of(client, "/en/accessibility/")

    for heading in ["Conformity status", "Test results", "Content that is not accessible", "Failures to comply",
                    "How this statement was made", "Feedback and contact", "Remedies"]:
        assert f">{heading}</h" in main, heading
    assert "<strong>partially compliant</strong>" in main
    assert "Some downloadable office documents" in main
    assert "No derogation for disproportionate burden is claimed." in main
    assert "Chromium on Debian GNU/Linux" in main
    assert "EHESP – PACTE programme<br>15 avenue du Professeur-Léon-Bernard<br>35043 Rennes<br>France" in main
    assert "Libre réponse 71120" in main
    assert "Certains documents" not in main  # nothing left in French


def test_legal_notice_names_publisher_director_host_dpo_rights_and_cookies(client):
    main = main_of(client, "/fr/mentions-legales/")

    assert "École des hautes études en santé publique (EHESP)" in main
    assert "15 avenue du Professeur-Léon-Bernard<br>35043 Rennes" in main
    assert "Directeur ou directrice de la publication\u00a0: La directrice ou le directeur de l’EHESP" in main
    assert "Hébergeur Exemple SAS (à compléter)" in main and "Téléphone\u00a0: 02 99 00 00 00 (à compléter)" in main
    assert "Délégué à la protection des données</h3>" in main and "mailto:dpo@pacte.example.org" in main
    assert "CNIL" in main and "3 place de Fontenoy" in main
    for name in (settings.SESSION_COOKIE_NAME, settings.CSRF_COOKIE_NAME, settings.LANGUAGE_COOKIE_NAME, "messages"):
        assert f'<th scope="row"><code>{name}</code></th>' in main, name

    english = main_of(client, "/en/legal-notice/")
    assert "Hébergeur Exemple SAS (to be completed)" in english
    assert "12 rue de l’Exemple<br>35000 Rennes, France (to be completed)" in english
    assert "Publication director: The director of the EHESP" in english
    assert "Keeps you logged in after you log in." in english


def test_legal_notice_lists_every_cookie_the_site_really_sets(client, people):
    set_cookies = set()

    def visit(response):
        set_cookies.update(response.cookies)
        return response

    visit(client.get("/fr/accounts/login/"))
    visit(client.post("/fr/accounts/login/", {"username": "coordinator.bretagne@example.org",
                                              "password": PASSWORD}))
    visit(client.post("/fr/accounts/profile/", {
        "first_name": "Maëlle", "last_name": "Kerouac", "preferred_language": "en", "structure_type": "msp",
        "structure_name": "MSP du Pays de Redon", "structure_town": "Redon",
    }))
    assert {"sessionid", "csrftoken", "django_language", "messages"} <= set_cookies

    listed = LegalNoticePage.objects.get(locale__language_code="fr").cookies
    assert set_cookies <= {block.value["name"] for block in listed}


def test_a_second_run_changes_nothing_and_keeps_what_the_national_team_wrote():
    notice = LegalNoticePage.objects.get(locale__language_code="fr")
    notice.host_name = "OVHcloud"
    notice.host_address = ""
    notice.save_revision().publish()
    statement = AccessibilityStatementPage.objects.get(locale__language_code="fr")
    statement.derogations = ""
    statement.save_revision().publish()
    before = (Page.objects.count(), Revision.objects.count())

    setup_site()

    assert (Page.objects.count(), Revision.objects.count()) == before
    notice.refresh_from_db()
    statement.refresh_from_db()
    assert notice.host_name == "OVHcloud" and notice.host_address == ""
    assert statement.derogations == ""


def test_an_installation_from_before_fills_its_legal_pages_once(django_capture_on_commit_callbacks):
    statement = AccessibilityStatementPage.objects.get(locale__language_code="fr")
    statement.statement_date = None
    statement.technologies = ""
    statement.non_accessible_content = "<p>Écrit par l’équipe nationale.</p>"
    statement.save_revision().publish()

    with django_capture_on_commit_callbacks(execute=True):  # wagtail-localize publishes on commit
        setup_site()

    statement.refresh_from_db()
    assert statement.statement_date is not None
    assert "WAI-ARIA" in statement.technologies
    assert statement.non_accessible_content == "<p>Écrit par l’équipe nationale.</p>"  # never overwritten
    english = statement.get_translation(Locale.objects.get(language_code="en"))
    assert "WAI-ARIA" in english.technologies
