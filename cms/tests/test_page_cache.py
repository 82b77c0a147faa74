import pytest
from django.contrib.auth.models import Group
from django.core.files.base import ContentFile
from django.db import transaction
from django.test import Client
from django.urls import reverse
from wagtail.models import PageViewRestriction, Site

from cms.models import HomePage, RegionPage
from cms.page_cache import HEADER
from people.tests.factories import PASSWORD

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


def test_publishing_a_page_shows_the_new_content_at_once(client, commit):
    assert client.get("/fr/")[HEADER] == "miss"
    assert client.get("/fr/")[HEADER] == "hit"
    home = HomePage.objects.get(locale__language_code="fr")
    home.title = "Accueil renouvelé"
    with commit():
        home.save_revision().publish()
    response = client.get("/fr/")
    assert response[HEADER] == "miss"
    assert "<h1>Accueil renouvelé</h1>" in response.content.decode()


def test_unpublishing_a_page_removes_it_at_once(client, commit):
    page = RegionPage.objects.get(region__code="corse", locale__language_code="fr")
    assert client.get("/fr/regions/corse/").status_code == 200
    with commit():
        page.unpublish()
    assert client.get("/fr/regions/corse/").status_code == 404


def test_a_new_trainer_appears_on_the_cached_region_page(client, commit):
    from people.tests.factories import UserFactory

    client.get("/fr/regions/bretagne/")
    with commit():
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


def test_restricting_a_page_already_viewed_takes_effect_at_once(client, commit):
    # The page's "is it private?" answer is cached (BasePage.get_view_restrictions): a new restriction must show.
    assert client.get("/fr/regions/normandie/").status_code == 200
    page = RegionPage.objects.get(region__code="normandie", locale__language_code="fr")
    with commit():
        restriction = PageViewRestriction.objects.create(page=page, restriction_type=PageViewRestriction.GROUPS)
        restriction.groups.add(Group.objects.create(name="COPIL Normandie"))
    assert client.get("/fr/regions/normandie/").status_code == 302
    with commit():
        restriction.delete()
    assert client.get("/fr/regions/normandie/").status_code == 200


def test_a_renamed_page_answers_at_its_new_address_only(client, commit):
    # Routes are cached (BasePage.route): a slug change must move the page at once.
    assert client.get("/fr/regions/corse/").status_code == 200
    page = RegionPage.objects.get(region__code="corse", locale__language_code="fr")
    page.slug = "corse-du-sud"
    with commit():
        page.save_revision().publish()
    # Once committed, Wagtail's redirects app sends the old address to the new one: the page is not served there.
    old = client.get("/fr/regions/corse/")
    assert (old.status_code, old["Location"]) == (301, "/fr/regions/corse-du-sud/")
    assert client.get("/fr/regions/corse-du-sud/").status_code == 200


def test_a_rolled_back_change_refreshes_nothing(client, commit):
    assert client.get("/fr/")[HEADER] == "miss"
    home = HomePage.objects.get(locale__language_code="fr")
    with commit(), pytest.raises(RuntimeError), transaction.atomic():
        home.title = "Jamais publié"
        home.save_revision().publish()
        raise RuntimeError("rolled back")
    response = client.get("/fr/")
    assert response[HEADER] == "hit"
    assert "Jamais publié" not in response.content.decode()


def test_the_cache_is_refreshed_only_after_the_commit(client, commit):
    # Until the change commits, other requests still see (and may cache) the old page; the refresh comes after.
    client.get("/fr/")
    home = HomePage.objects.get(locale__language_code="fr")
    with commit():
        home.title = "Accueil du lendemain"
        home.save_revision().publish()
        assert client.get("/fr/")[HEADER] == "hit"
    response = client.get("/fr/")
    assert response[HEADER] == "miss"
    assert "Accueil du lendemain" in response.content.decode()


