"""Every "may this person do that?" question about people, regions and the site, answered in one place.

Wagtail's own page permissions are derived from these rules: cms.services.roles puts each person in the
groups that their role and regions call for, and the groups carry the page permissions.
"""

from cms.enums import Role


def _authenticated(user) -> bool:
    return bool(user and user.is_authenticated and user.is_active)


def has_role(user, role) -> bool:
    return _authenticated(user) and user.role == role


def is_national(user) -> bool:
    return _authenticated(user) and (user.is_superuser or user.role == Role.NATIONAL)


def _region_ids(user) -> set:
    # Cached on the user object: several predicates run per request.
    if not hasattr(user, "_pacte_region_ids"):
        user._pacte_region_ids = set(user.regions.values_list("pk", flat=True)) if user.pk else set()
    return user._pacte_region_ids


def is_member_of_region(user, region) -> bool:
    return _authenticated(user) and region is not None and region.pk in _region_ids(user)


def user_can_access_admin(user) -> bool:
    """The Wagtail admin is for the people who author content: trainers and the national team."""
    return is_national(user) or has_role(user, Role.TRAINER)


def user_can_edit_region_page(user, region) -> bool:
    return is_national(user) or (has_role(user, Role.TRAINER) and is_member_of_region(user, region))


def user_can_edit_learning_content(user) -> bool:
    return user_can_access_admin(user)


def user_can_manage_region(user, region) -> bool:
    """Invite and import people into `region`."""
    return user_can_edit_region_page(user, region)


def user_can_import_people(user) -> bool:
    return is_national(user) or (has_role(user, Role.TRAINER) and bool(_region_ids(user)))


def user_can_assign_role(user, role) -> bool:
    """Trainers may bring in coordinators, partners and fellow trainers; only the national team names national staff."""
    if is_national(user):
        return True
    return has_role(user, Role.TRAINER) and role in (Role.COORDINATOR, Role.PARTNER, Role.TRAINER)


def user_can_manage_person(user, person) -> bool:
    """Edit an existing account: the national team any; a trainer only people all of whose regions are theirs."""
    if is_national(user):
        return True
    if not has_role(user, Role.TRAINER):
        return False
    if person.is_superuser or person.role == Role.NATIONAL:
        return False
    if not person.pk:
        return True
    # .all() so that a caller checking many people can prefetch their regions (the CSV import does).
    person_regions = {region.pk for region in person.regions.all()}
    return bool(person_regions) and person_regions <= _region_ids(user)


def user_can_view_region_members(user, region) -> bool:
    """The list of a region's coordinators is for the region's own members and the national team."""
    return is_national(user) or is_member_of_region(user, region)


def user_can_read_region_reports(user, region) -> bool:
    """Steering-committee reports: the region's trainers and partners, and the national team."""
    if is_national(user):
        return True
    return (has_role(user, Role.TRAINER) or has_role(user, Role.PARTNER)) and is_member_of_region(user, region)
