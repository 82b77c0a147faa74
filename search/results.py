"""A results page for one person: the query parsed, the backend asked once, hits and facets given their labels,
links and highlighted snippets. Views call `run_search` and `suggestions`; neither knows which backend answers."""

import math
from dataclasses import dataclass, field
from urllib.parse import urlencode

from django.apps import apps
from django.db import DatabaseError
from django.utils.html import escape
from django.utils.safestring import mark_safe
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from search import conf
from search.backends import get_backend
from search.backends.base import FACETS
from search.enums import EntryKind
from search.permissions import reader_for
from search.text import START, STOP, parse_query

LANGUAGE_NAMES = {"fr": "Français", "en": "English"}


def snippet_html(snippet: str) -> str:
    """Escaped text; only the highlight marks become <mark>."""
    return mark_safe(escape(snippet).replace(START, "<mark>").replace(STOP, "</mark>"))  # noqa: S308


def kind_label(kind: str) -> str:
    if kind in EntryKind.values:
        return str(EntryKind(kind).label)
    try:
        model = apps.get_model(kind)
    except (LookupError, ValueError):
        return kind
    return str(model._meta.verbose_name).capitalize()


def theme_label(theme: str) -> str:
    for app_label in ("documents", "learning", "cms"):
        if not apps.is_installed(app_label):
            continue
        try:
            enums = __import__(f"{app_label}.enums", fromlist=["Theme"])
        except ImportError:
            continue
        choices = getattr(enums, "Theme", None)
        if choices is not None and theme in choices.values:
            return str(choices(theme).label)
    return theme


def _region_names(ids):
    from people.models import Region

    return {region.pk: region.name for region in Region.objects.filter(pk__in=[i for i in ids if i])}


def localised_url(url: str, kind: str) -> str:
    """Forum addresses are the same content in both languages: keep the reader's language prefix."""
    language = (get_language() or "fr")[:2]
    if kind in (EntryKind.TOPIC, EntryKind.POST) and url.startswith("/fr/") and language != "fr":
        return f"/{language}/{url[4:]}"
    return url


def parse_filters(params) -> dict:
    filters = {}
    for facet in FACETS:
        values = [v[:80] for v in params.getlist(facet)[:20] if v and v.isprintable()]
        if facet in ("region", "year"):
            values = [int(v) for v in values if v.isdigit() and len(v) < 10]
        if values:
            filters[facet] = sorted(set(values))
    return filters


def _url(q, filters, page=1):
    params = [("q", q)]
    for facet in FACETS:
        params += [(facet, value) for value in filters.get(facet, [])]
    if page > 1:
        params.append(("page", page))
    return "?" + urlencode(params)


@dataclass
class SearchPage:
    q: str = ""
    hits: list = field(default_factory=list)
    total: int = 0
    facets: list = field(default_factory=list)
    chosen: list = field(default_factory=list)
    page: int = 1
    pages: int = 0
    previous_url: str = ""
    next_url: str = ""
    messages: list = field(default_factory=list)
    searched: bool = False


def _page_number(raw):
    try:
        return max(1, int(str(raw)[:6]))
    except (TypeError, ValueError):
        return 1


def run_search(user, params) -> SearchPage:
    q = (params.get("q") or "")[: conf.MAX_QUERY_LENGTH * 4]
    result = SearchPage(q=q[: conf.MAX_QUERY_LENGTH])
    query = parse_query(q)
    filters = parse_filters(params)
    page = _page_number(params.get("page"))
    if query.truncated:
        result.messages.append(_("Your search was long: only its first words were used."))
    if not query:
        if q.strip():
            result.messages.append(_("Type at least one word to look for (not only words to exclude)."))
        return result
    result.searched = True
    if page > conf.MAX_PAGE:
        result.messages.append(_("Results go up to page %(max)s: here is page %(max)s.") % {"max": conf.MAX_PAGE})
        page = conf.MAX_PAGE
    per_page = conf.PER_PAGE
    try:
        found = get_backend().search(
            query, reader_for(user), filters=filters, offset=(page - 1) * per_page, limit=per_page
        )
    except DatabaseError:
        result.messages.append(_("The search took too long. Try fewer or more precise words."))
        return result
    result.total = found.total
    result.pages = min(conf.MAX_PAGE, math.ceil(found.total / per_page)) if found.total else 0
    if found.total and page > result.pages:
        result.messages.append(
            _("There is no page %(page)s: the results end on page %(last)s.") % {"page": page, "last": result.pages}
        )
    result.page = page
    region_ids = {hit.region_id for hit in found.hits} | {v for v, _c in found.facets.get("region", [])}
    regions = _region_names(region_ids)
    result.hits = [
        {
            "title": hit.title,
            "url": localised_url(hit.url, hit.kind),
            "kind": kind_label(hit.kind),
            "snippet": snippet_html(hit.snippet),
            "language": hit.language,
            "language_name": LANGUAGE_NAMES.get(hit.language, hit.language),
            "region": regions.get(hit.region_id, ""),
            "date": hit.date,
        }
        for hit in found.hits
    ]
    labels = {
        "kind": kind_label, "theme": theme_label, "region": lambda v: regions.get(v, str(v)),
        "language": lambda v: LANGUAGE_NAMES.get(v, v), "year": str,
    }
    names = {"kind": _("Kind"), "theme": _("Theme"), "region": _("Region"), "language": _("Language"),
             "year": _("Year")}
    for facet in FACETS:
        values = []
        for value, count in found.facets.get(facet, []):
            selected = value in filters.get(facet, [])
            toggled = {**filters, facet: [v for v in filters.get(facet, []) if v != value] + ([] if selected else [value])}
            values.append({"label": labels[facet](value), "count": count, "selected": selected,
                           "url": _url(q, toggled)})
        if facet == "year":
            values.sort(key=lambda v: v["label"], reverse=True)
        if values:
            result.facets.append({"name": facet, "label": names[facet], "values": values})
        for value in filters.get(facet, []):
            rest = {**filters, facet: [v for v in filters[facet] if v != value]}
            result.chosen.append({
                "label": _("%(facet)s: %(value)s") % {"facet": names[facet], "value": labels[facet](value)},
                "url": _url(q, rest),
            })
    if page > 1:
        result.previous_url = _url(q, filters, min(page - 1, result.pages or 1))
    if page < result.pages:
        result.next_url = _url(q, filters, page + 1)
    return result


def suggestions(user, text: str) -> list:
    text = (text or "")[: conf.MAX_QUERY_LENGTH]
    try:
        found = get_backend().suggest(text, reader_for(user), limit=conf.SUGGESTIONS)
    except DatabaseError:
        return []
    return [
        {"title": row["title"], "url": localised_url(row["url"], row["kind"]), "kind": kind_label(row["kind"])}
        for row in found
    ]
