"""The embedded backend: the SearchEntry table, searched with the database's own full-text engine.

- PostgreSQL: a weighted tsvector per entry (title A, body B) in the configuration of the entry's language
  (`pacte_french`: unaccent + French Snowball stemmer; `pacte_english`), a GIN index, ts_rank, ts_headline.
- SQLite: an FTS5 table holding the terms of search.text.analyze (accents folded, elisions dropped, stop words
  removed, Snowball-stemmed in the entry's language); queries are analysed the same way; bm25 with the title
  weighing ten times the body; snippets by search.text.highlight.

Both answer through the same SQL shape: the reader's matches (id, score and the facet fields), from the full-text
engine and the reader's permission fields (search.permissions.entry_q), read once by one statement that gives
their counts grouped by the five facet fields (the total and every facet's counts are folded in Python) and the
ranked page (the facet filters apply to it alone). The ranking has no cut-off: the page is the one the whole ranked
list would give. On PostgreSQL a one-word search ranks only its title matches (an index of the titles' vectors)
when they fill the page, which gives that same page: ts_rank puts every title match above every other match. One
more query gives the page's entries and snippets; no snippet is made for an entry outside the page."""

from collections import Counter
from types import SimpleNamespace

from django.core.exceptions import EmptyResultSet, FullResultSet
from django.db import connection, transaction
from django.db.models import Q
from django.db.models.expressions import RawSQL

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


def _sql(*parts):
    """(sql, params) from pieces that are SQL text or (sql, params) pairs, in order."""
    sql, params = [], []
    for part in parts:
        if isinstance(part, str):
            sql.append(part)
        else:
            sql.append(part[0])
            params += list(part[1])
    return "".join(sql), params


