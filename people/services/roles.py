"""Derive each person's Wagtail groups and flags from their role and regions (rules in people.permissions).

Groups are found by their stable key (people.models.GroupKey), never by name. What a group may do with the site's
pages, images and documents is the business of the apps that own them: they listen to `group_created` and grant it
then (see cms.signals), so this module knows nothing of pages or collections."""

from django.contrib.auth.models import Group, Permission
from django.db import transaction
from django.dispatch import Signal

from people.enums import Role
from people.models import GroupKey

# Sent with `group`, `key` and `region` (None for a role group) when a group is created or found without its
# grants, so that every app can grant what the group's members need.
group_created = Signal()

ROLE_GROUPS = {
    Role.COORDINATOR: ("role:coordinator", "Coordinators"),
    Role.TRAINER: ("role:trainer", "Regional trainers"),
    Role.PARTNER: ("role:partner", "Regional partners"),
    Role.NATIONAL: ("role:national", "National team"),
}
REGION_KEY_PREFIX = "region:"


def region_group_key(region) -> str:
    return f"{REGION_KEY_PREFIX}{region.code}"


def region_group_name(region) -> str:
    return f"Trainers: {region.code}"


def permission(app_label, codename):
    return Permission.objects.get(content_type__app_label=app_label, codename=codename)


def _group(key, name):
    """The group with `key`, created (named `name`) when missing; (group, created)."""
    found = GroupKey.objects.select_related("group").filter(key=key).first()
    if found:
        return found.group, False
    group = Group.objects.filter(name=name, pacte_key__isnull=True).first() or Group.objects.create(name=name)
    GroupKey.objects.create(group=group, key=key)
    return group, True


def role_group(role):
    key, _name = ROLE_GROUPS[role]
    return Group.objects.filter(pacte_key__key=key).first()


@transaction.atomic
def ensure_base_groups():
    """Create the role groups and their permissions. Idempotent."""
    groups = {}
    for role, (key, name) in ROLE_GROUPS.items():
        groups[role], _created = _group(key, name)
    trainers = groups[Role.TRAINER]
    trainers.permissions.add(
        permission("wagtailadmin", "access_admin"),
        permission("wagtail_localize", "submit_translation"),
    )
    groups[Role.NATIONAL].permissions.add(permission("wagtailadmin", "access_admin"))
    for role, group in groups.items():
        group_created.send(sender=Group, group=group, key=ROLE_GROUPS[role][0], region=None, role=role)
    return groups


@transaction.atomic
def ensure_region_group(region):
    """The group whose members are `region`'s trainers; the apps grant it their region's content. Idempotent."""
    group, _created = _group(region_group_key(region), region_group_name(region))
    group_created.send(sender=Group, group=group, key=region_group_key(region), region=region, role=Role.TRAINER)
    return group


def sync_access(user):
    """Put `user` in exactly the groups their role and regions call for, and set the admin flags.

    Runs on every save of a person (imports save hundreds): it looks groups up by key and only builds a group's
    permissions (ensure_*) the first time that group is missing."""
    if not user.pk:
        return
    wanted = {ROLE_GROUPS[user.role][0]} if user.role in ROLE_GROUPS else set()
    regions = {}
    if user.role == Role.TRAINER:
        regions = {region_group_key(region): region for region in user.regions.all()}
        wanted |= set(regions)
    existing = {gk.key: gk.group for gk in GroupKey.objects.filter(key__in=wanted).select_related("group")}
    for key in wanted - set(existing):
        if key in regions:
            existing[key] = ensure_region_group(regions[key])
        else:
            for role, group in ensure_base_groups().items():
                existing[ROLE_GROUPS[role][0]] = group
    current = {gk.key: gk.group for gk in GroupKey.objects.filter(group__user=user).select_related("group")}
    stale = [group for key, group in current.items() if key not in wanted]
    missing = [existing[key] for key in wanted if key not in current]
    if stale:
        user.groups.remove(*stale)
    if missing:
        user.groups.add(*missing)
    national = user.role == Role.NATIONAL
    if user.is_superuser != national or user.is_staff != national:
        type(user).objects.filter(pk=user.pk).update(is_superuser=national, is_staff=national)
        user.is_superuser = user.is_staff = national