def test_a_name_change_refreshes_only_the_pages_of_that_persons_regions(client, people, commit):
    trainer = people["trainer_bretagne"]
    urls = ["/fr/", "/fr/regions/", "/fr/regions/bretagne/", "/en/regions/bretagne/", "/fr/regions/normandie/"]
    for url in urls:
        assert client.get(url)[HEADER] == "miss"
    member = Client()
    member.force_login(trainer)
    with commit():
        response = member.post("/fr/accounts/profile/", {
            "first_name": "Gwenaël", "last_name": "Le Bihan", "preferred_language": "fr",
            "structure_type": trainer.structure_type, "structure_name": trainer.structure_name,
            "structure_town": trainer.structure_town,
        })
    assert response.status_code == 302
    for url in ("/fr/regions/bretagne/", "/en/regions/bretagne/"):
        response = client.get(url)
        assert response[HEADER] == "miss"
        assert "Gwenaël Le Bihan" in response.content.decode()
    for url in ("/fr/", "/fr/regions/", "/fr/regions/normandie/"):
        assert client.get(url)[HEADER] == "hit"


def test_a_login_refreshes_nothing(client, people, commit):
    for url in ("/fr/", "/fr/regions/bretagne/"):
        client.get(url)
    with commit():
        member = Client()
        response = member.post("/fr/accounts/login/", {"username": people["trainer_bretagne"].email,
                                                       "password": PASSWORD})
    assert response.status_code == 302
    for url in ("/fr/", "/fr/regions/bretagne/"):
        assert client.get(url)[HEADER] == "hit"


def test_a_person_moving_region_refreshes_both_regions(client, people, region, commit):
    coordinator = people["coordinator_bretagne"]
    for url in ("/fr/regions/bretagne/", "/fr/regions/normandie/", "/fr/regions/corse/"):
        client.get(url)
    trainer = people["trainer_bretagne"]
    with commit():
        trainer.regions.set([region("normandie")])
    bretagne, normandie = client.get("/fr/regions/bretagne/"), client.get("/fr/regions/normandie/")
    assert (bretagne[HEADER], normandie[HEADER]) == ("miss", "miss")
    assert trainer.get_full_name() not in bretagne.content.decode()
    assert trainer.get_full_name() in normandie.content.decode()
    assert client.get("/fr/regions/corse/")[HEADER] == "hit"
    with commit():
        coordinator.delete()
    assert client.get("/fr/regions/bretagne/")[HEADER] == "miss"
    assert client.get("/fr/regions/normandie/")[HEADER] == "hit"


def test_a_replaced_logo_shows_at_once_on_cached_pages(client, people, commit):
    from cms.models import SiteSettings
    from cms.services.collections import national_collection
    from cms.tests.test_collections import make_image, png

    image = make_image("Logo EHESP", national_collection())
    settings = SiteSettings.for_site(Site.objects.get(is_default_site=True))
    settings.partner_logos.create(name="EHESP", image=image)
    with commit():
        settings.save()
    old = image.get_rendition("max-200x80").url
    assert old in client.get("/fr/").content.decode()
    assert client.get("/fr/")[HEADER] == "hit"
    admin = Client()
    admin.force_login(people["national"])
    with commit():
        response = admin.post(reverse("wagtailimages:edit", args=[image.pk]), {
            "title": "Logo EHESP", "collection": image.collection_id,
            "file": ContentFile(png("blue"), name="logo-ehesp-2026.png"),
        })
    assert response.status_code == 302 and response["Location"] != "/admin/"
    image.refresh_from_db()
    new = image.get_rendition("max-200x80").url
    assert "logo-ehesp-2026" in new
    for url in ("/fr/", "/en/regions/bretagne/"):
        response = client.get(url)
        assert response[HEADER] == "miss"
        assert new in response.content.decode() and old not in response.content.decode()


def test_pages_cached_by_the_previous_release_are_not_read(client):
    # A deploy keeps the cache: entries of the shape before scoped versions (status, headers, content) must not
    # be unpacked as the new shape.
    from django.core.cache import cache

    from cms import cache as pacte_cache

    cache.set(f"pacte:page:{pacte_cache.version()}:http:testserver:/fr/?", (200, [], b"old"), 60)
    response = client.get("/fr/")
    assert response.status_code == 200
    assert response.content != b"old"
