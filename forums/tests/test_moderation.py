"""Moderators: pin, lock, move, hide and restore with a reason, flags into a queue, the audit log, edit history;
the edit conflict (optimistic locking)."""

import pytest
from django.urls import reverse

from forums import services
from forums.enums import ModerationAction
from forums.models import Flag, Forum, ModerationLog, Post, PostRevision, Topic
from forums.tests import factories
from forums.tests.test_views import client_for

pytestmark = pytest.mark.django_db


@pytest.fixture
def topic(people):
    topic = factories.topic(people["coordinator_bretagne"], factories.forum("bretagne"), title="À modérer")
    factories.reply(people["coordinator_bretagne"], topic, "Un message discutable")
    return topic


def test_pin_lock_and_the_log(people, topic):
    trainer = client_for(people["trainer_bretagne"])
    url = reverse("forums:topic_moderate", kwargs={"pk": topic.pk})
    trainer.post(url, {"action": "pin"})
    trainer.post(url, {"action": "lock"})
    topic.refresh_from_db()
    assert topic.is_pinned and topic.is_locked
    assert list(ModerationLog.objects.filter(topic=topic).values_list("action", flat=True)) == ["lock", "pin"]
    coordinator = client_for(people["coordinator_bretagne"])
    assert coordinator.post(reverse("forums:reply", kwargs={"pk": topic.pk}), {"body": "encore"}).status_code == 404
    assert coordinator.post(url, {"action": "unlock"}).status_code == 404


def test_a_trainer_moves_only_between_forums_they_moderate(people, topic):
    trainer = client_for(people["trainer_bretagne"])
    url = reverse("forums:topic_moderate", kwargs={"pk": topic.pk})
    normandie = factories.forum("normandie")
    trainer.post(url, {"action": "move", "forum": normandie.pk})
    assert Topic.objects.get(pk=topic.pk).forum.slug == "bretagne"
    client_for(people["national"]).post(url, {"action": "move", "forum": normandie.pk})
    assert Topic.objects.get(pk=topic.pk).forum == normandie
    assert (Forum.objects.get(slug="normandie").post_count, Forum.objects.get(slug="bretagne").post_count) == (2, 0)
    assert ModerationLog.objects.filter(action=ModerationAction.MOVE, topic=topic).exists()


def test_hide_and_restore_with_a_reason(people, topic):
    post = topic.posts.get(position=2)
    trainer = client_for(people["trainer_bretagne"])
    trainer.post(reverse("forums:post_hide", kwargs={"pk": post.pk}), {"reason": "Hors sujet"})
    post.refresh_from_db()
    assert post.is_hidden and post.hidden_reason == "Hors sujet"
    assert Topic.objects.get(pk=topic.pk).post_count == 1
    page = client_for(people["coordinator_bretagne"]).get(topic.get_absolute_url()).content.decode()
    assert "Un message discutable" not in page and "masqué par un modérateur" in page
    trainer.post(reverse("forums:post_restore", kwargs={"pk": post.pk}))
    post.refresh_from_db()
    assert not post.is_hidden and Topic.objects.get(pk=topic.pk).post_count == 2
    assert [log.action for log in ModerationLog.objects.filter(post=post)] == ["restore", "hide"]


def test_flags_go_to_the_moderators_queue(people, topic):
    post = topic.posts.get(position=2)
    reporter = client_for(people["national"])
    reporter.post(reverse("forums:post_flag", kwargs={"pk": post.pk}), {"reason": "Propos déplacés"})
    assert Flag.objects.get(post=post).reason == "Propos déplacés"
    queue = client_for(people["trainer_bretagne"]).get("/fr/forums/moderation/flags/").content.decode()
    assert "Propos déplacés" in queue
    assert client_for(people["trainer_normandie"]).get("/fr/forums/moderation/flags/").content.decode().count(
        "Propos déplacés") == 0
    flag = Flag.objects.get(post=post)
    client_for(people["trainer_bretagne"]).post(reverse("forums:flag_resolve", kwargs={"pk": flag.pk}))
    assert Flag.objects.get(pk=flag.pk).resolved_by == people["trainer_bretagne"]
    # The author cannot flag their own post.
    assert client_for(people["coordinator_bretagne"]).post(
        reverse("forums:post_flag", kwargs={"pk": post.pk}), {"reason": "moi"}).status_code == 404


def test_edit_keeps_history_for_moderators(people, topic):
    post = topic.posts.get(position=2)
    author = client_for(people["coordinator_bretagne"])
    author.post(reverse("forums:post_edit", kwargs={"pk": post.pk}), {"body": "Version corrigée", "version": 1})
    post.refresh_from_db()
    assert (post.body, post.version) == ("Version corrigée", 2)
    assert PostRevision.objects.get(post=post).body == "Un message discutable"
    history = reverse("forums:post_history", kwargs={"pk": post.pk})
    assert "Un message discutable" in client_for(people["trainer_bretagne"]).get(history).content.decode()
    assert author.get(history).status_code == 404


def test_edit_conflict_is_reported_never_overwritten(people, topic):
    post = topic.posts.get(position=2)
    url = reverse("forums:post_edit", kwargs={"pk": post.pk})
    # The author opens the editor at version 1; meanwhile a moderator edits the post.
    client_for(people["trainer_bretagne"]).post(url, {"body": "Corrigé par le formateur", "version": 1})
    response = client_for(people["coordinator_bretagne"]).post(url, {"body": "Ma version", "version": 1})
    assert response.status_code == 409
    assert "Corrigé par le formateur" in response.content.decode()
    post.refresh_from_db()
    assert post.body == "Corrigé par le formateur"
    assert ModerationLog.objects.filter(action=ModerationAction.EDIT, post=post).exists()
    with pytest.raises(services.EditConflict):
        services.edit_post(people["coordinator_bretagne"], post, "Encore", version=1)
    assert Post.objects.get(pk=post.pk).body == "Corrigé par le formateur"
