"""Forum content for tests: written through forums.services, so that counters and positions are real."""

import itertools

from django.db.models import F
from django.utils import timezone

from forums import markup, services
from forums.models import Forum, Post, Topic

_seq = itertools.count(1)


def forum(slug):
    """A forum that site setup made: a region's code, or a national forum's slug."""
    return Forum.objects.get(slug=slug)


def national_forum():
    return forum("echanges-entre-regions")


def topic(author, where, title=None, body=None, **kwargs):
    n = next(_seq)
    return services.start_topic(author, where, title or f"Sujet {n}", body or f"Premier message {n}", **kwargs)


def reply(author, where, body=None):
    return services.reply(author, where, body or f"Réponse {next(_seq)}")


def bulk_topic(author, where, posts, title="Un long sujet"):
    """A topic with `posts` posts, written in bulk (for query counts and benchmarks), counters set to match."""
    now = timezone.now()
    t = Topic.objects.create(forum=where, title=title, author=author, last_position=posts, post_count=posts)
    Post.objects.bulk_create(
        [
            Post(topic=t, author=author, position=i, body=f"Message {i}", body_html=markup.render(f"Message {i}"),
                 created_at=now)
            for i in range(1, posts + 1)
        ],
        batch_size=500,
    )
    last = t.posts.order_by("-position").first()
    Topic.objects.filter(pk=t.pk).update(last_post=last)
    Forum.objects.filter(pk=where.pk).update(
        topic_count=F("topic_count") + 1, post_count=F("post_count") + posts, last_post=last
    )
    t.refresh_from_db()
    return t
