"""Keep what is derived in step with what it derives from. Cache refreshes wait for the commit (cms.cache)."""

from django.db.models.signals import m2m_changed, post_delete, post_save, pre_delete
from django.dispatch import receiver
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.signals import page_published, page_slug_changed, page_unpublished, post_page_move

from cms import cache
from cms.models import PartnerLogo, RegionPage, SiteSettings
from cms.services.access import CHOOSE_MEDIA, MANAGE_MEDIA, grant_media, grant_pages
from cms.services.collections import national_collection, region_collection
from people.enums import Role
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


# Saves that change nothing a page shows: Wagtail records a file's size and hash the first time it needs them.
_FILE_BOOKKEEPING = frozenset({"file_size", "file_hash"})


@receiver(post_save, sender=get_image_model())
@receiver(post_save, sender=get_document_model())
def _media_saved(sender, created, raw=False, update_fields=None, **kwargs):
    """A replaced, renamed or moved image or document refreshes every page (partner logos are on all of them, and
    renditions are in the cached navigation). A new one is shown nowhere yet."""
    if created or raw or (update_fields is not None and set(update_fields) <= _FILE_BOOKKEEPING):
        return
    cache.invalidate()


@receiver(post_delete, sender=get_image_model())
@receiver(post_delete, sender=get_document_model())
def _media_deleted(sender, **kwargs):
    cache.invalidate()


# What region pages show of a person: a change elsewhere (a login, a password, a language) refreshes nothing.
SHOWN_PERSON_FIELDS = frozenset(
    {"first_name", "last_name", "role", "is_active", "structure_type", "structure_name", "structure_town"}
)


def _refresh_people(region_ids):
    for region_id in set(region_ids):
        cache.invalidate(cache.people_scope(region_id))


@receiver(post_save, sender=User)
def _person_saved(sender, instance, raw=False, update_fields=None, **kwargs):
    # Region pages list their people (cms.page_cache keeps them per region): only that person's regions refresh.
    if raw or (update_fields is not None and not SHOWN_PERSON_FIELDS & set(update_fields)):
        return
    _refresh_people(instance.regions.values_list("pk", flat=True))


@receiver(pre_delete, sender=User)
def _person_deleted(sender, instance, **kwargs):
    # Before the deletion takes the person's regions with it; the refresh itself waits for the commit.
    _refresh_people(instance.regions.values_list("pk", flat=True))


@receiver(m2m_changed, sender=User.regions.through)
def _person_regions_changed(sender, instance, action, reverse, pk_set=None, **kwargs):
    if action not in ("post_add", "post_remove", "pre_clear"):
        return
    if reverse:
        _refresh_people([instance.pk])
    elif action == "pre_clear":
        _refresh_people(instance.regions.values_list("pk", flat=True))
    else:
        _refresh_people(pk_set or ())


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


@receiver(group_created)
def _grant_collections(sender, group, region, role, **kwargs):
    """A region's trainers manage the images and documents of their region's collection; every trainer chooses
    from the national collection, which only the national team changes."""
    if region is not None:
        grant_media(group, region_collection(region), MANAGE_MEDIA)
    elif role == Role.TRAINER:
        grant_media(group, national_collection(), CHOOSE_MEDIA)
