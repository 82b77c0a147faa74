"""Images and documents live in collections: national (trainers choose from it, only the national team changes it)
and one per region (managed by that region's trainers)."""

import io

import pytest
from django.contrib.auth.models import Group
from django.core.files.base import ContentFile
from django.core.files.images import ImageFile
from django.urls import reverse
from PIL import Image as PILImage
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Collection, GroupCollectionPermission

from cms.models import CollectionKey
from cms.services.collections import national_collection, region_collection
from cms.services.site_setup import setup_site
from people.models import Region

pytestmark = pytest.mark.django_db

Image = get_image_model()
Document = get_document_model()
REFUSED = "/admin/"  # Wagtail's refusal: back to the dashboard with an error message


def png(colour="red"):
    buffer = io.BytesIO()
    PILImage.new("RGB", (40, 20), colour).save(buffer, "PNG")
    return buffer.getvalue()


def make_image(title, collection):
    return Image.objects.create(title=title, collection=collection, file=ImageFile(io.BytesIO(png()), name="i.png"))


def make_document(title, collection):
    return Document.objects.create(title=title, collection=collection, file=ContentFile(b"Bonjour", name="d.txt"))


@pytest.fixture
def media(db):
    """An image and a document in the national collection and in Bretagne's and Normandie's."""
    collections = {
        "national": national_collection(),
        "bretagne": region_collection(Region.objects.get(code="bretagne")),
        "normandie": region_collection(Region.objects.get(code="normandie")),
    }
    return {
        where: {"image": make_image(f"Image {where}", c), "document": make_document(f"Document {where}", c)}
        for where, c in collections.items()
    } | {"collections": collections}


@pytest.fixture
def trainer(client, people):
    client.force_login(people["trainer_bretagne"])
    return client


def _refused(response):
    return response.status_code == 302 and response["Location"] == REFUSED


def test_setup_makes_a_national_collection_and_one_per_region_once():
    assert CollectionKey.objects.count() == 1 + Region.objects.count()
    assert national_collection().name == "National"
    assert region_collection(Region.objects.get(code="ile-de-france")).name == "Île-de-France"
    setup_site()
    assert CollectionKey.objects.count() == 1 + Region.objects.count()
    assert Collection.objects.count() == 1 + 1 + Region.objects.count()  # and the root


def test_a_renamed_collection_is_still_found_by_its_key():
    bretagne = region_collection(Region.objects.get(code="bretagne"))
    bretagne.name = "Breizh"
    bretagne.save()
    assert region_collection(Region.objects.get(code="bretagne")) == bretagne


def test_no_role_or_region_group_holds_rights_on_the_root_collection(people):
    # The root's rights reach every collection below it. (Wagtail's own sample groups, Editors and Moderators, keep
    # theirs: nobody is put in them.)
    assert GroupCollectionPermission.objects.filter(group__pacte_key__key="role:trainer").exists()
    assert not GroupCollectionPermission.objects.filter(collection__depth=1, group__pacte_key__isnull=False).exists()


@pytest.mark.parametrize("where", ["national", "normandie"])
def test_a_bretagne_trainer_cannot_change_or_delete_an_image_outside_bretagne(trainer, media, where):
    image = media[where]["image"]
    assert _refused(trainer.get(reverse("wagtailimages:edit", args=[image.pk])))
    new_file = {"file": ContentFile(png("blue"), name="replaced.png")}
    edit = trainer.post(reverse("wagtailimages:edit", args=[image.pk]), {"title": "Remplacée", **new_file})
    assert _refused(edit)
    assert _refused(trainer.post(reverse("wagtailimages:delete", args=[image.pk])))
    image.refresh_from_db()
    assert (image.title, image.file.name) == (f"Image {where}", media[where]["image"].file.name)


@pytest.mark.parametrize("where", ["national", "normandie"])
def test_a_bretagne_trainer_cannot_change_or_delete_a_document_outside_bretagne(trainer, media, where):
    document = media[where]["document"]
    assert _refused(trainer.get(reverse("wagtaildocs:edit", args=[document.pk])))
    assert _refused(trainer.post(reverse("wagtaildocs:edit", args=[document.pk]), {"title": "Remplacé"}))
    assert _refused(trainer.post(reverse("wagtaildocs:delete", args=[document.pk])))
    document.refresh_from_db()
    assert document.title == f"Document {where}"