def _join(separator, pieces):
    """(sql, params) of the pieces with `separator` between them, or None without pieces."""
    if not pieces:
        return None
    parts = [pieces[0]]
    for piece in pieces[1:]:
        parts += [separator, piece]
    return _sql(*parts)


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
                rows = list(self._rows(batch))
                if self.vendor == "postgresql":
                    for row in rows:
                        row.search_vector = self._vector(row)
                rows = SearchEntry.objects.bulk_create(rows)
                self._index_text(rows)

    @staticmethod
    def _vector(row):
        """PostgreSQL: the weighted tsvector (title A, body B) in the configuration of the row's language, computed by
        the INSERT itself (an UPDATE after it would leave a dead copy of every row behind)."""
        config = conf.POSTGRES_CONFIGS[row.language]
        return RawSQL(
            "setweight(to_tsvector(%s::regconfig, %s), 'A') || setweight(to_tsvector(%s::regconfig, %s), 'B')",
            [config, row.title if row.title_searched else "", config, row.body],
        )

    def _index_text(self, rows):
        if not rows or self.vendor == "postgresql":  # PostgreSQL: the vector came with the row
            return
        if self.vendor == "sqlite":
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
            # Fresh statistics for the planner after a rebuild; outside a transaction, PostgreSQL's VACUUM also makes
            # the replaced rows' space reusable at once (the next rebuild fills it instead of growing the table).
            vacuum = self.vendor == "postgresql" and not connection.in_atomic_block
            cursor.execute(f"{'VACUUM ' if vacuum else ''}ANALYZE {TABLE}")
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
    def _hits_sql(self, query):
        """SQLite: SQL of (id, score, lang) for the FTS5 matches of `query`, each language's analysis against the
        entries of that language; None if nothing can match. Languages whose analyses give the same expression
        (most French words stem alike in English) share one FTS5 scan (lang NULL): bm25 depends on the expression
        and the row only, so the scores are the same."""
        matches = {language: self._fts_match(query, language) for language in LANGUAGES}
        matches = {language: match for language, match in matches.items() if match is not None}
        if not matches:
            return None
        if len(matches) == len(LANGUAGES) and len(set(matches.values())) == 1:
            matches = {None: next(iter(matches.values()))}  # one scan for every language
        parts, params = [], []
        for language, match in matches.items():
            lang = f"'{language}'" if language else "NULL"
            parts.append(
                f"SELECT rowid AS id, -bm25({FTS}, 10.0, 1.0) AS score, "
                f"{lang} AS lang FROM {FTS} WHERE {FTS} MATCH %s"
            )
            params.append(match)
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

    COLUMNS = ("id", "kind", "theme", "region_id", "language", "year", "date")
    FIELDS = "kind, theme, region_id, language, year"
    # PostgreSQL (migration 0004, which holds the same expression): the weight-A part of search_vector, indexed.
    TITLE_VECTOR = (
        "to_tsvector(CASE WHEN language = 'en' THEN 'pacte_english'::regconfig ELSE 'pacte_french'::regconfig END, "
        "CASE WHEN title_searched THEN title ELSE '' END)"
    )

    def _postgres(self, query, where):
        """PostgreSQL: builders of per-language branches, each language's tsquery against that language's entries.
        When every language's tsquery comes out the same (most French words stem alike in English), the first
        branch takes every entry and the others are dropped: the tsqueries are constants (plainto_tsquery with a
        configuration is immutable), so the planner decides this once, before any scan. Also returns `single`, true
        when every tsquery is one word: then ts_rank (default weights, no normalisation) puts every entry with the
        word in its title (weight A: rank >= 1 / 1.645) above every entry without it (weights B: rank < 0.4)."""
        tsqueries = [self._tsquery(query, language) for language in LANGUAGES]
        same = _join(" AND ", [_sql(tsqueries[0], " = ", tsquery) for tsquery in tsqueries[1:]]) or ("TRUE", [])
        single = _join(" AND ", [_sql("numnode(", tsquery, ") = 1") for tsquery in tsqueries])
        columns = ", ".join(f"{TABLE}.{column}" for column in self.COLUMNS)

        def branches(score, match, condition=("TRUE", [])):
            parts = []
            for n, (language, tsquery) in enumerate(zip(LANGUAGES, tsqueries, strict=True)):
                language_sql = _sql(f"({TABLE}.language = %s OR (", same, "))") if n == 0 else \
                    _sql(f"{TABLE}.language = %s AND NOT (", same, ")")
                language_sql = (language_sql[0], [language, *language_sql[1]])
                parts.append(_sql(
                    f"SELECT {columns}, ", score(tsquery), f" AS score FROM {TABLE} WHERE ", match(tsquery), " AND ",
                    language_sql, " AND ", where, " AND ", condition,
                ))
            return _join(" UNION ALL ", parts)

        return branches, single

    def _matches(self, query, reader):
        """(sql, params) selecting the reader's matches (COLUMNS and `score`) for SQLite, or None when nothing can
        match: the FTS5 matches first, joined to the entries by id (a covering index)."""
        where = _where_sql(entry_q(reader))
        if where is None:
            return None
        where_sql, where_params = where
        columns = ", ".join(f"{TABLE}.{column}" for column in self.COLUMNS)
        hits = self._hits_sql(query)
        if hits is None:
            return None
        hits_sql, hits_params = hits
        # SQLite's CROSS JOIN keeps this order (the matches drive, entries are looked up by id).
        sql = (
            f"WITH hits AS ({hits_sql}) SELECT {columns}, hits.score AS score FROM hits CROSS JOIN {TABLE} "
            f"ON {TABLE}.id = hits.id AND {TABLE}.language = coalesce(hits.lang, {TABLE}.language) "
            f"WHERE {where_sql}"
        )
        return sql, hits_params + where_params

    def _statement(self, query, reader, filters, offset, limit):
        """The one statement of a search, or None when nothing can match. Its rows: (0, facet fields, count) per
        group of the reader's matches; (1, …, id, score, date) for the ranked page; on PostgreSQL, for a one-word
        search, the matches are not ranked: (2, …) is the page ranked among the title matches, (3, …, count) their
        number, enough when they fill the page (see _postgres)."""
        page_filter = _where_sql(_filters_q(filters)) or ("1 = 0", [])
        nulls = ("CAST(NULL AS TEXT), CAST(NULL AS TEXT), CAST(NULL AS BIGINT), CAST(NULL AS TEXT), "
                 "CAST(NULL AS SMALLINT)")
        order = _sql(" ORDER BY score DESC, date DESC, id DESC LIMIT %s OFFSET %s", ("", [limit, offset]))
        if self.vendor == "postgresql":
            where = _where_sql(entry_q(reader))
            if where is None:
                return None
            branches, single = self._postgres(query, where)
            matches = branches(
                lambda tsquery: _sql("CASE WHEN ", single, " THEN 0 ELSE ts_rank(search_vector, ", tsquery, ") END"),
                lambda tsquery: _sql("search_vector @@ ", tsquery),
            )
            titled = branches(
                lambda tsquery: _sql("ts_rank(search_vector, ", tsquery, ")"),
                lambda tsquery: _sql(f"{self.TITLE_VECTOR} @@ ", tsquery),
                single,
            )
            return _sql(
                "WITH matches AS MATERIALIZED (", matches, "), titled AS MATERIALIZED (", titled, ") ",
                f"SELECT 0, {self.FIELDS}, COUNT(*), NULL, NULL, NULL FROM matches GROUP BY {self.FIELDS} ",
                f"UNION ALL SELECT * FROM (SELECT 1, {nulls}, CAST(NULL AS BIGINT), id, score, date "
                f"FROM matches AS {TABLE} WHERE ", page_filter, " AND NOT (", single, ")", order, ") AS page ",
                f"UNION ALL SELECT * FROM (SELECT 2, {nulls}, CAST(NULL AS BIGINT), id, score, date "
                f"FROM titled AS {TABLE} WHERE ", page_filter, order, ") AS titled_page ",
                f"UNION ALL SELECT 3, {nulls}, COUNT(*), CASE WHEN ", single, " THEN 1 ELSE 0 END, NULL, NULL "
                f"FROM titled AS {TABLE} WHERE ", page_filter,
            )
        matches = self._matches(query, reader)
        if matches is None:
            return None
        return _sql(
            "WITH matches AS MATERIALIZED (", matches, ") ",
            f"SELECT 0, {self.FIELDS}, COUNT(*), NULL, NULL, NULL FROM matches GROUP BY {self.FIELDS} ",
            f"UNION ALL SELECT * FROM (SELECT 1, {nulls}, CAST(NULL AS BIGINT), id, score, date "
            f"FROM matches AS {TABLE} WHERE ", page_filter, order, ") AS page",
        )

    def _ranked_page(self, query, reader, filters, offset, limit):
        """PostgreSQL, a one-word search whose title matches do not fill the page: every match ranked."""
        branches, _single = self._postgres(query, _where_sql(entry_q(reader)))
        matches = branches(lambda tsquery: _sql("ts_rank(search_vector, ", tsquery, ")"),
                           lambda tsquery: _sql("search_vector @@ ", tsquery))
        sql, params = _sql(
            "WITH matches AS MATERIALIZED (", matches, f") SELECT id, score, date FROM matches AS {TABLE} WHERE ",
            _where_sql(_filters_q(filters)) or ("1 = 0", []),
            " ORDER BY score DESC, date DESC, id DESC LIMIT %s OFFSET %s", ("", [limit, offset]),
        )
        with connection.cursor() as cursor:
            cursor.execute(sql, params)
            return cursor.fetchall()

    def search(self, query, reader, *, filters, offset, limit, facets=True):
        """One statement reads the reader's matches once: their counts grouped by the facet fields (the total and
        every facet's counts are folded from them) and the ranked page, which alone has the facet filters."""
        results = Results()
        if not query:
            return results
        with self._bounded():
            statement = self._statement(query, reader, filters, offset, limit)
            if statement is None:
                if facets:
                    results.facets = {facet: [] for facet in FACETS}
                return results
            with connection.cursor() as cursor:
                cursor.execute(*statement)
                rows = cursor.fetchall()
            parts = {0: [], 1: [], 2: [], 3: []}
            for row in rows:
                parts[row[0]].append(row)
            total, counts = self._fold_facets([row[1:7] for row in parts[0]], filters)
            results.total = total
            if facets:
                results.facets = counts
            page = [row[7:] for row in parts[1]]
            if parts[3] and parts[3][0][7]:  # PostgreSQL, a one-word search: are the title matches enough?
                titled = parts[3][0][6]
                page = [row[7:] for row in parts[2]] if titled >= min(offset + limit, total) else \
                    self._ranked_page(query, reader, filters, offset, limit)
            results.hits = self._hits(query, self._ranked(page))
        return results

    def _ranked(self, page):
        """[(id, score)] in the statement's order (score, date, id, all descending; a missing date comes first on
        PostgreSQL and last on SQLite, as each sorts NULL), which a UNION ALL need not keep."""
        nulls_first = self.vendor == "postgresql"

        def key(row):
            pk, score, date = row
            return (score or 0, (1,) if date is None and nulls_first else (0,) if date is None else (0.5, date), pk)

        return [(pk, score) for pk, score, _date in sorted(page, key=key, reverse=True)]

    @staticmethod
    def _fold_facets(groups, filters):
        """The total and every facet's counts from the matches grouped by the five facet fields; each facet counted
        with the other facets' filters only."""
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
        if self.vendor == "postgresql":
            by_id, snippets = self._headlines(query, ids)
        else:
            by_id = {e.pk: e for e in SearchEntry.objects.filter(pk__in=ids).defer("search_vector", "title_folded")}
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

    HIT_FIELDS = ("id", "source", "kind", "title", "url", "language", "region_id", "date")

    def _headlines(self, query, ids):
        """PostgreSQL: the page's entries (HIT_FIELDS) with their ts_headline, in each entry's configuration, from one
        query: the first window of each body, then the next windows of the long bodies that had no match in it."""
        entries, snippets, pending = {}, {}, list(ids)
        for start in self._windows(conf.MAX_BODY_CHARS):
            fields = ", ".join(self.HIT_FIELDS) if start == 0 else "id"
            parts, params = [], []
            for language in LANGUAGES:
                tsquery, tsparams = self._tsquery_positive(query, language)
                config = conf.POSTGRES_CONFIGS[language]
                parts.append(
                    f"SELECT {fields}, length(body) > {start + self.HEADLINE_CHARS}, "
                    f"ts_headline('{config}', substr(body, {start + 1}, {self.HEADLINE_CHARS}), {tsquery}, "
                    f"'StartSel={START}, StopSel={STOP}, MaxWords=35, MinWords=15, MaxFragments=2, "
                    f"FragmentDelimiter=\" … \"') FROM {TABLE} WHERE language = %s AND id = ANY(%s)"
                )
                params += tsparams + [language, pending]
            with connection.cursor() as cursor:
                cursor.execute(" UNION ALL ".join(parts), params)
                rows = cursor.fetchall()
            pending = []
            for *values, longer, headline in rows:
                pk = values[0]
                if start == 0:
                    entries[pk] = SimpleNamespace(**dict(zip(self.HIT_FIELDS, values, strict=True)), pk=pk)
                if START in headline:
                    snippets[pk] = headline if start == 0 else "… " + headline
                    continue
                snippets.setdefault(pk, headline)
                if longer:
                    pending.append(pk)
            if not pending:
                break
        return entries, snippets

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
