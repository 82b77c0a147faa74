"""The questions every app asks about a person: which role, which regions, the national team. Each app's own
`permissions.py` states its rules with these primitives; the rules about managing people live here too.

Wagtail's own permissions are derived from the same facts: people.services.roles puts each person in the groups
that their role and regions call for."""

from people.enums import Role


def _authenticated(user) -> bool:
    return bool(user and user.is_authenticated and user.is_active)


def has_role(user, role) -> bool:
    return _authenticated(user) and user.role == role


def is_national(user) -> bool:
    return _authenticated(user) and (user.is_superuser or user.role == Role.NATIONAL)


def region_ids(user) -> set:
    """The ids of the regions `user` belongs to, whatever their role (empty for anonymous visitors)."""
    if not _authenticated(user):
        return set()
    # Cached on the user object: several predicates run per request.
    if not hasattr(user, "_pacte_region_ids"):
        user._pacte_region_ids = set(user.regions.values_list("pk", flat=True)) if user.pk else set()
    return user._pacte_region_ids


def _region_ids_as(user, role) -> set:
    return region_ids(user) if has_role(user, role) else set()


def member_region_ids(user) -> set:
    """Regions whose members' content `user` reads as a member (coordinators, trainers, partners alike)."""
    return region_ids(user)


def trainer_region_ids(user) -> set:
    return _region_ids_as(user, Role.TRAINER)


def partner_region_ids(user) -> set:
    return _region_ids_as(user, Role.PARTNER)


def coordinator_region_ids(user) -> set:
    return _region_ids_as(user, Role.COORDINATOR)


def is_member_of_region(user, region) -> bool:
    return region is not None and region.pk in region_ids(user)


def is_trainer_of_region(user, region) -> bool:
    return region is not None and region.pk in trainer_region_ids(user)


def is_partner_of_region(user, region) -> bool:
    return region is not None and region.pk in partner_region_ids(user)


def user_can_manage_region(user, region) -> bool:
    """Invite and import people into `region`: its trainers and the national team."""
    return is_national(user) or is_trainer_of_region(user, region)


def user_can_import_people(user) -> bool:
    return is_national(user) or bool(trainer_region_ids(user))


def user_can_view_people_import(user, people_import) -> bool:
    """An import's progress and outcome (names and e-mail addresses): its importer and the national team."""
    return is_national(user) or (_authenticated(user) and people_import.importer_id == user.pk)


def user_can_assign_role(user, role) -> bool:
    """Trainers may bring in coordinators, partners and fellow trainers; only the national team names national staff."""
    if is_national(user):
        return True
    return has_role(user, Role.TRAINER) and role in (Role.COORDINATOR, Role.PARTNER, Role.TRAINER)


def user_can_invite(user, role, regions) -> bool:
    """Create an invited account with `role` in `regions`: the national team anyone; a trainer people with a role
    they may give, in one or more of their own regions (so that they can still manage them afterwards)."""
    if is_national(user):
        return True
    regions = list(regions)
    return (
        user_can_assign_role(user, role)
        and bool(regions)
        and all(is_trainer_of_region(user, region) for region in regions)
    )


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
    return bool(person_regions) and person_regions <= trainer_region_ids(user)


def user_can_view_region_members(user, region) -> bool:
    """The list of a region's coordinators is for the region's own members and the national team."""
    return is_national(user) or is_member_of_region(user, region)