def test_a_bretagne_trainer_manages_the_bretagne_images_and_documents(trainer, media):
    image, document = media["bretagne"]["image"], media["bretagne"]["document"]
    bretagne = media["collections"]["bretagne"].pk
    edit = trainer.post(reverse("wagtailimages:edit", args=[image.pk]), {"title": "Séminaire", "collection": bretagne})
    assert edit.status_code == 302 and edit["Location"] != REFUSED
    image.refresh_from_db()
    assert image.title == "Séminaire"
    edit = trainer.post(reverse("wagtaildocs:edit", args=[document.pk]), {"title": "Programme", "collection": bretagne})
    assert edit.status_code == 302 and edit["Location"] != REFUSED
    assert trainer.post(reverse("wagtailimages:delete", args=[image.pk])).status_code == 302
    assert trainer.post(reverse("wagtaildocs:delete", args=[document.pk])).status_code == 302
    assert not Image.objects.filter(pk=image.pk).exists()
    assert not Document.objects.filter(pk=document.pk).exists()


def test_a_bretagne_trainer_uploads_into_bretagne_only(trainer, media, people):
    collections = media["collections"]
    for where in ("national", "normandie"):
        trainer.post(reverse("wagtailimages:add"), {
            "title": f"Ailleurs {where}", "collection": collections[where].pk,
            "file": ContentFile(png(), name="ailleurs.png"),
        })
        # Bretagne is the only collection offered: a forged choice is ignored, the upload lands there.
        assert Image.objects.get(title=f"Ailleurs {where}").collection == collections["bretagne"]
    response = trainer.post(reverse("wagtailimages:add"), {
        "title": "Atelier à Rennes", "collection": collections["bretagne"].pk,
        "file": ContentFile(png(), name="atelier.png"),
    })
    assert response.status_code == 302
    image = Image.objects.get(title="Atelier à Rennes")
    assert (image.collection, image.uploaded_by_user) == (collections["bretagne"], people["trainer_bretagne"])
    response = trainer.post(reverse("wagtaildocs:add"), {
        "title": "Compte rendu", "collection": collections["bretagne"].pk,
        "file": ContentFile(b"Compte rendu du COPIL", name="compte-rendu.txt"),
    })
    assert response.status_code == 302
    assert Document.objects.get(title="Compte rendu").collection == collections["bretagne"]


def test_a_bretagne_trainer_chooses_national_and_bretagne_media_but_not_normandie(trainer, media):
    for chooser, kind in (("wagtailimages_chooser:choose", "image"), ("wagtaildocs_chooser:choose", "document")):
        html = trainer.get(reverse(chooser)).content.decode()
        assert f"{kind.capitalize()} national" in html
        assert f"{kind.capitalize()} bretagne" in html
        assert f"{kind.capitalize()} normandie" not in html


def test_the_admin_lists_a_trainer_only_the_images_they_may_change(trainer, media):
    html = trainer.get(reverse("wagtailimages:index")).content.decode()
    assert "Image bretagne" in html
    assert "Image national" not in html and "Image normandie" not in html


def test_the_national_team_changes_any_image(client, people, media):
    client.force_login(people["national"])
    image = media["normandie"]["image"]
    national = media["collections"]["national"].pk
    edit = client.post(reverse("wagtailimages:edit", args=[image.pk]), {"title": "Logo ARS", "collection": national})
    assert edit.status_code == 302 and edit["Location"] != REFUSED
    image.refresh_from_db()
    assert (image.title, image.collection_id) == ("Logo ARS", national)


def test_the_migration_takes_back_the_trainers_rights_on_the_root_collection():
    import importlib

    from django.apps import apps

    from people.services.roles import permission

    migration = importlib.import_module("cms.migrations.0003_collection_keys")
    trainers = Group.objects.get(pacte_key__key="role:trainer")
    root = Collection.get_first_root_node()
    for codename in ("add_image", "change_image", "choose_image"):
        GroupCollectionPermission.objects.create(
            group=trainers, collection=root, permission=permission("wagtailimages", codename)
        )
    migration.revoke_root_media_grants(apps, None)
    assert not GroupCollectionPermission.objects.filter(group=trainers, collection=root).exists()
    assert GroupCollectionPermission.objects.filter(group=trainers, collection=national_collection()).exists()
