"""The collections of images and documents: one national (partner logos, images shared by every region), one per
region. Found by key (cms.models.CollectionKey), created when missing. What each group may do in them is granted
when the group is created (cms.signals, cms.services.access)."""

from django.db import transaction
from django.utils import translation
from wagtail.models import Collection

from cms.models import CollectionKey

NATIONAL_KEY = "national"
NATIONAL_NAME = "National"
REGION_KEY_PREFIX = "region:"


@transaction.atomic
def _collection(key, name):
    found = CollectionKey.objects.select_related("collection").filter(key=key).first()
    if found:
        return found.collection
    root = Collection.get_first_root_node()
    collection = root.get_children().filter(name=name, pacte_key__isnull=True).first() or root.add_child(name=name)
    CollectionKey.objects.create(collection=collection, key=key)
    return collection


def national_collection():
    return _collection(NATIONAL_KEY, NATIONAL_NAME)


def region_collection(region):
    with translation.override("fr"):
        name = str(region.name)
    return _collection(f"{REGION_KEY_PREFIX}{region.code}", name)
