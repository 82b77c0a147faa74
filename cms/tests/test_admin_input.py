"""Ids written in admin URLs are checked before Wagtail's and filer's views use them (cms.admin_input): each case
below answered a server error before."""

import pytest
from django.core.files.base import ContentFile
from django.test import Client
from filer.models import File as FilerFile
from wagtail.images.tests.utils import get_test_image_file
from wagtail.models import Page, Workflow

pytestmark = pytest.mark.django_db


@pytest.fixture
def national(people):
    client = Client(raise_request_exception=False)
    client.force_login(people["national"])
    return client


def _not_found(client, path) -> bool:
    # Django's LocaleMiddleware first offers a 404 under the language prefix (/fr/admin/...), which is not found.
    return client.get(path, follow=True).status_code == 404


@pytest.mark.parametrize("chooser", ["filer_file_chooser", "documents/chooser", "images/chooser"])
@pytest.mark.parametrize("pk", ["x", "1.5", "-", "%C3%A9t%C3%A9"])  # NUL: cms.middleware, 400
def test_a_chooser_answers_404_for_an_id_that_cannot_be_one(national, chooser, pk):
    assert _not_found(national, f"/admin/{chooser}/chosen/{pk}/")


@pytest.mark.parametrize("chooser", ["filer_file_chooser", "documents/chooser", "images/chooser"])
def test_a_chooser_answers_400_for_a_list_with_an_id_that_cannot_be_one(national, chooser):
    assert national.get(f"/admin/{chooser}/chosen-multiple/?id=1&id=x").status_code == 400
    assert national.get(f"/admin/{chooser}/chosen-multiple/?id=99999999999999999999").status_code == 200


def test_the_filer_chooser_still_chooses_a_file(national):
    document = FilerFile.objects.create(original_filename="fiche.pdf", file=ContentFile(b"%PDF-1.4", "fiche.pdf"))
    response = national.get(f"/admin/filer_file_chooser/chosen/{document.pk}/")
    assert response.status_code == 200
    assert response.json()["result"]["id"] == str(document.pk)


def test_the_page_chooser_refuses_a_list_with_an_id_that_cannot_be_one(national):
    home = Page.get_first_root_node().get_children().first()
    assert national.get("/admin/choose-page/chosen-multiple/?id=x").status_code == 400
    chosen = national.get(f"/admin/choose-page/chosen-multiple/?id={home.pk}&id=99999999999999999999")
    assert [page["id"] for page in chosen.json()["result"]] == [home.pk]


@pytest.mark.parametrize("object_id", ["x", "1.5", "99999999999999999999"])
@pytest.mark.parametrize("model", ["folder", "file", "image"])
def test_filer_admin_views_treat_a_malformed_id_as_no_such_object(national, model, object_id):
    for view in ("delete", "change", "history"):
        response = national.get(f"/django-admin/filer/{model}/{object_id}/{view}/")
        # Django's answer to an id that names nothing: back to the admin's index, with a message.
        assert (response.status_code, response.get("Location")) == (302, "/django-admin/"), view


def test_reordering_the_root_is_not_found(national):
    root = Page.get_first_root_node()
    assert _not_found(national, f"/admin/pages/{root.pk}/set_position/")
    home = root.get_children().first()
    assert national.post(f"/admin/pages/{home.pk}/set_position/?position=0").status_code == 200


@pytest.mark.parametrize("chooser", ["external-link", "email-link", "phone-link", "anchor-link"])
def test_link_choosers_ignore_a_parent_page_that_is_no_id(national, chooser):
    response = national.get(f"/admin/choose-{chooser}/?parent_page_id=x")
    assert response.status_code == 200
    assert national.get(f"/admin/choose-{chooser}/?parent_page_id=2").status_code == 200


@pytest.mark.parametrize("page_number", ["x", "99999999999999999999", "0"])
def test_the_workflow_editor_answers_404_for_a_page_number_that_is_none(national, page_number):
    workflow = Workflow.objects.create(name="Relecture")
    assert national.get(f"/admin/workflows/edit/{workflow.pk}/").status_code == 200
    assert _not_found(national, f"/admin/workflows/edit/{workflow.pk}/?p={page_number}")


@pytest.mark.parametrize("endpoint", ["pages", "documents", "images"])
def test_the_admin_api_finds_nothing_for_an_id_that_cannot_be_one(national, endpoint):
    assert _not_found(national, f"/admin/api/main/{endpoint}/find/?id=x")


def test_the_image_chooser_searches_within_a_tag(national):
    from wagtail.images import get_image_model

    image_model = get_image_model()
    tagged = image_model.objects.create(title="Schéma de coordination", file=get_test_image_file())
    tagged.tags.add("équipe")
    image_model.objects.create(title="Schéma du territoire", file=get_test_image_file())
    response = national.get("/admin/images/chooser/results/?q=Sch%C3%A9ma&tag=%C3%A9quipe")
    assert response.status_code == 200
    html = response.content.decode()
    assert "Schéma de coordination" in html
    assert "Schéma du territoire" not in html


def test_the_checks_come_after_the_admin_login(db):
    for path in ("/admin/filer_file_chooser/chosen/x/", "/admin/choose-page/chosen-multiple/?id=x",
                 "/admin/pages/1/set_position/"):
        response = Client().get(path)
        assert (response.status_code, response["Location"].split("?")[0]) == (302, "/admin/login/"), path
