"""The registrations import: a CSV file of e-mail addresses, previewed (nothing saved), then confirmed (planned again
from the same lines). Each refused line says why in the reader's language; hostile files are refused whole with a
message, never a 500. And the Wagtail admin's way to the registrations screen."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from people.tests.factories import UserFactory
from seminars import services
from seminars.models import Registration
from seminars.tests import factories

pytestmark = pytest.mark.django_db


@pytest.fixture
def seminar(people):
    return factories.seminar("bretagne", trainers=[people["trainer_bretagne"]], title="Séminaire 1 – Animer")


def _url(seminar, language="fr"):
    return f"/{language}/seminars/{factories.key(seminar)}/registrations/import/"


def _upload(data, name="inscriptions.csv"):
    return {"file": SimpleUploadedFile(name, data, content_type="text/csv")}


def _registered(seminar):
    return set(Registration.objects.filter(seminar=seminar).values_list("person__email", flat=True))


def test_read_utf8_with_or_without_bom_semicolon_or_comma_with_or_without_header():
    expected = [(2, "a@example.org"), (4, "B@example.org")]
    for data in (
        "email;nom\na@example.org;A\n\nB@example.org;B\n".encode(),
        "\ufeffCourriel,Nom\r\na@example.org,A\r\n\r\nB@example.org,B\r\n".encode(),
        "Nom;Adresse e-mail\nA;a@example.org\n\nB;B@example.org\n".encode(),
    ):
        assert services.read_registration_file(data) == expected
    assert services.read_registration_file(b"a@example.org\nb@example.org") == [(1, "a@example.org"),
                                                                                 (2, "b@example.org")]


@pytest.mark.parametrize("data, message", [
    (b"", "Le fichier soumis est vide."),
    (b" \n\n", "Le fichier est vide."),
    (b"a@example.org\n" * 30000, "Le fichier dépasse 256 Ko"),
    (("x@example.org\n" * (services.IMPORT_MAX_ROWS + 1)).encode(), "plus de 2000 lignes"),
    (b"PK\x03\x04\x14\x00\x00\x00\x08\x00\xff\xfe\x00binary", "n’est pas un fichier CSV en UTF-8"),
    ("é@example.org\n".encode("latin-1"), "n’est pas un fichier CSV en UTF-8"),
    (b"a@example.org\x00\n", "n’est pas un fichier CSV en UTF-8"),
    (b"email\n", "ne contient aucune adresse"),
])
def test_hostile_or_empty_files_are_refused_whole_with_a_message(client, people, seminar, data, message):
    client.force_login(people["trainer_bretagne"])
    response = client.post(_url(seminar), _upload(data))
    assert response.status_code == 400
    assert message in response.content.decode()
    assert _registered(seminar) == {people["coordinator_bretagne"].email} - {people["coordinator_bretagne"].email}


def test_preview_saves_nothing_and_confirm_applies_the_same_plan(client, people, seminar,
                                                                 django_assert_max_num_queries):
    coordinator = people["coordinator_bretagne"]
    ready = UserFactory(role="coordinator", regions=["bretagne"], email="marie.durand@example.org")
    already = UserFactory(role="coordinator", regions=["bretagne"], email="deja@example.org")
    gone = UserFactory(role="coordinator", regions=["bretagne"], email="parti@example.org", is_active=False)
    factories.register(seminar, already)
    lines = [
        "email;commentaire",
        f"{coordinator.email.upper()};majuscules",            # 2: accepted, whatever the case
        "Marie.Durand@example.org ;espace",                     # 3: accepted
        f"{already.email};",                                    # 4: already registered
        "inconnu@example.org;",                                 # 5: unknown
        f"{people['coordinator_normandie'].email};",            # 6: another region
        f"{people['partner_bretagne'].email};",                 # 7: not a coordinator
        f"{gone.email};",                                       # 8: account closed
        f"{coordinator.email};doublon",                         # 9: duplicate of line 2
        "pas-une-adresse;",                                     # 10: malformed
        "=HYPERLINK(\"http://evil\")@example.org;",             # 11: malformed (a formula is only text here)
        "a\x07b@example.org;",                                  # 12: a control character
    ]
    client.force_login(people["trainer_bretagne"])
    client.get(_url(seminar))  # warm the navigation cache
    with django_assert_max_num_queries(14):  # whatever the number of lines
        response = client.post(_url(seminar), _upload("\n".join(lines).encode("utf-8-sig")))
    assert response.status_code == 200
    html = response.content.decode()
    assert _registered(seminar) == {already.email}  # the preview saved nothing
    plan = response.context["plan"]
    outcomes = {row.line: (row.refusal and str(row.refusal)) or ("déjà" if row.registered else "ok")
                for row in plan.rows}
    assert outcomes == {
        2: "ok", 3: "ok", 4: "déjà",
        5: "personne n’a cette adresse sur le site",
        6: "pas un coordonnateur actif de la région", 7: "pas un coordonnateur actif de la région",
        8: "pas un coordonnateur actif de la région",
        9: "déjà en ligne 2",
        10: "pas une adresse e-mail", 11: "pas une adresse e-mail", 12: "pas une adresse e-mail",
    }
    assert "2 personnes seront inscrites." in html and "8 lignes sont refusées." in html
    assert "Refusée\u00a0: personne n’a cette adresse sur le site" in html
    # Someone joins the region between the preview and the confirmation: the plan is made again, as the base is then.
    UserFactory(role="coordinator", regions=["bretagne"], email="inconnu@example.org")
    response = client.post(_url(seminar), {"token": response.context["token"]})
    assert response.status_code == 302
    assert _registered(seminar) == {coordinator.email, ready.email, already.email, "inconnu@example.org"}
    assert "Import terminé\u00a0: 3 inscrits, 7 lignes refusées." in client.get(response.url).content.decode()


def test_refusals_are_in_the_readers_language(client, people, seminar):
    client.force_login(people["trainer_bretagne"])
    response = client.post(_url(seminar, "en"), _upload(b"email\nnobody@example.org\nbad\nnobody@example.org\n"))
    html = response.content.decode()
    assert "Refused: nobody has this address on the site" in html
    assert "Refused: not an e-mail address" in html and "Refused: already on line 2" in html


def test_a_national_seminar_takes_regional_trainers(client, people):
    seminar = factories.seminar(None)
    client.force_login(people["national"])
    data = f"{people['trainer_normandie'].email}\n{people['coordinator_bretagne'].email}\n".encode()
    response = client.post(_url(seminar), _upload(data))
    assert [(row.line, str(row.refusal)) for row in response.context["plan"].rows] == [
        (1, ""), (2, "pas un formateur relais")]
    client.post(_url(seminar), {"token": response.context["token"]})
    assert _registered(seminar) == {people["trainer_normandie"].email}


def test_a_preview_token_is_for_its_seminar_and_person_only(client, people, seminar):
    other_seminar = factories.seminar("bretagne")
    client.force_login(people["trainer_bretagne"])
    token = client.post(_url(seminar), _upload(people["coordinator_bretagne"].email.encode())).context["token"]
    for url, who, payload in (
        (_url(other_seminar), people["trainer_bretagne"], token),  # another seminar
        (_url(seminar), people["national"], token),  # another person
        (_url(seminar), people["trainer_bretagne"], token[:-2] + "xx"),  # tampered
    ):
        client.force_login(who)
        response = client.post(url, {"token": payload})
        assert response.status_code == 400 and "Téléversez de nouveau le fichier" in response.content.decode()
    assert not Registration.objects.exists()


def test_the_registrations_page_offers_the_import(client, people, seminar):
    client.force_login(people["trainer_bretagne"])
    html = client.get(f"/fr/seminars/{factories.key(seminar)}/registrations/").content.decode()
    assert f'action="{_url(seminar)}"' in html and 'enctype="multipart/form-data"' in html


# The Wagtail admin ---------------------------------------------------------------------------------------------------
def test_the_admin_shows_registrations_to_those_who_manage_them(client, people, seminar):
    registrations = f"/fr/seminars/{factories.key(seminar)}/registrations/"
    other = factories.seminar("normandie")
    trainer = people["trainer_bretagne"]
    client.force_login(trainer)
    edit = client.get(f"/admin/pages/{seminar.pk}/edit/")
    assert edit.status_code == 200 and registrations in edit.content.decode()
    listing = client.get(f"/admin/pages/{seminar.get_parent().pk}/")
    assert registrations in listing.content.decode()
    client.force_login(people["trainer_normandie"])
    # manages the Normandie seminar, not the Bretagne one
    assert registrations not in client.get(f"/admin/pages/{seminar.pk}/edit/").content.decode()
    assert registrations not in client.get(f"/admin/pages/{seminar.get_parent().pk}/").content.decode()
    other_edit = client.get(f"/admin/pages/{other.pk}/edit/")
    assert f"/fr/seminars/{factories.key(other)}/registrations/" in other_edit.content.decode()
    client.force_login(people["national"])
    assert registrations in client.get(f"/admin/pages/{seminar.pk}/edit/").content.decode()
