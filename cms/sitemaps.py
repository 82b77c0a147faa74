"""/sitemap.xml: Wagtail's sitemap, made to list both languages with hreflang alternates.

Wagtail's own lists the descendants of the site's root page, that is the French tree only: the English home is the
root's translation, a sibling. Each page's alternates are its live, public translations, found in the same pass
(one query for the pages, one for the locales, whatever their number)."""

from collections import defaultdict

from django.db.models import Q
from wagtail.contrib.sitemaps import Sitemap
from wagtail.models import Locale, Page


class PageSitemap(Sitemap):
    def __init__(self, request=None):
        super().__init__(request)
        self._pages = None

    def items(self):
        if self._pages is None:
            root = self.get_wagtail_site().root_page
            homes = Q()
            for path in Page.objects.filter(translation_key=root.translation_key).values_list("path", flat=True):
                homes |= Q(path__startswith=path)
            self._pages = list(Page.objects.live().public().filter(homes).order_by("path"))
        return self._pages

    def _urls(self, page, protocol, domain):
        pages = self.items()
        codes = dict(Locale.objects.values_list("pk", "language_code"))
        # Absolute with the request's scheme and host, as the pages' own hreflang links are: the Site record's
        # hostname (Wagtail's get_full_url) may be a placeholder such as localhost.
        location = {p.pk: self.request.build_absolute_uri(p.get_url(self.request)) for p in pages}
        translations = defaultdict(list)
        for p in pages:
            translations[p.translation_key].append({"lang_code": codes[p.locale_id], "location": location[p.pk]})
        urls = []
        for p in self.paginator.page(page).object_list:
            alternates = translations[p.translation_key]
            urls.append({
                "item": p,
                "location": location[p.pk],
                "lastmod": p.last_published_at or p.latest_revision_created_at,
                "alternates": alternates if len(alternates) > 1 else [],
            })
        lastmods = {url["lastmod"] for url in urls}
        if lastmods and None not in lastmods:
            self.latest_lastmod = max(lastmods)
        return urls
