"""The site's sections of *My space* (people.space): the person's region pages and the administration."""

from django.urls import reverse
from django.utils.translation import get_language, ngettext
from django.utils.translation import gettext as _

from cms import permissions
from cms.cache import cached
from people import space
from people.permissions import is_national, member_region_ids


@space.section(order=100)
def my_region(request):
    region_ids = sorted(member_region_ids(request.user))
    if not region_ids:
        return None
    language = get_language()

    def build(site):
        from cms.models import RegionPage

        pages = RegionPage.objects.live().filter(region_id__in=region_ids, locale__language_code=language)
        return [{"title": page.title, "url": page.get_url(current_site=site)} for page in pages.order_by("title")]

    # Cached with the navigation: a page published, moved or renamed refreshes it (cms.signals).
    pages = cached(request, f"space-regions:{language}:{','.join(map(str, region_ids))}", build)
    title = ngettext("My region", "My regions", len(pages))
    return space.Section(title, [space.Link(page["title"], page["url"]) for page in pages])


@space.section(order=200)
def administration(request):
    user = request.user
    if not permissions.user_can_access_admin(user):
        return None
    if is_national(user):
        description = _("Administer the platform: pages, learning content, people and settings.")
    else:
        description = _("Write and translate your region's pages and the shared learning content.")
    return space.Section(_("Administration"), [
        space.Link(_("Open the administration"), reverse("wagtailadmin_home"), description),
    ])
