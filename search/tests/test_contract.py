"""One battery for every backend (search/tests/conftest.py `backend`): the database backend on SQLite and on
PostgreSQL, Elasticsearch when ELASTICSEARCH_URL is set. Same entries, same queries, same readers, same answers.

Planted words ("zorglub", "vortimax"...) exist nowhere else, so that the pages site setup indexed do not count."""

from datetime import datetime, timezone

import pytest

from search.backends.base import Entry, Reader
from search.enums import Access
from search.permissions import can_read
from search.text import START, STOP, parse_query

pytestmark = pytest.mark.django_db


def when(year, month=1):
    return datetime(year, month, 1, tzinfo=timezone.utc)


@pytest.fixture
def regions(region):
    return {"bretagne": region("bretagne").pk, "normandie": region("normandie").pk}


@pytest.fixture
def corpus(regions):
    b, n = regions["bretagne"], regions["normandie"]
    return [
        Entry("page:990001", "cms.contentpage", "L’Équipe de coordination zorglub",
              "Animer le travail en équipe pluriprofessionnelle.", "fr", "/fr/equipe/", Access.PUBLIC,
              theme="team", date=when(2024)),
        Entry("page:990002", "cms.contentpage", "Coordination des soins",
              "Les soins primaires et l’accès aux soins zorglub, une démarche qualité.", "fr", "/fr/soins/",
              Access.PUBLIC, theme="quality", date=when(2023)),
        Entry("document:990003", "document", "Guide des coordinations territoriales",
              "Référentiel zorglub pour les coordinations.", "fr", "/fr/documents/3/", Access.MEMBERS,
              theme="territory", date=when(2022)),
        Entry("post:990004", "post", "Un sujet de Bretagne", "Question zorglub sur l’équipe bretonne.", "fr",
              "/fr/forums/posts/4/", Access.REGION, region_id=b, partners=False, date=when(2024, 3),
              title_searched=False),
        Entry("post:990005", "post", "Un sujet de Normandie", "Secret zorglub normand.", "fr", "/fr/forums/posts/5/",
              Access.REGION, region_id=n, partners=True, date=when(2024, 4), title_searched=False),
        Entry("page:990006", "cms.contentpage", "Team coordination zorglub", "Teams and primary care.", "en",
              "/en/team/", Access.PUBLIC, theme="team", date=when(2024)),
        Entry("document:990007", "document", "Notes pour formateurs zorglub", "Réservé aux formateurs.", "fr",
              "/fr/documents/7/", Access.TRAINERS, date=when(2021)),
        Entry("post:990008", "post", "Un sujet de Bretagne", "Message masqué zorglub.", "fr", "/fr/forums/posts/8/",
              Access.REGION_TRAINERS, region_id=b, date=when(2024, 5), title_searched=False),
        Entry("post:990009", "post", "Un sujet national", "Message supprimé zorglub.", "fr", "/fr/forums/posts/9/",
              Access.NATIONAL, date=when(2024, 6), title_searched=False),
        Entry("page:990010", "cms.contentpage", "Page de groupe zorglub", "Restreinte à un groupe.", "fr",
              "/fr/groupe/", Access.GROUPS, group_ids=(424242,), date=when(2020)),
        # Ranking: the same word in a title and in a body; two identical texts of different ages.
        Entry("page:990011", "cms.contentpage", "Vortimax", "Rien d’autre.", "fr", "/fr/v1/", Access.PUBLIC,
              date=when(2019)),
        Entry("page:990012", "cms.contentpage", "Autre chose", "Un texte qui parle de vortimax.", "fr", "/fr/v2/",
              Access.PUBLIC, date=when(2025)),
        Entry("page:990013", "cms.contentpage", "Quarzelle", "Texte identique.", "fr", "/fr/q1/", Access.PUBLIC,
              date=when(2020)),
        Entry("page:990014", "cms.contentpage", "Quarzelle", "Texte identique.", "fr", "/fr/q2/", Access.PUBLIC,
              date=when(2024)),
    ]


