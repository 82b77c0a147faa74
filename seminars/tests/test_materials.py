"""Materials: the page lists, and the zip holds, exactly what each person may download (the library's rules and
the cohort's); the zip is streamed, its memory independent of its size."""

import io
import tracemalloc
import zipfile

import pytest
from django.core.files.base import ContentFile

from documents.enums import Access
from documents.tests.factories import make_document
from people.models import Region
from seminars.tests import factories

pytestmark = pytest.mark.django_db


@pytest.fixture
def documents(db):
    bretagne, normandie = Region.objects.get(code="bretagne"), Region.objects.get(code="normandie")
    return {
        "public": make_document(title="Grille publique", access=Access.PUBLIC),
        "members": make_document(title="Pour tous les membres", access=Access.MEMBERS),
        "bretagne": make_document(title="Diaporama breton", access=Access.REGION, region=bretagne),
        "normandie": make_document(title="Fiche normande", access=Access.REGION, region=normandie),
        "trainers": make_document(title="Guide des formateurs", access=Access.TRAINERS, region=bretagne,
                                  file_format="docx"),
    }


def _zip_names(response):
    assert response.streaming and response["Content-Type"] == "application/zip"
    data = b"".join(response.streaming_content)
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        assert archive.testzip() is None
        return sorted(archive.namelist())


EXPECTED = {
    # who: what the page lists and the zip holds (the Normandie document is never theirs in Bretagne's seminar)
    "coordinator_bretagne": {"public", "members", "bretagne"},
    "partner_bretagne": {"public", "members", "bretagne"},
    "trainer_bretagne": {"public", "members", "bretagne", "trainers"},
    "national": {"public", "members", "bretagne", "normandie", "trainers"},
    # outside the cohort, only public documents, even those the library would let them read
    "coordinator_normandie": {"public"},
    "trainer_normandie": {"public"},
}


def test_page_and_zip_hold_exactly_what_each_person_may_download(client, people, documents):
    seminar = factories.seminar("bretagne", materials=list(documents.values()))
    names = {key: doc.file_name for key, doc in documents.items()}
    for who, expected in EXPECTED.items():
        client.force_login(people[who])
        html = client.get(seminar.url).content.decode()
        listed = {key for key, doc in documents.items() if doc.download_url in html}
        assert listed == expected, who
        assert _zip_names(client.get(f"/fr/seminars/{factories.key(seminar)}/materials.zip")) == sorted(
            names[key] for key in expected), who
    client.logout()
    html = client.get(seminar.url).content.decode()
    assert {key for key, doc in documents.items() if doc.download_url in html} == {"public"}
    assert client.get(f"/fr/seminars/{factories.key(seminar)}/materials.zip").status_code == 302  # to the login page


def test_the_zip_is_streamed_without_holding_the_files(client, people, documents):
    template = documents["bretagne"]
    big = b"\x00" * (4 * 1024 * 1024)
    # Two documents sharing one 4 MB file, then eight: peak memory must not follow the archive's size.
    template.file.file.save("gros.pdf", ContentFile(b"%PDF-1.4\n" + big), save=True)
    client.force_login(people["coordinator_bretagne"])
    peaks = []
    for count in (2, 8):
        seminar = factories.seminar("bretagne", materials=[template] * 1)
        seminar.materials = [{"type": "document", "value": {"document": template.pk, "title": ""}}] * count
        seminar.save_revision().publish()
        response = client.get(f"/fr/seminars/{factories.key(seminar)}/materials.zip")
        tracemalloc.start()
        size = sum(len(chunk) for chunk in response.streaming_content)
        peaks.append(tracemalloc.get_traced_memory()[1])
        tracemalloc.stop()
        assert size > 4 * 1024 * 1024
    assert peaks[1] < 2 * 1024 * 1024, peaks  # chunks of 64 KB, not the 4 MB file
    assert peaks[1] < peaks[0] * 2, peaks


def test_session_materials_are_filtered_too(client, people, documents):
    seminar = factories.seminar("bretagne", materials=[documents["trainers"]], sessions_per_day=2)
    anchor = f'href="#material-{documents["trainers"].pk}"'
    client.force_login(people["coordinator_bretagne"])
    html = client.get(seminar.url).content.decode()
    assert documents["trainers"].download_url not in html and anchor not in html and "Guide des formateurs" not in html
    client.force_login(people["trainer_bretagne"])
    html = client.get(seminar.url).content.decode()
    # Listed once with its download link; the first session of each day points to it in the list
    assert html.count(documents["trainers"].download_url) == 1 and html.count(anchor) == 2
    assert f'id="material-{documents["trainers"].pk}"' in html


def test_a_material_made_restricted_leaves_the_cached_seminar_page(client, commit):
    """The anonymous page cache serves a seminar page only while its materials are unchanged: a document whose
    access becomes restricted disappears at once; a seminar that does not show it stays cached."""
    from cms.page_cache import HEADER
    from documents import services as documents

    shown = make_document(title="Grille bientôt réservée", access=Access.PUBLIC)
    other = make_document(title="Fiche toujours publique", access=Access.PUBLIC)
    seminar = factories.seminar("bretagne", materials=[shown])
    unrelated = factories.seminar("bretagne", materials=[other])
    for page in (seminar, unrelated):
        assert client.get(page.url)[HEADER] == "miss"
        assert client.get(page.url)[HEADER] == "hit"
    assert shown.title in client.get(seminar.url).content.decode()
    with commit():
        documents.update_document(shown, access=Access.MEMBERS)
    response = client.get(seminar.url)
    assert response[HEADER] == "miss"
    assert shown.title not in response.content.decode()
    assert client.get(unrelated.url)[HEADER] == "hit"
