"""Every published page can be found: pages list their sub-pages, the site map shows the whole tree, the main menu
says which section a page is in, and every footer states the conformity level and links the site map."""

import re

import pytest
from django.contrib.auth.models import Group
from wagtail.models import PageViewRestriction

from cms.models import AccessibilityStatementPage, ContentPage, HomePage, RegionPage

pytestmark = pytest.mark.django_db


def publish(parent, title, slug, **fields):
    page = ContentPage(title=title, slug=slug, **fields)
    parent.add_child(instance=page)
    page.save_revision().publish()
    return page


@pytest.fixture
def bretagne():
    return RegionPage.objects.get(region__code="bretagne", locale__language_code="fr")


def links_in(html, selector_start):
    """The hrefs inside the first element whose opening tag starts with `selector_start`."""
    start = html.index(selector_start)
    return re.findall(r'href="([^"]+)"', html[start:html.index("</section>", start)])


def test_region_page_lists_the_pages_trainers_create_under_it(client, bretagne):
    seminar = publish(bretagne, "Séminaire de mars", "seminaire-de-mars", intro="Deux jours à Rennes.")
    publish(bretagne, "Travaux inter-séminaires", "travaux")

    html = client.get("/fr/regions/bretagne/").content.decode()

    assert links_in(html, '<section class="child-pages"') == [
        "/fr/regions/bretagne/seminaire-de-mars/",
        "/fr/regions/bretagne/travaux/",
    ]
    assert "Deux jours à Rennes." in html
    assert "Dans cette rubrique" in html
    # And a content page lists its own children in turn.
    publish(seminar, "Programme", "programme")
    html = client.get("/fr/regions/bretagne/seminaire-de-mars/").content.decode()
    assert links_in(html, '<section class="child-pages"') == ["/fr/regions/bretagne/seminaire-de-mars/programme/"]


def test_a_new_sub_page_shows_at_once_on_a_cached_region_page(client, bretagne):
    assert "child-pages" not in client.get("/fr/regions/bretagne/").content.decode()
    publish(bretagne, "Séminaire de juin", "seminaire-de-juin")
    assert "/fr/regions/bretagne/seminaire-de-juin/" in client.get("/fr/regions/bretagne/").content.decode()


def test_drafts_and_private_pages_are_not_listed(client, bretagne):
    draft = ContentPage(title="Brouillon", slug="brouillon", live=False)
    bretagne.add_child(instance=draft)
    draft.save_revision()
    private = publish(bretagne, "Compte rendu du COPIL", "copil")
    restriction = PageViewRestriction.objects.create(page=private, restriction_type=PageViewRestriction.GROUPS)
    restriction.groups.add(Group.objects.create(name="COPIL Bretagne"))
    publish(bretagne, "Public", "public")

    html = client.get("/fr/regions/bretagne/").content.decode()

    assert "/fr/regions/bretagne/public/" in html
    assert "brouillon" not in html and "copil" not in html


def test_the_region_index_lists_its_regions_once(client):
    html = client.get("/fr/regions/").content.decode()
    assert html.count('href="/fr/regions/bretagne/"') == 1
    assert "child-pages" not in html


def test_learning_index_lists_its_resources(client):
    index = HomePage.objects.get(locale__language_code="fr").get_children().get(slug="ressources")
    publish(index, "Fiche : le diagnostic territorial", "diagnostic", intro="Les étapes du diagnostic.")

    html = client.get("/fr/ressources/").content.decode()

    assert 'href="/fr/ressources/diagnostic/"' in html
    assert "Les étapes du diagnostic." in html


def test_site_map_shows_the_whole_public_tree_in_its_language(client, bretagne):
    seminar = publish(bretagne, "Séminaire de mars", "seminaire-de-mars")
    publish(seminar, "Programme", "programme")
    hidden = publish(bretagne, "Caché", "cache")
    hidden.unpublish()

    html = client.get("/fr/plan-du-site/").content.decode()
    tree = html[html.index('<nav class="sitemap"'):html.index("</nav>", html.index('<nav class="sitemap"'))]

    for path in ["/fr/", "/fr/regions/", "/fr/regions/normandie/", "/fr/ressources/", "/fr/mentions-legales/",
                 "/fr/accessibilite/", "/fr/regions/bretagne/seminaire-de-mars/programme/"]:
        assert f'href="{path}"' in tree, path
    assert "/fr/regions/bretagne/cache/" not in tree
    assert "/en/" not in tree
    # Nested as the tree is: the programme sits inside the seminar's item, inside Bretagne's.
    assert re.search(r'bretagne/">Bretagne</a>\s*<ul>\s*<li><a href="[^"]+seminaire-de-mars/">[^<]+</a>\s*<ul>'
                     r'\s*<li><a href="[^"]+/programme/">', tree)
    english = client.get("/en/site-map/").content.decode()
    assert 'href="/en/regions/bretagne/"' in english and 'href="/fr/regions/' not in english


def test_a_page_under_a_draft_is_not_in_the_site_map(client, bretagne):
    draft = ContentPage(title="Brouillon", slug="brouillon", live=False)
    bretagne.add_child(instance=draft)
    draft.save_revision()
    publish(draft, "Sous un brouillon", "sous-un-brouillon")

    response = client.get("/fr/plan-du-site/")

    assert response.status_code == 200
    html = response.content.decode()
    assert 'href="/fr/regions/bretagne/"' in html
    assert "sous-un-brouillon" not in html


@pytest.mark.parametrize("url", ["/fr/", "/fr/regions/bretagne/", "/fr/accounts/login/", "/en/accessibility/"])
def test_every_footer_links_the_site_map_and_states_the_conformity_level(client, url):
    html = client.get(url).content.decode()
    footer = html[html.index('<footer'):]
    if url.startswith("/fr/"):
        assert 'href="/fr/plan-du-site/">Plan du site</a>' in footer
        assert 'href="/fr/accessibilite/">Accessibilité\u00a0: partiellement conforme</a>' in footer
    else:
        assert 'href="/en/site-map/">Site map</a>' in footer
        assert 'href="/en/accessibility/">Accessibility: partially compliant</a>' in footer


def test_footer_follows_the_statement_conformity(client):
    statement = AccessibilityStatementPage.objects.get(locale__language_code="fr")
    client.get("/fr/")
    statement.conformity = AccessibilityStatementPage.Conformity.FULL
    statement.save_revision().publish()
    assert "Accessibilité\u00a0: totalement conforme" in client.get("/fr/").content.decode()


def main_menu(html):
    start = html.index('class="main-nav"')
    return html[start:html.index("</nav>", start)]


def test_main_menu_marks_the_current_section_on_its_descendants(client, bretagne):
    publish(bretagne, "Séminaire de mars", "seminaire-de-mars")

    section = main_menu(client.get("/fr/regions/").content.decode())
    assert '<a href="/fr/regions/" aria-current="page">' in section

    for url in ["/fr/regions/bretagne/", "/fr/regions/bretagne/seminaire-de-mars/"]:
        menu = main_menu(client.get(url).content.decode())
        assert '<a href="/fr/regions/" aria-current="true">' in menu, url
        assert menu.count("aria-current") == 1, url

    # A page outside the menu's sections marks none of them.
    assert "aria-current" not in main_menu(client.get("/fr/accessibilite/").content.decode())
