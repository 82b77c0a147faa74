"""cms.lookups: an integer beyond what its column holds names no row, in `in` lookups and through foreign keys,
on SQLite (whose driver raised OverflowError) as on PostgreSQL."""

import pytest
from filer.models import Image
from wagtail.models import Page

pytestmark = pytest.mark.django_db

HUGE = 99999999999999999999


def test_in_drops_what_no_column_can_hold():
    root = Page.get_first_root_node()
    assert list(Page.objects.filter(pk__in=[HUGE, root.pk, -HUGE]).values_list("pk", flat=True)) == [root.pk]
    assert not Page.objects.filter(pk__in=[HUGE]).exists()
    assert Page.objects.exclude(pk__in=[HUGE]).count() == Page.objects.count()


def test_foreign_keys_match_nothing_beyond_their_column():
    assert not Page.objects.filter(owner=HUGE).exists()
    assert not Page.objects.filter(owner__in=[HUGE, -HUGE]).exists()
    assert Page.objects.exclude(owner=HUGE).count() == Page.objects.count()
    # A multi-table child's primary key is a foreign key to its parent's.
    assert not Image.objects.filter(pk=HUGE).exists()
    assert not Image.objects.filter(pk__in=[HUGE]).exists()


def test_values_within_range_are_untouched():
    root = Page.get_first_root_node()
    assert Page.objects.filter(pk__in=[str(root.pk)]).get() == root
    assert Page.objects.filter(pk__in=Page.objects.filter(depth=1).values("pk")).get() == root
