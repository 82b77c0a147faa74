"""Every URL pattern of the project, with a concrete path that reaches it: what the CSRF walk and the permission
matrix's completeness check iterate over, so that a new view is covered the day it is added."""

import re
import uuid
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from django.apps import apps
from django.conf import settings
from django.urls import URLPattern, URLResolver, get_resolver, resolve
from django.urls.resolvers import LocalePrefixPattern
from django.utils import translation
from django.utils.regex_helper import normalize

LANG = "<lang>/"


def project_apps():
    """The Django apps of this project (not of a dependency): those whose code lives in the repository."""
    root = Path(settings.BASE_DIR).resolve()
    return [
        app for app in apps.get_app_configs()
        if Path(app.path).resolve().is_relative_to(root) and ".venv" not in Path(app.path).resolve().parts
    ]


@cache
def own_modules() -> tuple:
    return tuple(f"{app.name}." for app in project_apps())

# Values tried for each captured parameter, in order; the first one that the pattern accepts is used.
SAMPLE_VALUES = ("1", "x", "x/", "", str(uuid.UUID(int=1)), "x.txt")


@dataclass(frozen=True)
class Segment:
    """What one pattern of the chain (a resolver's prefix, or the final pattern) adds to the path."""

    template: str  # as django.utils.regex_helper.normalize() writes it: "pages/%(page_id)s/"
    sample: tuple  # ((parameter, value), ...): values that the pattern accepts

    def path(self, **values) -> str:
        return self.template % {**dict(self.sample), **values}


@dataclass(frozen=True)
class Endpoint:
    route: str  # as ResolverMatch.route gives it, with the language prefix written <lang>/
    name: str | None  # namespaced, e.g. "accounts:login"
    module: str  # where the view is defined
    urlconf: str  # the URLconf module that declares the pattern
    path: str  # a concrete path (in French) that this pattern answers
    segments: tuple = ()  # the Segments whose paths, joined, make `path`

    @property
    def is_own(self) -> bool:
        """Declared or written in this project (even when mounted under a third-party prefix such as /admin/)."""
        own = own_modules()
        return self.module.startswith(own) or self.urlconf.startswith(own)

    @property
    def parameters(self) -> list:
        """(segment index, name) of every captured parameter, outermost first."""
        return [(index, name) for index, segment in enumerate(self.segments) for name, _value in segment.sample]

    def path_with(self, index: int, name: str, value: str) -> str:
        """`path` with one parameter replaced by `value` (as it would be written in a URL, percent-encoded)."""
        return "/" + "".join(
            segment.path(**({name: value} if i == index else {})) for i, segment in enumerate(self.segments)
        )


def _join(route1: str, route2: str) -> str:
    # As django.urls.resolvers._route_to_regex's callers join routes in ResolverMatch.route.
    return route1 + (route2[1:] if route2.startswith("^") else route2)


def _segment(pattern) -> Segment:
    if isinstance(pattern, LocalePrefixPattern):
        return Segment("fr/", ())
    regex = pattern.regex
    for template, params in normalize(regex.pattern):
        for value in _choices(regex.pattern, params) + SAMPLE_VALUES:
            candidate = template % {p: value for p in params}
            match = regex.match(candidate)
            if match and match.end() == len(candidate):
                return Segment(template, tuple((p, value) for p in params))
    raise ValueError(f"no sample path for URL pattern {pattern!s}")


def _choices(regex: str, params) -> tuple:
    """The first alternative of a group that lists words, such as Django admin's (?P<app_label>auth|cms|...)."""
    found = [re.search(rf"\(\?P<{re.escape(p)}>([\w|]+)\)", regex) for p in params]
    return tuple(m.group(1).split("|")[0] for m in found if m)


def _route_of(pattern) -> str:
    return LANG if isinstance(pattern, LocalePrefixPattern) else str(pattern)


def _view_module(callback) -> str:
    view_class = getattr(callback, "view_class", None)
    target = view_class or callback
    while hasattr(target, "__wrapped__") and not view_class:
        target = target.__wrapped__
    return getattr(target, "__module__", "") or ""


def _urlconf_module(resolver, parent: str) -> str:
    urlconf = resolver.urlconf_name
    if isinstance(urlconf, str):
        return urlconf
    if isinstance(resolver.pattern, LocalePrefixPattern):
        return parent  # i18n_patterns(): declared in the URLconf that calls it
    return getattr(urlconf, "__name__", "")  # another list of patterns (admin.site.urls): judged by its views


def endpoints(resolver=None, route="", segments=(), namespace=None, urlconf=""):
    """Every URLPattern under `resolver` (the project's root by default), depth first."""
    resolver = resolver or get_resolver()
    urlconf = _urlconf_module(resolver, urlconf)
    for entry in resolver.url_patterns:
        entry_route = _join(route, _route_of(entry.pattern))
        entry_segments = (*segments, _segment(entry.pattern))
        if isinstance(entry, URLResolver):
            ns = entry.namespace
            child_ns = ":".join(filter(None, [namespace, ns])) if ns else namespace
            yield from endpoints(entry, entry_route, entry_segments, child_ns, urlconf)
        elif isinstance(entry, URLPattern):
            name = ":".join(filter(None, [namespace, entry.name])) if entry.name else None
            path = "/" + "".join(segment.path() for segment in entry_segments)
            yield Endpoint(entry_route, name, _view_module(entry.callback), urlconf, path, entry_segments)


def route_of_path(path: str) -> str:
    """The route (as Endpoint.route) that Django resolves `path` to."""
    language = path.split("/")[1] if re.match(r"^/(fr|en)/", path) else "fr"
    with translation.override(language):
        route = resolve(path.split("?")[0]).route
    return re.sub(r"^(fr|en)/", LANG, route)
