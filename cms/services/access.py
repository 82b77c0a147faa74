"""What a group may do with pages, images and documents, granted when people.services.roles creates the group
(see cms.signals)."""

from wagtail.models import GroupCollectionPermission, GroupPagePermission

from people.services.roles import permission

EDIT_PAGE_PERMISSIONS = ("add_page", "change_page", "publish_page", "lock_page", "unlock_page")
# Wagtail's image and document permissions, by action ("add", "change", "delete", "choose").
MEDIA_MODELS = (("wagtailimages", "image"), ("wagtaildocs", "document"))
MANAGE_MEDIA = ("add", "change", "delete", "choose")
CHOOSE_MEDIA = ("choose",)


def grant_pages(group, pages):
    """Let `group` edit, publish, lock and unlock `pages` and what lies beneath them. Idempotent."""
    perms = [permission("wagtailcore", codename) for codename in EDIT_PAGE_PERMISSIONS]
    for page in pages:
        for perm in perms:
            GroupPagePermission.objects.get_or_create(group=group, page=page, permission=perm)


def grant_media(group, collection, actions):
    """Let `group` do `actions` with the images and documents of `collection` and its descendants. Idempotent."""
    for app_label, model in MEDIA_MODELS:
        for action in actions:
            GroupCollectionPermission.objects.get_or_create(
                group=group, collection=collection, permission=permission(app_label, f"{action}_{model}")
            )
