"""The admin as a French reader sees it. Wagtail's and wagtail-localize's wrong French is corrected in the project's
catalogue (cms/translation_overrides.py), wagtail-localize's dates by cms/localize_dates.py."""

import json
import re

import pytest
from django.utils import translation
from wagtail.models import Locale
from wagtail.users.models import UserProfile

from cms.models import RegionPage
from cms.translation_overrides import PAGES_CREATED, WAGTAIL, WAGTAIL_LOCALIZE

pytestmark = pytest.mark.django_db

FRENCH_MONTHS = "janvier|février|mars|avril|mai|juin|juillet|août|septembre|octobre|novembre|décembre"


def _admin(client, person, language):
    profile = UserProfile.get_for_user(person)
    profile.preferred_language = language
    profile.save()
    client.force_login(person)
    return client


@pytest.fixture
def french_admin(client, people):
    return _admin(client, people["national"], "fr")


def _english_bretagne():
    return RegionPage.objects.get(region__code="bretagne", locale__language_code="en")


def test_the_translation_editor_publishes_in_a_language_named_in_french(french_admin):
    # "Publier dansEnglish": the editor joins "Publish in " and the language's name.
    catalogue = french_admin.get("/admin/localize/jsi18n/").content.decode()
    assert '"Publish in ": "Publier en "' in catalogue
    assert "Publier dans" not in catalogue
    editor = french_admin.get(f"/admin/pages/{_english_bretagne().pk}/edit/").content.decode()
    assert "&quot;code&quot;: &quot;en&quot;, &quot;displayName&quot;: &quot;anglais&quot;" in editor
    assert "&quot;displayName&quot;: &quot;English&quot;" not in editor


def test_locales_are_languages_not_regions(french_admin):
    html = french_admin.get("/admin/locales/").content.decode()
    assert "<title>Langues - Wagtail</title>" in html and "Ajouter une langue" in html
    assert "Régions" not in html and "région" not in html
    editor = french_admin.get(f"/admin/pages/{_english_bretagne().pk}/edit/").content.decode()
    assert "Langue\u00a0: " in editor and "Région" not in editor


def test_translations_are_dated_in_french(french_admin):
    editor = french_admin.get(f"/admin/pages/{_english_bretagne().pk}/edit/").content.decode()
    comments = re.findall(r"&quot;comment&quot;: &quot;([^&]*)&quot;", editor)
    assert comments, "the editor shows how each string was translated"
    for comment in (json.loads(f'"{comment}"') for comment in comments):  # "d\u00e9cembre" in the JSON
        assert re.fullmatch(rf"Traduit manuellement le \d{{1,2}} ({FRENCH_MONTHS}) \d{{4}}", comment), comment


def test_translations_are_dated_the_british_way_in_english(client, people):
    english_admin = _admin(client, people["national"], "en")
    editor = english_admin.get(f"/admin/pages/{_english_bretagne().pk}/edit/").content.decode()
    comments = re.findall(r"&quot;comment&quot;: &quot;([^&]*)&quot;", editor)
    assert comments and all(re.fullmatch(r"Translated manually on \d{1,2} [A-Z][a-z]+ \d{4}", c) for c in comments)


def test_the_admin_login_labels_the_password_in_french(client):
    html = client.get("/admin/login/").content.decode()
    labels = [" ".join(re.sub(r"<[^>]+>", "", label).split()) for label in re.findall(r"<label[^>]*>(.*?)</label>",
                                                                                       html, re.S)]
    assert "Mot de passe*" in labels
    assert not any(label.startswith("Password") for label in labels)


def test_the_dashboard_counts_pages_created(french_admin):
    html = french_admin.get("/admin/").content.decode()
    assert re.search(r"\d+ Pages <span class=\"w-sr-only\">créées dans PACTE</span>", html)
    assert "crées dans" not in html


def test_every_correction_takes_effect():
    """Each corrected string reads differently from the apps' own catalogues: the project's catalogue wins."""
    with translation.override("fr"):
        for msgid in WAGTAIL + WAGTAIL_LOCALIZE:
            assert translation.gettext(msgid) != msgid, msgid
            assert "égion" not in translation.gettext(msgid), msgid
        assert "créées dans" in str(PAGES_CREATED % {"total": 52, "site_name": "PACTE"})
        assert "créée dans" in str(PAGES_CREATED % {"total": 1, "site_name": "PACTE"})
        assert Locale.objects.get(language_code="en").get_display_name() == "anglais"
    with translation.override("en"):
        assert translation.gettext("Locale") == "Locale"
        assert Locale.objects.get(language_code="fr").get_display_name() == "French"
