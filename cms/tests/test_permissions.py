"""Role x region: the page rules in cms.permissions, and Wagtail's page permissions derived from them, agree."""

import pytest
from wagtail.models import Locale
from wagtail_localize.models import Translation
from wagtail_localize.operations import translate_object

from cms import permissions
from cms.models import HomePage, RegionPage
from cms.tests.factories import content_page
from learning.models import LearningIndexPage
from people.models import Region

pytestmark = pytest.mark.django_db


def _region_page(code, lang="fr"):
    return RegionPage.objects.get(region__code=code, locale__language_code=lang)


@pytest.mark.parametrize(
    "who, code, may_edit",
    [
        ("trainer_bretagne", "bretagne", True),
        ("trainer_bretagne", "normandie", False),
        ("trainer_normandie", "normandie", True),
        ("trainer_normandie", "bretagne", False),
        ("coordinator_bretagne", "bretagne", False),
        ("partner_bretagne", "bretagne", False),
        ("national", "bretagne", True),
        ("national", "normandie", True),
    ],
)
@pytest.mark.parametrize("lang", ["fr", "en"])
def test_region_page_editing_matrix(people, who, code, may_edit, lang):
    user = people[who]
    page = _region_page(code, lang)
    assert permissions.user_can_edit_region_page(user, page.region) is may_edit
    # Wagtail's own check (what the admin enforces) says the same.
    assert page.permissions_for_user(user).can_edit() is may_edit
    assert page.permissions_for_user(user).can_publish() is may_edit


@pytest.mark.parametrize(
    "who, status_ok",
    [("national", True), ("trainer_bretagne", True), ("partner_bretagne", False), ("coordinator_bretagne", False)],
)
def test_admin_access(client, people, who, status_ok):
    client.force_login(people[who])
    response = client.get("/admin/")
    if status_ok:
        assert response.status_code == 200
    else:
        # Wagtail sends people without admin access back to its login page with a message.
        assert response.status_code == 302
        assert "/admin/login/" in response.headers["Location"]


def test_trainer_edits_region_page_in_admin_but_not_another(client, people):
    client.force_login(people["trainer_bretagne"])
    bretagne = _region_page("bretagne")
    normandie = _region_page("normandie")
    assert client.get(f"/admin/pages/{bretagne.pk}/edit/").status_code == 200
    response = client.get(f"/admin/pages/{normandie.pk}/edit/")
    assert response.status_code in (302, 403)
    if response.status_code == 302:
        assert f"/admin/pages/{normandie.pk}/edit/" not in response.headers["Location"]


def test_trainers_edit_shared_learning_content(people):
    for lang in ("fr", "en"):
        index = LearningIndexPage.objects.get(locale__language_code=lang)
        assert index.permissions_for_user(people["trainer_normandie"]).can_add_subpage()
        assert not index.permissions_for_user(people["coordinator_bretagne"]).can_add_subpage()


def test_region_members_visibility(client, people):
    url = "/fr/regions/bretagne/"
    marker = people["coordinator_bretagne"].get_full_name()
    assert marker not in client.get(url).content.decode()  # anonymous: trainers and partners only
    assert people["trainer_bretagne"].get_full_name() in client.get(url).content.decode()
    for who, sees in [("coordinator_bretagne", True), ("partner_bretagne", True), ("trainer_bretagne", True),
                      ("national", True), ("coordinator_normandie", False), ("trainer_normandie", False)]:
        client.force_login(people[who])
        assert (marker in client.get(url).content.decode()) is sees, who


def test_partner_reads_own_region_reports_only(people):
    bretagne, normandie = Region.objects.get(code="bretagne"), Region.objects.get(code="normandie")
    assert permissions.user_can_read_region_reports(people["partner_bretagne"], bretagne)
    assert not permissions.user_can_read_region_reports(people["partner_bretagne"], normandie)
    assert not permissions.user_can_read_region_reports(people["coordinator_bretagne"], bretagne)


# Translations (wagtail-localize): edit the source and the destination; publish on the destination to publish.


def _learning_index(lang="fr"):
    return LearningIndexPage.objects.get(locale__language_code=lang)


def _home(lang="fr"):
    return HomePage.objects.get(locale__language_code=lang)


def _english():
    return Locale.objects.get(language_code="en")


@pytest.mark.parametrize(
    "who, may",
    [
        ("trainer_bretagne", {"bretagne", "learning"}),
        ("trainer_normandie", {"normandie", "learning"}),
        ("coordinator_bretagne", set()),
        ("partner_bretagne", set()),
        ("national", {"bretagne", "normandie", "learning", "home"}),
    ],
)
def test_who_may_translate_which_page(people, who, may):
    parents = {"bretagne": _region_page("bretagne"), "normandie": _region_page("normandie"),
               "learning": _learning_index(), "home": _home()}
    user = people[who]
    for name, parent in parents.items():
        page = content_page(parent, f"Nouvelle page {name}", f"nouvelle-{name}")
        assert permissions.user_can_translate(user, page, [_english()]) is (name in may), name
        assert permissions.user_can_translate(user, page) is (name in may), name  # opening the screen


