"""Elasticsearch (8.x, through `elasticsearch.dsl`), selected when ELASTICSEARCH_URL is set.

The same entries as the database backend, in one index behind an alias: `rebuild` fills a new index and swaps
the alias (readers never see a half-built index), as modelsearch's Elasticsearch backend does. Each language has
its analyzer built of the filters PostgreSQL uses (elision, lower case, ASCII folding, the same stop-word lists,
Snowball stemmer); an entry's text goes in the fields of its language only (`title_fr`, `body_en`...), so that each query
meets each entry in the entry's language. Permissions are a filter built from search.permissions' rule;
facets are aggregations (each facet counted under the other facets' filters); snippets come from the highlighter
with the marks of search.text.

What we own here is tested without a server (mapping, query and highlight building, response parsing); the
contract battery runs against a live server when ELASTICSEARCH_URL is set."""

import time
from datetime import datetime

from elasticsearch.dsl import Q, Search, analyzer, token_filter, tokenizer

from search import conf
from search.backends.base import FACETS, Hit, Results, SearchBackend
from search.enums import Access
from search.text import LANGUAGES, START, STOP, analyze, clean, fold, stop_words

ELISION = token_filter(
    "pacte_elision", "elision", articles_case=True,
    articles=["l", "m", "t", "qu", "n", "s", "j", "d", "c", "jusqu", "quoiqu", "lorsqu", "puisqu"],
)
ANALYZERS = {
    "fr": analyzer(
        "pacte_french", tokenizer="standard",
        filter=[ELISION, "lowercase", "asciifolding", token_filter("pacte_french_stop", "stop", stopwords=sorted(stop_words("fr"))),
                token_filter("pacte_french_stemmer", "snowball", language="French")],
    ),
    "en": analyzer(
        "pacte_english", tokenizer="standard",
        filter=["lowercase", "asciifolding", token_filter("pacte_english_stop", "stop", stopwords=sorted(stop_words("en"))),
                token_filter("pacte_english_stemmer", "snowball", language="English")],
    ),
}
# Suggestions: word prefixes of titles, accents folded.
SUGGEST_INDEX = analyzer(
    "pacte_title_prefix", tokenizer=tokenizer("pacte_prefix", "edge_ngram", min_gram=1, max_gram=20,
                                              token_chars=["letter", "digit"]),
    filter=["lowercase", "asciifolding"],
)
SUGGEST_QUERY = analyzer("pacte_title_typed", tokenizer="standard", filter=["lowercase", "asciifolding"])

TITLE_BOOST = 10


def _text_fields():
    fields = {}
    for language, text_analyzer in ANALYZERS.items():
        fields[f"title_{language}"] = {"type": "text", "analyzer": text_analyzer._name}
        fields[f"body_{language}"] = {"type": "text", "analyzer": text_analyzer._name}
    return fields


def index_body() -> dict:
    """Settings and mappings of an index (what `rebuild` creates)."""
    analysis = {"analyzer": {}, "filter": {}, "tokenizer": {}}
    for item in (*ANALYZERS.values(), SUGGEST_INDEX, SUGGEST_QUERY):
        definition = item.get_analysis_definition()
        for key, values in definition.items():
            analysis[key].update(values)
        analysis["analyzer"][item._name] = item.get_definition()
    properties = {
        "kind": {"type": "keyword"}, "title": {"type": "keyword", "index": False},
        "title_suggest": {"type": "text", "analyzer": SUGGEST_INDEX._name, "search_analyzer": SUGGEST_QUERY._name},
        "title_searched": {"type": "boolean"}, "language": {"type": "keyword"}, "region": {"type": "integer"},
        "theme": {"type": "keyword"}, "year": {"type": "integer"}, "date": {"type": "date"},
        "url": {"type": "keyword", "index": False}, "access": {"type": "keyword"}, "partners": {"type": "boolean"},
        "groups": {"type": "integer"}, **_text_fields(),
    }
    return {"settings": {"analysis": analysis, "number_of_shards": 1}, "mappings": {"dynamic": "strict",
                                                                                   "properties": properties}}


def document(entry) -> dict:
    language = entry.language if entry.language in LANGUAGES else "fr"
    title = clean(entry.title)[:300]
    body = {
        "kind": entry.kind, "title": title, "title_searched": entry.title_searched, "language": language,
        "region": entry.region_id, "theme": entry.theme or None, "year": entry.year,
        "date": entry.date.isoformat() if entry.date else None, "url": entry.url, "access": str(entry.access),
        "partners": entry.partners, "groups": list(entry.group_ids),
        f"body_{language}": clean(entry.body)[: conf.MAX_BODY_CHARS],
    }
    if entry.title_searched:
        body[f"title_{language}"] = title
        body["title_suggest"] = title
    return body


