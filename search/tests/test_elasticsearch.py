"""The Elasticsearch code we own, without a server: the index's analyzers and mapping, the request built for a query
and a reader, the parsing of an answer. search/tests/test_contract.py runs the same battery against a live server
when ELASTICSEARCH_URL is set."""

from datetime import datetime, timezone

from search.backends.base import Entry, Reader
from search.backends.elasticsearch import build_search, build_suggest, document, index_body, parse_response
from search.enums import Access
from search.text import START, STOP, parse_query


def test_each_language_has_its_analyzer():
    body = index_body()
    analysis = body["settings"]["analysis"]
    french = analysis["analyzer"]["pacte_french"]["filter"]
    assert french[:3] == ["pacte_elision", "lowercase", "asciifolding"]
    assert analysis["filter"]["pacte_french_stemmer"] == {"type": "snowball", "language": "French"}
    assert "l" in analysis["filter"]["pacte_elision"]["articles"]
    assert "le" in analysis["filter"]["pacte_french_stop"]["stopwords"]
    assert analysis["filter"]["pacte_english_stemmer"]["language"] == "English"
    properties = body["mappings"]["properties"]
    assert properties["title_fr"]["analyzer"] == "pacte_french" and properties["body_en"]["analyzer"] == "pacte_english"
    assert properties["access"]["type"] == "keyword" and body["mappings"]["dynamic"] == "strict"


def test_an_entry_goes_in_the_fields_of_its_language():
    entry = Entry("post:1", "post", "Sujet", "L’équipe\x00 répond.", "fr", "/fr/forums/posts/1/", Access.REGION,
                  region_id=3, partners=False, title_searched=False,
                  date=datetime(2024, 5, 1, tzinfo=timezone.utc))
    doc = document(entry)
    assert doc["body_fr"] == "L’équipe répond." and "body_en" not in doc
    assert "title_fr" not in doc and "title_suggest" not in doc  # a post is not found by its topic's title
    assert (doc["region"], doc["partners"], doc["year"], doc["access"]) == (3, False, 2024, "region")


def _clauses(search):
    return search.to_dict()


def test_a_query_for_a_partner():
    reader = Reader(authenticated=True, partner=True, region_ids=frozenset({3}))
    body = build_search(parse_query('equipe "demarche qualite" -soins le'), reader, filters={"kind": ["post"]},
                        offset=20, limit=10).to_dict()
    french = body["query"]["bool"]["should"][0]["bool"]
    assert french["filter"] == [{"term": {"language": "fr"}}]
    queries = [clause["multi_match"]["query"] for clause in french["must"]]
    assert queries == ["equipe", "demarche qualite"]  # "le", a stop word, is dropped as PostgreSQL drops it
    assert french["must"][0]["multi_match"]["fields"] == ["title_fr^10", "body_fr"]
    assert french["must_not"][0]["multi_match"]["query"] == "soins"
    permission = body["query"]["bool"]["filter"][0]["bool"]["should"]
    assert {"bool": {"filter": [{"term": {"access": "region"}}, {"terms": {"region": [3]}},
                                {"term": {"partners": True}}]}} in permission
    assert not any("trainers" in str(clause) for clause in permission)
    assert body["post_filter"] == {"bool": {"filter": [{"terms": {"kind": ["post"]}}]}}
    assert body["aggs"]["kind"]["filter"] == {"bool": {}}  # a facet is counted without its own filter
    assert body["aggs"]["year"]["filter"] == {"bool": {"filter": [{"terms": {"kind": ["post"]}}]}}
    assert body["highlight"]["fields"]["body_fr"]["pre_tags"] == [START]
    assert (body["from"], body["size"], body["track_total_hits"]) == (20, 10, True)


def test_anonymous_readers_get_public_entries_only():
    body = build_search(parse_query("equipe"), Reader(), filters={}, offset=0, limit=10).to_dict()
    assert body["query"]["bool"]["filter"] == [{"term": {"access": "public"}}]
    # Only stop words of French: no French clause (PostgreSQL's plainto_tsquery gives an empty query too).
    languages = build_search(parse_query("le"), Reader(), filters={}, offset=0, limit=10).to_dict()
    assert [c["bool"]["filter"] for c in languages["query"]["bool"]["should"]] == [[{"term": {"language": "en"}}]]
    suggest = build_suggest("Équi", Reader(), limit=5).to_dict()
    assert suggest["query"]["bool"]["must"][0]["match"]["title_suggest"]["query"] == "equi"


def test_an_answer_is_parsed():
    answer = {
        "hits": {"total": {"value": 42}, "hits": [{
            "_id": "document:7", "_score": 3.5,
            "_source": {"kind": "document", "title": "Guide", "url": "/fr/documents/7/", "language": "fr",
                        "region": None, "date": "2024-05-01T00:00:00+00:00"},
            "highlight": {"body_fr": [f"la {START}démarche{STOP}", f"une {START}démarche{STOP} qualité"]},
        }]},
        "aggregations": {"kind": {"values": {"buckets": [{"key": "document", "doc_count": 40},
                                                         {"key": "post", "doc_count": 2}]}},
                         "year": {"values": {"buckets": [{"key": 2024, "doc_count": 42}]}}},
    }
    results = parse_response(answer)
    assert results.total == 42
    hit = results.hits[0]
    assert (hit.source, hit.kind, hit.date.year) == ("document:7", "document", 2024)
    assert hit.snippet == f"la {START}démarche{STOP} … une {START}démarche{STOP} qualité"
    assert results.facets["kind"] == [("document", 40), ("post", 2)] and results.facets["theme"] == []
