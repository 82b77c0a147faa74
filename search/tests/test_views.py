"""The results page and the suggestions endpoint: what a person sees, in both languages, whatever they type."""

import json
from datetime import datetime, timedelta, timezone

import pytest

from search.backends import get_backend
from search.backends.base import Entry
from search.enums import Access

pytestmark = pytest.mark.django_db


def _entry(n, *, access=Access.PUBLIC, region_id=None, title=None, body=None, kind="cms.contentpage", **extra):
    return Entry(
        f"page:{880000 + n}", kind, title or f"Fiche numéro {n} de l’équipe", body or f"Texte sur la glorbule {n}.",
        "fr", f"/fr/fiche-{n}/", access, region_id=region_id,
        date=datetime(2024, 1, 1, tzinfo=timezone.utc) - timedelta(days=n), **extra,
    )


@pytest.fixture
def many():
    """Sixty public entries on one word, and planted ones the visitors must never see."""
    entries = [_entry(n, theme="team" if n % 2 else "quality") for n in range(60)]
    get_backend().index(entries)
    return entries


@pytest.fixture
def secrets(region):
    normandie = region("normandie").pk
    get_backend().index([
        _entry(100, access=Access.REGION, region_id=normandie, title="Secret normand glorbule", kind="post",
               body="Un message glorbule de Normandie"),
        _entry(101, access=Access.TRAINERS, title="Notes glorbule des formateurs", kind="document"),
    ])


def test_results_page_ranks_highlights_and_pages(client, many):
    response = client.get("/fr/search/", {"q": "glorbule"})
    assert response.status_code == 200
    html = response.content.decode()
    assert "60 résultats" in html
    assert "<mark>glorbule</mark>" in html
    assert html.count('class="search-hit"') == 20
    assert "page=2" in html and 'rel="next"' in html
    assert response["Cache-Control"].count("private") == 1
    second = client.get("/fr/search/", {"q": "glorbule", "page": 3}).content.decode()
    assert second.count('class="search-hit"') == 20 and 'rel="next"' not in second


def test_facets_narrow_and_combine_in_the_url(client, many):
    html = client.get("/fr/search/", {"q": "glorbule", "theme": "team"}).content.decode()
    assert "30 résultats" in html
    assert "Management and team dynamics" in html or "Management et dynamique d’équipe" in html or "team" in html
    html = client.get("/fr/search/", {"q": "glorbule", "theme": ["team", "quality"], "year": "2023"}).content.decode()
    assert "résultat" in html and 'aria-current="true"' in html


def test_snippets_are_escaped_except_the_marks(client):
    get_backend().index([_entry(1, body='<script>alert("x")</script> <mark>faux</mark> glorbule & <b>gras</b>')])
    html = client.get("/fr/search/", {"q": "glorbule"}).content.decode()
    assert "<script>alert" not in html and "<b>gras</b>" not in html
    assert "<mark>faux</mark>" not in html  # a mark written in the content stays text (or is dropped)
    assert "<mark>glorbule</mark>" in html


def test_english_page(client, many):
    html = client.get("/en/search/", {"q": "glorbule"}).content.decode()
    assert "60 results" in html and '<html lang="en">' in html
    assert 'lang="fr"' in html  # French results say so


@pytest.mark.parametrize("who", [None, "coordinator_bretagne", "partner_bretagne", "trainer_bretagne"])
def test_planted_content_never_leaks(client, people, many, secrets, who):
    if who:
        client.force_login(people[who])
    html = client.get("/fr/search/", {"q": "glorbule secret normand"}).content.decode()
    assert "Secret normand" not in html and "0 résultat" in html
    html = client.get("/fr/search/", {"q": "glorbule", "kind": "post"}).content.decode()
    assert "Secret normand" not in html and "Normandie" not in html  # neither as a hit nor a facet count
    suggestions = client.get("/fr/search/suggest/", {"q": "secret norm"}).json()["suggestions"]
    assert suggestions == []
    formateurs = client.get("/fr/search/suggest/", {"q": "notes glorb"}).json()["suggestions"]
    assert bool(formateurs) == (who == "trainer_bretagne")


def test_suggestions_as_json(client, many):
    response = client.get("/fr/search/suggest/", {"q": "equipe fiche"})
    assert response.status_code == 200 and response["Content-Type"] == "application/json"
    titles = [s["title"] for s in response.json()["suggestions"]]
    assert 0 < len(titles) <= 8 and all("équipe" in t for t in titles)
    assert client.get("/fr/search/suggest/", {"q": "e"}).json() == {"suggestions": []}


@pytest.mark.parametrize("who", [None, "coordinator_bretagne", "national"])
def test_results_page_query_count_does_not_grow_with_hits(client, people, many, who, django_assert_max_num_queries):
    if who:
        client.force_login(people[who])
    client.get("/fr/search/", {"q": "glorbule"})
    with django_assert_max_num_queries(19):
        response = client.get("/fr/search/", {"q": "glorbule", "theme": "team", "page": 2})
    assert response.status_code == 200


HOSTILE = [
    {"q": '"unbalanced quote'}, {"q": "-"}, {"q": "- -- ---"}, {"q": "AND OR NOT"}, {"q": "title:(a OR b)^3 ~2 *"},
    {"q": "'; DROP TABLE search_searchentry; --"}, {"q": "glorbule\x01\x02\x1b"}, {"q": "x" * 20_000},
    {"q": " ".join(["glorbule"] * 500)}, {"q": "glorbule", "page": "999999999999"}, {"q": "glorbule", "page": "-3"},
    {"q": "glorbule", "page": "abc"}, {"q": "glorbule", "year": "not-a-year"}, {"q": "glorbule", "region": "99999"},
    {"q": "glorbule", "kind": "x" * 500}, {"q": "\ue000glorbule\ue001"}, {"q": "NEAR(glorbule)"}, {"q": '"""'},
    {"q": ["glorbule", "autre"]}, {},
]


@pytest.mark.parametrize("params", HOSTILE)
def test_hostile_input_never_fails(client, many, params):
    response = client.get("/fr/search/", params)
    assert response.status_code == 200
    assert client.get("/fr/search/suggest/", params).status_code == 200


def test_clear_messages(client, many):
    assert "Tapez au moins un mot" in client.get("/fr/search/", {"q": "-glorbule"}).content.decode()
    assert "seuls ses premiers mots" in client.get("/fr/search/", {"q": " ".join(f"m{i}" for i in range(40))}).content.decode()
    html = client.get("/fr/search/", {"q": "glorbule", "page": 9}).content.decode()
    assert "Il n’y a pas de page 9" in html
    html = client.get("/fr/search/", {"q": "glorbule", "page": 1000}).content.decode()
    assert "jusqu’à la page 50" in html


def test_every_page_has_the_search_box(client):
    html = client.get("/fr/").content.decode()
    assert 'role="search"' in html and 'action="/fr/search/"' in html and "js/search.js" in html
    assert 'data-suggest-url="/fr/search/suggest/"' in html
    assert "<script>" not in html.split("</head>")[0].replace("<script src", "")  # no inline script


def test_json_endpoint_is_not_cached_publicly(client, many):
    response = client.get("/fr/search/suggest/", {"q": "fiche"})
    assert "private" in response["Cache-Control"] and json.loads(response.content)
