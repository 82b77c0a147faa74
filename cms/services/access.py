"""What a group may do with pages, granted when people.services.roles creates the group (see cms.signals)."""

from wagtail.models import GroupPagePermission

from people.services.roles import permission

EDIT_PAGE_PERMISSIONS = ("add_page", "change_page", "publish_page", "lock_page", "unlock_page")


def grant_pages(group, pages):
    """Let `group` edit, publish, lock and unlock `pages` and what lies beneath them. Idempotent."""
    perms = [permission("wagtailcore", codename) for codename in EDIT_PAGE_PERMISSIONS]
    for page in pages:
        for perm in perms:
            GroupPagePermission.objects.get_or_create(group=group, page=page, permission=perm)
