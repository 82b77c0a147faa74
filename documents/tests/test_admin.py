"""The library's admin screens: trainers manage their regions' documents, the national team every document."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import translation

from documents import samples
from documents.enums import Access, Theme
from documents.models import LibraryDocument
from documents.tests.factories import bulk_documents, make_document

pytestmark = pytest.mark.django_db
LIST = "/admin/library/"


def form_data(region=None, **extra):
    data = {"title": "Charte de fonctionnement", "description": "Modèle de charte d’équipe.", "theme": Theme.TEAM,
            "kind": "template", "language": "fr", "access": Access.REGION, "review_date": "",
            "region": region.pk if region else ""}
    data.update(extra)
    return data


def test_trainer_lists_only_their_regions_documents(client, people, region, django_assert_max_num_queries):
    template = make_document(title="Modèle", region=region("bretagne"))
    bulk_documents(60, template=template, regions=(None, region("bretagne"), region("normandie")))
    client.force_login(people["trainer_bretagne"])
    client.get(LIST)
    # wagtail-localize's "Translate" button asks two queries per row (its hook); the rest is constant.
    with django_assert_max_num_queries(20 + 2 * 20):
        response = client.get(LIST)
    assert response.status_code == 200
    listed = response.context["object_list"]
    assert listed and all(d.region_id == region("bretagne").pk for d in listed)
    client.force_login(people["coordinator_bretagne"])
    assert client.get(LIST).status_code == 302


def test_trainer_uploads_into_their_region(client, people, region, commit):
    client.force_login(people["trainer_bretagne"])
    upload = SimpleUploadedFile("../../charte\x07.pdf", samples.pdf("Charte", ["Règles de l’équipe"]))
    with commit():
        response = client.post(LIST + "add/", form_data(region("bretagne"), upload=upload))
    assert response.status_code == 302, response.context["form"].errors if response.context else response
    document = LibraryDocument.objects.get(title="Charte de fonctionnement")
    assert document.region == region("bretagne") and document.file_name == "charte.pdf"
    assert document.owner == people["trainer_bretagne"]
    document.refresh_from_db()
    assert "Règles de l’équipe" in document.text


def test_trainer_cannot_upload_elsewhere_or_nationally(client, people, region):
    client.force_login(people["trainer_bretagne"])
    for place in (region("normandie"), None):
        upload = SimpleUploadedFile("charte.pdf", samples.pdf("Charte", ["x"]))
        response = client.post(LIST + "add/", form_data(place, upload=upload))
        assert response.status_code == 200
        assert "region" in response.context["form"].errors
    assert not LibraryDocument.objects.filter(title="Charte de fonctionnement").exists()


def test_hostile_upload_is_refused_in_the_admins_language(client, people, region):
    people["trainer_bretagne"].preferred_language = "fr"
    client.force_login(people["trainer_bretagne"])
    upload = SimpleUploadedFile("rapport.pdf", b"<html><script>alert(1)</script></html>", "application/pdf")
    with translation.override("fr"):
        response = client.post(LIST + "add/", form_data(region("bretagne"), upload=upload),
                               HTTP_ACCEPT_LANGUAGE="fr")
    assert response.status_code == 200
    errors = " ".join(response.context["form"].errors["upload"])
    assert "page web (HTML)" in errors
    assert not LibraryDocument.objects.filter(title="Charte de fonctionnement").exists()


def test_replace_edit_and_delete_by_permission(client, people, region, commit):
    with commit():
        own = make_document(title="Ancien", region=region("bretagne"))
        other = make_document(title="Autre", region=region("normandie"))
    client.force_login(people["trainer_bretagne"])
    assert client.get(f"{LIST}edit/{other.pk}/").status_code == 302  # the admin's refusal
    assert client.post(f"{LIST}delete/{other.pk}/").status_code == 302
    assert LibraryDocument.objects.filter(pk=other.pk).exists()
    upload = SimpleUploadedFile("v2.odt", samples.odt("Nouveau", ["Version révisée"]))
    with commit():
        response = client.post(f"{LIST}edit/{own.pk}/", form_data(region("bretagne"), title="Nouveau",
                                                                    access=Access.MEMBERS, upload=upload))
    assert response.status_code == 302
    own.refresh_from_db()
    assert own.title == "Nouveau" and own.file_format == "odt" and "Version révisée" in own.text
    with commit():
        response = client.post(f"{LIST}delete/{own.pk}/")
    assert response.status_code == 302
    assert not LibraryDocument.objects.filter(pk=own.pk).exists()
    client.force_login(people["national"])
    assert client.get(f"{LIST}edit/{other.pk}/").status_code == 200


def test_chooser_offers_only_usable_documents(client, people, region):
    make_document(title="National", region=None, access=Access.MEMBERS)
    make_document(title="Bretonne", region=region("bretagne"), access=Access.TRAINERS)
    make_document(title="Normande", region=region("normandie"), access=Access.PUBLIC)
    client.force_login(people["trainer_bretagne"])
    response = client.get("/admin/library_document_chooser/")
    titles = {str(d) for d in response.context["results"]} if "results" in response.context else set()
    html = response.content.decode()
    assert "National" in html and "Bretonne" in html and "Normande" not in html, titles
