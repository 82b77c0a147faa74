"""The French text-search configuration that migration 0001 creates on PostgreSQL (CI runs the suite on both)."""

import pytest
from django.db import connection

from search.conf import POSTGRES_FRENCH_CONFIG

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(connection.vendor != "postgresql", reason="a PostgreSQL text-search configuration"),
]


def _lexemes(text):
    with connection.cursor() as cursor:
        cursor.execute("SELECT to_tsvector(%s::regconfig, %s)::text", [POSTGRES_FRENCH_CONFIG, text])
        return cursor.fetchone()[0]


def test_accents_are_folded_and_words_stemmed():
    assert _lexemes("Séminaires régionaux") == _lexemes("seminaire regional")
    assert _lexemes("coordonnatrices") == _lexemes("coordonnatrice")


def test_query_matches_unaccented_words():
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT to_tsvector(%s::regconfig, %s) @@ plainto_tsquery(%s::regconfig, %s)",
            [POSTGRES_FRENCH_CONFIG, "La démarche qualité en équipe", POSTGRES_FRENCH_CONFIG, "demarches qualite"],
        )
        assert cursor.fetchone()[0] is True


def test_english_has_its_own_configuration():
    """English text is stemmed as English, French as French (migration 0002)."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT to_tsvector('pacte_english', 'Teams of the coordinators')::text, "
                       "to_tsvector('pacte_french', 'Les équipes des coordonnateurs')::text")
        english, french = cursor.fetchone()
    assert english == "'coordin':4 'team':1"
    assert french == "'coordon':4 'equip':2 'le':1"  # "les" is not in Snowball's French stop list


def test_suggestions_can_use_the_trigram_index(db):
    """Migration 0003: the suggestion query's patterns are answered by the trigram index on the folded titles."""
    from django.test.utils import CaptureQueriesContext

    from search.backends.base import Reader
    from search.backends.database import DatabaseBackend

    with CaptureQueriesContext(connection) as captured:
        # The national team: no condition on the access index, so that only the titles can narrow the rows.
        DatabaseBackend().suggest("equipe coord", Reader(authenticated=True, national=True), limit=8)
    (sql,) = [query["sql"] for query in captured if "title_folded" in query["sql"]]
    with connection.cursor() as cursor:
        cursor.execute("SET LOCAL enable_seqscan = off")  # a tiny test table would rather be read whole
        cursor.execute("EXPLAIN " + sql)
        plan = "\n".join(row[0] for row in cursor.fetchall())
    assert "search_entry_title_trgm" in plan
