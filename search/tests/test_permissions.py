"""What search shows each person is exactly what each app's own rule lets them read: forum posts and topics
(`visible_to`, built on forums.permissions.handler), pages (Wagtail's view restrictions, live only), library
documents (`LibraryDocument.objects.visible_to`). Real content, indexed by `search_reindex`'s code."""

import pytest
from django.contrib.auth.models import AnonymousUser, Group
from django.contrib.sessions.middleware import SessionMiddleware
from django.test import RequestFactory
from wagtail.models import Page, PageViewRestriction

from cms.models import HomePage
from cms.tests.factories import content_page
from documents.models import LibraryDocument
from forums import services
from forums.models import Post, Topic
from forums.tests import factories as forum_factories
from people.tests.factories import UserFactory
from search.backends import get_backend
from search.indexing import reindex_all
from search.permissions import reader_for
from search.text import parse_query

pytestmark = pytest.mark.django_db

WORD = "zorglub"


@pytest.fixture
def cast(people):
    group = Group.objects.create(name="Relecteurs de recherche")
    member = UserFactory(role="coordinator", regions=["bretagne"])
    member.groups.add(group)
    return {
        **people,
        "anonymous": AnonymousUser(),
        "partner_normandie": UserFactory(role="partner", regions=["normandie"]),
        "coordinator_nowhere": UserFactory(role="coordinator", regions=[]),
        "inactive_coordinator": UserFactory(role="coordinator", regions=["bretagne"], is_active=False),
        "superuser": UserFactory(role="coordinator", regions=[], is_superuser=True),
        "group_member": member,
        "_group": group,
    }


@pytest.fixture
def planted(cast):
    home = HomePage.objects.get(locale__language_code="fr")
    pages = {
        "public": content_page(home, f"Page publique {WORD}", "s-public", text=f"Texte {WORD}."),
        "draft": content_page(home, f"Brouillon {WORD}", "s-draft", text=WORD, live=False),
        "members": content_page(home, f"Réservée aux membres {WORD}", "s-members", text=WORD),
        "group": content_page(home, f"Réservée au groupe {WORD}", "s-group", text=WORD),
        "password": content_page(home, f"Protégée {WORD}", "s-password", text=WORD),
    }
    pages["members_child"] = content_page(pages["members"], f"Sous-page {WORD}", "s-child", text=WORD)
    PageViewRestriction.objects.create(page=pages["members"], restriction_type=PageViewRestriction.LOGIN)
    restriction = PageViewRestriction.objects.create(page=pages["group"], restriction_type=PageViewRestriction.GROUPS)
    restriction.groups.add(cast["_group"])
    PageViewRestriction.objects.create(page=pages["password"], restriction_type=PageViewRestriction.PASSWORD,
                                       password="secret")
    author_b = UserFactory(role="coordinator", regions=["bretagne"])
    author_n = UserFactory(role="coordinator", regions=["normandie"])
    normandie = forum_factories.forum("normandie")
    normandie.open_to_partners = True
    normandie.save()
    topics = [
        forum_factories.topic(author_b, forum_factories.forum("bretagne"), f"Bretagne {WORD}", f"Corps breton {WORD}"),
        forum_factories.topic(author_n, normandie, f"Normandie {WORD}", f"Corps {WORD}"),
        forum_factories.topic(author_b, forum_factories.national_forum(), f"National {WORD}", f"Corps national {WORD}"),
    ]
    for topic in topics:
        hidden = forum_factories.reply(author_b if topic.forum.region is None or topic.forum.region.code ==
                                       "bretagne" else author_n, topic, f"À masquer {WORD} {topic.pk}")
        services.hide_post(cast["national"], hidden, "hors sujet")
        deleted = forum_factories.reply(hidden.author, topic, f"À supprimer {WORD} {topic.pk}")
        services.delete_post(cast["national"], deleted)
    _plant_documents(cast)
    reindex_all()
    return pages