def permission_filter(reader):
    """search.permissions.entry_q, as an Elasticsearch filter."""
    public = Q("term", access=Access.PUBLIC.value)
    if not reader.authenticated:
        return public
    if reader.superuser:
        return Q("match_all")
    groups = Q("term", access=Access.GROUPS.value) & Q("terms", groups=sorted(reader.group_ids))
    if reader.national:
        return ~Q("term", access=Access.GROUPS.value) | groups
    options = [public, groups]
    partners = [Q("term", partners=True)] if reader.partner else []
    options.append(Q("bool", filter=[Q("term", access=Access.MEMBERS.value), *partners]))
    options.append(Q("bool", filter=[Q("term", access=Access.REGION.value),
                                     Q("terms", region=sorted(reader.region_ids)), *partners]))
    if reader.trainer:
        options.append(Q("term", access=Access.TRAINERS.value))
        options.append(Q("bool", filter=[Q("term", access=Access.REGION_TRAINERS.value),
                                         Q("terms", region=sorted(reader.trainer_region_ids))]))
    return Q("bool", should=options, minimum_should_match=1)


def _language_query(query, language):
    """The query as it meets entries of `language`, or None when none of its words survive analysis there (only
    stop words), as PostgreSQL's plainto_tsquery drops them."""
    title, body = f"title_{language}", f"body_{language}"
    fields = [f"{title}^{TITLE_BOOST}", body]
    must = []
    for term in query.terms:
        if analyze(term, language):
            must.append(Q("multi_match", query=term, fields=fields, operator="and"))
    for phrase in query.phrases:
        if analyze(phrase, language):
            must.append(Q("multi_match", query=phrase, fields=fields, type="phrase"))
    if not must:
        return None
    must_not = [Q("multi_match", query=word, fields=[title, body]) for word in query.excluded if analyze(word, language)]
    return Q("bool", filter=[Q("term", language=language)], must=must, must_not=must_not)


def _facet_filter(facet, values):
    return Q("terms", **{facet if facet != "region" else "region": list(values)})


def build_search(query, reader, *, filters, offset, limit, facets=True, index="pacte-search", using=None):
    """The whole request: matching per language, the permission filter, facet filters as a post-filter with
    each facet's aggregation under the other facets' filters, the highlighter, the order."""
    matches = [q for q in (_language_query(query, language) for language in LANGUAGES) if q is not None]
    if not matches:
        return None
    search = Search(using=using, index=index).query(
        Q("bool", should=matches, minimum_should_match=1, filter=[permission_filter(reader)])
    )
    chosen = {facet: values for facet, values in (filters or {}).items() if facet in FACETS and values}
    if chosen:
        search = search.post_filter(Q("bool", filter=[_facet_filter(f, v) for f, v in chosen.items()]))
    if facets:
        for facet in FACETS:
            others = [_facet_filter(f, v) for f, v in chosen.items() if f != facet]
            search.aggs.bucket(facet, "filter", filter=Q("bool", filter=others)).bucket(
                "values", "terms", field=facet, size=100
            )
    search = search.highlight(
        *[f"body_{language}" for language in LANGUAGES], pre_tags=[START], post_tags=[STOP], fragment_size=180,
        number_of_fragments=2, no_match_size=180,
    )
    search = search.sort({"_score": "desc"}, {"date": {"order": "desc", "missing": "_last"}})
    search = search.source(["kind", "title", "url", "language", "region", "date"])
    return search.extra(from_=offset, size=limit, track_total_hits=True, timeout=f"{conf.QUERY_TIMEOUT_MS}ms")


def parse_response(response: dict, *, facets=True) -> Results:
    """Hits, total and facet counts out of Elasticsearch's JSON answer."""
    results = Results(total=response["hits"]["total"]["value"])
    for raw in response["hits"]["hits"]:
        source = raw["_source"]
        highlight = raw.get("highlight", {})
        fragments = next((fragments for fragments in highlight.values() if fragments), [])
        date = source.get("date")
        results.hits.append(Hit(
            source=raw["_id"], kind=source["kind"], title=source["title"], url=source["url"],
            language=source["language"], region_id=source.get("region"),
            date=datetime.fromisoformat(date) if date else None, snippet=" … ".join(fragments),
            score=raw.get("_score") or 0.0,
        ))
    if facets:
        aggregations = response.get("aggregations", {})
        for facet in FACETS:
            buckets = aggregations.get(facet, {}).get("values", {}).get("buckets", [])
            results.facets[facet] = [(bucket["key"], bucket["doc_count"]) for bucket in buckets if bucket["key"] != ""]
    return results


