"""Where search entries come from. Each source turns its objects into search.backends.base.Entry, with the
fields that say who may read them taken from the app's own rule:

- pages: every live page that has a URL, generically through Wagtail's `search_fields` (modelsearch's
  `SearchField.get_value`, so StreamFields and rich text give their searchable text), readers from Wagtail's view
  restrictions of the page and its ancestors (login -> members, groups -> those groups, password -> not indexed).
  Page types that their own code serves to members only are listed in PACTE_SEARCH_MEMBERS_ONLY_PAGES (the
  learning modules and lessons). A page model may refine its readers with `search_access(self) -> dict` (keys of
  Entry: access, region_id, partners) and give a theme with a `theme` field or attribute; a `region` foreign key gives the region.
- forum topics and posts: forums.permissions.handler's rule (a regional forum's region; partners only where the
  forum is open to them; hidden and deleted posts for the forum's moderators only).
- library documents (when the documents app is installed): LibraryDocument's access, region, theme, title,
  description and extracted text.

`SOURCES` maps a source's prefix to it; search.indexing asks them for entries by ids."""

import re

from django.apps import apps
from django.core.exceptions import FieldDoesNotExist
from django.utils import translation
from django.utils.html import strip_tags
from modelsearch import index as modelsearch_index

from search import conf
from search.backends.base import Entry
from search.enums import Access, EntryKind

CHUNK = 500


def _text(value) -> str:
    if value is None:
        return ""
    if isinstance(value, (list, tuple)):
        return " ".join(_text(v) for v in value)
    text = str(value)
    return strip_tags(text) if "<" in text else text


def _chunks(ids):
    ids = sorted(set(ids))
    for start in range(0, len(ids), CHUNK):
        yield ids[start : start + CHUNK]


class PageSource:
    prefix = "page"

    @staticmethod
    def model():
        from wagtail.models import Page

        return Page

    def all_ids(self):
        return self.model().objects.live().filter(depth__gt=1).values_list("pk", flat=True).iterator()

    def entries(self, ids):
        from wagtail.models import PageViewRestriction, Site

        Page = self.model()
        restrictions = list(PageViewRestriction.objects.select_related("page").prefetch_related("groups"))
        sites = list(Site.objects.all())
        for chunk in _chunks(ids):
            pages = Page.objects.live().filter(pk__in=chunk).select_related("locale").specific()
            for page in pages:
                entry = self.entry(page, restrictions, sites)
                if entry is not None:
                    yield entry

    def entry(self, page, restrictions, sites):
        readers = self._readers(page, restrictions)
        if readers is None:
            return None
        if readers["access"] == Access.PUBLIC and page._meta.label_lower in conf.MEMBERS_ONLY_PAGES:
            readers = {"access": Access.MEMBERS}
        url = page.get_url(current_site=sites[0] if len(sites) == 1 else None)
        if not url or getattr(page, "search_exclude", False):
            return None
        body = []
        for field in page.get_search_fields():
            if isinstance(field, modelsearch_index.SearchField) and field.field_name != "title":
                try:
                    body.append(_text(field.get_value(page)))
                except (AttributeError, FieldDoesNotExist):
                    continue
        date = page.last_published_at or page.first_published_at
        entry = Entry(
            source=f"page:{page.pk}", kind=f"{page._meta.app_label}.{page._meta.model_name}", title=page.title,
            body="\n".join(part for part in body if part), language=page.locale.language_code[:2], url=url,
            region_id=getattr(page, "region_id", None), theme=str(getattr(page, "theme", "") or ""), date=date,
            **readers,
        )
        if hasattr(page, "search_access"):
            for key, value in page.search_access().items():
                setattr(entry, key, value)
        return entry

    @staticmethod
    def _readers(page, restrictions):
        """Wagtail's view restrictions of the page and its ancestors, all of which must let the reader in."""
        mine = [r for r in restrictions if page.path.startswith(r.page.path)]
        if not mine:
            return {"access": Access.PUBLIC}
        if any(r.restriction_type == r.PASSWORD for r in mine):
            return None  # a shared password is not a reader we can filter on
        groups = [frozenset(g.pk for g in r.groups.all()) for r in mine if r.restriction_type == r.GROUPS]
        if groups:
            allowed = frozenset.intersection(*groups)
            if not allowed:
                return None
            return {"access": Access.GROUPS, "group_ids": tuple(sorted(allowed))}
        return {"access": Access.MEMBERS}


def _forum_readers(forum):
    if forum.region_id is None:
        return {"access": Access.MEMBERS, "partners": forum.open_to_partners}
    return {"access": Access.REGION, "region_id": forum.region_id, "partners": forum.open_to_partners}


def _moderator_readers(forum):
    """Hidden and deleted posts: their forum's moderators (forums.permissions.handler.moderated_q)."""
    if forum.region_id is None:
        return {"access": Access.NATIONAL}
    return {"access": Access.REGION_TRAINERS, "region_id": forum.region_id}


def _neutral_url(get_url):
    with translation.override("fr"):
        return get_url()


class TopicSource:
    prefix = "topic"

    @staticmethod
    def model():
        return apps.get_model("forums", "Topic")

    def all_ids(self):
        return self.model().objects.values_list("pk", flat=True).iterator()

    def entries(self, ids):
        for chunk in _chunks(ids):
            for topic in self.model().objects.filter(pk__in=chunk).select_related("forum"):
                yield Entry(
                    source=f"topic:{topic.pk}", kind=EntryKind.TOPIC, title=topic.title, body="", language="fr",
                    url=_neutral_url(topic.get_absolute_url), date=topic.created_at, **_forum_readers(topic.forum),
                )


class PostSource:
    prefix = "post"

    @staticmethod
    def model():
        return apps.get_model("forums", "Post")

    def all_ids(self):
        return self.model().objects.values_list("pk", flat=True).iterator()

    def entries(self, ids):
        for chunk in _chunks(ids):
            posts = self.model().objects.filter(pk__in=chunk).select_related("topic__forum")
            for post in posts:
                forum = post.topic.forum
                readers = _forum_readers(forum) if post.is_public else _moderator_readers(forum)
                yield Entry(
                    source=f"post:{post.pk}", kind=EntryKind.POST, title=post.topic.title, title_searched=False,
                    body=post.body, language="fr", url=_neutral_url(post.get_absolute_url), date=post.created_at,
                    **readers,
                )


def _installed_sources():
    sources = [PageSource()]
    if apps.is_installed("forums"):
        sources += [TopicSource(), PostSource()]
    if apps.is_installed("documents"):
        from search.document_source import DocumentSource

        sources.append(DocumentSource())
    return {source.prefix: source for source in sources}


_SOURCES = None


def sources() -> dict:
    global _SOURCES
    if _SOURCES is None:
        _SOURCES = _installed_sources()
    return _SOURCES


_SOURCE_KEY = re.compile(r"^([a-z]+):(\d+)$")


def split_source(source: str):
    match = _SOURCE_KEY.match(source)
    return (match.group(1), int(match.group(2))) if match else (None, None)
