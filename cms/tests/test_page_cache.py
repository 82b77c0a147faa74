import pytest
from django.contrib.auth.models import Group
from django.test import Client
from wagtail.models import PageViewRestriction

from cms.models import HomePage, RegionPage
from cms.page_cache import HEADER

pytestmark = pytest.mark.django_db


def test_second_anonymous_visit_is_served_from_the_cache_without_queries(client, django_assert_num_queries):
    first = client.get("/fr/regions/bretagne/")
    assert first.status_code == 200
    assert first[HEADER] == "miss"
    with django_assert_num_queries(0):
        second = client.get("/fr/regions/bretagne/")
    assert second[HEADER] == "hit"
    assert second.content == first.content
    assert second["Content-Type"] == first["Content-Type"]
    assert "Content-Security-Policy" in second


def test_head_is_answered_from_the_cache_filled_by_get(client):
    client.get("/fr/")
    assert client.head("/fr/")[HEADER] == "hit"


def test_publishing_a_page_shows_the_new_content_at_once(client):
    assert client.get("/fr/")[HEADER] == "miss"
    assert client.get("/fr/")[HEADER] == "hit"
    home = HomePage.objects.get(locale__language_code="fr")
    home.title = "Accueil renouvelé"
    home.save_revision().publish()
    response = client.get("/fr/")
    assert response[HEADER] == "miss"
    assert "<h1>Accueil renouvelé</h1>" in response.content.decode()


def test_unpublishing_a_page_removes_it_at_once(client):
    page = RegionPage.objects.get(region__code="corse", locale__language_code="fr")
    assert client.get("/fr/regions/corse/").status_code == 200
    page.unpublish()
    assert client.get("/fr/regions/corse/").status_code == 404


def test_a_new_trainer_appears_on_the_cached_region_page(client, region):
    from people.tests.factories import UserFactory

    client.get("/fr/regions/bretagne/")
    UserFactory(first_name="Yann", last_name="Le Gall", role="trainer", regions=["bretagne"])
    response = client.get("/fr/regions/bretagne/")
    assert response[HEADER] == "miss"
    assert "Yann Le Gall" in response.content.decode()


def test_logged_in_visitors_are_never_cached_and_never_see_the_anonymous_copy(client, people):
    anonymous = client.get("/fr/").content.decode()
    assert client.get("/fr/")[HEADER] == "hit"
    member = Client()
    member.force_login(people["coordinator_bretagne"])
    for _ in range(2):
        response = member.get("/fr/")
        assert HEADER not in response
        assert "Log out" in response.content.decode() or "Se déconnecter" in response.content.decode()
    assert response.content.decode() != anonymous
    # What the member saw was not stored for anyone else either.
    again = client.get("/fr/")
    assert again[HEADER] == "hit"
    assert again.content.decode() == anonymous


def test_not_found_is_not_cached(client):
    for _ in range(2):
        response = client.get("/fr/nulle-part/")
        assert response.status_code == 404
        assert HEADER not in response


def test_an_unknown_query_string_bypasses_the_cache(client):
    client.get("/fr/")
    response = client.get("/fr/?utm_source=lettre")
    assert response.status_code == 200
    assert HEADER not in response


def test_a_restricted_page_is_never_stored(client):
    page = RegionPage.objects.get(region__code="normandie", locale__language_code="fr")
    restriction = PageViewRestriction.objects.create(page=page, restriction_type=PageViewRestriction.GROUPS)
    restriction.groups.add(Group.objects.create(name="COPIL Normandie"))
    for _ in range(2):
        response = client.get("/fr/regions/normandie/")
        assert response.status_code == 302
        assert HEADER not in response


def test_restricting_a_page_already_viewed_takes_effect_at_once(client):
    # The page's "is it private?" answer is cached (BasePage.get_view_restrictions): a new restriction must show.
    assert client.get("/fr/regions/normandie/").status_code == 200
    page = RegionPage.objects.get(region__code="normandie", locale__language_code="fr")
    restriction = PageViewRestriction.objects.create(page=page, restriction_type=PageViewRestriction.GROUPS)
    restriction.groups.add(Group.objects.create(name="COPIL Normandie"))
    assert client.get("/fr/regions/normandie/").status_code == 302
    restriction.delete()
    assert client.get("/fr/regions/normandie/").status_code == 200


def test_a_renamed_page_answers_at_its_new_address_only(client):
    # Routes are cached (BasePage.route): a slug change must move the page at once.
    assert client.get("/fr/regions/corse/").status_code == 200
    page = RegionPage.objects.get(region__code="corse", locale__language_code="fr")
    page.slug = "corse-du-sud"
    page.save_revision().publish()
    assert client.get("/fr/regions/corse/").status_code == 404
    assert client.get("/fr/regions/corse-du-sud/").status_code == 200
