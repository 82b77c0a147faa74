"""FrenchTypographyMiddleware: French pages leave typeset, once; English pages and the admin as they are."""

import timeit

import pytest

from cms.models import ContentPage, HomePage
from cms.page_cache import HEADER
from cms.typography import typeset_html

pytestmark = pytest.mark.django_db

NB = "\u00a0"
NNB = "\u202f"


def _publish_intro(language, intro):
    home = HomePage.objects.get(locale__language_code=language)
    home.intro = intro
    home.save_revision().publish()


def test_french_pages_are_typeset_and_english_ones_are_not(client):
    _publish_intro("fr", "Bienvenue : l'équipe « PACTE » vous attend ! Prête ?")
    _publish_intro("en", "Welcome : the team's « PACTE » awaits !")
    french = client.get("/fr/")
    assert f"Bienvenue{NB}: l’équipe «{NB}PACTE{NB}» vous attend{NNB}! Prête{NNB}?" in french.content.decode()
    # The catalogue's strings too (Django writes ' as &#x27;).
    assert "Programme d’amélioration continue du travail en équipe" in french.content.decode()
    # CommonMiddleware measured the page before it was typeset (no-break spaces are longer in UTF-8).
    assert french["Content-Length"] == str(len(french.content))
    english = client.get("/en/").content.decode()
    assert "Welcome : the team&#x27;s « PACTE » awaits !" in english


def test_the_page_cache_keeps_the_typeset_page(client):
    _publish_intro("fr", "Rendez-vous à 12:30 : voir https://exemple.fr/l'agenda?jour=1")
    first = client.get("/fr/")
    assert first[HEADER] == "miss"
    html = first.content.decode()
    assert f"Rendez-vous à 12:30{NB}: voir https://exemple.fr/l&#x27;agenda?jour=1" in html
    second = client.get("/fr/")
    assert second[HEADER] == "hit"
    assert second.content == first.content


def test_a_french_error_page_is_typeset(client):
    html = client.get("/fr/pas-de-page/").content.decode()
    assert "n’existe pas" in html and "n&#x27;existe" not in html and "n'existe" not in html


def test_the_admin_is_left_as_it_is(client, people):
    home = HomePage.objects.get(locale__language_code="fr")
    page = ContentPage(title="Qu'est-ce que PACTE ?", slug="quest-ce-que-pacte")
    home.add_child(instance=page)
    page.save_revision().publish()
    client.force_login(people["national"])
    admin = client.get(f"/admin/pages/{home.pk}/")
    assert admin["Content-Language"] == "fr"
    assert "Qu&#x27;est-ce que PACTE ?" in admin.content.decode()
    public = client.get("/fr/quest-ce-que-pacte/").content.decode()
    assert f"<h1>Qu’est-ce que PACTE{NNB}?</h1>" in public


def test_typesetting_a_large_region_page_costs_well_under_a_millisecond(client, people):
    """The cost of typesetting, on a region page of 35 KB or more as the national team sees it (every coordinator
    listed, 500 apostrophes to set). A parser (html.parser) costs several milliseconds here. The best of 20 runs, so
    that a busy machine does not make it fail."""
    from people.models import Region, User

    bretagne = Region.objects.get(code="bretagne")
    people_ = User.objects.bulk_create(
        User(email=f"c{n}@example.org", first_name=f"Anne-Cécile {n}", last_name="L'Hôpital", role="coordinator",
             structure_type="msp", structure_name=f"MSP de l'Odet {n}", structure_town="Quimper")
        for n in range(250)
    )
    bretagne.members.add(*people_)
    client.force_login(people["national"])
    html = client.get("/fr/regions/bretagne/").content.decode()
    assert len(html.encode()) > 35_000 and "L’Hôpital" in html
    raw = html.replace("’", "&#x27;")  # the page as the templates wrote it, before typesetting
    seconds = min(timeit.repeat(lambda: typeset_html(raw), number=1, repeat=20))
    assert seconds < 0.002, f"{seconds * 1000:.2f} ms"
