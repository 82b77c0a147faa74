"""Who may read, download, choose and change library documents. Each rule exists as a predicate on one document and
as a Q for querysets (LibraryDocumentQuerySet.visible_to / usable_by / changeable_by); tests/test_permissions.py
checks that they agree for every role.

- Read (list, count, detail page, download): a public document everyone; "every member" any signed-in member;
  "members of its region" the members of that region (any role); "trainers only" the trainers of its region, or
  every trainer for a national document. The national team reads everything.
- Change (edit, replace, delete, and choose in a page's document block): the national team every document; a
  trainer the documents of their regions. National documents are the national team's.
"""

from django.db.models import Q

from documents.enums import Access
from people import permissions as people
from people.enums import Role

NOTHING = Q(pk__in=[])
EVERYTHING = Q(pk__isnull=False)


def visible_q(user):
    if people.is_national(user):
        return EVERYTHING
    where = Q(access=Access.PUBLIC)
    if not people._authenticated(user):
        return where
    regions = people.region_ids(user)
    where |= Q(access=Access.MEMBERS)
    if regions:
        where |= Q(access=Access.REGION, region_id__in=regions)
    if people.has_role(user, Role.TRAINER):
        where |= Q(access=Access.TRAINERS, region__isnull=True)
        if regions:
            where |= Q(access=Access.TRAINERS, region_id__in=regions)
    return where


def user_can_view_document(user, document) -> bool:
    if people.is_national(user) or document.access == Access.PUBLIC:
        return True
    if not people._authenticated(user):
        return False
    if document.access == Access.MEMBERS:
        return True
    in_region = document.region_id is not None and document.region_id in people.region_ids(user)
    if document.access == Access.REGION:
        return in_region
    if document.access == Access.TRAINERS:
        return people.has_role(user, Role.TRAINER) and (document.region_id is None or in_region)
    return False


def user_can_download_document(user, document) -> bool:
    return user_can_view_document(user, document)


def changeable_q(user):
    if people.is_national(user):
        return EVERYTHING
    regions = people.trainer_region_ids(user)
    return Q(region_id__in=regions) if regions else NOTHING


def user_can_change_document(user, document) -> bool:
    if people.is_national(user):
        return True
    return document.region_id is not None and document.region_id in people.trainer_region_ids(user)


def user_can_delete_document(user, document) -> bool:
    return user_can_change_document(user, document)


def user_can_add_document(user, region=None) -> bool:
    """Upload a document: the national team anywhere (national or regional); a trainer into one of their regions."""
    if people.is_national(user):
        return True
    if region is None:
        return bool(people.trainer_region_ids(user))
    return region.pk in people.trainer_region_ids(user)


def usable_q(user):
    """What an editor may put in a page's, lesson's or seminar's document block: what they may read, among the
    documents of the national team and of the regions they author in. A trainer may link a national document but
    not another region's (its readers would meet a 404)."""
    if people.is_national(user):
        return EVERYTHING
    regions = people.trainer_region_ids(user)
    if not regions:
        return NOTHING
    return visible_q(user) & (Q(region__isnull=True) | Q(region_id__in=regions))


def user_can_use_document(user, document) -> bool:
    if people.is_national(user):
        return True
    regions = people.trainer_region_ids(user)
    if not regions:
        return False
    return user_can_view_document(user, document) and (document.region_id is None or document.region_id in regions)


def user_can_manage_library(user) -> bool:
    """The library's admin screens: trainers and the national team."""
    return people.is_national(user) or bool(people.trainer_region_ids(user))


def user_can_view_review_report(user) -> bool:
    return people.is_national(user)
