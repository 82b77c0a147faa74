"""Subscriptions, in-site notifications, e-mails in the recipient's language after commit, the daily digest,
signed unsubscribe links, @mentions and their autocomplete."""

import pytest
from django.core import mail
from django.urls import reverse

from forums import services, tasks
from forums.enums import EmailMode, NotificationKind
from forums.models import ForumProfile, Notification, Subscription
from forums.tests import factories
from forums.tests.test_views import client_for

pytestmark = pytest.mark.django_db


def handle(user):
    return ForumProfile.objects.get(user=user).handle


def test_replies_notify_subscribers_after_commit_in_their_language(people, django_capture_on_commit_callbacks):
    english = people["coordinator_normandie"]
    english.preferred_language = "en"
    english.save()
    forum = factories.national_forum()
    topic = factories.topic(english, forum, title="Outils de planification")
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        factories.reply(people["coordinator_bretagne"], topic, "Nous utilisons un tableau partagé.")
    assert mail.outbox == []  # nothing is sent before the transaction commits
    for callback in callbacks:
        callback()
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == [english.email]
    assert message.subject.startswith("New reply")
    assert "Nous utilisons un tableau partagé." in message.body
    assert Notification.objects.get(user=english).kind == NotificationKind.REPLY


def test_forum_subscribers_hear_of_new_topics_and_the_notification_list(people, django_capture_on_commit_callbacks):
    reader = people["trainer_bretagne"]
    services.subscribe(reader, forum=factories.forum("bretagne"))
    with django_capture_on_commit_callbacks(execute=True):
        factories.topic(people["coordinator_bretagne"], factories.forum("bretagne"), title="Séminaire de mars")
    page = client_for(reader).get("/fr/forums/notifications/").content.decode()
    assert "Séminaire de mars" in page
    assert mail.outbox[-1].to == [reader.email]


def test_mentions_notify_only_people_who_can_read_the_forum(people, django_capture_on_commit_callbacks):
    bretagne, normandie = people["trainer_bretagne"], people["coordinator_normandie"]
    body = f"Qu’en pensez-vous @{handle(bretagne)} et @{handle(normandie)} ?"
    with django_capture_on_commit_callbacks(execute=True):
        topic = factories.topic(people["coordinator_bretagne"], factories.forum("bretagne"), body=body)
    assert Notification.objects.filter(user=bretagne, kind=NotificationKind.MENTION).exists()
    assert not Notification.objects.filter(user=normandie).exists()
    html = topic.posts.get().body_html
    assert f'<span class="mention">@{handle(bretagne)}</span>' in html
    assert f'<span class="mention">@{handle(normandie)}</span>' not in html


def test_mention_autocomplete_offers_only_readers(people):
    client = client_for(people["coordinator_bretagne"])
    trainer, outsider = people["trainer_bretagne"], people["coordinator_normandie"]
    found = client.get("/fr/forums/mentions/", {"forum": "bretagne", "q": handle(trainer)[:3]}).json()["results"]
    assert handle(trainer) in [r["handle"] for r in found]
    found = client.get("/fr/forums/mentions/", {"forum": "bretagne", "q": handle(outsider)}).json()["results"]
    assert found == []


def test_daily_digest_instead_of_immediate_emails(people, django_capture_on_commit_callbacks):
    reader = people["trainer_bretagne"]
    services.set_email_mode(reader, EmailMode.DAILY)
    services.subscribe(reader, forum=factories.forum("bretagne"))
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        factories.topic(people["coordinator_bretagne"], factories.forum("bretagne"), title="Premier")
        factories.topic(people["coordinator_bretagne"], factories.forum("bretagne"), title="Second")
    assert mail.outbox == []
    tasks.send_daily_digests.call()
    assert len(mail.outbox) == 1 and mail.outbox[0].to == [reader.email]
    assert "Premier" in mail.outbox[0].body and "Second" in mail.outbox[0].body
    tasks.send_daily_digests.call()
    assert len(mail.outbox) == 1  # nothing new, nothing sent


def test_the_digest_leaves_out_what_the_reader_may_no_longer_read(people, django_capture_on_commit_callbacks):
    reader = people["coordinator_bretagne"]
    services.set_email_mode(reader, EmailMode.DAILY)
    topic = factories.topic(reader, factories.forum("bretagne"))
    with django_capture_on_commit_callbacks(execute=True):
        post = factories.reply(people["trainer_bretagne"], topic, "Bientôt masqué")
    services.hide_post(people["trainer_bretagne"], post, "erreur")
    mail.outbox.clear()
    tasks.send_daily_digests.call()
    assert mail.outbox == []


def test_signed_unsubscribe_link_needs_no_login(people):
    reader = people["coordinator_bretagne"]
    topic = factories.topic(reader, factories.forum("bretagne"))
    assert Subscription.objects.filter(user=reader, topic=topic).exists()
    url = reverse("forums:unsubscribe", kwargs={"token": services.unsubscribe_token(reader, "topic", topic.pk)})
    anonymous = __import__("django.test", fromlist=["Client"]).Client()
    assert anonymous.get(url).status_code == 200
    assert Subscription.objects.filter(user=reader, topic=topic).exists()  # a link checker's GET changes nothing
    assert anonymous.post(url).status_code == 200
    assert not Subscription.objects.filter(user=reader, topic=topic).exists()
    everything = reverse("forums:unsubscribe", kwargs={"token": services.unsubscribe_token(reader, "all")})
    anonymous.post(everything)
    assert ForumProfile.objects.get(user=reader).email_mode == EmailMode.NONE
    forged = url[:-3] + "xx/"
    assert anonymous.post(forged).status_code == 404
