"""Counts stay exact under concurrent replies: 50 threads reply to one topic at once (PostgreSQL: SQLite
serialises every write to the whole database, which proves nothing about row locks)."""

import threading

from django.db import connections

from forums import services
from forums.models import Forum, Post, Topic
from forums.tests import factories

REPLIES = 50


def check_fifty_simultaneous_replies_keep_counts_exact(people):
    forum = factories.forum("bretagne")
    topic = factories.topic(people["coordinator_bretagne"], forum)
    before = Forum.objects.get(pk=forum.pk).post_count
    barrier = threading.Barrier(REPLIES)
    errors = []

    def reply(n):
        try:
            barrier.wait()
            services.reply(people["trainer_bretagne"], Topic.objects.get(pk=topic.pk), f"Réponse simultanée {n}")
        except Exception as exc:  # noqa: BLE001 (reported below)
            errors.append(exc)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=reply, args=(n,)) for n in range(REPLIES)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    topic.refresh_from_db()
    assert topic.post_count == topic.last_position == REPLIES + 1
    assert sorted(topic.posts.values_list("position", flat=True)) == list(range(1, REPLIES + 2))
    assert Forum.objects.get(pk=forum.pk).post_count == before + REPLIES
    assert topic.last_post == Post.objects.filter(topic=topic).order_by("-position").first()
