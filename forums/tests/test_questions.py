"""Questions: the accepted answer (its author or a trainer), the unanswered filter, the FAQ entry with attribution."""

import pytest
from django.urls import reverse
from wagtail.models import Page

from forums.models import Topic
from forums.tests import factories
from forums.tests.test_views import client_for

pytestmark = pytest.mark.django_db


@pytest.fixture
def question(people):
    topic = factories.topic(people["coordinator_bretagne"], factories.forum("bretagne"),
                            title="Comment animer une revue de cas", body="Des conseils ?", is_question=True)
    answer = factories.reply(people["trainer_bretagne"], topic, "Commencez par un cas simple.")
    return topic, answer


def test_unanswered_filter_and_acceptance(people, question):
    topic, answer = question
    client = client_for(people["coordinator_bretagne"])
    assert topic.title in client.get("/fr/forums/bretagne/?filter=unanswered").content.decode()
    assert client_for(people["coordinator_normandie"]).post(
        reverse("forums:post_accept", kwargs={"pk": answer.pk})).status_code == 404
    other = client_for(people["national"])
    other.get("/")
    client.post(reverse("forums:post_accept", kwargs={"pk": answer.pk}))
    assert Topic.objects.get(pk=topic.pk).accepted_post == answer
    assert topic.title not in client.get("/fr/forums/bretagne/?filter=unanswered").content.decode()


def test_only_the_author_or_a_moderator_accepts(people, question):
    topic, answer = question
    bystander = factories.reply(people["national"], topic, "Moi aussi")
    from people.tests.factories import UserFactory

    colleague = UserFactory(role="coordinator", regions=["bretagne"])
    assert client_for(colleague).post(reverse("forums:post_accept", kwargs={"pk": bystander.pk})).status_code == 404
    client_for(people["trainer_bretagne"]).post(reverse("forums:post_accept", kwargs={"pk": bystander.pk}))
    assert Topic.objects.get(pk=topic.pk).accepted_post == bystander


def test_a_trainer_turns_a_resolved_question_into_a_draft_faq_entry(people, question):
    topic, answer = question
    client_for(people["coordinator_bretagne"]).post(reverse("forums:post_accept", kwargs={"pk": answer.pk}))
    url = reverse("forums:topic_faq", kwargs={"pk": topic.pk})
    assert client_for(people["coordinator_bretagne"]).post(url).status_code == 404
    response = client_for(people["trainer_bretagne"]).post(url)
    assert response.status_code == 302
    topic.refresh_from_db()
    page = topic.faq_page.specific
    assert not page.live and page.title == topic.title
    assert page.get_parent().slug == "faq"
    assert people["coordinator_bretagne"].get_full_name() in page.intro
    assert people["trainer_bretagne"].get_full_name() in page.intro
    assert "Commencez par un cas simple." in str(page.body)
    assert client_for(people["trainer_bretagne"]).post(url).status_code == 404  # once
    assert Page.objects.filter(slug=f"forum-{topic.pk}").count() == 1
