from django import template
from django.conf import settings
from django.urls import translate_url
from django.utils.safestring import mark_safe
from django.utils.translation import get_language
from wagtail.models import Page

from cms import navigation, typography

register = template.Library()


@register.simple_tag(takes_context=True)
def site_chrome(context):
    request = context.get("request")
    return navigation.get_chrome(request) if request else {}


@register.simple_tag(takes_context=True)
def language_links(context):
    """For each language: where the current page is in that language (its home when untranslated).

    The page's translations are cached with the navigation (cms.navigation): no query once cached."""
    request = context.get("request")
    page = context.get("page")
    current = get_language()
    links = []
    translations = {}
    site_chrome_by_lang = {}
    if isinstance(page, Page) and page.pk:
        translations = navigation.translation_urls(request, page)
    for code, name in settings.LANGUAGES:
        if context.get("not_found"):
            # A missing page is missing in every language: offer that language's home, and no alternate.
            url, available = _home_url(request, code, site_chrome_by_lang), False
        elif isinstance(page, Page) and page.pk:
            url = translations.get(code)
            available = url is not None
            if url is None:
                url = _home_url(request, code, site_chrome_by_lang)
        else:
            url = translate_url(request.get_full_path(), code) if request else "/"
            available = True
        links.append({"code": code, "name": name, "url": url, "current": code == current, "available": available})
    return links


def _home_url(request, code, memo):
    from django.utils import translation

    if code not in memo:
        with translation.override(code):
            memo[code] = navigation.get_chrome(request).get("home", {}).get("url", f"/{code}/")
    return memo[code]


@register.simple_tag(takes_context=True)
def aria_current(context, item):
    """`aria-current` for a main menu entry: "page" on the section's own page, "true" anywhere inside it."""
    page = context.get("page")
    path = getattr(page, "path", None) if isinstance(page, Page) else None
    if not path or not item.get("path"):
        return ""
    if path == item["path"]:
        return mark_safe(' aria-current="page"')
    if path.startswith(item["path"]):
        return mark_safe(' aria-current="true"')
    return ""


@register.inclusion_tag("includes/child_pages.html", takes_context=True)
def child_pages(context):
    """The page's live, public sub-pages, cached with the navigation."""
    page = context.get("page")
    request = context.get("request")
    children = navigation.child_links(request, page) if isinstance(page, Page) and page.pk else []
    return {"children": children}


@register.simple_tag(takes_context=True)
def page_tree(context):
    """The whole public tree of the current page's language, for the site map."""
    page = context.get("page")
    return navigation.page_tree(context.get("request"), page.locale_id) if isinstance(page, Page) else []


@register.simple_tag
def text_language(page):
    """The language of the page's text when it is not the page's own language, else "". An alias of a page in
    another language (wagtail-localize makes them for untranslated parent pages, and on *Convert to alias*) shows
    that page's text: it is marked up in its real language, under a notice (includes/page_header.html)."""
    if not isinstance(page, Page) or not page.alias_of_id:
        return ""
    if not hasattr(page, "_pacte_text_language"):
        source = Page.objects.filter(pk=page.alias_of_id).values_list("locale_id", "locale__language_code").first()
        page._pacte_text_language = source[1] if source and source[0] != page.locale_id else ""
    return page._pacte_text_language


@register.inclusion_tag("includes/breadcrumbs.html", takes_context=True)
def breadcrumbs(context):
    """The page's ancestors from the language's home down, cached with the navigation."""
    page = context.get("page")
    request = context.get("request")
    crumbs = []
    if isinstance(page, Page) and page.depth > 2:
        crumbs = navigation.ancestor_links(request, page)
    return {"breadcrumbs": crumbs, "page": page}


@register.filter
def can_access_admin(user):
    """Templates ask cms.permissions, never the user's flags (the admin userbar costs queries otherwise)."""
    from cms import permissions

    return permissions.user_can_access_admin(user)


@register.tag
def typeset(parser, token):
    """`{% typeset "html" %}…{% endtypeset %}` (or "text"): French typography (cms.typography) on what the block
    renders, when the active language is French. For e-mails; pages get it from FrenchTypographyMiddleware."""
    bits = token.split_contents()
    kind = bits[1].strip("\"'") if len(bits) > 1 else "html"
    if len(bits) > 2 or kind not in ("html", "text"):
        raise template.TemplateSyntaxError('Use {% typeset "html" %} or {% typeset "text" %}.')
    nodelist = parser.parse(("endtypeset",))
    parser.delete_first_token()
    return TypesetNode(nodelist, typography.typeset_html if kind == "html" else typography.typeset_text)


class TypesetNode(template.Node):
    def __init__(self, nodelist, typeset):
        self.nodelist = nodelist
        self.typeset = typeset

    def render(self, context):
        output = self.nodelist.render(context)
        if (get_language() or "").split("-")[0] == "fr":
            return self.typeset(output)
        return output


@register.filter
def machine_time(value):
    """A datetime for `<time datetime>`, in local time to the second: HTML allows at most three digits of a
    fraction of a second, and Django's `date:'c'` writes six."""
    from django.utils import timezone

    if not value:
        return ""
    if timezone.is_aware(value):
        value = timezone.localtime(value)
    return value.replace(microsecond=0).isoformat()
