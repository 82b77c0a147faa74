"""What browsers and search engines ask every site for at fixed addresses."""

from django.http import HttpResponse
from django.shortcuts import redirect
from django.templatetags.static import static
from django.urls import reverse
from django.utils.cache import patch_cache_control
from django.views.decorators.http import require_GET
from wagtail.contrib.sitemaps.views import sitemap as wagtail_sitemap

from cms.sitemaps import PageSitemap

# The admin areas and the account screens are of no use to a search engine.
DISALLOWED = ("/admin/", "/django-admin/", "/fr/accounts/", "/en/accounts/")


@require_GET
def robots_txt(request):
    lines = ["User-agent: *", *(f"Disallow: {path}" for path in DISALLOWED)]
    lines.append(f"Sitemap: {request.build_absolute_uri(reverse('sitemap'))}")
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")


@require_GET
def sitemap_xml(request):
    return wagtail_sitemap(request, sitemaps={"pages": PageSitemap})


@require_GET
def favicon(request):
    """Browsers ask for /favicon.ico whatever the page declares: send them to the site's icon. Not permanent, as the
    icon's address changes with its content in production (hashed static files)."""
    response = redirect(static("img/favicon.svg"))
    patch_cache_control(response, public=True, max_age=60 * 60 * 24)
    return response
