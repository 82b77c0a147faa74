"""Who reads which search entry. Each entry carries its readers as fields (access, region, partners, groups), set by
search.sources from each app's own rule (forums.permissions.handler, LibraryDocument.visible_to, Wagtail's page
view restrictions); here a person becomes a filter on those fields, the same on every backend.

search/tests/test_permissions.py checks, for every role, that what search returns is exactly what each app's
`visible_to` returns."""

from django.db.models import Q

from people import permissions as people
from people.enums import Role
from search.backends.base import Reader
from search.enums import Access


def reader_for(user) -> Reader:
    """The facts about `user` that the filters need (two queries at most: regions, groups; cached on the user)."""
    if not people._authenticated(user):
        return Reader()
    cached = getattr(user, "_pacte_search_reader", None)
    if cached is not None:
        return cached
    reader = Reader(
        authenticated=True,
        national=people.is_national(user),
        superuser=user.is_superuser,
        partner=people.has_role(user, Role.PARTNER),
        region_ids=frozenset(people.region_ids(user)),
        trainer=people.has_role(user, Role.TRAINER),
        trainer_region_ids=frozenset(people.trainer_region_ids(user)),
        group_ids=frozenset(user.groups.values_list("pk", flat=True)) if not user.is_superuser else frozenset(),
    )
    user._pacte_search_reader = reader
    return reader


def entry_q(reader: Reader) -> Q:
    """The entries `reader` may read, as a Q on search.models.SearchEntry."""
    where = Q(access=Access.PUBLIC)
    if not reader.authenticated:
        return where
    if reader.superuser:
        return Q(pk__isnull=False)
    groups = Q(pk__in=[])
    for group_id in sorted(reader.group_ids):
        groups |= Q(groups__contains=f"|{group_id}|")
    groups = Q(access=Access.GROUPS) & groups
    if reader.national:
        return ~Q(access=Access.GROUPS) | groups
    partners = Q(partners=True) if reader.partner else Q(pk__isnull=False)
    where |= Q(access=Access.MEMBERS) & partners
    where |= Q(access=Access.REGION, region_id__in=sorted(reader.region_ids)) & partners
    if reader.trainer:
        where |= Q(access=Access.TRAINERS)
        where |= Q(access=Access.REGION_TRAINERS, region_id__in=sorted(reader.trainer_region_ids))
    return where | groups


def can_read(reader: Reader, entry) -> bool:
    """The same rule as entry_q, on one entry (search.backends.base.Entry or SearchEntry)."""
    access = entry.access
    if access == Access.PUBLIC:
        return True
    if not reader.authenticated:
        return False
    if reader.superuser:
        return True
    group_ids = getattr(entry, "group_ids", None)
    if group_ids is None:
        group_ids = {int(g) for g in entry.groups.strip("|").split("|") if g}
    if access == Access.GROUPS:
        return bool(set(group_ids) & reader.group_ids)
    if reader.national:
        return True
    if access in (Access.MEMBERS, Access.REGION) and reader.partner and not entry.partners:
        return False
    if access == Access.MEMBERS:
        return True
    if access == Access.REGION:
        return entry.region_id in reader.region_ids
    if access == Access.TRAINERS:
        return reader.trainer
    if access == Access.REGION_TRAINERS:
        return reader.trainer and entry.region_id in reader.trainer_region_ids
    return False
