"""Saving a page checks its library document blocks against the editor (documents.page_forms): a crafted POST
naming a document the chooser would not offer is refused with a form error in the editor's language, and nothing
is saved. Pages, lessons and seminars, through the admin."""

import pytest
from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

from cms.models import ContentPage
from cms.tests.factories import region_page
from documents.enums import Access
from documents.tests.factories import make_document
from learning.models import LessonPage
from learning.tests import factories as learning
from seminars.models import SeminarPage
from seminars.tests import factories as seminars

pytestmark = pytest.mark.django_db
REFUSAL = "que vous ne pouvez pas utiliser"


@pytest.fixture
def documents(region):
    return {
        "other region": make_document(title="Compte rendu normand", region=region("normandie"), access=Access.REGION),
        "own region": make_document(title="Charte bretonne", region=region("bretagne"), access=Access.REGION),
        "national": make_document(title="Référentiel national", access=Access.MEMBERS),
    }


@pytest.fixture
def trainer(client, people):
    people["trainer_bretagne"].preferred_language = "fr"
    people["trainer_bretagne"].save()
    client.force_login(people["trainer_bretagne"])
    return client


def _document_block(document):
    return ("document", {"document": document.pk, "title": ""})


def _content_page(document, slug):
    return nested_form_data({"title": "Ressources", "slug": slug, "intro": "",
                             "body": streamfield([_document_block(document)])})


def _lesson(document, slug):
    return nested_form_data({"title": "Ressources", "slug": slug, "summary": "", "duration_minutes": 10,
                             "body": streamfield([_document_block(document)])})


def _seminar(document, slug, session_document=None):
    day = {"date": "2031-03-04", "sessions": streamfield([])}
    if session_document is not None:
        day["sessions"] = {"count": 1, "0-deleted": "", "0-order": 0, "0-id": "",
                           "0-value-start": "09:00", "0-value-end": "10:00", "0-value-title": "Atelier",
                           "0-value-activity": "tools", "0-value-description": "", "0-value-facilitator": "",
                           "0-value-materials-count": 1, "0-value-materials-0-deleted": "",
                           "0-value-materials-0-order": 0, "0-value-materials-0-id": "",
                           "0-value-materials-0-value": session_document.pk}
    return nested_form_data({
        "title": "Séminaire 1", "slug": slug, "cohort_year": 2031, "number": 1, "start_date": "2031-03-04",
        "end_date": "2031-03-04", "venue": "", "address": "", "access": "", "trainer_1": "", "trainer_2": "",
        "intro": "", "objectives": rich_text(""), "agenda": streamfield([("day", day)] if session_document else []),
        "materials": streamfield([_document_block(document)] if document else []), "body": streamfield([]),
    })


CASES = {
    "page": (lambda: f"/admin/pages/add/cms/contentpage/{region_page('bretagne').pk}/", _content_page, ContentPage),
    "lesson": (lambda: f"/admin/pages/add/learning/lessonpage/{learning.make_module(lessons=0).pk}/", _lesson,
               LessonPage),
    "seminar": (lambda: f"/admin/pages/add/seminars/seminarpage/{region_page('bretagne').pk}/", _seminar,
                SeminarPage),
}


@pytest.mark.parametrize("kind", CASES)
def test_a_crafted_document_of_another_region_is_refused(kind, trainer, documents):
    url, data, model = CASES[kind]
    url = url()
    response = trainer.post(url, data(documents["other region"], "refusee"), HTTP_ACCEPT_LANGUAGE="fr")
    assert response.status_code == 200
    assert REFUSAL in response.content.decode(), response.context["form"].errors.as_data()
    assert "Compte rendu normand" not in response.content.decode()  # the document is not named to them
    assert not model.objects.filter(slug="refusee").exists()

    for usable in ("own region", "national"):
        slug = f"acceptee-{usable.replace(' ', '-')}"
        response = trainer.post(url, data(documents[usable], slug))
        assert response.status_code == 302, response.content.decode()[:3000]
        page = model.objects.get(slug=slug)
        blocks = page.materials if kind == "seminar" else page.body
        assert [block.value["document"] for block in blocks] == [documents[usable]]


def test_a_crafted_document_in_a_seminar_session_is_refused(trainer, documents):
    url = f"/admin/pages/add/seminars/seminarpage/{region_page('bretagne').pk}/"
    response = trainer.post(url, _seminar(None, "refusee", session_document=documents["other region"]))
    assert response.status_code == 200
    assert REFUSAL in response.content.decode()
    assert not SeminarPage.objects.filter(slug="refusee").exists()


def test_a_document_placed_by_the_national_team_may_stay(client, people, documents, trainer):
    # The national team put another region's document on a Bretagne page; its trainer edits the page and keeps it.
    page = ContentPage(title="Ressources", slug="ressources", body=[
        {"type": "document", "value": {"document": documents["other region"].pk, "title": ""}}
    ])
    region_page("bretagne").add_child(instance=page)
    page.save_revision()
    data = _content_page(documents["other region"], "ressources")
    data["intro"] = "Mise à jour"
    response = trainer.post(f"/admin/pages/{page.pk}/edit/", data)
    assert response.status_code == 302, response.content.decode()[:3000]
    page.refresh_from_db()
    assert page.get_latest_revision_as_object().intro == "Mise à jour"
