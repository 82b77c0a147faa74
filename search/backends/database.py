"""The embedded backend: the SearchEntry table, searched with the database's own full-text engine.

- PostgreSQL: a weighted tsvector per entry (title A, body B) in the configuration of the entry's language
  (`pacte_french`: unaccent + French Snowball stemmer; `pacte_english`), a GIN index, ts_rank, ts_headline.
- SQLite: an FTS5 table holding the terms of search.text.analyze (accents folded, elisions dropped, stop words
  removed, Snowball-stemmed in the entry's language); queries are analysed the same way; bm25 with the title
  weighing ten times the body; snippets by search.text.highlight.

Both answer through the same SQL shape: a `hits` set (id, score) from the full-text engine, joined to the entries,
filtered by the reader's permission fields (search.permissions.entry_q) and the facet filters. One query gives the
total and every facet's counts (grouped by the five facet fields, folded in Python), one the ranked page, one the
snippets of that page."""

from collections import Counter

from django.core.exceptions import EmptyResultSet, FullResultSet
from django.db import connection, transaction
from django.db.models import Q

from search import conf
from search.backends.base import FACETS, Hit, Results, SearchBackend
from search.models import SearchEntry
from search.permissions import entry_q
from search.text import LANGUAGES, START, STOP, analyze, clean, fold, highlight

TABLE = SearchEntry._meta.db_table
FTS = "search_entry_fts"
BATCH = 500


def _where_sql(q):
    """SQL of a Q on SearchEntry's own columns (no joins), or None when it can match nothing."""
    query = SearchEntry.objects.filter(q).query
    compiler = query.get_compiler(connection=connection)
    try:
        sql, params = compiler.compile(query.where)
    except EmptyResultSet:
        return None
    except FullResultSet:
        return "1=1", []
    return sql, list(params)


def _filters_q(filters):
    q = Q()
    for facet, values in (filters or {}).items():
        if facet in FACETS and values:
            q &= Q(**{f"{'region_id' if facet == 'region' else facet}__in": list(values)})
    return q