@pytest.fixture
def readers(regions):
    b, n = regions["bretagne"], regions["normandie"]
    return {
        "anonymous": Reader(),
        "coordinator_bretagne": Reader(authenticated=True, region_ids=frozenset({b})),
        "partner_bretagne": Reader(authenticated=True, partner=True, region_ids=frozenset({b})),
        "partner_normandie": Reader(authenticated=True, partner=True, region_ids=frozenset({n})),
        "trainer_bretagne": Reader(authenticated=True, trainer=True, region_ids=frozenset({b}),
                                   trainer_region_ids=frozenset({b})),
        "trainer_normandie": Reader(authenticated=True, trainer=True, region_ids=frozenset({n}),
                                    trainer_region_ids=frozenset({n})),
        "national": Reader(authenticated=True, national=True),
        "group_member": Reader(authenticated=True, group_ids=frozenset({424242})),
        "superuser": Reader(authenticated=True, national=True, superuser=True),
    }


@pytest.fixture
def indexed(backend, corpus):
    backend.index(corpus)
    return backend


def found(backend, text, reader, **kwargs):
    kwargs.setdefault("filters", {})
    results = backend.search(parse_query(text), reader, offset=0, limit=kwargs.pop("limit", 50), **kwargs)
    return results, [hit.source for hit in results.hits]


@pytest.mark.parametrize(
    ("typed", "source"),
    [("equipe", "page:990001"), ("coordinations", "page:990002"), ("soin", "page:990002"),
     ("acces", "page:990002"), ("référentiel coordination", "document:990003"), ("teams", "page:990006"),
     ('"acces aux soins"', "page:990002"), ("DÉMARCHE QUALITÉ", "page:990002")],
)
def test_french_aware_matching(indexed, readers, typed, source):
    _results, sources = found(indexed, f"{typed} zorglub", readers["national"])
    assert source in sources


def test_every_word_is_required_and_minus_excludes(indexed, readers):
    _r, sources = found(indexed, "zorglub soins", readers["anonymous"])
    assert sources == ["page:990002"]
    _r, sources = found(indexed, "zorglub -soins", readers["anonymous"])
    assert "page:990002" not in sources and "page:990001" in sources
    _r, sources = found(indexed, '"soins zorglub" ', readers["anonymous"])
    assert sources == ["page:990002"]
    _r, sources = found(indexed, '"zorglub soins"', readers["anonymous"])
    assert sources == []


def test_each_reader_finds_exactly_what_they_may_read(indexed, corpus, readers):
    """Results, totals and facet counts: planted content of other regions, trainers, moderators, groups never
    shows, not even as a count."""
    for name, reader in readers.items():
        expected = {e.source for e in corpus if "zorglub" in (e.title + e.body).lower() and can_read(reader, e)}
        results, sources = found(indexed, "zorglub", reader)
        assert set(sources) == expected, name
        assert results.total == len(expected), name
        kinds = dict(results.facets["kind"])
        assert sum(kinds.values()) == len(expected), name
        regions_counted = sum(count for _value, count in results.facets["region"])
        assert regions_counted == sum(1 for e in corpus if e.source in expected and e.region_id), name


def test_the_rules_themselves(indexed, readers):
    sources = {name: set(found(indexed, "zorglub", reader)[1]) for name, reader in readers.items()}
    assert sources["anonymous"] == {"page:990001", "page:990002", "page:990006"}
    assert "post:990004" in sources["coordinator_bretagne"] and "post:990005" not in sources["coordinator_bretagne"]
    assert "post:990004" not in sources["partner_bretagne"]  # a forum closed to partners
    assert "post:990005" in sources["partner_normandie"]
    assert "post:990008" in sources["trainer_bretagne"] and "post:990008" not in sources["trainer_normandie"]
    assert "document:990007" in sources["trainer_normandie"] and "document:990007" not in sources["partner_bretagne"]
    assert "post:990009" in sources["national"] and "post:990009" not in sources["trainer_bretagne"]
    assert "page:990010" in sources["group_member"] and "page:990010" not in sources["national"]
    assert "page:990010" in sources["superuser"]


