"""Query counts pinned on the forums' pages, with lists large enough that an N+1 would show."""

import pytest

from forums.tests import factories
from forums.tests.test_views import client_for

pytestmark = pytest.mark.django_db


@pytest.fixture
def big_topic(people):
    return factories.bulk_topic(people["coordinator_bretagne"], factories.forum("bretagne"), 1000)


@pytest.mark.parametrize("page", ["1", "last"])
def test_topic_with_1000_posts(people, big_topic, page, django_assert_max_num_queries):
    client = client_for(people["trainer_bretagne"])
    client.get(big_topic.get_absolute_url())  # warm the navigation cache
    with django_assert_max_num_queries(13):  # 11 on the first page, 13 on the last (marking it read)
        response = client.get(big_topic.get_absolute_url() + f"?page={page}")
    assert response.status_code == 200
    assert response.content.decode().count('class="post') >= 20


def test_forum_with_500_topics(people, django_assert_max_num_queries):
    forum = factories.forum("bretagne")
    for n in range(500):
        factories.bulk_topic(people["coordinator_bretagne"], forum, 2, title=f"Sujet {n}")
    client = client_for(people["coordinator_bretagne"])
    client.get("/fr/forums/bretagne/")
    with django_assert_max_num_queries(10):
        response = client.get("/fr/forums/bretagne/")
    assert response.content.decode().count('class="topic-row') == 30
    with django_assert_max_num_queries(10):
        assert client.get("/fr/forums/").status_code == 200
    with django_assert_max_num_queries(12):
        assert client.get("/fr/forums/unread/").status_code == 200
