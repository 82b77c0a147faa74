"""The project's middleware: Content-Security-Policy by area of the site (one strict policy, relaxed by path
prefix where a third-party area cannot live with it: settings.PACTE_CSP_REPLACE_BY_PREFIX says where and why),
the request's Wagtail site from the cache, and French typography on French pages."""

import re

from csp.middleware import CSPMiddleware, PolicyParts
from django.conf import settings
from django.db import DatabaseError

from cms import navigation, typography

_HTML_LANG = re.compile(rb"<html[^>]*\slang=[\"']?([A-Za-z-]+)", re.I)


class AreaCSPMiddleware(CSPMiddleware):
    def get_policy_parts(self, request, response, report_only: bool = False) -> PolicyParts:
        parts = super().get_policy_parts(request, response, report_only)
        if report_only:
            return parts
        for prefix, directives in getattr(settings, "PACTE_CSP_REPLACE_BY_PREFIX", {}).items():
            if request.path_info.startswith(prefix):
                # A view's own @csp_replace still wins over the area's.
                parts.replace = {**directives, **(parts.replace or {})}
                break
        return parts


class SiteMiddleware:
    """Gives the request its Wagtail Site from the navigation's cache (cms.navigation.site_for_request), so that
    Wagtail's `Site.find_for_request` costs no query. After CommonMiddleware, which validates the host."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        try:
            request._wagtail_site = navigation.site_for_request(request)
        except DatabaseError:
            # The database is down: let the views answer (/healthz says 503) rather than fail here.
            pass
        return self.get_response(request)


class FrenchTypographyMiddleware:
    """Sets French pages in French typography (cms.typography), once, on the way out. Inside the page cache, which
    so stores and serves pages already typeset; outside LocaleMiddleware, whose Content-Language tells the page's
    language. Wagtail's and Django's admins are left alone: their French comes from the catalogues."""

    EXCLUDED_PREFIXES = ("/admin/", "/django-admin/")

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if self._applies(request, response):
            content = response.content.decode(response.charset)
            typeset = typography.typeset_html(content)
            if typeset != content:
                response.content = typeset.encode(response.charset)
                if response.has_header("Content-Length"):
                    response["Content-Length"] = str(len(response.content))
        return response

    def _applies(self, request, response):
        if response.streaming or response.has_header("Content-Encoding"):
            return False
        if not response.get("Content-Type", "").startswith("text/html"):
            return False
        if request.path_info.startswith(self.EXCLUDED_PREFIXES):
            return False
        language = response.get("Content-Language") or _document_language(response.content)
        return language.split("-")[0].lower() == "fr"


def _document_language(content):
    match = _HTML_LANG.search(content, 0, 2048)
    return match.group(1).decode("ascii") if match else ""
