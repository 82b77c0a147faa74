"""Reading and writing through the pages: forum list, forum, topic, posting with Markdown, unread tracking."""

import pytest
from django.test import Client
from django.urls import reverse

from forums.models import Forum, Post, Subscription, Topic, TopicReadState
from forums.tests import factories

pytestmark = pytest.mark.django_db


def client_for(user):
    client = Client()
    client.force_login(user)
    return client


def test_forum_list_shows_readable_forums_with_counts(people):
    bretagne = factories.forum("bretagne")
    topic = factories.topic(people["coordinator_bretagne"], bretagne, title="Réunion d’équipe")
    factories.reply(people["trainer_bretagne"], topic)
    html = client_for(people["coordinator_bretagne"]).get("/fr/forums/").content.decode()
    assert "Bretagne" in html and "Échanges entre régions" in html
    assert "Normandie" not in html
    forum = Forum.objects.get(pk=bretagne.pk)
    assert (forum.topic_count, forum.post_count) == (1, 2)
    assert "Réunion d’équipe" in html  # the last activity
    english = client_for(people["coordinator_bretagne"]).get("/en/forums/").content.decode()
    assert "Exchanges between regions" in english


def test_anonymous_visitors_are_sent_to_login():
    response = Client().get("/fr/forums/")
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]


def test_start_a_topic_and_reply(people):
    client = client_for(people["coordinator_bretagne"])
    response = client.post("/fr/forums/bretagne/new/", {"title": "Premier sujet", "body": "Bonjour **à tous**"})
    topic = Topic.objects.get(title="Premier sujet")
    assert response.status_code == 302 and response["Location"] == topic.get_absolute_url()
    page = client.get(topic.get_absolute_url()).content.decode()
    assert "<strong>à tous</strong>" in page
    trainer = client_for(people["trainer_bretagne"])
    response = trainer.post(reverse("forums:reply", kwargs={"pk": topic.pk}), {"body": "Bienvenue !"})
    assert response.status_code == 302
    topic.refresh_from_db()
    assert (topic.post_count, topic.last_position, topic.last_post.body) == (2, 2, "Bienvenue !")
    assert Subscription.objects.filter(user=people["trainer_bretagne"], topic=topic).exists()


def test_preview_saves_nothing(people):
    client = client_for(people["coordinator_bretagne"])
    response = client.post("/fr/forums/bretagne/new/", {"title": "T", "body": "*aperçu*", "preview": "1"})
    assert response.status_code == 200
    assert "<em>aperçu</em>" in response.content.decode()
    assert not Topic.objects.filter(title="T").exists()


def test_links_are_nofollow_and_javascript_links_are_dropped(people):
    topic = factories.topic(people["coordinator_bretagne"], factories.forum("bretagne"),
                            body="[site](https://example.org) et [x](javascript:alert(1))")
    html = topic.posts.get().body_html
    assert 'rel="nofollow ugc noopener"' in html
    assert 'href="javascript' not in html


def test_quote_prefills_the_reply(people):
    topic = factories.topic(people["coordinator_bretagne"], factories.forum("bretagne"), body="Une idée")
    post = topic.posts.get()
    response = client_for(people["trainer_bretagne"]).get(
        reverse("forums:reply", kwargs={"pk": topic.pk}) + f"?quote={post.pk}"
    )
    assert "&gt; Une idée" in response.content.decode()


def test_pagination_and_jump_to_first_unread(people):
    reader = people["trainer_bretagne"]
    topic = factories.bulk_topic(people["coordinator_bretagne"], factories.forum("bretagne"), 45)
    client = client_for(reader)
    first = client.get(topic.get_absolute_url())
    assert 'id="p20"' in first.content.decode() and 'id="p21"' not in first.content.decode()
    assert TopicReadState.objects.get(user=reader, topic=topic).last_read_position == 20
    jump = client.get(reverse("forums:topic_unread", kwargs={"pk": topic.pk}))
    assert jump["Location"].endswith("?page=2#p21")
    last = client.get(topic.get_absolute_url() + "?page=last")
    assert 'id="p45"' in last.content.decode()
    assert TopicReadState.objects.get(user=reader, topic=topic).last_read_position == 45


def test_unread_list_and_mark_all_read(people):
    reader = people["coordinator_bretagne"]
    topic = factories.topic(people["trainer_bretagne"], factories.forum("bretagne"), title="Nouveau sujet")
    client = client_for(reader)
    assert "Nouveau sujet" in client.get("/fr/forums/unread/").content.decode()
    client.post("/fr/forums/unread/mark-all-read/")
    assert "Nouveau sujet" not in client.get("/fr/forums/unread/").content.decode()
    factories.reply(people["trainer_bretagne"], topic)
    assert "Nouveau sujet" in client.get("/fr/forums/unread/").content.decode()


def test_delete_my_post_keeps_it_for_moderators(people):
    author = people["coordinator_bretagne"]
    topic = factories.topic(author, factories.forum("bretagne"))
    post = factories.reply(author, topic, "Texte à effacer")
    client_for(author).post(reverse("forums:post_delete", kwargs={"pk": post.pk}))
    post.refresh_from_db()
    assert post.is_deleted
    assert "Texte à effacer" not in client_for(people["coordinator_bretagne"]).get(topic.get_absolute_url()).content.decode()
    assert "Texte à effacer" in client_for(people["trainer_bretagne"]).get(topic.get_absolute_url()).content.decode()
    topic.refresh_from_db()
    assert topic.post_count == 1


def test_a_post_planted_in_one_region_is_found_from_nowhere_else(people):
    topic = factories.topic(people["coordinator_bretagne"], factories.forum("bretagne"), body="Secret breton")
    post = topic.posts.get()
    outsider = client_for(people["coordinator_normandie"])
    for url in [
        topic.get_absolute_url(), post.get_absolute_url(), reverse("forums:reply", kwargs={"pk": topic.pk}),
        reverse("forums:post_flag", kwargs={"pk": post.pk}), "/fr/forums/bretagne/",
    ]:
        assert outsider.get(url).status_code == 404, url
    assert "Secret" not in outsider.get("/fr/forums/unread/").content.decode()
    assert outsider.post(reverse("forums:reply", kwargs={"pk": topic.pk}), {"body": "intrus"}).status_code == 404
    assert not Post.objects.filter(body="intrus").exists()
    mentions = outsider.get("/fr/forums/mentions/?forum=bretagne&q=a")
    assert mentions.status_code == 404