def test_suggestions_are_accent_insensitive_and_permission_aware(indexed, readers):
    titles = [s["title"] for s in indexed.suggest("equipe de coord", readers["anonymous"], limit=8)]
    assert "L’Équipe de coordination zorglub" in titles
    assert [s["title"] for s in indexed.suggest("ZORGLUB", readers["anonymous"], limit=20) if "zorglub" in
            s["title"].lower()]
    for name, reader in readers.items():
        titles = {s["title"] for s in indexed.suggest("zorglub", reader, limit=20)}
        assert ("Notes pour formateurs zorglub" in titles) == (reader.trainer or reader.national), name
        assert ("Page de groupe zorglub" in titles) == (424242 in reader.group_ids or reader.superuser), name
    # Posts are found by their text, not suggested by their topic's title.
    assert not indexed.suggest("Un sujet de Bretagne", readers["national"], limit=8) or all(
        s["kind"] != "post" for s in indexed.suggest("Un sujet de Bretagne", readers["national"], limit=8)
    )


def test_titles_weigh_more_and_recency_breaks_ties(indexed, readers):
    _r, sources = found(indexed, "vortimax", readers["anonymous"])
    assert sources == ["page:990011", "page:990012"]  # the title match, although older
    _r, sources = found(indexed, "quarzelle", readers["anonymous"])
    assert sources == ["page:990014", "page:990013"]  # identical: the newer first


def test_snippets_highlight_the_matching_words(indexed, readers):
    results, _s = found(indexed, "soin zorglub", readers["anonymous"])
    snippet = results.hits[0].snippet
    assert f"{START}soins{STOP}" in snippet


def test_facets_count_and_combine(indexed, readers):
    national = readers["national"]
    results, _s = found(indexed, "zorglub", national)
    assert dict(results.facets["kind"])["post"] == 4
    assert dict(results.facets["language"]) == {"fr": 8, "en": 1}
    assert dict(results.facets["year"])[2024] == 6
    results, sources = found(indexed, "zorglub", national, filters={"kind": ["post"], "year": [2024]})
    assert results.total == 4 and all(s.startswith("post:") for s in sources)
    # A facet's own values stay countable while it is filtered: one can widen it again.
    assert dict(results.facets["kind"])["cms.contentpage"] == 2
    results, sources = found(indexed, "zorglub", national, filters={"theme": ["team"], "language": ["en"]})
    assert sources == ["page:990006"]


def test_paging(indexed, readers):
    first, first_sources = found(indexed, "zorglub", readers["national"], limit=3)
    second = indexed.search(parse_query("zorglub"), readers["national"], filters={}, offset=3, limit=3)
    assert first.total == second.total == 9
    assert not set(first_sources) & {h.source for h in second.hits}
    beyond = indexed.search(parse_query("zorglub"), readers["national"], filters={}, offset=900, limit=3)
    assert beyond.hits == [] and beyond.total == 9


def test_replacing_and_deleting_entries(indexed, corpus, readers):
    changed = corpus[0]
    changed.body = "Un texte tout neuf: plimbaz."
    indexed.index([changed])
    assert found(indexed, "plimbaz", readers["anonymous"])[1] == ["page:990001"]
    indexed.delete(["page:990001"])
    assert found(indexed, "plimbaz", readers["anonymous"])[1] == []


