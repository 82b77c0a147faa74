from html import escape

import pytest
from wagtail.models import Page

from cms.models import HomePage, RegionPage

pytestmark = pytest.mark.django_db


def test_root_redirects_by_accept_language(client):
    assert client.get("/", HTTP_ACCEPT_LANGUAGE="en-GB,en;q=0.9").headers["Location"] == "/en/"
    assert client.get("/", HTTP_ACCEPT_LANGUAGE="fr-FR,fr;q=0.9").headers["Location"] == "/fr/"
    # Undecided (a language we do not have): French.
    assert client.get("/", HTTP_ACCEPT_LANGUAGE="de-DE").headers["Location"] == "/fr/"


@pytest.mark.parametrize(
    "url, lang, title",
    [
        ("/fr/", "fr", "Accueil"),
        ("/en/", "en", "Home"),
        ("/fr/regions/bretagne/", "fr", "Bretagne"),
        ("/en/regions/bretagne/", "en", "Brittany"),
        ("/fr/accessibilite/", "fr", "Déclaration d'accessibilité"),
        ("/en/accessibility/", "en", "Accessibility statement"),
    ],
)
def test_pages_render_in_their_language(client, url, lang, title):
    response = client.get(url)
    assert response.status_code == 200
    html = response.content.decode()
    assert f'<html lang="{lang}">' in html
    assert f"<h1>{escape(title)}</h1>" in html


def test_language_switcher_leads_to_the_same_page(client):
    html = client.get("/fr/regions/bretagne/").content.decode()
    assert 'href="/en/regions/bretagne/" hreflang="en"' in html
    assert 'rel="alternate" hreflang="fr" href="http://testserver/fr/regions/bretagne/"' in html
    assert 'rel="alternate" hreflang="en" href="http://testserver/en/regions/bretagne/"' in html
    html = client.get("/en/accessibility/").content.decode()
    assert 'href="/fr/accessibilite/" hreflang="fr"' in html


def test_language_switcher_falls_back_to_home_without_translation(client):
    from cms.models import ContentPage

    home = HomePage.objects.get(locale__language_code="fr")
    page = ContentPage(title="Seulement en français", slug="seulement-fr")
    home.add_child(instance=page)
    page.save_revision().publish()
    html = client.get("/fr/seulement-fr/").content.decode()
    assert 'href="/en/" hreflang="en"' in html
    assert 'hreflang="en" href=' not in html  # no alternate for a translation that does not exist


def test_every_region_has_a_page_in_both_languages():
    for code in ("fr", "en"):
        assert RegionPage.objects.filter(locale__language_code=code).count() == 18


def test_navigation_comes_from_the_page_tree(client, commit):
    html = client.get("/fr/").content.decode()
    assert 'href="/fr/regions/"' in html and 'href="/fr/ressources/"' in html
    assert 'href="/fr/mentions-legales/"' in html and 'href="/fr/accessibilite/"' in html
    # Publishing a new menu page shows up at once: the navigation cache is invalidated.
    home = HomePage.objects.get(locale__language_code="fr")
    from cms.models import ContentPage

    page = ContentPage(title="Séminaires", slug="seminaires", show_in_menus=True)
    with commit():
        home.add_child(instance=page)
        page.save_revision().publish()
    assert 'href="/fr/seminaires/"' in client.get("/fr/").content.decode()
    with commit():
        page.unpublish()
    assert 'href="/fr/seminaires/"' not in client.get("/fr/").content.decode()


def test_unknown_page_is_a_localised_404(client):
    response = client.get("/en/no-such-page/")
    assert response.status_code == 404
    assert "Page not found" in response.content.decode()
    response = client.get("/fr/pas-de-page/")
    assert "Page introuvable" in response.content.decode()


def test_site_setup_is_idempotent():
    from cms.services.site_setup import setup_site

    before = Page.objects.count()
    setup_site()
    assert Page.objects.count() == before


def test_region_page_shows_a_renamed_person_at_once(client, people, commit):
    trainer = people["trainer_bretagne"]
    assert trainer.get_full_name() in client.get("/fr/regions/bretagne/").content.decode()
    client.force_login(trainer)
    with commit():
        response = client.post("/fr/accounts/profile/", {
            "first_name": "Gwenola", "last_name": "Le Bras", "preferred_language": "fr",
            "structure_type": "msp", "structure_name": "MSP de Brocéliande", "structure_town": "Ploërmel",
        })
    assert response.status_code == 302
    client.logout()
    html = client.get("/fr/regions/bretagne/").content.decode()
    assert "Gwenola Le Bras" in html
