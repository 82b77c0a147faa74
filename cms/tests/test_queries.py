"""Pages cost a fixed number of SQL queries, whatever the size of their lists."""

import pytest

from cms.models import ContentPage, RegionPage
from people.tests.factories import UserFactory

pytestmark = pytest.mark.django_db

MAX_QUERIES = 12


@pytest.fixture
def crowded_bretagne(db):
    for i in range(40):
        UserFactory(email=f"coord{i}@example.org", role="coordinator", regions=["bretagne"])
    for i in range(5):
        UserFactory(email=f"trainer{i}@example.org", role="trainer", regions=["bretagne"])
    home = RegionPage.objects.get(region__code="bretagne", locale__language_code="fr").get_parent().get_parent()
    for i in range(15):
        page = ContentPage(title=f"Rubrique {i}", slug=f"rubrique-{i}", show_in_menus=True)
        home.add_child(instance=page)
        page.save_revision().publish()


@pytest.mark.parametrize("url", ["/fr/", "/en/", "/fr/regions/", "/fr/regions/bretagne/", "/en/regions/bretagne/"])
def test_anonymous_pages_have_fixed_queries(client, crowded_bretagne, url, django_assert_max_num_queries):
    client.get(url)  # warm the navigation cache, as every request but the first after a publish finds it
    with django_assert_max_num_queries(MAX_QUERIES):
        response = client.get(url)
    assert response.status_code == 200


# Logged in adds the session, the person, their regions; for trainers and the national team, Wagtail's userbar.
@pytest.mark.parametrize("who, max_queries", [("coordinator_bretagne", 14), ("trainer_bretagne", 20), ("national", 20)])
def test_logged_in_region_page_has_fixed_queries(client, people, crowded_bretagne, who, max_queries,
                                                  django_assert_max_num_queries):
    client.force_login(people[who])
    url = "/fr/regions/bretagne/"
    client.get(url)
    with django_assert_max_num_queries(max_queries):
        response = client.get(url)
    assert response.status_code == 200
    assert "coord39@example.org" not in response.content.decode()  # names are shown, never emails
    assert response.content.decode().count('class="person-name"') >= 40


def test_query_count_does_not_grow_with_the_cohort(client, people, commit, django_assert_num_queries,
                                                   django_assert_max_num_queries):
    client.force_login(people["coordinator_bretagne"])
    url = "/fr/regions/bretagne/"
    client.get(url)
    with django_assert_max_num_queries(50) as small:
        client.get(url)
    before = len(small.captured_queries)  # read now: the next request resets Django's query log
    with commit():
        for i in range(30):
            UserFactory(email=f"extra{i}@example.org", role="coordinator", regions=["bretagne"])
    assert "extra29@example.org" not in client.get(url).content.decode()
    with django_assert_num_queries(before):
        client.get(url)


@pytest.fixture
def bretagne_with_30_pages(db):
    bretagne = RegionPage.objects.get(region__code="bretagne", locale__language_code="fr")
    for i in range(30):
        page = ContentPage(title=f"Séminaire {i}", slug=f"seminaire-{i}", intro=f"Le séminaire n° {i}.")
        bretagne.add_child(instance=page)
        page.save_revision().publish()


# Measured: 8, 6 and 7 (the sub-pages and the tree come from the navigation cache).
@pytest.mark.parametrize("url, max_queries", [("/fr/regions/bretagne/", 10), ("/fr/plan-du-site/", 8),
                                              ("/en/site-map/", 8)])
def test_sub_page_lists_and_site_map_have_fixed_queries(client, people, bretagne_with_30_pages, url, max_queries,
                                                        django_assert_max_num_queries):
    # Logged in, so that the page cache does not answer: the page itself is rendered.
    client.force_login(people["coordinator_bretagne"])
    client.get(url)
    with django_assert_max_num_queries(max_queries):
        response = client.get(url)
    assert response.status_code == 200
    if url.startswith("/fr/"):
        assert response.content.decode().count("/fr/regions/bretagne/seminaire-") == 30