def build_suggest(text, reader, *, limit, index="pacte-search", using=None):
    typed = " ".join(fold(clean(text)).split()[:5])
    if len(typed) < 2:
        return None
    return Search(using=using, index=index).query(
        Q("bool", must=[Q("match", title_suggest={"query": typed, "operator": "and"})],
          filter=[permission_filter(reader), Q("term", title_searched=True)])
    ).sort({"date": {"order": "desc", "missing": "_last"}}).source(["title", "url", "kind"]).extra(size=limit * 3)


class ElasticsearchBackend(SearchBackend):
    def __init__(self, url="", index="pacte-search", refresh=False, **options):
        from elasticsearch import Elasticsearch

        self.alias = index
        self.refresh = "wait_for" if refresh else False
        self.client = Elasticsearch(url, request_timeout=conf.ELASTICSEARCH_TIMEOUT)

    # Writing -------------------------------------------------------------------------------------------------
    def _ensure_index(self):
        if not self.client.indices.exists_alias(name=self.alias):
            name = self._new_index()
            self.client.indices.put_alias(index=name, name=self.alias)

    def _new_index(self):
        name = f"{self.alias}-{time.strftime('%Y%m%d%H%M%S')}-{time.monotonic_ns() % 100000}"
        self.client.indices.create(index=name, **index_body())
        return name

    def _bulk(self, index, operations):
        from elasticsearch.helpers import bulk

        bulk(self.client, operations, index=index, refresh=self.refresh, chunk_size=500)

    def index(self, entries):
        self._ensure_index()
        self._bulk(self.alias, ({"_id": e.source, "_source": document(e)} for e in entries))

    def delete(self, sources):
        if not sources or not self.client.indices.exists_alias(name=self.alias):
            return
        self.client.delete_by_query(index=self.alias, query={"ids": {"values": list(sources)}},
                                    refresh=bool(self.refresh), conflicts="proceed")

    def rebuild(self, batches):
        """A new index, filled, then the alias moved to it in one step; the old index is deleted."""
        name = self._new_index()
        count = 0
        for batch in batches:
            self._bulk(name, ({"_id": e.source, "_source": document(e)} for e in batch))
            count += len(batch)
        self.client.indices.refresh(index=name)
        old = list(self.client.indices.get_alias(name=self.alias).keys()) if self.client.indices.exists_alias(
            name=self.alias) else []
        actions = [{"remove": {"index": index, "alias": self.alias}} for index in old]
        actions.append({"add": {"index": name, "alias": self.alias}})
        self.client.indices.update_aliases(actions=actions)
        for index in old:
            self.client.indices.delete(index=index)
        return count

    def clear(self):
        self.drop()

    def drop(self):
        if self.client.indices.exists_alias(name=self.alias):
            for index in self.client.indices.get_alias(name=self.alias):
                self.client.indices.delete(index=index)

    def count(self):
        if not self.client.indices.exists_alias(name=self.alias):
            return 0
        return self.client.count(index=self.alias)["count"]

    # Reading -------------------------------------------------------------------------------------------------
    def search(self, query, reader, *, filters, offset, limit, facets=True):
        if not query or not self.client.indices.exists_alias(name=self.alias):
            return Results(facets={facet: [] for facet in FACETS})
        search = build_search(query, reader, filters=filters, offset=offset, limit=limit, facets=facets,
                              index=self.alias, using=self.client)
        if search is None:
            return Results(facets={facet: [] for facet in FACETS})
        return parse_response(search.execute().to_dict(), facets=facets)

    def suggest(self, text, reader, *, limit):
        search = build_suggest(text, reader, limit=limit, index=self.alias, using=self.client)
        if search is None or not self.client.indices.exists_alias(name=self.alias):
            return []
        response = search.execute().to_dict()
        seen, suggestions = set(), []
        for raw in response["hits"]["hits"]:
            row = raw["_source"]
            if row["title"] not in seen:
                seen.add(row["title"])
                suggestions.append({"title": row["title"], "url": row["url"], "kind": row["kind"]})
        return suggestions[:limit]
