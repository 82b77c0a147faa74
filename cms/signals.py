"""Keep what is derived in step with what it derives from."""

from django.db.models.signals import m2m_changed, post_delete, post_save
from django.dispatch import receiver
from wagtail.signals import page_published, page_slug_changed, page_unpublished, post_page_move

from cms import cache
from cms.models import PartnerLogo, RegionPage, SiteSettings
from cms.services.access import grant_pages
from people.models import User
from people.services.roles import ensure_region_group, group_created


@receiver(page_published)
@receiver(page_unpublished)
@receiver(page_slug_changed)
@receiver(post_page_move)
def _page_tree_changed(sender, **kwargs):
    cache.invalidate()


@receiver(post_delete)
def _page_deleted(sender, instance, **kwargs):
    from wagtail.models import Page, Site

    if isinstance(instance, (Page, Site)):
        cache.invalidate()


@receiver(post_save, sender="wagtailcore.Site")
@receiver(post_save, sender="wagtailcore.PageViewRestriction")
@receiver(post_delete, sender="wagtailcore.PageViewRestriction")
@receiver(post_save, sender=SiteSettings)
@receiver(post_save, sender=PartnerLogo)
@receiver(post_delete, sender=PartnerLogo)
def _settings_changed(sender, **kwargs):
    cache.invalidate()


@receiver(post_save, sender=User)
@receiver(post_delete, sender=User)
@receiver(m2m_changed, sender=User.regions.through)
def _people_changed(sender, raw=False, update_fields=None, action=None, **kwargs):
    # Region pages list their trainers and partners: cached pages (cms.page_cache) must show the change.
    if raw or action not in (None, "post_add", "post_remove", "post_clear"):
        return
    if update_fields and set(update_fields) <= {"last_login", "password"}:
        return
    cache.invalidate()


@receiver(post_save, sender=RegionPage)
def _region_page_saved(sender, instance, created, raw=False, **kwargs):
    # A new page of a region (a translation, say) is editable by that region's trainers at once.
    if created and not raw:
        ensure_region_group(instance.region)


@receiver(group_created)
def _grant_region_pages(sender, group, region, **kwargs):
    """A region's trainers edit its pages, in every language, and what lies beneath them."""
    if region is not None:
        grant_pages(group, region.pages.all())
