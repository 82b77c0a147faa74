"""Anonymous visitors get Wagtail pages from the shared cache, ahead of sessions, authentication and routing.

A response is stored only when it is the same for every anonymous visitor: a GET of a Wagtail page without view
restrictions, answered 200, that sets no cookie (no CSRF token, no session), used no CSP nonce and did not ask
for `Cache-Control: private/no-cache/no-store` (a page opts out with Django's `never_cache` or
`patch_cache_control(response, private=True)`). It is served only to requests without a session or message
cookie and with no query string but the parameters in QUERY_PARAMETERS.

Keys carry the global version of cms.cache, which cms.signals bumps (after the commit) whenever a page is published,
unpublished, moved, renamed or deleted, the site settings, an image or a document change: one bump empties the
navigation and every page. A page that read scoped versions while rendering (a region page reads its region's
people version) is stored with them and served only while they are unchanged: a change to a person refreshes the
pages of that person's regions and nothing else."""

from django.conf import settings
from django.core.cache import cache
from django.core.exceptions import DisallowedHost
from django.http import HttpResponse
from django.utils.cache import cc_delim_re
from wagtail import hooks

from cms import cache as pacte_cache

# Query parameters a page may vary on; a request with any other parameter is not served from the cache.
QUERY_PARAMETERS = frozenset()
HEADER = "X-Page-Cache"
TIMEOUT = 60 * 60
# Part of every key: bumped when the stored entry changes shape, so that a deploy never reads the old shape.
ENTRY_FORMAT = 2
_PAGE_ATTR = "_pacte_served_page"
_UNCACHEABLE_CONTROL = {"private", "no-cache", "no-store"}


@hooks.register("before_serve_page")
def _note_page(page, request, serve_args, serve_kwargs):
    # Only Wagtail pages are cached: the middleware finds here which page answered.
    setattr(request, _PAGE_ATTR, page)


class PageCacheMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        key = self._key(request)
        if key is None:
            return self.get_response(request)
        cached = cache.get(key)
        if cached is not None:
            status, headers, content, dependencies = cached
            if pacte_cache.unchanged(dependencies):
                response = HttpResponse(content, status=status, headers=headers)
                response[HEADER] = "hit"
                return response
        response = self.get_response(request)
        if request.method == "GET" and self._storable(request, response):
            entry = (response.status_code, list(response.headers.items()), response.content,
                     pacte_cache.dependencies(request))
            cache.set(key, entry, TIMEOUT)
            response[HEADER] = "miss"
        return response

    @staticmethod
    def _key(request):
        if request.method not in ("GET", "HEAD"):
            return None
        cookies = request.COOKIES
        if settings.SESSION_COOKIE_NAME in cookies or "messages" in cookies:
            return None
        if request.GET and not QUERY_PARAMETERS.issuperset(request.GET):
            return None
        try:
            host = request.get_host()
        except DisallowedHost:
            return None
        query = request.GET.urlencode() if request.GET else ""
        scheme = "https" if request.is_secure() else "http"
        return f"pacte:page{ENTRY_FORMAT}:{pacte_cache.version(request)}:{scheme}:{host}:{request.path}?{query}"

    @staticmethod
    def _storable(request, response):
        page = getattr(request, _PAGE_ATTR, None)
        if page is None or response.status_code != 200 or response.streaming:
            return False
        if response.cookies or isinstance(getattr(request, "_csp_nonce", None), str):
            return False
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated:
            return False
        if response.has_header("Vary") and "*" in response["Vary"]:
            return False
        control = {part.split("=")[0].strip().lower() for part in cc_delim_re.split(response.get("Cache-Control", ""))}
        if control & _UNCACHEABLE_CONTROL:
            return False
        # Last, as it costs a query: a restricted page is never shared, even when this visitor passed.
        return not page.get_view_restrictions().exists()
