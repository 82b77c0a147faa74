"""The parts of every public page that come from the page tree and the site settings: main navigation,
footer links, partner logos, a page's translations and ancestors, the site of a request. Built once per language
and cached (cms.cache) until a page or the settings change, so each page pays a fixed, small number of queries."""

from django.db.models import Prefetch
from django.http.request import split_domain_port
from django.utils.translation import get_language
from wagtail.images import get_image_model
from wagtail.models import Locale, Page, Site

from cms.cache import cached, remember

Image = get_image_model()


def _link(page, site):
    return {"title": page.title, "url": page.get_url(current_site=site)}


def _home(site, locale):
    """The home page of `locale` (a Locale or its id) on `site`; the site's root when it has no translation."""
    root = site.root_page
    return (root.get_translation_or_none(locale) if locale else None) or root


def _footer_link(page, site):
    from cms.models import AccessibilityStatementPage, SitemapPage

    link = _link(page, site)
    if isinstance(page, AccessibilityStatementPage):
        # The conformity level every page must state (décret 2019-768), in the language being built.
        link["conformity"] = str(page.get_conformity_display())
    elif isinstance(page, SitemapPage):
        link["sitemap"] = True
    return link


def _build(site, language_code):
    from cms.models import AccessibilityStatementPage, LegalNoticePage, SitemapPage, SiteSettings

    home = _home(site, Locale.objects.filter(language_code=language_code).first())
    menu = home.get_children().live().public().in_menu().specific()
    footer_types = (LegalNoticePage, AccessibilityStatementPage, SitemapPage)
    footer = [
        _footer_link(page, site)
        for page in Page.objects.live().public().descendant_of(home).type(*footer_types).order_by("path").specific()
    ]
    settings = SiteSettings.for_site(site)
    logos = []
    images = Image.objects.prefetch_renditions("max-200x80")
    for logo in settings.partner_logos.prefetch_related(Prefetch("image", queryset=images)):
        rendition = logo.image.get_rendition("max-200x80")
        logos.append({"name": logo.name, "url": logo.url, "src": rendition.url, "width": rendition.width,
                      "height": rendition.height})
    return {
        "home": _link(home, site),
        # `path` (the tree position) tells the header which section a page is in.
        "menu": [{**_link(page, site), "intro": getattr(page, "intro", ""), "path": page.path} for page in menu],
        "footer": footer,
        "sitemap": next((link for link in footer if link.get("sitemap")), None),
        "contact_email": settings.contact_email,
        "tagline": settings.tagline_for(language_code),
        "logos": logos,
    }


def translation_urls(request, page):
    """{language code: URL} of the live translations of `page`, itself included."""
    def build(site):
        translations = Page.objects.filter(translation_key=page.translation_key).live().select_related("locale")
        return {t.locale.language_code: t.get_url(current_site=site) for t in translations}

    return cached(request, f"translations:{page.translation_key}", build)


def ancestor_links(request, page):
    """Title and URL of the ancestors of `page` from the language's home down."""
    def build(site):
        return [_link(ancestor, site) for ancestor in page.get_ancestors().filter(depth__gte=2)]

    return cached(request, f"ancestors:{page.pk}", build)


def child_links(request, page):
    """Title, URL and introduction of the live, public children of `page`, in the editors' order: what a page lists
    so that nothing published is reachable only by its address. Public only, as it is shared by every visitor."""
    if not page.numchild:
        return []

    def build(site):
        children = page.get_children().live().public().specific()
        return [{**_link(child, site), "intro": getattr(child, "intro", "")} for child in children]

    return cached(request, f"children:{page.pk}", build)


def page_tree(request, locale_id):
    """Every live, public page under the home of that language, nested: [{"title", "url", "children": [...]}]
    in tree order, the home first."""

    def build(site):
        home = _home(site, locale_id)
        top = {"children": []}
        nodes = {home.path: top}
        for page in home.get_descendants().live().public().order_by("path"):
            parent = nodes.get(page.path[: -Page.steplen])
            if parent is None:  # under a draft: unreachable, so not listed either
                continue
            nodes[page.path] = node = {**_link(page, site), "children": []}
            parent["children"].append(node)
        return [_link(home, site), *top["children"]]

    return cached(request, f"tree:{locale_id}", build)


_NO_SITE = "none"


def site_for_request(request):
    """Wagtail's Site.find_for_request runs a query on every request although its answer only changes with the
    Sites (whose saves bump the version): cached here. Call it after the host is validated (ALLOWED_HOSTS), so
    that forged Host headers cannot fill the cache."""
    hostname, port = split_domain_port(request._get_raw_host())[0], request.get_port()
    site = remember(f"site:{hostname}:{port}", lambda: Site._find_for_request(request) or _NO_SITE, request)
    return None if site == _NO_SITE else site


def get_chrome(request):
    site = Site.find_for_request(request)
    if site is None:
        return {}
    language_code = get_language()
    return cached(request, language_code, lambda site: _build(site, language_code))
