"""Who may do what with the site's pages and the admin, stated on people.permissions' primitives.

Wagtail's page permissions are derived from the same rules: people.services.roles puts each person in the groups
that their role and regions call for, and the groups carry the page permissions."""

from django.db.models import Q
from wagtail.models import Page
from wagtail.permissions import page_permission_policy

from people.enums import Role
from people.permissions import has_role, is_national, is_partner_of_region, is_trainer_of_region


def user_can_access_admin(user) -> bool:
    """The Wagtail admin is for the people who author content: trainers and the national team."""
    return is_national(user) or has_role(user, Role.TRAINER)


def user_can_edit_region_page(user, region) -> bool:
    return is_national(user) or is_trainer_of_region(user, region)


def user_can_edit_learning_content(user) -> bool:
    return user_can_access_admin(user)


def user_can_read_region_reports(user, region) -> bool:
    """Steering-committee reports: the region's trainers and partners, and the national team."""
    return is_national(user) or is_trainer_of_region(user, region) or is_partner_of_region(user, region)


def user_can_edit_page(user, page) -> bool:
    """What the page editor itself allows: Wagtail's page permissions, which people.services.roles and the apps'
    `group_created` receivers derive from roles and regions (a trainer: their regions' pages and the shared
    learning content)."""
    return page_permission_policy.user_has_permission_for_instance(user, "change", page)


def user_can_see_page_in_admin(user, page) -> bool:
    """The admin names a page (chooser, explorer, search, reports) to whoever may edit it, or once it is live:
    the title of a region's draft stays with that region's trainers and the national team."""
    return is_national(user) or page.live or user_can_edit_page(user, page)


def pages_visible_in_admin(user, pages=None):
    """`pages` (all pages by default) narrowed to those user_can_see_page_in_admin() allows, in one query."""
    pages = Page.objects.all() if pages is None else pages
    if is_national(user):
        return pages
    editable = page_permission_policy.instances_user_has_permission_for(user, "change")
    return pages.filter(Q(live=True) | Q(pk__in=editable.values("pk")))
