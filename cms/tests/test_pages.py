import re
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
        ("/fr/accessibilite/", "fr", "Déclaration d’accessibilité"),  # typeset: cms.typography
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


def test_an_untranslated_french_page_under_en_is_marked_french_with_a_notice(people, client,
                                                                               django_capture_on_commit_callbacks):
    """Translating a page whose parent has no English page yet makes wagtail-localize put an alias of the French
    parent (same text, live) in the English tree: it is shown as French text, with a notice in English."""
    from wagtail.models import Locale

    from cms.tests.factories import content_page

    parent = content_page(RegionPage.objects.get(region__code="bretagne", locale__language_code="fr"),
                          "Les séminaires bretons", "seminaires-bretons", intro="Trois séminaires par an.")
    child = content_page(parent, "Séminaire d'automne", "automne")
    english = Locale.objects.get(language_code="en")
    client.force_login(people["trainer_bretagne"])
    with django_capture_on_commit_callbacks(execute=True):
        client.post(f"/admin/localize/submit/page/{child.pk}/", {"locales": [english.pk]})
    client.logout()
    alias = parent.get_translation(english)
    assert alias.alias_of_id == parent.pk and alias.live

    html = client.get(alias.get_url()).content.decode()
    assert '<html lang="en">' in html
    assert "This page has not been translated yet" in html
    assert '<div class="page-header" lang="fr">' in html
    assert '<div class="prose" lang="fr">' in html
    # A real translation carries no notice.
    html = client.get("/en/regions/bretagne/").content.decode()
    assert "not been translated" not in html and 'lang="fr"' not in html.split("<main")[1].split("</main>")[0]


def test_the_region_index_lists_regions_in_french_order(client):
    from people.collation import sort_key

    html = client.get("/fr/regions/").content.decode()
    listed = re.findall(r'<li><a href="/fr/regions/[^"]+/">([^<]+)</a></li>', html)
    assert len(listed) == 18
    assert listed == sorted(listed, key=sort_key)
    assert listed.index("Hauts-de-France") + 1 == listed.index("Île-de-France") == listed.index("La Réunion") - 1


def test_the_audit_date_is_written_the_french_way_and_the_british_way(client):
    import datetime

    from cms.models import AccessibilityStatementPage

    for page in AccessibilityStatementPage.objects.all():
        page.audit_date = datetime.date(2026, 9, 15)
        page.save_revision().publish()
    assert "Audit réalisé le 15 septembre 2026." in client.get("/fr/accessibilite/").content.decode()
    assert "Audit carried out on 15 September 2026." in client.get("/en/accessibility/").content.decode()


def test_a_french_title_gets_an_ascii_slug_in_the_admin(client, people):
    from cms.models import ContentPage

    home = HomePage.objects.get(locale__language_code="fr")
    client.force_login(people["national"])
    form = client.get(f"/admin/pages/add/cms/contentpage/{home.pk}/").content.decode()
    assert 'name="slug" data-controller="w-slug"' in form
    assert "data-w-slug-allow-unicode-value" not in form  # so the admin's script writes equipe-de-soins
    # What the script would send were it allowed Unicode, or what a paste leaves when it does not run.
    response = client.post(f"/admin/pages/add/cms/contentpage/{home.pk}/", {
        "title": "Équipe de soins", "slug": "équipe-de-soins", "intro": "", "body-count": "0", "action-publish": "1",
    })
    assert response.status_code == 302, response.content.decode()[:3000]
    page = ContentPage.objects.get(title="Équipe de soins")
    assert page.slug == "equipe-de-soins"
    assert client.get("/fr/equipe-de-soins/").status_code == 200


def test_translated_slugs_are_ascii_too():
    from cms.models import ContentPage
    from cms.services.translation import translate

    home = HomePage.objects.get(locale__language_code="fr")
    page = ContentPage(title="Équipe de soins")
    home.add_child(instance=page)
    page.save_revision().publish()
    assert page.slug == "equipe-de-soins"  # made from the title
    english = translate(page, "en", {"Équipe de soins": "Care team", "equipe-de-soins": "équipe-soignante"}, publish=True)
    assert english.slug == "equipe-soignante"
    assert all(slug.isascii() for slug in Page.objects.values_list("slug", flat=True))