def _plant_documents(cast):
    from documents.enums import Access
    from documents.tests.factories import bulk_documents, make_document
    from people.models import Region

    template = make_document(title=f"Modèle {WORD}", access=Access.PUBLIC, paragraphs=[f"Texte extrait {WORD}."])
    regions = (None, Region.objects.get(code="bretagne"), Region.objects.get(code="normandie"))
    for document in bulk_documents(12, template=template, regions=regions):
        document.title = f"Document {WORD} {document.pk}"
        document.save(update_fields=["title"])


def _searched(user):
    results = get_backend().search(parse_query(WORD), reader_for(user), filters={}, offset=0, limit=200)
    assert results.total == len(results.hits)
    return {hit.source for hit in results.hits}


def _page_readable(user, page):
    """Wagtail's own decision, as when serving the page."""
    if not page.live:
        return False
    request = RequestFactory().get("/")
    SessionMiddleware(lambda r: None).process_request(request)
    # An inactive account never has a session (people.services.lifecycle ends them): it comes as anonymous.
    request.user = user if user.is_active else AnonymousUser()
    return all(r.accept_request(request) for r in page.get_view_restrictions())


def test_search_shows_exactly_what_each_app_lets_each_person_read(cast, planted):
    planted_posts = Post.objects.filter(body__contains=WORD)
    planted_topics = Topic.objects.filter(title__contains=WORD)
    for name, user in cast.items():
        if name.startswith("_"):
            continue
        found = _searched(user)
        expected = {f"post:{pk}" for pk in planted_posts.visible_to(user).values_list("pk", flat=True)}
        expected |= {f"topic:{pk}" for pk in planted_topics.visible_to(user).values_list("pk", flat=True)}
        expected |= {f"page:{p.pk}" for p in planted.values() if _page_readable(user, Page.objects.get(pk=p.pk))}
        expected |= {f"document:{pk}" for pk in LibraryDocument.objects.filter(title__contains=WORD).visible_to(user)
                     .values_list("pk", flat=True)}
        assert found == expected, name


def test_the_page_rules_themselves(cast, planted):
    sources = {name: _searched(user) for name, user in cast.items() if not name.startswith("_")}
    key = {name: f"page:{page.pk}" for name, page in planted.items()}
    assert key["public"] in sources["anonymous"] and key["members"] not in sources["anonymous"]
    assert key["members_child"] in sources["partner_bretagne"]  # an ancestor's restriction applies below it
    assert key["group"] in sources["group_member"] and key["group"] not in sources["coordinator_bretagne"]
    assert all(key["draft"] not in found and key["password"] not in found for found in sources.values())


def test_a_change_of_region_shows_at_the_next_search(cast, planted):
    """Readers are chosen when searching: a membership change needs no reindexing."""
    from people.models import Region, User

    person = UserFactory(role="coordinator", regions=["bretagne"])
    before = _searched(User.objects.get(pk=person.pk))
    person.regions.set([Region.objects.get(code="normandie")])
    after = _searched(User.objects.get(pk=person.pk))
    bretagne = {f"topic:{pk}" for pk in Topic.objects.filter(forum__region__code="bretagne").values_list("pk", flat=True)}
    assert bretagne & before and not bretagne & after


def test_page_types_served_to_members_only_are_indexed_for_members(settings, people):
    """A page type whose own code sends visitors to the login page (the learning modules) is for members in
    search too (PACTE_SEARCH_MEMBERS_ONLY_PAGES)."""
    settings.PACTE_SEARCH_MEMBERS_ONLY_PAGES = ("cms.contentpage",)
    home = HomePage.objects.get(locale__language_code="fr")
    page = content_page(home, f"Module réservé {WORD}", "s-module", text=WORD)
    reindex_all()
    assert f"page:{page.pk}" not in _searched(AnonymousUser())
    assert f"page:{page.pk}" in _searched(people["partner_bretagne"])
