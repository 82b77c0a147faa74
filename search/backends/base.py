"""The interface every search backend implements, and what goes in and comes out of it.

A backend stores `Entry` objects (built by search.sources from pages, documents, forum topics and posts) and
answers a `Query` (search.text.parse_query) for one person: ranked hits with highlighted snippets, the total,
and facet counts, all restricted to what the person may read (search.permissions gives the rule as fields).
A feature a backend lacks raises NotImplementedError; views never ask which backend is active."""

from dataclasses import dataclass, field
from datetime import datetime

FACETS = ("kind", "theme", "region", "language", "year")


@dataclass
class Entry:
    source: str
    kind: str
    title: str
    body: str
    language: str
    url: str
    access: str
    region_id: int | None = None
    theme: str = ""
    date: datetime | None = None
    partners: bool = True
    group_ids: tuple = ()
    title_searched: bool = True

    @property
    def year(self):
        return self.date.year if self.date else None


@dataclass
class Reader:
    """A person as the index sees them (search.permissions.reader_for builds it from a user)."""

    authenticated: bool = False
    national: bool = False
    superuser: bool = False
    partner: bool = False
    region_ids: frozenset = frozenset()
    trainer: bool = False
    trainer_region_ids: frozenset = frozenset()
    group_ids: frozenset = frozenset()


@dataclass
class Hit:
    source: str
    kind: str
    title: str
    url: str
    language: str
    region_id: int | None
    date: datetime | None
    snippet: str  # text with search.text.START / STOP around highlighted words, not yet escaped
    score: float = 0.0


@dataclass
class Results:
    hits: list = field(default_factory=list)
    total: int = 0
    # {"kind": [(value, count), ...], ...} most frequent first
    facets: dict = field(default_factory=dict)


class SearchBackend:
    """Store entries; search them for one reader."""

    def index(self, entries: list[Entry]) -> None:
        """Add or replace these entries (by `source`)."""
        raise NotImplementedError

    def delete(self, sources: list[str]) -> None:
        """Remove entries by source; unknown sources are ignored."""
        raise NotImplementedError

    def rebuild(self, batches) -> int:
        """Replace the whole index with the entries of `batches` (an iterable of lists); readers see the old index
        until the new one is complete where the backend can do so. Returns the number of entries."""
        raise NotImplementedError

    def search(self, query, reader: Reader, *, filters: dict, offset: int, limit: int, facets: bool = True) -> Results:
        """`filters`: {facet: [values]} — values of one facet are alternatives, facets combine. Facet counts of a
        facet ignore that facet's own filter (so that one can widen it again)."""
        raise NotImplementedError

    def suggest(self, text: str, reader: Reader, *, limit: int) -> list[dict]:
        """Titles starting words with what was typed, accent-insensitive: [{"title", "url", "kind"}]."""
        raise NotImplementedError

    def count(self) -> int:
        raise NotImplementedError

    def clear(self) -> None:
        raise NotImplementedError
