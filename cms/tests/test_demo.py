import pytest
from django.core.management import CommandError, call_command
from django.test import override_settings
from filer.models import File
from wagtail.images import get_image_model
from wagtail.models import Page, Revision

from cms.models import PartnerLogo
from documents.models import LibraryDocument
from learning.models import TechnicalSheetPage
from people.models import User

pytestmark = pytest.mark.django_db


def _snapshot():
    return {
        "pages": Page.objects.count(),
        "revisions": Revision.objects.count(),
        "people": User.objects.count(),
        "images": get_image_model().objects.count(),
        "files": File.objects.count(),
        "logos": PartnerLogo.objects.count(),
        "library documents": LibraryDocument.objects.count(),
        "sheets": TechnicalSheetPage.objects.count(),
    }


def test_demo_loads_the_promised_accounts_and_running_it_again_changes_nothing(
    client, django_capture_on_commit_callbacks
):
    # wagtail-localize publishes translations once the transaction commits.
    with django_capture_on_commit_callbacks(execute=True):
        call_command("load_demo", stdout=open("/dev/null", "w"))
    first = _snapshot()
    with django_capture_on_commit_callbacks(execute=True):
        call_command("load_demo", stdout=open("/dev/null", "w"))
    assert _snapshot() == first
    for email in ["national@example.org", "trainer.bretagne@example.org", "partner.bretagne@example.org",
                  "coordinator.bretagne@example.org", "trainer.normandie@example.org",
                  "coordinator.normandie@example.org"]:
        assert User.objects.get(email=email).check_password("pacte-demo"), email
    # French content with its English translation, and a real PDF behind the document link.
    html = client.get("/en/resources/running-a-meeting/").content.decode()
    assert "<h1>Running a multi-professional meeting</h1>" in html
    pdf = File.objects.get(original_filename="guide-du-coordonnateur.pdf")
    with pdf.file.open("rb") as handle:
        assert handle.read(5) == b"%PDF-"
    # The library: at least 25 documents at every access level, national and regional, their text extracted; at
    # least 10 technical sheets, some in English, each with its PDF.
    french = LibraryDocument.objects.filter(locale__language_code="fr")
    assert french.count() >= 25
    assert set(french.values_list("access", flat=True)) == {"public", "members", "region", "trainers"}
    assert french.filter(region__isnull=True).exists() and french.filter(region__code="normandie").exists()
    assert not french.exclude(text_status="done").exists()
    assert LibraryDocument.objects.filter(locale__language_code="en").count() >= 4
    sheets = TechnicalSheetPage.objects.filter(locale__language_code="fr")
    assert sheets.count() >= 10 and not sheets.filter(pdf="").exists()
    assert client.get("/en/resources/technical-sheets/running-a-meeting/").status_code == 200
    # The partners' logos are national: trainers choose them, only the national team changes them.
    assert {logo.image.collection.name for logo in PartnerLogo.objects.select_related("image__collection")} == {
        "National"
    }


@override_settings(PACTE_DEMO_ENABLED=False)
def test_demo_is_refused_where_settings_do_not_allow_it():
    with pytest.raises(CommandError):
        call_command("load_demo")
    assert not User.objects.filter(email="national@example.org").exists()


def test_production_settings_never_allow_the_demo(monkeypatch):
    import importlib

    monkeypatch.setenv("SECRET_KEY", "x" * 60)
    monkeypatch.setenv("BASE_URL", "https://pacte.example.org")
    production = importlib.import_module("cms.settings.production")
    assert production.PACTE_DEMO_ENABLED is False


def test_the_demo_logos_draw_every_accent():
    """A font without accents draws é, è and ê as the same box; this one draws three different letters."""
    from cms.demo import _png

    assert len({_png(name, "#18753c") for name in ("AVEC Santé", "AVEC Santè", "AVEC Santê", "AVEC Sante")}) == 4
    assert _png("Île-de-France", "#000091") != _png("Ïle-de-France", "#000091")
