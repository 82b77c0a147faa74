import datetime

import pytest

from cms.pdf import pdf_metadata, pdf_text
from documents.enums import Access, Theme
from documents.tests.factories import make_document
from learning.models import TechnicalSheetPage
from learning.tests.sheet_factories import make_sheet, sheet_index

pytestmark = pytest.mark.django_db


def test_publishing_a_sheet_makes_its_pdf_once(client, commit):
    with commit():
        sheet = make_sheet()
    sheet.refresh_from_db()
    assert sheet.pdf and sheet.pdf_revision_id == sheet.live_revision_id
    stored = sheet.pdf.name
    response = client.get(sheet.url + "pdf/")
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    data = b"".join(response.streaming_content)
    text = pdf_text(data)
    assert "Animer une réunion d’équipe" in text
    assert "« partagé »" in text and "Étape 2" in text and "l’infirmière" in text
    assert pdf_metadata(data) == {"title": "Animer une réunion d’équipe", "author": "Équipe nationale PACTE",
                                  "language": "fr"}
    # Downloading again serves the kept file; publishing again makes a new one.
    client.get(sheet.url + "pdf/")
    sheet.refresh_from_db()
    assert sheet.pdf.name == stored
    sheet.title = "Animer une réunion d’équipe, révisée"
    with commit():
        sheet.save_revision().publish()
    sheet.refresh_from_db()
    assert sheet.pdf_revision_id == sheet.live_revision_id
    assert "révisée" in pdf_text(sheet.pdf.read())


def test_sheet_page_shows_its_parts_and_tools(client, people, django_assert_max_num_queries):
    tools = [make_document(title=f"Grille {n}", access=Access.PUBLIC) for n in range(12)]
    hidden = make_document(title="Réservé aux formateurs", access=Access.TRAINERS)
    sheet = make_sheet(tools=[*tools, hidden])
    # Logged in: anonymous visitors would be answered from the page cache, with no query at all.
    client.force_login(people["coordinator_bretagne"])
    client.get(sheet.url)
    # Session, user, the root and the sheet (cms.routing), the tools, the page's locale (once, for the tools too).
    with django_assert_max_num_queries(7):
        response = client.get(sheet.url)
    html = response.content.decode()
    assert response.status_code == 200
    assert "Grille 11" in html and "Réservé aux formateurs" not in html
    assert "Étape 3" in html and sheet.url + "pdf/" in html


def test_the_sheets_cached_route_keeps_its_pdf_and_follows_publication(client, people, commit):
    with commit():
        sheet = make_sheet()
    client.force_login(people["coordinator_bretagne"])
    for _ in range(2):  # the second visit goes the cached way
        assert client.get(sheet.url).status_code == 200
        response = client.get(sheet.url + "pdf/")
        assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    with commit():
        sheet.unpublish()
    assert client.get(sheet.url).status_code == 404
    assert client.get(sheet.url + "pdf/").status_code == 404


def test_index_filters_by_theme(client):
    make_sheet(title="Conduire un projet", theme=Theme.PROJECT, slug="projet")
    make_sheet(title="Démarche qualité", theme=Theme.QUALITY, slug="qualite")
    index = sheet_index()
    html = client.get(index.url + "?theme=quality").content.decode()
    assert "Démarche qualité" in html and "Conduire un projet" not in html
    html = client.get(index.url + "?theme=<script>").content.decode()
    assert "Conduire un projet" in html and "<script>" not in html


def test_index_cards_link_each_sheet_and_leave_its_body_in_the_database(client):
    make_sheet(title="Conduire un projet", theme=Theme.PROJECT, slug="projet")
    index = sheet_index()
    response = client.get(index.url)
    (sheet,) = response.context["sheets"]
    assert set(TechnicalSheetPage.CARD_DEFERRED) <= sheet.get_deferred_fields()
    html = response.content.decode()
    assert f'<a href="{sheet.url}">Conduire un projet</a>' in html
    assert f'<a href="{index.url}?theme=project">' in html and f'<a href="{index.url}" aria-current="true">' in html


def test_sheets_past_their_review_are_listed_for_the_national_team(client, people):
    make_sheet(title="Fiche à revoir", slug="a-revoir", next_review=datetime.date(2020, 1, 1))
    make_sheet(title="Fiche à jour", slug="a-jour", next_review=datetime.date(2099, 1, 1))
    client.force_login(people["national"])
    html = client.get("/admin/reports/sheets-to-review/").content.decode()
    assert "Fiche à revoir" in html and "Fiche à jour" not in html
    client.force_login(people["trainer_bretagne"])
    assert client.get("/admin/reports/sheets-to-review/").status_code == 302
    assert TechnicalSheetPage.objects.filter(next_review__lt=datetime.date.today()).count() == 1
