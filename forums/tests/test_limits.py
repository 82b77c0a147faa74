"""Limits from settings, each answered with a clear message in the user's language (429 for the rate)."""

import pytest
from django.test import override_settings

from forums.models import Topic
from forums.tests import factories
from forums.tests.test_views import client_for

pytestmark = pytest.mark.django_db


@override_settings(PACTE_FORUMS_POSTS_PER_MINUTE=2)
def test_posts_per_minute_answers_429_in_the_users_language(people):
    topic = factories.topic(people["trainer_bretagne"], factories.forum("bretagne"))
    client = client_for(people["coordinator_bretagne"])
    url = f"/fr/forums/topics/{topic.pk}/reply/"
    assert client.post(url, {"body": "un"}).status_code == 302
    assert client.post(url, {"body": "deux"}).status_code == 302
    refused = client.post(url, {"body": "trois"})
    assert refused.status_code == 429
    assert "Vous publiez trop vite" in refused.content.decode()
    english = client.post(f"/en/forums/topics/{topic.pk}/reply/", {"body": "four"})
    assert english.status_code == 429 and "You are posting too fast" in english.content.decode()


@override_settings(PACTE_FORUMS_POSTS_PER_MINUTE=1,
                   PACTE_FORUMS_POSTS_PER_MINUTE_BY_EMAIL={"coordinator.bretagne@example.org": 3})
def test_a_named_account_may_have_a_limit_of_its_own(people):
    """The benchmark's coordinator posts faster (cms/settings/bench.py); everyone else keeps the limit."""
    topic = factories.topic(people["trainer_bretagne"], factories.forum("bretagne"))
    url = f"/fr/forums/topics/{topic.pk}/reply/"
    fast, other = client_for(people["coordinator_bretagne"]), client_for(people["national"])
    assert [fast.post(url, {"body": f"n° {n}"}).status_code for n in range(4)] == [302, 302, 302, 429]
    assert [other.post(url, {"body": f"n° {n}"}).status_code for n in range(2)] == [302, 429]


def test_the_same_text_twice_is_refused(people):
    topic = factories.topic(people["trainer_bretagne"], factories.forum("bretagne"))
    client = client_for(people["coordinator_bretagne"])
    client.post(f"/fr/forums/topics/{topic.pk}/reply/", {"body": "Merci !"})
    again = client.post(f"/fr/forums/topics/{topic.pk}/reply/", {"body": "Merci !"})
    assert again.status_code == 409 and "Vous venez de publier ce même message." in again.content.decode()


@override_settings(PACTE_FORUMS_MAX_LINKS=2, PACTE_FORUMS_MAX_MENTIONS=1, PACTE_FORUMS_MAX_POST_LENGTH=50)
def test_links_mentions_and_size(people):
    from forums.models import ForumProfile

    client = client_for(people["coordinator_bretagne"])
    new = "/fr/forums/bretagne/new/"
    links = client.post(new, {"title": "L", "body": "https://a.fr https://b.fr https://c.fr"})
    assert "trop de liens" in links.content.decode()
    handles = [ForumProfile.objects.get(user=people[p]).handle for p in ("trainer_bretagne", "national")]
    mentions = client.post(new, {"title": "M", "body": f"@{handles[0]} @{handles[1]}"})
    assert "mentionne trop de personnes" in mentions.content.decode()
    long = client.post(new, {"title": "T", "body": "x" * 51})
    assert "trop long" in long.content.decode()
    assert not Topic.objects.filter(title__in=["L", "M", "T"]).exists()
