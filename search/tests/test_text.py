"""The analysis every backend shares: folding, elisions, stop words, stemming; the query parser on any input."""

import pytest

from search.text import START, STOP, analyze, clean, fold, highlight, parse_query


@pytest.mark.parametrize(
    ("typed", "written"),
    [("equipe", "Équipe"), ("coordinations", "coordination"), ("soin", "soins"), ("acces", "l’accès"),
     ("seminaire", "Séminaires"), ("qualite", "la démarche qualité"), ("coeur", "cœur")],
)
def test_french_words_meet(typed, written):
    assert set(analyze(typed, "fr")) <= set(analyze(written, "fr"))


def test_english_is_stemmed_as_english():
    assert analyze("teams", "en") == analyze("team", "en")
    assert analyze("the", "en") == []  # a stop word
    assert analyze("l’accès", "fr") == analyze("acces", "fr")


def test_fold_and_clean():
    assert fold("ÉQUIPE Œuvre") == "equipe oeuvre"
    assert clean("a\x00b\x1bc\u200bd\ue000") == "abcd"
    assert clean("line\nbreak\ttab") == "line break tab"


def test_query_syntax():
    query = parse_query('équipe "démarche qualité" -hôpital')
    assert query.terms == ["equipe"]
    assert query.phrases == ["demarche qualite"]
    assert query.excluded == ["hopital"]


@pytest.mark.parametrize(
    "raw",
    ['"unbalanced', "-", "- - -", "AND OR NOT", "title:(foo OR bar)^2 ~3 *", "'; DROP TABLE search_searchentry; --",
     "\x00\x01\x02", "a" * 5000, "🙂", '"""', "-\"\"", "((((", "NEAR(a b)", "*", "x" * 300 + " y"],
)
def test_any_input_parses_to_bounded_words(raw):
    query = parse_query(raw)
    assert len(query.terms) + len(query.phrases) <= 10
    assert all(len(term) <= 200 for term in query.terms)
    for term in query.terms + query.phrases + query.excluded:
        assert all(ch.isalnum() or ch == " " or ch == "_" for ch in term), term


def test_long_queries_are_cut_and_said():
    query = parse_query(" ".join(f"mot{i}" for i in range(50)))
    assert query.truncated and len(query.terms) == 10


def test_only_exclusions_is_no_query():
    assert not parse_query("-equipe -soins")
    assert not parse_query("   ")


def test_highlight_marks_stemmed_matches_in_the_original_text():
    text = "Préambule. " + "mot " * 100 + "Les soins primaires et l’accès aux soins."
    snippet = highlight(text, parse_query("soin acces"), "fr")
    assert f"{START}soins{STOP}" in snippet and f"{START}l’accès{STOP}" in snippet
    assert snippet.startswith("…")
