"""Content-Security-Policy by area of the site: one strict policy, relaxed by path prefix where a third-party
area cannot live with it (settings.PACTE_CSP_REPLACE_BY_PREFIX says where and why)."""

from csp.middleware import CSPMiddleware, PolicyParts
from django.conf import settings
from django.db import DatabaseError

from cms import navigation


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
