"""Keep what is derived in step with what it derives from."""

from django.db.models.signals import m2m_changed, post_delete, post_save
from django.dispatch import receiver
from wagtail.signals import page_published, page_slug_changed, page_unpublished, post_page_move

from cms import chrome
from cms.models import PartnerLogo, RegionPage, SiteSettings, User


@receiver(page_published)
@receiver(page_unpublished)
@receiver(page_slug_changed)
@receiver(post_page_move)
def _page_tree_changed(sender, **kwargs):
    chrome.invalidate()


@receiver(post_delete)
def _page_deleted(sender, instance, **kwargs):
    from wagtail.models import Page, Site

    if isinstance(instance, (Page, Site)):
        chrome.invalidate()


@receiver(post_save, sender="wagtailcore.Site")
@receiver(post_save, sender="wagtailcore.PageViewRestriction")
@receiver(post_delete, sender="wagtailcore.PageViewRestriction")
@receiver(post_save, sender=SiteSettings)
@receiver(post_save, sender=PartnerLogo)
@receiver(post_delete, sender=PartnerLogo)
def _settings_changed(sender, **kwargs):
    chrome.invalidate()


@receiver(post_save, sender=User)
@receiver(post_delete, sender=User)
@receiver(m2m_changed, sender=User.regions.through)
def _people_changed(sender, raw=False, update_fields=None, action=None, **kwargs):
    # Region pages list their trainers and partners: cached pages (cms.page_cache) must show the change.
    if raw or action not in (None, "post_add", "post_remove", "post_clear"):
        return
    if update_fields and set(update_fields) <= {"last_login", "password"}:
        return
    chrome.invalidate()


@receiver(post_save, sender=User)
def _user_saved(sender, instance, raw=False, update_fields=None, **kwargs):
    # A login only touches last_login: nothing to derive then.
    if raw or (update_fields and not {"role", "is_superuser", "is_staff", "is_active"} & set(update_fields)):
        return
    from cms.services.roles import sync_access

    sync_access(instance)


@receiver(m2m_changed, sender=User.regions.through)
def _user_regions_changed(sender, instance, action, reverse, **kwargs):
    if action not in ("post_add", "post_remove", "post_clear"):
        return
    from cms.services.roles import sync_access

    if reverse:
        for user in User.objects.filter(pk__in=kwargs.get("pk_set") or []):
            sync_access(user)
    else:
        sync_access(instance)


@receiver(post_save, sender=RegionPage)
def _region_page_saved(sender, instance, created, raw=False, **kwargs):
    # A new page of a region (a translation, say) is editable by that region's trainers at once.
    if created and not raw:
        from cms.services.roles import ensure_region_group

        ensure_region_group(instance.region)
