"""The forums' demo: realistic discussions in Bretagne, Normandie and a national forum, with questions, accepted
answers and mentions; a second run changes nothing."""

import pytest

from cms.demo import _people
from forums import demo
from forums.enums import NotificationKind
from forums.models import Notification, Post, Topic

pytestmark = pytest.mark.django_db


def test_demo_discussions_and_a_second_run_changes_nothing(django_capture_on_commit_callbacks):
    _people()
    with django_capture_on_commit_callbacks(execute=True):
        demo.load()
    counts = (Topic.objects.count(), Post.objects.count(), Notification.objects.count())
    with django_capture_on_commit_callbacks(execute=True):
        demo.load()
    assert (Topic.objects.count(), Post.objects.count(), Notification.objects.count()) == counts
    assert {t.forum.slug for t in Topic.objects.all()} >= {"bretagne", "normandie", "echanges-entre-regions"}
    assert Topic.objects.filter(is_question=True, accepted_post__isnull=False).count() >= 2
    mentioned = Notification.objects.filter(kind=NotificationKind.MENTION, user__email="trainer.bretagne@example.org")
    assert mentioned.exists()
    assert '<span class="mention">@yann-le-goff</span>' in Post.objects.get(
        topic__title__startswith="Comment préparer", position=1).body_html
