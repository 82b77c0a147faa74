"""Title and description follow the pages: French source, English through wagtail-localize; every other field is
the source's, and readers of each language see one row per document."""

import pytest
from django.utils import translation
from wagtail.models import Locale

from cms.services.translation import translate
from documents import services
from documents.enums import Access
from documents.models import LibraryDocument
from documents.tests.factories import make_document

pytestmark = pytest.mark.django_db


def test_english_readers_see_the_translation_or_the_source(client, commit):
    with commit():
        translated = make_document(title="Guide d’animation", access=Access.PUBLIC)
        untranslated = make_document(title="Grille qualité", access=Access.PUBLIC)
        english = translate(translated, "en", {"Guide d’animation": "Facilitation guide"}, publish=True)
    assert english.title == "Facilitation guide" and english.file_id == translated.file_id
    with translation.override("en"):
        rows = set(LibraryDocument.objects.in_locale(Locale.objects.get(language_code="en")))
    assert rows == {english, untranslated}
    assert set(LibraryDocument.objects.in_locale(Locale.objects.get(language_code="fr"))) == {translated, untranslated}
    html = client.get("/en/library/").content.decode()
    assert "Facilitation guide" in html and "Grille qualité" in html and "Guide d’animation" not in html
    # The shared fields follow the source.
    with commit():
        services.update_document(translated, access=Access.MEMBERS)
    english.refresh_from_db()
    assert english.access == Access.MEMBERS
    assert "Facilitation guide" not in client.get("/en/library/").content.decode()
