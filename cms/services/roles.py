"""Derive each person's Wagtail groups and flags from their role and regions (rules in cms.permissions)."""

from django.contrib.auth.models import Group, Permission
from django.db import transaction
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
    """Put `user` in exactly the groups their role and regions call for, and set the admin flags."""
    if not user.pk:
        return
    groups = ensure_base_groups()
    wanted = {groups[user.role]} if user.role in groups else set()
    if user.role == Role.TRAINER:
        wanted |= {ensure_region_group(region) for region in user.regions.all()}
    managed = set(Group.objects.filter(name__in=BASE_GROUP_NAMES.values())) | set(
        Group.objects.filter(name__startswith="Trainers: ")
    )
    current = set(user.groups.all())
    user.groups.remove(*(current & managed - wanted))
    user.groups.add(*(wanted - current))
    national = user.role == Role.NATIONAL
    if user.is_superuser != national or user.is_staff != national:
        type(user).objects.filter(pk=user.pk).update(is_superuser=national, is_staff=national)
        user.is_superuser = user.is_staff = national
