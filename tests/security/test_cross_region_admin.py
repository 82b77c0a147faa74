"""A Bretagne trainer against a Normandie draft that was never published, through every view of wagtail-localize:
asking for a translation, syncing and publishing translations, the translation editor and its endpoints (strings,
overrides, PO files, machine translation, preview, stop, convert to alias) and the translations report. Each
request is refused (or, for the report, answered without the draft), the draft's text appears in no answer, and
nothing is created, changed or published. Publishing runs in transaction.on_commit: every request here runs its
commit callbacks, as a real request would."""

from urllib.parse import urlsplit

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from wagtail.models import Locale, Page
from wagtail_localize.models import (
    OverridableSegment,
    SegmentOverride,
    StringSegment,
    StringTranslation,
    Translation,
    TranslationSource,
)

from cms.models import HomePage
from cms.tests.factories import content_page, image, region_page

pytestmark = pytest.mark.django_db

SECRET_TITLE = "Projet confidentiel de la CPTS du Cotentin"
SECRET_TEXT = "Le budget prévisionnel de 48 000 euros reste à valider par l'ARS"
SECRETS = (SECRET_TITLE, SECRET_TEXT, "projet-confidentiel")


@pytest.fixture(autouse=True)
def machine_translator(settings):
    # So that machine translation is a live feature here, as it would be with DeepL configured.
    settings.WAGTAILLOCALIZE_MACHINE_TRANSLATOR = {
        "CLASS": "wagtail_localize.machine_translators.dummy.DummyTranslator"
    }


@pytest.fixture
def secret_draft(people):
    return content_page(
        region_page("normandie"), SECRET_TITLE, "projet-confidentiel", intro=SECRET_TEXT, text=SECRET_TEXT,
        picture=image(), live=False, owner=people["trainer_normandie"],
    )


def _refused(response):
    if response.status_code == 403:
        return True
    return response.status_code == 302 and urlsplit(response["Location"]).path == "/admin/"


def _problems(label, response, refused=True):
    content = response.content.decode(errors="replace")
    found = []
    if refused and not _refused(response):
        found.append(f"{label}: not refused ({response.status_code} {response.get('Location', '')})")
    found += [f"{label}: shows {secret!r}" for secret in SECRETS if secret in content]
    return found


def _english():
    return Locale.objects.get(language_code="en")


def test_bretagne_trainer_cannot_translate_a_normandie_draft(secret_draft, as_person, client):
    trainer = as_person("trainer_bretagne")
    url = f"/admin/localize/submit/page/{secret_draft.pk}/"
    problems = _problems("GET submit", trainer.get(url))
    problems += _problems("POST submit", trainer.post(url, {"locales": [_english().pk]}))
    problems += _problems(
        "POST submit with subtree", trainer.post(url, {"locales": [_english().pk], "include_subtree": "on"})
    )
    assert problems == []
    # Nothing was made: no translation, no English page, nothing under /en/.
    assert not TranslationSource.objects.filter(object_id=secret_draft.translation_key).exists()
    assert not Translation.objects.filter(source__object_id=secret_draft.translation_key).exists()
    assert list(Page.objects.filter(translation_key=secret_draft.translation_key)) == [secret_draft.page_ptr]
    response = client.get("/en/regions/normandie/projet-confidentiel/")
    assert response.status_code == 404
    assert SECRET_TITLE not in response.content.decode()


def test_bretagne_trainer_cannot_work_on_the_translation_of_a_normandie_draft(secret_draft, as_person, client):
    # Normandie's trainer asks for the translation of their draft: an English draft under the English Normandie page.
    normandie = as_person("trainer_normandie")
    normandie.post(f"/admin/localize/submit/page/{secret_draft.pk}/", {"locales": [_english().pk]})
    translation = Translation.objects.get(source__object_id=secret_draft.translation_key)
    english = translation.get_target_instance()
    source = translation.source
    string_segment = StringSegment.objects.filter(source=source).first()
    override_segment = OverridableSegment.objects.filter(source=source).first()
    assert string_segment and override_segment
    po = translation.export_po()
    for entry in po:
        entry.msgstr = "Leaked into English"
    base = f"/admin/localize/translate/{translation.pk}"
    form = "application/x-www-form-urlencoded"

    trainer = as_person("trainer_bretagne")
    attempts = {
        "GET update": lambda: trainer.get(f"/admin/localize/update/{source.pk}/"),
        "POST update and publish": lambda: trainer.post(
            f"/admin/localize/update/{source.pk}/", {"publish_translations": "on", "use_machine_translation": "on"}
        ),
        "PUT string": lambda: trainer.put(f"{base}/strings/{string_segment.pk}/edit/", "value=Leaked", form),
        "DELETE string": lambda: trainer.delete(f"{base}/strings/{string_segment.pk}/edit/"),
        "PUT override": lambda: trainer.put(f"{base}/overrides/{override_segment.pk}/edit/", "value=1", form),
        "download PO": lambda: trainer.get(f"{base}/pofile/download/"),
        "upload PO": lambda: trainer.post(
            f"{base}/pofile/upload/", {"file": SimpleUploadedFile("draft.po", str(po).encode())}
        ),
        "machine translate": lambda: trainer.post(f"{base}/machine_translate/"),
        "preview": lambda: trainer.get(f"{base}/preview/"),
        "stop": lambda: trainer.post(f"{base}/disable/"),
        "GET convert to alias": lambda: trainer.get(f"/admin/localize/page/{english.pk}/convert_to_alias/"),
        "POST convert to alias": lambda: trainer.post(f"/admin/localize/page/{english.pk}/convert_to_alias/"),
        "GET translation editor": lambda: trainer.get(f"/admin/pages/{english.pk}/edit/"),
        "publish in the editor": lambda: trainer.post(f"/admin/pages/{english.pk}/edit/", {"action": "publish"}),
    }
    problems = []
    for label, attempt in attempts.items():
        problems += _problems(label, attempt())
    for url in ("/admin/localize/reports/translations/", "/admin/localize/reports/translations/results/"):
        response = trainer.get(url)
        assert response.status_code == 200
        problems += _problems(f"report {url}", response, refused=False)
    assert problems == []

    # Nothing changed: still a synced English draft, with no translated string or override.
    translation.refresh_from_db()
    english.refresh_from_db()
    assert translation.enabled
    assert not english.live and english.alias_of_id is None
    assert not StringTranslation.objects.filter(context__object_id=source.object_id).exists()
    assert not SegmentOverride.objects.filter(context__object_id=source.object_id).exists()
    response = client.get(english.get_url())
    assert response.status_code == 404
    assert SECRET_TITLE not in response.content.decode()


@pytest.mark.parametrize("page", ["home", "normandie"])
def test_bretagne_trainer_cannot_sync_and_republish_pages_of_others(page, as_person):
    french = HomePage.objects.get(locale__language_code="fr") if page == "home" else region_page("normandie")
    english = french.get_translation(_english())
    source = TranslationSource.objects.get(object_id=french.translation_key)
    revision = english.latest_revision_id
    french.intro = "Texte modifié en Bretagne"
    french.save_revision().publish()

    trainer = as_person("trainer_bretagne")
    problems = _problems("GET update", trainer.get(f"/admin/localize/update/{source.pk}/"))
    problems += _problems(
        "POST update and publish", trainer.post(f"/admin/localize/update/{source.pk}/", {"publish_translations": "on"})
    )
    assert problems == []
    english.refresh_from_db()
    assert english.latest_revision_id == revision
    assert "Texte modifié en Bretagne" not in english.intro
