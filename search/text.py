"""Text as every backend sees it: cleaned, accent-folded, elisions dropped, stop words removed and stemmed per
language — so that `equipe` meets *Équipe*, `coordinations` *coordination* and `acces` *l’accès*.

PostgreSQL does the same with its `pacte_french` / `pacte_english` configurations (unaccent, then the Snowball
stemmer with the stop words of search/stopwords/, which are PostgreSQL's own lists); SQLite's FTS5 gets the output
of `analyze()` (the Snowball stemmers of the `snowballstemmer` package); Elasticsearch its own analyzers built
from the same filters. Parsing the query is ours on every backend (`parse_query`)."""

import re
import threading
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import snowballstemmer

from search import conf

LANGUAGES = {"fr": "french", "en": "english"}
DEFAULT_LANGUAGE = "fr"

# Characters that are never text: C0/C1 controls (tab and newlines become spaces), format characters, the
# private-use and unassigned ranges, and the two marks the highlighter uses.
_SPACES = re.compile(r"[\t\n\r\f\v]+")
_ELISION = re.compile(r"\b(?:[cdjlmnst]|qu|jusqu|lorsqu|puisqu|quoiqu)['’‘ʼ](?=\w)", re.IGNORECASE)
_WORD = re.compile(r"\w+")
# What unaccent.rules does beyond removing combining marks.
_LIGATURES = str.maketrans({"œ": "oe", "Œ": "OE", "æ": "ae", "Æ": "AE", "ß": "ss", "ø": "o", "Ø": "O", "đ": "d",
                            "ł": "l", "Ł": "L"})


def clean(text: str) -> str:
    """Remove what is not text (control and format characters), keep words and punctuation."""
    if not text:
        return ""
    text = _SPACES.sub(" ", text)
    return "".join(ch for ch in text if unicodedata.category(ch)[0] != "C")


def fold(text: str) -> str:
    """Lower case, without accents: "Équipe" -> "equipe", "cœur" -> "coeur"."""
    text = unicodedata.normalize("NFKD", text.translate(_LIGATURES))
    return "".join(ch for ch in text if not unicodedata.combining(ch)).lower()


def strip_elisions(text: str) -> str:
    return _ELISION.sub("", text)


@lru_cache(maxsize=4)
def stop_words(language: str) -> frozenset:
    path = Path(__file__).parent / "stopwords" / f"{LANGUAGES.get(language, LANGUAGES[DEFAULT_LANGUAGE])}.txt"
    return frozenset(line.strip() for line in path.read_text(encoding="utf-8").splitlines() if line.strip())


_local = threading.local()


def _stemmer(language: str):
    """snowballstemmer's Snowball stemmers, in C when PyStemmer is installed (requirements.txt): forty times faster.
    One per thread: PyStemmer's are not thread-safe."""
    stemmers = getattr(_local, "stemmers", None)
    if stemmers is None:
        stemmers = _local.stemmers = {}
    if language not in stemmers:
        stemmers[language] = snowballstemmer.stemmer(LANGUAGES.get(language, LANGUAGES[DEFAULT_LANGUAGE]))
    return stemmers[language]


@lru_cache(maxsize=100_000)
def stem(word: str, language: str) -> str:
    """A language's vocabulary is small: each word is stemmed once per process."""
    return _stemmer(language).stemWord(word)


def normalise_language(language: str | None) -> str:
    language = (language or DEFAULT_LANGUAGE)[:2].lower()
    return language if language in LANGUAGES else DEFAULT_LANGUAGE


def words(text: str) -> list[str]:
    """The folded words of `text`, elisions dropped, before stop words and stemming (for phrases and prefixes)."""
    return _WORD.findall(fold(strip_elisions(clean(text))))


def analyze(text: str, language: str) -> list[str]:
    """The index terms of `text`: as PostgreSQL's unaccent + snowball dictionaries produce them (folded first, the
    stop-word list then checked, then stemmed)."""
    language = normalise_language(language)
    stops = stop_words(language)
    return [stem(word, language) for word in words(text) if word not in stops]