class DatabaseBackend(SearchBackend):
    def __init__(self, **options):
        self.options = options

    @property
    def vendor(self):
        return connection.vendor

    # Writing -------------------------------------------------------------------------------------------------
    def _rows(self, entries):
        for entry in entries:
            title = clean(entry.title)[:300]
            yield SearchEntry(
                source=entry.source, kind=entry.kind, title=title, title_folded=fold(title)[:300],
                title_searched=entry.title_searched, body=clean(entry.body)[: conf.MAX_BODY_CHARS],
                language=entry.language if entry.language in LANGUAGES else "fr", region_id=entry.region_id,
                theme=entry.theme or "", year=entry.year, date=entry.date, url=entry.url[:500],
                access=entry.access, partners=entry.partners,
                groups="".join(f"|{g}" for g in sorted(entry.group_ids)) + "|" if entry.group_ids else "",
            )

    def index(self, entries):
        entries = list(entries)
        for start in range(0, len(entries), BATCH):
            batch = entries[start : start + BATCH]
            with transaction.atomic():
                self._delete_rows(SearchEntry.objects.filter(source__in=[e.source for e in batch]))
                rows = SearchEntry.objects.bulk_create(list(self._rows(batch)))
                self._index_text(rows)

    def _index_text(self, rows):
        if not rows:
            return
        if self.vendor == "postgresql":
            ids = [row.pk for row in rows]
            if None in ids:
                ids = list(SearchEntry.objects.filter(source__in=[r.source for r in rows]).values_list("pk", flat=True))
            config = "(CASE language WHEN 'en' THEN 'pacte_english' ELSE 'pacte_french' END)::regconfig"
            with connection.cursor() as cursor:
                cursor.execute(
                    f"UPDATE {TABLE} SET search_vector = "
                    f"setweight(to_tsvector({config}, CASE WHEN title_searched THEN title ELSE '' END), 'A') || "
                    f"setweight(to_tsvector({config}, body), 'B') WHERE id = ANY(%s)",
                    [ids],
                )
        elif self.vendor == "sqlite":
            if any(row.pk is None for row in rows):
                ids = dict(SearchEntry.objects.filter(source__in=[r.source for r in rows]).values_list("source", "pk"))
                for row in rows:
                    row.pk = ids[row.source]
            with connection.cursor() as cursor:
                cursor.executemany(
                    f"INSERT INTO {FTS}(rowid, title, body) VALUES (%s, %s, %s)",
                    [
                        (
                            row.pk,
                            " ".join(analyze(row.title, row.language)) if row.title_searched else "",
                            " ".join(analyze(row.body, row.language)),
                        )
                        for row in rows
                    ],
                )
        else:
            raise NotImplementedError(f"full-text search on {self.vendor}")

    def _delete_rows(self, queryset):
        ids = list(queryset.values_list("pk", flat=True))
        for start in range(0, len(ids), BATCH):
            chunk = ids[start : start + BATCH]
            if self.vendor == "sqlite":
                with connection.cursor() as cursor:
                    cursor.execute(f"DELETE FROM {FTS} WHERE rowid IN ({', '.join(['%s'] * len(chunk))})", chunk)
            SearchEntry.objects.filter(pk__in=chunk).delete()
        return len(ids)

    def delete(self, sources):
        sources = list(sources)
        with transaction.atomic():
            for start in range(0, len(sources), BATCH):
                self._delete_rows(SearchEntry.objects.filter(source__in=sources[start : start + BATCH]))

    def rebuild(self, batches):
        """Entries are replaced source by source: readers keep finding everything that still exists while it
        runs; what no longer exists is removed at the end."""
        seen = set()
        for batch in batches:
            self.index(batch)
            seen.update(entry.source for entry in batch)
        stale = [source for source in SearchEntry.objects.values_list("source", flat=True) if source not in seen]
        self.delete(stale)
        with connection.cursor() as cursor:
            cursor.execute(f"ANALYZE {TABLE}")  # fresh statistics for the planner after a rebuild
        return len(seen)

    def clear(self):
        with transaction.atomic():
            if self.vendor == "sqlite":
                with connection.cursor() as cursor:
                    cursor.execute(f"DELETE FROM {FTS}")
            SearchEntry.objects.all().delete()

    def count(self):
        return SearchEntry.objects.count()

    # Reading -------------------------------------------------------------------------------------------------
    def _hits_sql(self, query, scored=True):
        """SQLite: SQL of (id, score, lang) for the FTS5 matches of `query`, each language's analysis against the
        entries of that language; None if nothing can match. Unscored (facet counts), bm25 does not run."""
        parts, params = [], []
        for language in LANGUAGES:
            match = self._fts_match(query, language)
            if match is None:
                continue
            parts.append(
                f"SELECT rowid AS id, {f'-bm25({FTS}, 10.0, 1.0)' if scored else '0'} AS score, "
                f"'{language}' AS lang FROM {FTS} WHERE {FTS} MATCH %s"
            )
            params.append(match)
        if not parts:
            return None
        return " UNION ALL ".join(parts), params

    def _tsquery(self, query, language):
        config = conf.POSTGRES_CONFIGS[language]
        pieces, params = [], []
        for term in query.terms:
            pieces.append(f"plainto_tsquery('{config}', %s)")
            params.append(term)
        for phrase in query.phrases:
            pieces.append(f"phraseto_tsquery('{config}', %s)")
            params.append(phrase)
        for word in query.excluded:
            pieces.append(f"(!! plainto_tsquery('{config}', %s))")
            params.append(word)
        return "(" + " && ".join(pieces) + ")", params

    @staticmethod
    def _fts_match(query, language):
        """An FTS5 expression built only of quoted analysed terms: nothing a person types reaches FTS5's syntax."""
        required = []
        for term in query.terms:
            required += [f'"{stem}"' for stem in analyze(term, language)]
        for phrase in query.phrases:
            stems = analyze(phrase, language)
            if stems:
                required.append('"' + " ".join(stems) + '"')
        if not required:
            return None
        expression = " AND ".join(required)
        for word in query.excluded:
            for stem in analyze(word, language):
                expression = f'({expression}) NOT "{stem}"'
        return expression

    def _base(self, query, reader, filters, scored=True):
        """A function (columns, with `score` available) -> (sql, params) selecting the reader's matches, or None
        when nothing can match. PostgreSQL: one scan of the table through the GIN index, readers and filters in
        the same WHERE. SQLite: the FTS5 matches first, joined to the entries by id (a covering index)."""
        where = _where_sql(entry_q(reader) & _filters_q(filters))
        if where is None:
            return None
        where_sql, where_params = where
        if self.vendor == "postgresql":
            matches, match_params, ranks, rank_params = [], [], [], []
            for language in LANGUAGES:
                tsquery, tsparams = self._tsquery(query, language)
                matches.append(f"(language = %s AND search_vector @@ {tsquery})")
                match_params += [language] + tsparams
                ranks.append(f"WHEN language = %s THEN ts_rank(search_vector, {tsquery})")
                rank_params += [language] + tsparams
            score = "CASE " + " ".join(ranks) + " END" if scored else "0"

            def build(columns):
                sql = f"SELECT {columns.replace('hits.score', score)} FROM {TABLE} WHERE ({' OR '.join(matches)}) " \
                      f"AND {where_sql}"
                return sql, (rank_params if scored and "hits.score" in columns else []) + match_params + where_params

            return build
        hits = self._hits_sql(query, scored)
        if hits is None:
            return None
        hits_sql, hits_params = hits

        def build(columns):
            # SQLite's CROSS JOIN keeps this order (the matches drive, entries are looked up by id).
            sql = (
                f"WITH hits AS ({hits_sql}) SELECT {columns} FROM hits CROSS JOIN {TABLE} "
                f"ON {TABLE}.id = hits.id AND {TABLE}.language = hits.lang WHERE {where_sql}"
            )
            return sql, hits_params + where_params

        return build

    def search(self, query, reader, *, filters, offset, limit, facets=True):
        results = Results()
        if not query:
            return results
        with self._bounded():
            counts = self._facet_counts(query, reader, filters) if facets else None
            if counts is not None:
                results.total, results.facets = counts
            build = self._base(query, reader, filters)
            if build is None:
                return results
            sql, params = build(f"{TABLE}.id, hits.score AS score")
            order = f" ORDER BY score DESC, {TABLE}.date DESC, {TABLE}.id DESC LIMIT %s OFFSET %s"
            with connection.cursor() as cursor:
                cursor.execute(sql + order, params + [limit, offset])
                ranked = cursor.fetchall()
                if not facets:
                    cursor.execute(*build("COUNT(*)"))
                    results.total = cursor.fetchone()[0]
            results.hits = self._hits(query, ranked)
        return results

    def _facet_counts(self, query, reader, filters):
        """The total and every facet's counts from one grouped query over the reader's matches; each facet counted
        with the other facets' filters only."""
        build = self._base(query, reader, {}, scored=False)
        if build is None:
            return 0, {facet: [] for facet in FACETS}
        fields = f"{TABLE}.kind, {TABLE}.theme, {TABLE}.region_id, {TABLE}.language, {TABLE}.year"
        sql, params = build(f"{fields}, COUNT(*)")
        with connection.cursor() as cursor:
            cursor.execute(sql + f" GROUP BY {fields}", params)
            groups = cursor.fetchall()
        chosen = {facet: set(values) for facet, values in (filters or {}).items() if facet in FACETS and values}
        counters = {facet: Counter() for facet in FACETS}
        total = 0
        for *values, count in groups:
            row = dict(zip(FACETS, values, strict=True))
            misses = [facet for facet in chosen if row[facet] not in chosen[facet]]
            if not misses:
                total += count
            for facet in FACETS:
                if not misses or misses == [facet]:
                    if row[facet] not in (None, ""):
                        counters[facet][row[facet]] += count
        return total, {facet: counters[facet].most_common() for facet in FACETS}

    def _hits(self, query, ranked):
        if not ranked:
            return []
        ids = [row[0] for row in ranked]
        scores = dict(ranked)
        postgres = self.vendor == "postgresql"
        deferred = ["search_vector", "title_folded"] + (["body"] if postgres else [])
        by_id = {entry.pk: entry for entry in SearchEntry.objects.filter(pk__in=ids).defer(*deferred)}
        if postgres:
            snippets = self._headlines(query, ids)
        else:
            snippets = {pk: self._highlight(e.body, query, e.language) for pk, e in by_id.items()}
        return [
            Hit(
                source=e.source, kind=e.kind, title=e.title, url=e.url, language=e.language, region_id=e.region_id,
                date=e.date, snippet=snippets.get(e.pk, ""), score=float(scores[e.pk] or 0),
            )
            for e in (by_id[pk] for pk in ids if pk in by_id)
        ]

    # Snippets are made from a window of the body this long; when the match lies further in, the next windows
    # (overlapping, so that a phrase across a boundary is still seen) are tried, up to MAX_BODY_CHARS: the work
    # stays bounded and is spent only on the long bodies whose first window does not match.
    HEADLINE_CHARS = 50_000
    HEADLINE_OVERLAP = 500

    @classmethod
    def _windows(cls, length):
        step = cls.HEADLINE_CHARS - cls.HEADLINE_OVERLAP
        return range(0, max(1, length - cls.HEADLINE_OVERLAP), step)

    def _highlight(self, body, query, language):
        snippet = ""
        for start in self._windows(len(body)):
            window = highlight(body[start : start + self.HEADLINE_CHARS], query, language)
            if START in window:
                return window if start == 0 or window.startswith("… ") else "… " + window
            snippet = snippet or window
        return snippet

    def _headlines(self, query, ids):
        """PostgreSQL's ts_headline of the page's entries, in each entry's configuration: the first window of each
        body, then the next windows of the long bodies that had no match in it."""
        snippets, pending = {}, list(ids)
        for start in self._windows(conf.MAX_BODY_CHARS):
            parts, params = [], []
            for language in LANGUAGES:
                tsquery, tsparams = self._tsquery_positive(query, language)
                config = conf.POSTGRES_CONFIGS[language]
                parts.append(
                    f"SELECT id, ts_headline('{config}', substr(body, {start + 1}, {self.HEADLINE_CHARS}), {tsquery}, "
                    f"'StartSel={START}, StopSel={STOP}, MaxWords=35, MinWords=15, MaxFragments=2, "
                    f"FragmentDelimiter=\" … \"'), length(body) > {start + self.HEADLINE_CHARS} "
                    f"FROM {TABLE} WHERE language = %s AND id = ANY(%s)"
                )
                params += tsparams + [language, pending]
            with connection.cursor() as cursor:
                cursor.execute(" UNION ALL ".join(parts), params)
                rows = cursor.fetchall()
            pending = []
            for pk, headline, longer in rows:
                if START in headline:
                    snippets[pk] = headline if start == 0 else "… " + headline
                    continue
                snippets.setdefault(pk, headline)
                if longer:
                    pending.append(pk)
            if not pending:
                break
        return snippets

    def _tsquery_positive(self, query, language):
        config = conf.POSTGRES_CONFIGS[language]
        words = query.terms + query.phrases
        return f"plainto_tsquery('{config}', %s)", [" ".join(words)]

    def _bounded(self):
        return _Timeout(self.vendor, conf.QUERY_TIMEOUT_MS)

    # Suggestions ---------------------------------------------------------------------------------------------
    def suggest(self, text, reader, *, limit):
        typed = [word for word in fold(clean(text)).split() if word][:5]
        typed = ["".join(ch for ch in word if ch.isalnum()) for word in typed]
        typed = [word for word in typed if word]
        if not typed or len(typed[-1]) < 2 and len(typed) == 1:
            return []
        q = entry_q(reader) & Q(title_searched=True)
        for word in typed:
            q &= Q(title_folded__startswith=word) | Q(title_folded__contains=f" {word}") | Q(
                title_folded__contains=f"’{word}") | Q(title_folded__contains=f"'{word}") | Q(
                title_folded__contains=f"-{word}")
        with self._bounded():
            rows = (
                SearchEntry.objects.filter(q).order_by("-date", "-pk").values("title", "url", "kind")[: limit * 3]
            )
            seen, suggestions = set(), []
            for row in rows:
                if row["title"] in seen:
                    continue
                seen.add(row["title"])
                suggestions.append(row)
                if len(suggestions) == limit:
                    break
        return suggestions


class _Timeout:
    """Bound one search's time: PostgreSQL's statement_timeout; on SQLite a progress handler that interrupts."""

    def __init__(self, vendor, milliseconds):
        self.vendor, self.milliseconds = vendor, milliseconds

    def __enter__(self):
        if self.vendor == "postgresql":
            self.atomic = transaction.atomic()
            self.atomic.__enter__()
            with connection.cursor() as cursor:
                cursor.execute(f"SET LOCAL statement_timeout = {int(self.milliseconds)}")
        elif self.vendor == "sqlite":
            import time

            deadline = time.monotonic() + self.milliseconds / 1000
            connection.ensure_connection()
            connection.connection.set_progress_handler(lambda: int(time.monotonic() > deadline), 10_000)
        return self

    def __exit__(self, *exc):
        if self.vendor == "postgresql":
            self.atomic.__exit__(*exc)
        elif self.vendor == "sqlite":
            connection.connection.set_progress_handler(None, 0)
        return False
