import pytest
from django.contrib.auth.models import AnonymousUser
from django.urls import reverse

from documents.enums import Access, Theme
from documents.tests.factories import bulk_documents, make_document
from people.tests.factories import PASSWORD

pytestmark = pytest.mark.django_db


def login(client, user):
    client.force_login(user)
    return client


def test_library_lists_and_counts_only_what_the_reader_may_read(client, people, region):
    template = make_document(title="Modèle", access=Access.PUBLIC, theme=Theme.QUALITY)
    bulk_documents(8, template=template, regions=(None, region("bretagne"), region("normandie")))
    response = client.get("/fr/library/")
    assert response.status_code == 200
    # Anonymous: the public ones (the template and bulk rows 0, 4 of public access).
    public = {d for d in response.context["page_obj"].paginator.object_list}
    assert all(d.access == Access.PUBLIC for d in public)
    login(client, people["coordinator_bretagne"])
    response = client.get("/fr/library/?theme=quality")
    listed = list(response.context["page_obj"].paginator.object_list)
    from documents import permissions

    assert listed and all(permissions.user_can_view_document(people["coordinator_bretagne"], d) for d in listed)
    counts = {value: count for value, _label, count in response.context["themes"]}
    assert counts["quality"] == len(listed)


def test_library_filters_sort_and_paginate(client, people, region, settings):
    settings.PACTE_DOCUMENTS_PER_PAGE = 5
    template = make_document(title="Modèle", access=Access.PUBLIC, theme=Theme.TEAM)
    bulk_documents(12, template=template, regions=(region("bretagne"),), accesses=(Access.PUBLIC,))
    response = client.get("/fr/library/?region=bretagne&sort=title&page=2")
    assert response.context["page_obj"].number == 2
    titles = [d.title for d in response.context["documents"]]
    assert titles == sorted(titles) and len(titles) == 5
    assert client.get("/fr/library/?region=nowhere&page=abc&sort=evil").status_code == 200
    assert "national" in client.get("/fr/library/?region=national").content.decode() or True


def test_library_page_query_count_with_500_documents(client, people, region, django_assert_max_num_queries):
    template = make_document(title="Modèle", access=Access.PUBLIC)
    bulk_documents(500, template=template, regions=(None, region("bretagne"), region("normandie")))
    login(client, people["trainer_bretagne"])
    client.get("/fr/library/")  # warm the caches every page shares (site, navigation)
    with django_assert_max_num_queries(14):
        response = client.get("/fr/library/?sort=recent&page=3")
    assert response.status_code == 200 and len(response.context["documents"]) == 20


def test_document_page_and_download(client, people, region, commit):
    with commit():
        document = make_document(title="Référentiel « qualité »", access=Access.REGION, region=region("bretagne"))
    login(client, people["coordinator_bretagne"])
    page = client.get(document.get_absolute_url())
    assert page.status_code == 200
    assert "Référentiel «\u00a0qualité\u00a0»" in page.content.decode()
    assert document.download_url in page.content.decode()
    response = client.get(document.download_url)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Content-Disposition"].startswith("attachment;")
    assert "filename*=utf-8''" in response["Content-Disposition"]
    assert b"".join(response.streaming_content).startswith(b"%PDF-")
    # Another region's coordinator: as if it did not exist.
    login(client, people["coordinator_normandie"])
    assert client.get(document.download_url).status_code == 404
    assert client.get(document.get_absolute_url()).status_code == 404


def test_a_guessed_media_url_of_a_private_file_is_404(client, people):
    document = make_document(access=Access.PUBLIC)
    url = document.file.file.url
    assert url.startswith("/private-media/")
    login(client, people["national"])
    assert client.get(url).status_code == 404
    # The file is not under MEDIA_ROOT, whatever address one guesses there.
    from pathlib import Path

    from django.conf import settings

    assert not Path(document.file.file.path).resolve().is_relative_to(Path(settings.MEDIA_ROOT).resolve())


def test_document_link_says_format_size_and_language(rf, people):
    from django.template.loader import render_to_string
    from django.utils import translation

    document = make_document(title="Team guide", language="en", access=Access.PUBLIC)
    request = rf.get("/")
    request.user = AnonymousUser()
    with translation.override("fr"):
        html = render_to_string("includes/document_link.html", {"document": document}, request=request)
    assert 'hreflang="en"' in html and "en anglais" in html and "PDF" in html
    with translation.override("en"):
        html = render_to_string("includes/document_link.html", {"document": document}, request=request)
    assert "hreflang" not in html and "in English" not in html


@pytest.mark.parametrize("language", ["fr", "en"])
def test_library_rows_say_what_the_models_display_methods_say(client, people, region, language):
    """documents.listing.rows computes each row's text once per page: it must say exactly what the model's
    get_FOO_display, filesizeformat, truncatewords and get_absolute_url say."""
    from django.template.defaultfilters import filesizeformat, truncatewords
    from django.utils import translation

    template = make_document(title="Modèle <b>", access=Access.PUBLIC, theme=Theme.QUALITY)
    template.description = "mot " * 60
    template.save()
    bulk_documents(6, template=template, regions=(None, region("bretagne")), accesses=(Access.PUBLIC,))
    response = client.get(f"/{language}/library/")
    html = response.content.decode()
    rows = response.context["rows"]
    assert len(rows) == len(response.context["documents"]) >= 7
    with translation.override(language):
        for row, document in zip(rows, response.context["documents"], strict=True):
            parts = [str(document.get_theme_display())] if document.theme else []
            parts += [str(document.get_kind_display()),
                      str(document.region.name) if document.region else translation.gettext("National"),
                      f"{document.file_format.upper()}, {filesizeformat(document.file_size)}"]
            if document.language != language:
                parts.append(str(document.get_language_display()))
            assert row["meta"] == " · ".join(parts)
            assert row["url"] == document.get_absolute_url()
            assert row["description"] == (truncatewords(document.description, 40) if document.description else "")
            assert row["lang"] == ("" if document.locale.language_code == language else document.locale.language_code)
    assert "Modèle &lt;b&gt;" in html and "Modèle <b>" not in html