def stem_set(text: str, language: str) -> set[str]:
    return set(analyze(text, language))


# The query ----------------------------------------------------------------------------------------------------

_QUERY_TOKEN = re.compile(r'(-?)"([^"]*)"|(-?)([^\s"]+)')


@dataclass
class Query:
    """What a person asked for: every term required, phrases in quotes, `-word` excluded. Terms are cleaned
    (no control characters, no elisions) but neither folded nor stemmed: each backend analyses them in the
    language of each entry."""

    terms: list[str] = field(default_factory=list)
    phrases: list[str] = field(default_factory=list)
    excluded: list[str] = field(default_factory=list)
    truncated: bool = False

    def __bool__(self):
        return bool(self.terms or self.phrases)

    def positive_text(self) -> str:
        return " ".join(self.terms + self.phrases)

    def key(self) -> str:
        return "|".join(["+".join(self.terms), "+".join(self.phrases), "+".join(self.excluded)])


def parse_query(raw: str) -> Query:
    """Never fails: whatever comes in (Lucene or SQL syntax, lone operators, unbalanced quotes, control
    characters, a novel) becomes a bounded list of words and phrases. An unbalanced quote closes at the end."""
    text = clean(raw or "")
    truncated = len(text) > conf.MAX_QUERY_LENGTH
    text = text[: conf.MAX_QUERY_LENGTH]
    if text.count('"') % 2:
        text += '"'
    query = Query(truncated=truncated)
    for minus, phrase, minus_word, word in _QUERY_TOKEN.findall(text):
        if phrase:
            parts = words(phrase)
            if not parts:
                continue
            if minus:
                query.excluded.extend(parts)  # an excluded phrase excludes its words: the safe side
            elif len(parts) == 1:
                query.terms.append(parts[0])
            else:
                query.phrases.append(" ".join(parts))
        elif word:
            parts = words(word)
            if not parts:
                continue  # a lone operator, punctuation
            if minus_word:
                query.excluded.append(parts[0])
                query.terms.extend(parts[1:])
            else:
                query.terms.extend(parts)
    # Bounded work whatever the input.
    limit = conf.MAX_QUERY_TERMS
    query.truncated |= len(query.terms) + len(query.phrases) + len(query.excluded) > limit
    query.terms = list(dict.fromkeys(query.terms))[:limit]
    query.phrases = list(dict.fromkeys(query.phrases))[: max(0, limit - len(query.terms))]
    query.excluded = list(dict.fromkeys(query.excluded))[:limit]
    return query


# Highlighting -------------------------------------------------------------------------------------------------

@lru_cache(maxsize=100_000)
def _token_stems(token: str, language: str) -> frozenset:
    return frozenset(analyze(token, language))


# Private-use marks around highlighted words, turned into <mark> after escaping (search.highlight.to_html).
START, STOP = "\ue000", "\ue001"


def highlight(text: str, query: Query, language: str, *, max_words: int = 35) -> str:
    """A snippet of `text` around the best run of matching words, each match wrapped in START/STOP. Used where the
    backend gives no headline of its own (SQLite); PostgreSQL's ts_headline and Elasticsearch's highlighter use the
    same marks."""
    text = clean(text)
    if not text:
        return ""
    wanted = stem_set(query.positive_text(), language)
    language = normalise_language(language)
    tokens = list(re.finditer(r"\S+", text))
    hits = [index for index, token in enumerate(tokens) if _token_stems(token.group(), language) & wanted]
    if not tokens:
        return ""
    # The window of max_words tokens holding the most hits.
    start = 0
    if hits:
        best = 0
        for first in hits:
            count = sum(1 for h in hits if first <= h < first + max_words)
            if count > best:
                best, start = count, max(0, first - 3)
    window = tokens[start : start + max_words]
    hit_set = set(hits)
    pieces = []
    for offset, token in enumerate(window, start=start):
        pieces.append(f"{START}{token.group()}{STOP}" if offset in hit_set else token.group())
    snippet = " ".join(pieces)
    if start > 0:
        snippet = "… " + snippet
    if start + max_words < len(tokens):
        snippet += " …"
    return snippet
