"""Predicates and querysets agree for every role, region and access level (as cms/tests/test_permissions.py)."""

import pytest
from django.contrib.auth.models import AnonymousUser

from documents import permissions
from documents.enums import Access
from documents.models import LibraryDocument
from documents.tests.factories import bulk_documents, make_document

pytestmark = pytest.mark.django_db


@pytest.fixture
def documents(region):
    template = make_document(title="Modèle")
    regions = (None, region("bretagne"), region("normandie"))
    rows = []
    for place in regions:
        for access in Access:
            rows += bulk_documents(1, template=template, regions=(place,), accesses=(access,))
    return rows


def readers(people):
    return {"anonymous": AnonymousUser(), **people}


def test_visible_to_agrees_with_the_predicates(people, documents):
    for name, user in readers(people).items():
        visible = set(LibraryDocument.objects.visible_to(user).filter(pk__in=[d.pk for d in documents])
                      .values_list("pk", flat=True))
        expected = {d.pk for d in documents if permissions.user_can_view_document(user, d)}
        assert visible == expected, name
        usable = set(LibraryDocument.objects.usable_by(user).filter(pk__in=[d.pk for d in documents])
                     .values_list("pk", flat=True))
        assert usable == {d.pk for d in documents if permissions.user_can_use_document(user, d)}, name
        changeable = set(LibraryDocument.objects.changeable_by(user).filter(pk__in=[d.pk for d in documents])
                         .values_list("pk", flat=True))
        assert changeable == {d.pk for d in documents if permissions.user_can_change_document(user, d)}, name


def test_who_reads_what(people, documents):
    def can(name, region_code, access):
        document = next(d for d in documents if d.access == access and
                        (d.region.code if d.region else None) == region_code)
        return permissions.user_can_view_document(readers(people)[name], document)

    assert can("anonymous", None, Access.PUBLIC) and not can("anonymous", None, Access.MEMBERS)
    assert can("coordinator_bretagne", "bretagne", Access.REGION)
    assert not can("coordinator_bretagne", "normandie", Access.REGION)
    assert not can("coordinator_bretagne", None, Access.TRAINERS)
    assert can("trainer_normandie", None, Access.TRAINERS)
    assert not can("trainer_normandie", "bretagne", Access.TRAINERS)
    assert can("partner_bretagne", "bretagne", Access.REGION)
    assert can("national", "normandie", Access.TRAINERS)
    assert permissions.user_can_change_document(people["trainer_bretagne"], documents[7])  # Bretagne
    assert not permissions.user_can_change_document(people["trainer_bretagne"], documents[0])  # national
