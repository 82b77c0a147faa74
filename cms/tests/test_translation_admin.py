"""wagtail-localize's admin views behind the translation rules (cms.translation_admin), and what asking for a
translation makes: an English draft, live only once someone publishes it. Publishing runs in
transaction.on_commit: requests here run their commit callbacks, as a real request would."""

import pytest
from django.contrib.auth.models import Group
from django.urls import resolve
from wagtail.models import GroupPagePermission, Locale, Page
from wagtail_localize.models import Translation, TranslationSource

from cms.models import HomePage
from cms.tests.factories import content_page, region_page
from learning.models import LearningIndexPage
from people.services.roles import permission
from people.tests.factories import UserFactory
from tests.security.urlwalk import endpoints

pytestmark = pytest.mark.django_db


def _english():
    return Locale.objects.get(language_code="en")


def _refused(response):
    return response.status_code == 403 or (response.status_code == 302 and response["Location"] == "/admin/")


def test_every_wagtail_localize_url_is_behind_a_check():
    localize = [e for e in endpoints() if e.route.startswith("admin/localize/")]
    assert len(localize) >= 16
    unchecked = [e.route for e in localize if not hasattr(resolve(e.path).func, "pacte_check")]
    assert unchecked == []


@pytest.mark.parametrize(
    "who, parent",
    [("trainer_bretagne", lambda: region_page("bretagne")),
     ("trainer_normandie", lambda: LearningIndexPage.objects.get(locale__language_code="fr"))],
    ids=["own region", "shared learning content"],
)
def test_asking_for_a_translation_makes_an_english_draft(who, parent, as_person, client):
    french = content_page(parent(), "Séminaire de printemps", "seminaire-printemps", intro="Trois jours à Rennes.")
    trainer = as_person(who)
    response = trainer.post(f"/admin/localize/submit/page/{french.pk}/", {"locales": [_english().pk]})
    assert response.status_code == 302
    english = french.get_translation(_english())
    assert english.get_parent().specific == parent().get_translation(_english())
    # A draft: English readers are not shown the French text under /en/, and the switcher does not offer it.
    assert not english.live
    response = client.get(english.get_url())
    assert response.status_code == 404
    assert "Trois jours à Rennes." not in response.content.decode()
    html = client.get(french.get_url()).content.decode()
    assert 'href="/en/" hreflang="en"' in html
    assert 'hreflang="en" href=' not in html

    # Live once someone who may publish it does so, from the translation editor.
    response = trainer.post(f"/admin/pages/{english.pk}/edit/", {"action": "publish"})
    assert response.status_code == 302
    english.refresh_from_db()
    assert english.live
    assert client.get(english.get_url()).status_code == 200
    assert f'href="{english.get_url()}" hreflang="en"' in client.get(french.get_url()).content.decode()


def test_a_trainer_may_not_translate_into_another_region(as_person):
    # A French page of Bretagne whose English translation was moved among Normandie's English pages.
    french = content_page(region_page("bretagne"), "Atelier", "atelier")
    as_person("national").post(f"/admin/localize/submit/page/{french.pk}/", {"locales": [_english().pk]})
    english = french.get_translation(_english())
    english.move(region_page("normandie", "en"), pos="last-child")
    source = TranslationSource.objects.get(object_id=french.translation_key)
    child = content_page(french, "Atelier, compte rendu", "compte-rendu")

    trainer = as_person("trainer_bretagne")
    # Its English page is Normandie's now: not to be synced, published, or given English subpages by Bretagne.
    assert _refused(trainer.get(f"/admin/localize/update/{source.pk}/"))
    assert _refused(trainer.post(f"/admin/localize/update/{source.pk}/", {"publish_translations": "on"}))
    assert _refused(trainer.post(f"/admin/localize/submit/page/{child.pk}/", {"locales": [_english().pk]}))
    english.refresh_from_db()
    assert not english.live
    assert not child.has_translation(_english())
    # The French child itself is theirs: the screen opens.
    assert trainer.get(f"/admin/localize/submit/page/{child.pk}/").status_code == 200


def test_the_source_decides_too(people, as_person):
    # A Normandie draft whose English translation ended up among Bretagne's English pages: Bretagne's trainer may
    # edit that English page, but its translation editor shows the Normandie source, and it stays closed to them.
    secret = "Ordre du jour du COPIL normand"
    french = content_page(region_page("normandie"), secret, "copil", intro=secret, live=False)
    as_person("national").post(f"/admin/localize/submit/page/{french.pk}/", {"locales": [_english().pk]})
    translation = Translation.objects.get(source__object_id=french.translation_key)
    english = translation.get_target_instance()
    english.move(region_page("bretagne", "en"), pos="last-child")
    english.refresh_from_db()
    assert english.permissions_for_user(people["trainer_bretagne"]).can_edit()

    trainer = as_person("trainer_bretagne")
    base = f"/admin/localize/translate/{translation.pk}"
    for response in (
        trainer.get(f"/admin/pages/{english.pk}/edit/"),
        trainer.get(f"{base}/pofile/download/"),
        trainer.get(f"{base}/preview/"),
        trainer.post(f"{base}/disable/"),
    ):
        assert _refused(response)
        assert secret not in response.content.decode()
    translation.refresh_from_db()
    assert translation.enabled


def test_publishing_translations_needs_publish_permission_on_the_destination(as_person):
    # Someone who may edit Bretagne's pages in both languages but publish none of them.
    editor = UserFactory(email="editor@example.org", role="trainer", regions=[])
    group = Group.objects.create(name="Bretagne editors without publishing")
    for page in (region_page("bretagne"), region_page("bretagne", "en")):
        for codename in ("add_page", "change_page"):
            GroupPagePermission.objects.create(group=group, page=page, permission=permission("wagtailcore", codename))
    editor.groups.add(group)
    french = region_page("bretagne")
    english = french.get_translation(_english())
    source = TranslationSource.objects.get(object_id=french.translation_key)
    revision = english.live_revision_id

    client = as_person(editor)
    assert client.get(f"/admin/localize/update/{source.pk}/").status_code == 200
    assert _refused(client.post(f"/admin/localize/update/{source.pk}/", {"publish_translations": "on"}))
    assert _refused(client.post(f"/admin/localize/page/{english.pk}/convert_to_alias/"))
    english.refresh_from_db()
    assert english.live_revision_id == revision and english.alias_of_id is None
    # Syncing without publishing is editing: allowed.
    assert client.post(f"/admin/localize/update/{source.pk}/", {}).status_code == 302

    # The national team may do everything: the English national home page, synced and republished.
    home = HomePage.objects.get(locale__language_code="fr")
    home_source = TranslationSource.objects.get(object_id=home.translation_key)
    english_home = home.get_translation(_english())
    before = english_home.live_revision_id
    response = as_person("national").post(f"/admin/localize/update/{home_source.pk}/", {"publish_translations": "on"})
    assert response.status_code == 302
    english_home.refresh_from_db()
    assert english_home.live_revision_id != before


def test_translations_report_lists_only_what_one_may_work_on(as_person):
    normandie = region_page("normandie")
    bretagne = region_page("bretagne")
    response = as_person("trainer_bretagne").get("/admin/localize/reports/translations/results/")
    assert response.status_code == 200
    sources = {translation.source.object_id for translation in response.context["object_list"]}
    assert bretagne.translation_key in sources
    assert LearningIndexPage.objects.get(locale__language_code="fr").translation_key in sources
    assert normandie.translation_key not in sources
    assert Page.objects.get(depth=2, locale__language_code="fr").translation_key not in sources  # the home page
