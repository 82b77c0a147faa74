"""Trainers translate their regions' documents in wagtail-localize, as they translate their pages; its screens and
actions refuse them every other document (cms.translation_admin asks the library's permission policy), and refuse
coordinators and partners everything. Requests run their commit callbacks, as a real request would."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from wagtail.models import Locale
from wagtail_localize.models import (
    OverridableSegment,
    SegmentOverride,
    StringSegment,
    StringTranslation,
    Translation,
    TranslationLog,
    TranslationSource,
)
from wagtail_localize.wagtail_hooks import register_admin_urls

from cms import permissions
from cms.tests.factories import content_page, region_page
from documents.enums import Access
from documents.models import LibraryDocument
from documents.tests.factories import make_document

pytestmark = pytest.mark.django_db
# wagtail-localize's URLs that name no document (pages, the report, the editor's interface strings).
NOT_DOCUMENT_URLS = {"javascript_catalog", "submit_page_translation", "convert_to_alias", "translations_report",
                     "translations_report_results"}
FORM = "application/x-www-form-urlencoded"


def _english():
    return Locale.objects.get(language_code="en")


def _document(region, title, commit):
    with commit():
        return make_document(title=title, description="Pour animer une réunion d’équipe.", region=region,
                             access=Access.PUBLIC)


def _edit_url(document):
    return reverse("wagtailsnippets_documents_librarydocument:edit", args=[document.pk])


def _refused(response):
    if response.status_code == 403:
        return True
    return response.status_code == 302 and response["Location"].split("?")[0] in ("/admin/", "/admin/login/")


def _string_segment(source, text):
    return StringSegment.objects.get(source=source, string__data=text)


def test_a_trainer_translates_a_document_of_their_region(as_person, region, commit, client):
    french = _document(region("bretagne"), "Guide d’animation", commit)
    trainer = as_person("trainer_bretagne")
    submit = reverse("wagtail_localize:submit_snippet_translation", args=["documents", "librarydocument", french.pk])
    assert trainer.get(submit).status_code == 200
    assert trainer.post(submit, {"locales": [_english().pk]}).status_code == 302
    english = french.get_translation(_english())
    translation = Translation.objects.get(source__object_id=french.translation_key, target_locale=_english())
    assert english.region == french.region and english.file_id == french.file_id

    # wagtail-localize's editor in place of the library's, with the French text to translate.
    response = trainer.get(_edit_url(english))
    assert response.status_code == 200
    assert "wagtail_localize/admin/edit_translation.html" in [t.name for t in response.templates]
    for text, translated in (("Guide d’animation", "Facilitation guide"),
                             ("Pour animer une réunion d’équipe.", "For team meetings.")):
        url = reverse("wagtail_localize:edit_string_translation",
                      args=[translation.pk, _string_segment(translation.source, text).pk])
        assert trainer.put(url, f"value={translated}", FORM).status_code == 201
    assert trainer.post(_edit_url(english), {"action": "publish"}).status_code == 302
    english.refresh_from_db()
    assert (english.title, english.description) == ("Facilitation guide", "For team meetings.")
    html = client.get("/en/library/").content.decode()
    assert "Facilitation guide" in html and "Guide d’animation" not in html

    # The French description changes: the trainer syncs and publishes, and the English row follows (the new text in
    # French until someone translates it).
    french.description = "Pour animer une réunion d’équipe pluriprofessionnelle."
    french.save()
    update = reverse("wagtail_localize:update_translations", args=[translation.source.pk])
    assert trainer.get(update).status_code == 200
    assert trainer.post(update, {"publish_translations": "on"}).status_code == 302
    english.refresh_from_db()
    assert english.title == "Facilitation guide"
    assert english.description == "Pour animer une réunion d’équipe pluriprofessionnelle."

    # Their translation is in the report and in the editor's snippet listing; another region's document is not.
    other = _document(region("normandie"), "Grille normande", commit)
    response = trainer.get(reverse("wagtail_localize:translations_report_results"))
    assert translation in response.context["object_list"]
    listing = trainer.get(reverse("wagtail_localize:snippets_api_listing", args=["documents", "librarydocument"]))
    ids = {row["id"] for row in listing.json()}
    assert french.pk in ids and other.pk not in ids


def _attempts(client, document, translation):
    """Every wagtail-localize URL that names `document` (or its translation), with each method it answers."""
    source = translation.source
    string = StringSegment.objects.filter(source=source).first()
    override = OverridableSegment.objects.filter(source=source).first()
    po = translation.export_po()
    for entry in po:
        entry.msgstr = "Leaked into English"

    def url(name, *args):
        return reverse(f"wagtail_localize:{name}", args=args)

    snippet = ("documents", "librarydocument")
    return {
        "submit_snippet_translation": [
            lambda: client.get(url("submit_snippet_translation", *snippet, document.pk)),
            lambda: client.post(url("submit_snippet_translation", *snippet, document.pk),
                                {"locales": [Locale.objects.get(language_code="fr").pk, _english().pk]}),
        ],
        "update_translations": [
            lambda: client.get(url("update_translations", source.pk)),
            lambda: client.post(url("update_translations", source.pk), {"use_machine_translation": "on"}),
        ],
        "edit_string_translation": [
            lambda: client.put(url("edit_string_translation", translation.pk, string.pk), "value=Leaked", FORM),
            lambda: client.delete(url("edit_string_translation", translation.pk, string.pk)),
        ],
        "edit_override": [
            lambda: client.put(url("edit_override", translation.pk, override.pk if override else 1), "value=x", FORM),
        ],
        "download_pofile": [lambda: client.get(url("download_pofile", translation.pk))],
        "upload_pofile": [lambda: client.post(
            url("upload_pofile", translation.pk), {"file": SimpleUploadedFile("t.po", str(po).encode())}
        )],
        "machine_translate": [lambda: client.post(url("machine_translate", translation.pk))],
        "preview_translation": [
            lambda: client.get(url("preview_translation", translation.pk)),
            lambda: client.get(url("preview_translation", translation.pk, "default")),
        ],
        "stop_translation": [lambda: client.post(url("stop_translation", translation.pk))],
        "snippets_api_detail": [lambda: client.get(url("snippets_api_detail", *snippet, document.pk))],
        "snippets_api_listing": [lambda: client.get(url("snippets_api_listing", *snippet))],
        # wagtail-localize's editor, shown in place of the library's.
        "edit": [
            lambda: client.get(_edit_url(translation.get_target_instance())),
            lambda: client.post(_edit_url(translation.get_target_instance()), {"action": "publish"}),
            lambda: client.post(_edit_url(translation.get_target_instance()), {"localize-restart-translation": "1"}),
        ],
    }


def _document_url_names():
    (localize,) = register_admin_urls()
    return {pattern.name for pattern in localize.url_patterns} - NOT_DOCUMENT_URLS


def _translated_by_national(as_person, document):
    as_person("national").post(
        reverse("wagtail_localize:submit_snippet_translation", args=["documents", "librarydocument", document.pk]),
        {"locales": [_english().pk]},
    )
    return Translation.objects.get(source__object_id=document.translation_key, target_locale=_english())


def _assert_refused_everywhere(client, document, translation):
    english = translation.get_target_instance()
    title, french_title = english.title, document.title
    problems = []
    attempts_by_url = _attempts(client, document, translation)
    assert set(attempts_by_url) - {"edit"} == _document_url_names()  # every one of them, in this release too
    for name, attempts in attempts_by_url.items():
        for attempt in attempts:
            response = attempt()
            if name == "snippets_api_listing" and response.status_code == 200:
                if document.pk in {row["id"] for row in response.json()}:
                    problems.append(f"{name}: lists the document")
            elif not _refused(response):
                problems.append(f"{name}: {response.status_code} {response.get('Location', '')}")
            if french_title in response.content.decode(errors="replace") and response.status_code != 302:
                problems.append(f"{name}: shows the title")
    assert problems == []
    # Nothing saved: the translation as the national team left it, no string translated, no other language.
    translation.refresh_from_db()
    english.refresh_from_db()
    assert translation.enabled and english.title == title
    assert not StringTranslation.objects.filter(context__object_id=document.translation_key).exists()
    assert not SegmentOverride.objects.filter(context__object_id=document.translation_key).exists()
    assert LibraryDocument.objects.filter(translation_key=document.translation_key).count() == 2
    assert TranslationSource.objects.filter(object_id=document.translation_key).count() == 1


@pytest.mark.parametrize("place", ["normandie", "national"])
def test_a_trainer_may_not_translate_a_document_of_another_region_or_a_national_one(place, as_person, region, commit):
    document = _document(region(place) if place != "national" else None, "Ordre du jour confidentiel", commit)
    translation = _translated_by_national(as_person, document)
    _assert_refused_everywhere(as_person("trainer_bretagne"), document, translation)


@pytest.mark.parametrize("who", ["coordinator_bretagne", "partner_bretagne"])
def test_coordinators_and_partners_translate_nothing(who, as_person, region, commit):
    document = _document(region("bretagne"), "Ordre du jour confidentiel", commit)
    translation = _translated_by_national(as_person, document)
    _assert_refused_everywhere(as_person(who), document, translation)


def test_a_trainer_may_not_ask_for_the_first_translation_of_another_regions_document(as_person, region, commit):
    document = _document(region("normandie"), "Ordre du jour confidentiel", commit)
    trainer = as_person("trainer_bretagne")
    submit = reverse("wagtail_localize:submit_snippet_translation", args=["documents", "librarydocument", document.pk])
    assert _refused(trainer.get(submit))
    assert _refused(trainer.post(submit, {"locales": [_english().pk]}))
    assert not TranslationSource.objects.filter(object_id=document.translation_key).exists()
    assert LibraryDocument.objects.filter(translation_key=document.translation_key).count() == 1


# A page that links documents: wagtail-localize translates them with it, but only those the person may translate
# themselves (cms.permissions.user_can_translate_related). The others are not written at all; the translation links
# their translation, or the French document until they have one.


def _wagtail_localize_rows(document):
    key = document.translation_key
    return (
        list(TranslationSource.objects.filter(object_id=key).order_by("pk").values()),
        list(Translation.objects.filter(source__object_id=key).order_by("pk").values()),
        list(TranslationLog.objects.filter(source__object_id=key).order_by("pk").values()),
        list(LibraryDocument.objects.filter(translation_key=key).order_by("pk").values()),
    )


def _linked_documents(page):
    page = page.specific_deferred.__class__.objects.get(pk=page.pk)
    revision = page.latest_revision.as_object() if page.latest_revision else page
    return [block.value["document"] for block in revision.body if block.block_type == "document"]


def _messages(response):
    return [str(message) for message in response.wsgi_request._messages]


def test_a_trainer_translates_their_page_that_links_documents_they_may_not_translate(as_person, region, commit):
    national_translated = _document(None, "Référentiel national", commit)
    stopped = _translated_by_national(as_person, national_translated)
    english_reference = stopped.get_target_instance()
    stopped.enabled = False  # the national team stopped syncing it: the trainer must not restart it
    stopped.save()
    national_untranslated = _document(None, "Charte nationale", commit)
    normandie = _document(region("normandie"), "Grille normande", commit)
    own = _document(region("bretagne"), "Guide breton", commit)
    linked = [national_translated, national_untranslated, normandie, own]
    with commit():
        french = content_page(region_page("bretagne"), "Atelier", "atelier-documents")
        french.body = [{"type": "document", "value": {"document": document.pk, "title": ""}} for document in linked]
        french.save_revision().publish()
    before = {document.pk: _wagtail_localize_rows(document) for document in linked[:3]}

    trainer = as_person("trainer_bretagne")
    submit = reverse("wagtail_localize:submit_page_translation", args=[french.pk])
    assert trainer.get(submit).status_code == 200
    response = trainer.post(submit, {"locales": [_english().pk]})
    assert response.status_code == 302
    english = french.get_translation(_english())
    own_english = own.get_translation(_english())
    # (a) the English reference, (b) and the Normandie grid in French, (c) their own guide translated with the page.
    assert _linked_documents(english) == [english_reference, national_untranslated, normandie, own_english]
    assert Translation.objects.get(source__object_id=own.translation_key, target_locale=_english()).enabled
    assert {document.pk: _wagtail_localize_rows(document) for document in linked[:3]} == before
    messages = _messages(response)
    assert any("Référentiel national" in message and "traduction existante" in message for message in messages)
    for title in ("Charte nationale", "Grille normande"):
        assert any(title in message and "l’équipe nationale" in message for message in messages), messages
    assert not any("Guide breton" in message for message in messages[1:])

    # The national team translates its charter; the French page changes; the trainer syncs and publishes: the
    # English page now links the English charter, and the documents' rows are as the national team left them.
    charter = _translated_by_national(as_person, national_untranslated).get_target_instance()
    with commit():
        french.intro = "Deux jours à Quimper."
        french.save_revision().publish()
    before = {document.pk: _wagtail_localize_rows(document) for document in linked[:3]}
    own_before = _wagtail_localize_rows(own)
    source = TranslationSource.objects.get(object_id=french.translation_key)
    update = reverse("wagtail_localize:update_translations", args=[source.pk])
    assert trainer.get(update).status_code == 200
    assert trainer.post(update, {"publish_translations": "on"}).status_code == 302
    english.refresh_from_db()
    assert english.live and english.specific.intro == "Deux jours à Quimper."
    assert _linked_documents(english) == [english_reference, charter, normandie, own_english]
    assert {document.pk: _wagtail_localize_rows(document) for document in linked[:3]} == before
    assert _wagtail_localize_rows(own) == own_before  # Sync updates the page's own translations only


def test_the_national_team_translates_the_documents_a_page_links(as_person, region, commit):
    national = _document(None, "Charte nationale", commit)
    normandie = _document(region("normandie"), "Grille normande", commit)
    with commit():
        french = content_page(region_page("bretagne"), "Atelier", "atelier-documents")
        french.body = [{"type": "document", "value": {"document": d.pk, "title": ""}} for d in (national, normandie)]
        french.save_revision().publish()
    response = as_person("national").post(reverse("wagtail_localize:submit_page_translation", args=[french.pk]),
                                          {"locales": [_english().pk]})
    assert response.status_code == 302
    english = french.get_translation(_english())
    assert _linked_documents(english) == [national.get_translation(_english()), normandie.get_translation(_english())]
    assert len(_messages(response)) == 1  # the success message, nothing left alone


def test_who_translates_the_documents_a_page_links(people, region, commit):
    documents = {place: _document(region(place) if place else None, f"Document {place}", commit)
                 for place in ("bretagne", "normandie", None)}
    for who, may in (("trainer_bretagne", {"bretagne"}), ("trainer_normandie", {"normandie"}),
                     ("national", {"bretagne", "normandie", None}), ("coordinator_bretagne", set())):
        for place, document in documents.items():
            assert permissions.user_can_translate_related(people[who], document, [_english()]) is (place in may), (
                who, place)


def test_translating_a_subtree_leaves_alone_the_documents_of_others_too(as_person, region, commit):
    national = _document(None, "Charte nationale", commit)
    own = _document(region("bretagne"), "Guide breton", commit)
    with commit():
        parent = content_page(region_page("bretagne"), "Ateliers", "ateliers")
        child = content_page(parent, "Atelier", "atelier-documents")
        child.body = [{"type": "document", "value": {"document": d.pk, "title": ""}} for d in (national, own)]
        child.save_revision().publish()
    response = as_person("trainer_bretagne").post(
        reverse("wagtail_localize:submit_page_translation", args=[parent.pk]),
        {"locales": [_english().pk], "include_subtree": "on"},
    )
    assert response.status_code == 302
    english = child.get_translation(_english())
    assert _linked_documents(english) == [national, own.get_translation(_english())]
    assert not TranslationSource.objects.filter(object_id=national.translation_key).exists()
    assert LibraryDocument.objects.filter(translation_key=national.translation_key).count() == 1
