"""My space: where each person lands after logging in, with what they can do from there (people.space)."""

import pytest

from people import space
from people.tests.factories import PASSWORD, UserFactory

pytestmark = pytest.mark.django_db

SPACE = "/fr/accounts/space/"


def _links(response):
    return {link.url for section in response.context["sections"] for link in section.links}


def test_login_lands_on_my_space_in_the_persons_language(client, people):
    person = people["partner_bretagne"]
    person.preferred_language = "en"
    person.save()
    response = client.post("/fr/accounts/login/", {"username": person.email, "password": PASSWORD})
    assert response["Location"] == "/en/accounts/space/"
    page = client.get(response["Location"])
    assert page.status_code == 200
    assert '<html lang="en">' in page.content.decode() and "<h1>My space</h1>" in page.content.decode()


def test_space_requires_login(client):
    response = client.get(SPACE)
    assert response["Location"] == f"/fr/accounts/login/?next={SPACE}"


def test_a_coordinator_sees_who_they_are_their_region_and_their_account(client, people):
    person = people["coordinator_bretagne"]
    client.force_login(person)
    response = client.get(SPACE)
    html = response.content.decode()
    assert "<h1>Mon espace</h1>" in html and person.get_full_name() in html
    assert "Coordonnateur" in html and "Bretagne" in html
    assert _links(response) == {"/fr/regions/bretagne/", "/fr/accounts/profile/", "/fr/accounts/password/change/"}
    assert [section.title for section in response.context["sections"]] == ["Ma région", "Séminaires", "Forums",
                                                                          "Mon compte"]


def test_a_trainer_also_reaches_the_admin_and_the_people_screens(client, people):
    client.force_login(people["trainer_bretagne"])
    links = _links(client.get("/en/accounts/space/"))
    assert {"/en/regions/bretagne/", "/admin/", "/admin/people/import/", "/en/accounts/profile/"} <= links


def test_a_trainer_of_two_regions_sees_both_pages(client, people, region):
    trainer = people["trainer_normandie"]
    trainer.regions.add(region("corse"))
    client.force_login(trainer)
    response = client.get(SPACE)
    assert {"/fr/regions/normandie/", "/fr/regions/corse/"} <= _links(response)
    assert response.context["sections"][0].title == "Mes régions"


def test_the_national_team_has_no_region_section_but_the_admin(client, people):
    client.force_login(people["national"])
    response = client.get(SPACE)
    links = _links(response)
    assert "/admin/" in links and not any(url.startswith("/fr/regions/") for url in links)
    assert "Aucune" in response.content.decode()  # no region


def test_apps_add_their_sections_through_the_registry(client, people, monkeypatch):
    monkeypatch.setattr(space, "_providers", list(space._providers))

    @space.section(order=150)
    def library(request):
        return space.Section("Bibliothèque", [space.Link("Nouveautés", "/fr/bibliotheque/")])

    @space.section(order=160)
    def nothing_for_you(request):
        return None

    client.force_login(people["coordinator_bretagne"])
    titles = [section.title for section in client.get(SPACE).context["sections"]]
    assert titles == ["Ma région", "Bibliothèque", "Séminaires", "Forums", "Mon compte"]


def test_the_header_links_my_space_only_when_signed_in(client, people):
    assert 'href="/fr/accounts/space/"' not in client.get("/fr/").content.decode()
    client.force_login(people["coordinator_bretagne"])
    assert 'href="/fr/accounts/space/"' in client.get("/fr/").content.decode()
    assert 'href="/fr/accounts/space/" aria-current="page"' in client.get(SPACE).content.decode()


def test_logging_out_says_so_on_the_page_it_lands_on(client, people):
    client.force_login(people["coordinator_bretagne"])
    response = client.post("/en/accounts/logout/")
    assert response.status_code == 302 and response["Location"] == "/en/"
    page = client.get(response["Location"])
    assert [str(m) for m in page.context["messages"]] == ["You have been logged out."]
    assert "You have been logged out." in page.content.decode()
    assert "You have been logged out." not in client.get("/en/").content.decode()  # said once


# Session, person, their regions' names, their region ids (permissions); for trainers and the national team the
# count of the people they see, and Wagtail's userbar (permissions, profile); the forums' section (the forums they
# read, the unread topics they follow, their notifications: 3); e-learning's (modules in progress, certificates: 2);
# the seminars' section (a coordinator's next seminars, work due and diploma progress: 3; a trainer's or the national
# team's seminars and work to review: 2).
@pytest.mark.parametrize("who, max_queries", [("coordinator_bretagne", 12), ("trainer_bretagne", 16), ("national", 14)])
def test_space_queries_do_not_grow_with_the_people_around(client, people, who, max_queries,
                                                          django_assert_max_num_queries):
    for number in range(150):
        UserFactory(email=f"coordination{number}@example.org", regions=["bretagne"])
    client.force_login(people[who])
    client.get(SPACE)  # warm the navigation cache
    with django_assert_max_num_queries(max_queries):
        response = client.get(SPACE)
    assert response.status_code == 200
