"""Who may do what with the site's pages and the admin, stated on people.permissions' primitives.

Wagtail's page permissions are derived from the same rules: people.services.roles puts each person in the groups
that their role and regions call for, and the groups carry the page permissions."""

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