@pytest.mark.parametrize(
    "raw",
    ['"zorglub', "zorglub AND (", "title:zorglub^3", "zorglub' OR 1=1 --", "zorglub\x00\x07", "- zorglub -",
     "zorglub " + "x" * 3000, 'zorglub NEAR "', "*zorglub*", "zorglub -\"\""],
)
def test_hostile_queries_answer(indexed, readers, raw):
    results, _s = found(indexed, raw, readers["anonymous"])
    assert results.total >= 0


def test_snippets_find_a_match_far_into_a_long_body(backend, readers):
    """A reference document whose only match lies beyond the first 50,000 characters still gets its highlight."""
    filler = "Paragraphe de remplissage sans rapport avec la recherche. " * 1500  # 87,000 characters
    backend.index([
        Entry("document:990101", "document", "Un long référentiel", filler + "Le mot glorbinax est enfin là.",
              "fr", "/fr/documents/101/", Access.PUBLIC, date=when(2024)),
    ])
    results, sources = found(backend, "glorbinax", readers["anonymous"])
    assert sources == ["document:990101"]
    assert f"{START}glorbinax{STOP}" in results.hits[0].snippet


def test_suggestions_fold_accents_and_case_and_keep_to_the_reader(backend, readers, regions):
    """Typed without accents, in capitals, at the start of any word of the title (after a space, an apostrophe or a
    hyphen); only titles the reader may read, never a post's topic title."""
    backend.index([
        Entry("page:990201", "cms.contentpage", "Réseau d’Équipes pluriprofessionnelles krolmir", "Texte.", "fr",
              "/fr/krolmir-1/", Access.PUBLIC, date=when(2024)),
        Entry("page:990202", "cms.contentpage", "Cœur de métier krolmir", "Texte.", "fr", "/fr/krolmir-2/",
              Access.PUBLIC, date=when(2023)),
        Entry("page:990203", "cms.contentpage", "Porte-équipement krolmir", "Texte.", "fr", "/fr/krolmir-3/",
              Access.PUBLIC, date=when(2022)),
        Entry("document:990204", "document", "Équipe régionale krolmir", "Texte.", "fr", "/fr/documents/204/",
              Access.REGION_TRAINERS, region_id=regions["bretagne"], date=when(2025)),
        Entry("post:990205", "post", "Équipes krolmir du forum", "Texte.", "fr", "/fr/forums/posts/205/",
              Access.PUBLIC, date=when(2025), title_searched=False),
    ])

    def titles(typed, reader="anonymous"):
        return [s["title"] for s in backend.suggest(typed, readers[reader], limit=8)]

    assert titles("EQUIPES krol") == ["Réseau d’Équipes pluriprofessionnelles krolmir"]
    assert titles("équip krolmir") == ["Réseau d’Équipes pluriprofessionnelles krolmir",
                                       "Porte-équipement krolmir"]
    assert titles("coeur krolm") == ["Cœur de métier krolmir"]
    assert titles("quipe krolmir") == []  # the start of a word, not its middle
    assert titles("equipe krolmir", "trainer_bretagne") == ["Équipe régionale krolmir",
                                                             "Réseau d’Équipes pluriprofessionnelles krolmir",
                                                             "Porte-équipement krolmir"]
    for name in ("anonymous", "coordinator_bretagne", "partner_bretagne", "trainer_normandie"):
        assert "Équipe régionale krolmir" not in titles("equipe krolmir", name), name


def test_every_page_is_a_slice_of_the_whole_ranking(indexed, readers):
    """Pages short enough to be filled by title matches alone (PostgreSQL ranks only those then) and pages that are
    not give the same order as the whole list."""
    for text in ("zorglub", "vortimax", "zorglub coordination"):
        whole = found(indexed, text, readers["national"])[1]
        for limit in (1, 2, 3, 5):
            for offset in range(0, len(whole) + 1, limit):
                page = indexed.search(parse_query(text), readers["national"], filters={}, offset=offset, limit=limit)
                assert [hit.source for hit in page.hits] == whole[offset : offset + limit], (text, limit, offset)
                assert page.total == len(whole)
