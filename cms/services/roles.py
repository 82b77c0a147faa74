"""Derive each person's Wagtail groups and flags from their role and regions (rules in cms.permissions)."""

from django.contrib.auth.models import Group, Permission
from django.db import transaction
from django.db.models import Q
from wagtail.models import Collection, GroupCollectionPermission, GroupPagePermission

from cms.enums import Role

BASE_GROUP_NAMES = {
    Role.COORDINATOR: "Coordinators",
    Role.TRAINER: "Regional trainers",
    Role.PARTNER: "Regional partners",
    Role.NATIONAL: "National team",
}
EDIT_PAGE_PERMISSIONS = ("add_page", "change_page", "publish_page", "lock_page", "unlock_page")
MEDIA_PERMISSIONS = {
    "wagtailimages": ("add_image", "change_image", "choose_image"),
    "wagtaildocs": ("add_document", "change_document", "choose_document"),
}


def region_group_name(region) -> str:
    return f"Trainers: {region.code}"


def _perm(app_label, codename):
    return Permission.objects.get(content_type__app_label=app_label, codename=codename)


def _grant_pages(group, pages):
    perms = [_perm("wagtailcore", codename) for codename in EDIT_PAGE_PERMISSIONS]
    for page in pages:
        for perm in perms:
            GroupPagePermission.objects.get_or_create(group=group, page=page, permission=perm)


@transaction.atomic
def ensure_base_groups():
    """Create the role groups and their permissions. Idempotent."""
    from learning.models import LearningIndexPage

    groups = {role: Group.objects.get_or_create(name=name)[0] for role, name in BASE_GROUP_NAMES.items()}
    trainers = groups[Role.TRAINER]
    trainers.permissions.add(
        _perm("wagtailadmin", "access_admin"),
        _perm("wagtail_localize", "submit_translation"),
    )
    _grant_pages(trainers, LearningIndexPage.objects.all())
    root_collection = Collection.get_first_root_node()
    if root_collection:
        for app_label, codenames in MEDIA_PERMISSIONS.items():
            for codename in codenames:
                GroupCollectionPermission.objects.get_or_create(
                    group=trainers, collection=root_collection, permission=_perm(app_label, codename)
                )
    groups[Role.NATIONAL].permissions.add(_perm("wagtailadmin", "access_admin"))
    return groups


@transaction.atomic
def ensure_region_group(region):
    """The group whose members edit `region`'s pages, in every language. Idempotent."""
    group, _ = Group.objects.get_or_create(name=region_group_name(region))
    _grant_pages(group, region.pages.all())
    return group


def sync_access(user):
    """Put `user` in exactly the groups their role and regions call for, and set the admin flags.

    Runs on every save of a person (imports save hundreds): it looks groups up by name and only builds a group's
    permissions (ensure_*) the first time that group is missing."""
    if not user.pk:
        return
    wanted = {BASE_GROUP_NAMES[user.role]} if user.role in BASE_GROUP_NAMES else set()
    regions = {}
    if user.role == Role.TRAINER:
        regions = {region_group_name(region): region for region in user.regions.all()}
        wanted |= set(regions)
    existing = {group.name: group for group in Group.objects.filter(name__in=wanted)}
    for name in wanted - set(existing):
        if name in regions:
            existing[name] = ensure_region_group(regions[name])
        else:
            existing.update({g.name: g for g in ensure_base_groups().values() if g.name in wanted})
    current = {
        group.name: group
        for group in user.groups.filter(Q(name__in=BASE_GROUP_NAMES.values()) | Q(name__startswith="Trainers: "))
    }
    stale = [group for name, group in current.items() if name not in wanted]
    missing = [existing[name] for name in wanted if name not in current]
    if stale:
        user.groups.remove(*stale)
    if missing:
        user.groups.add(*missing)
    national = user.role == Role.NATIONAL
    if user.is_superuser != national or user.is_staff != national:
        type(user).objects.filter(pk=user.pk).update(is_superuser=national, is_staff=national)
        user.is_superuser = user.is_staff = national