def test_translating_a_subtree_needs_every_destination(people):
    parent = content_page(_region_page("bretagne"), "Séminaires", "seminaires")
    child = content_page(parent, "Séminaire d'automne", "automne")
    trainer = people["trainer_bretagne"]
    assert permissions.user_can_translate(trainer, parent, [_english()], include_subtree=True)
    # The child's English page now lies among Normandie's pages: the subtree may not be translated by Bretagne.
    translate_object(child, [_english()])
    child.get_translation(_english()).move(_region_page("normandie", "en"), pos="last-child")
    assert not permissions.user_can_translate(trainer, parent, [_english()], include_subtree=True)
    assert permissions.user_can_translate(trainer, parent, [_english()])


def test_translation_rules_and_the_report_queryset_agree(people):
    """translations_editable_by (the report's list) and user_can_edit_translation give the same answer for every
    person and every kind of translation: own region, other region, shared content, national pages, a draft, and
    a translation whose destination lies in another region."""
    draft = content_page(_region_page("normandie"), "Brouillon", "brouillon", live=False)
    learning = content_page(_learning_index(), "Fiche", "fiche")
    moved = content_page(_region_page("bretagne"), "Déplacée", "deplacee")
    for page in (draft, learning, moved):
        translate_object(page, [_english()])
    moved.get_translation(_english()).move(_region_page("normandie", "en"), pos="last-child")

    translations = list(Translation.objects.select_related("source", "target_locale"))
    assert len(translations) > 20
    for who, user in people.items():
        expected = {t.pk for t in translations if permissions.user_can_edit_translation(user, t)}
        assert set(permissions.translations_editable_by(user).values_list("pk", flat=True)) == expected, who

    def keys(who):
        return {t.source.object_id for t in permissions.translations_editable_by(people[who]).select_related("source")}

    assert {_region_page("bretagne").translation_key, learning.translation_key} <= keys("trainer_bretagne")
    assert {draft.translation_key, moved.translation_key, _home().translation_key}.isdisjoint(keys("trainer_bretagne"))
    assert draft.translation_key in keys("trainer_normandie")
    assert keys("coordinator_bretagne") == set()
    assert len(keys("national")) == len(translations)


def _page(parent, title, live):
    from cms.models import ContentPage

    page = ContentPage(title=title, slug=title.lower().replace(" ", "-"), live=live)
    parent.add_child(instance=page)
    return page


@pytest.fixture
def admin_pages():
    """Live pages, a draft of each region (in French and English) and drafts of the shared learning content."""
    from learning.models import LearningIndexPage

    learning = {lang: LearningIndexPage.objects.get(locale__language_code=lang) for lang in ("fr", "en")}
    return {
        "home": HomePage.objects.get(locale__language_code="fr"),
        "region page normandie": _region_page("normandie"),
        "live normandie": _page(_region_page("normandie"), "Live Normandie", live=True),
        "draft normandie": _page(_region_page("normandie"), "Draft Normandie", live=False),
        "draft normandie en": _page(_region_page("normandie", "en"), "Draft Normandy", live=False),
        "draft bretagne": _page(_region_page("bretagne"), "Draft Bretagne", live=False),
        "draft bretagne en": _page(_region_page("bretagne", "en"), "Draft Brittany", live=False),
        "draft learning": _page(learning["fr"], "Draft Learning", live=False),
        "draft learning en": _page(learning["en"], "Draft Learning en", live=False),
        "live learning": _page(learning["fr"], "Live Learning", live=True),
    }


ALWAYS = {"home", "region page normandie", "live normandie", "live learning"}
LEARNING_DRAFTS = {"draft learning", "draft learning en"}
SEES_IN_ADMIN = {
    "anonymous": ALWAYS,
    "coordinator_bretagne": ALWAYS,
    "partner_bretagne": ALWAYS,
    "coordinator_normandie": ALWAYS,
    "trainer_bretagne": ALWAYS | LEARNING_DRAFTS | {"draft bretagne", "draft bretagne en"},
    "trainer_normandie": ALWAYS | LEARNING_DRAFTS | {"draft normandie", "draft normandie en"},
    "national": ALWAYS | LEARNING_DRAFTS | {"draft bretagne", "draft bretagne en", "draft normandie",
                                            "draft normandie en"},
}


@pytest.mark.parametrize("who", sorted(SEES_IN_ADMIN))
def test_pages_visible_in_admin_agree_with_the_predicate(people, admin_pages, who, django_assert_max_num_queries):
    from django.contrib.auth.models import AnonymousUser

    user = AnonymousUser() if who == "anonymous" else people[who]
    by_predicate = {name for name, page in admin_pages.items() if permissions.user_can_see_page_in_admin(user, page)}
    ids = {page.pk: name for name, page in admin_pages.items()}
    with django_assert_max_num_queries(2):  # the person's page permissions, then the pages
        in_queryset = {ids[pk] for pk in permissions.pages_visible_in_admin(user).filter(pk__in=ids)
                       .values_list("pk", flat=True)}
    assert by_predicate == in_queryset == SEES_IN_ADMIN[who]
