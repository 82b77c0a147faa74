"""The people import: reading files, the plan of each row, permissions, and the upload → preview → confirm flow."""

import csv
import io
import re

import pytest
from django.core import mail, signing
from django.core.files.uploadedfile import SimpleUploadedFile
from django.template.loader import render_to_string
from django.utils import translation

from people import conf
from people.enums import ImportStatus, Role, StructureType
from people.models import Invitation, PeopleImport, User
from people.services import people_import
from people.services.people_import import Action, ImportFileError
from people.tests.factories import UserFactory

pytestmark = pytest.mark.django_db

UPLOAD_URL = "/admin/people/import/"
CONFIRM_URL = "/admin/people/import/confirm/"
EXAMPLE_URL = "/admin/people/import/example.csv"



@pytest.fixture(autouse=True)
def _english():
    # Messages are asserted in English (the msgids); the admin follows the browser's language.
    with translation.override("en"):
        yield


@pytest.fixture
def client(client):
    client.defaults["HTTP_ACCEPT_LANGUAGE"] = "en"
    return client


HEADER = "first name,last name,email,region,role,structure type,structure name,town,language\n"


def _plan(importer, text):
    return people_import.plan_import(importer, people_import.parse(text))


def _by_line(plan):
    return {row.line: row for row in plan.rows}


def _upload(client, content, name="people.csv"):
    data = content.encode("utf-8") if isinstance(content, str) else content
    return client.post(UPLOAD_URL, {"file": SimpleUploadedFile(name, data, content_type="text/csv")})


def _confirm(client, token, django_capture_on_commit_callbacks):
    """Confirm as the button does, then open the import's page. The test settings run tasks at once: the import has
    run when the transaction commits, and its page shows it done."""
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(CONFIRM_URL, {"token": token})
    assert response.status_code == 302, response.content
    done = client.get(response["Location"])
    assert done.status_code == 200
    return done


def _import(client, content, django_capture_on_commit_callbacks):
    preview = _upload(client, content)
    assert preview.status_code == 200, preview.content
    return _confirm(client, preview.context["token"], django_capture_on_commit_callbacks)


# ------------------------------------------------------------------------------------------------ bad rows


def test_every_kind_of_bad_row_is_reported_with_its_line(people):
    UserFactory(email="already@example.org", role=Role.COORDINATOR, regions=["bretagne"])
    text = (
        HEADER  # line 1
        + "Ana,Durand,not-an-email,Bretagne,coordinator,MSP,MSP A,Rennes,fr\n"  # 2
        + ",Durand,missing.first@example.org,Bretagne,coordinator,MSP,MSP A,Rennes,fr\n"  # 3
        + "Léa,Petit,lea@example.org,Atlantide,coordinator,MSP,MSP A,Rennes,fr\n"  # 4
        + "Léo,Petit,leo@example.org,Bretagne,astronaut,MSP,MSP A,Rennes,fr\n"  # 5
        + "Zoé,Roux,zoe@example.org,Bretagne,coordinator,Hospital,MSP A,Rennes,fr\n"  # 6
        + "Tom,Blanc,twice@example.org,Bretagne,coordinator,MSP,MSP A,Rennes,fr\n"  # 7
        + "\n"  # 8: blank lines are skipped but still counted
        + "Tom,Blanc,TWICE@example.org,Bretagne,coordinator,MSP,MSP A,Rennes,fr\n"  # 9
        + "Paul,Noir,paul@example.org,,coordinator,MSP,MSP A,Rennes,fr\n"  # 10
        + "Inès,Vert,ines@example.org,Bretagne,coordinator,MSP,MSP A,Rennes,de\n"  # 11
        + "Good,Row,good@example.org,Bretagne,coordinator,MSP,MSP A,Rennes,fr\n"  # 12
    )
    rows = _by_line(_plan(people["national"], text))
    assert sorted(rows) == [2, 3, 4, 5, 6, 7, 9, 10, 11, 12]
    assert rows[2].errors == ["“not-an-email” is not a valid email address."]
    assert rows[3].errors == ["Missing value: first name."]
    assert rows[4].errors == ["Unknown region “Atlantide”."]
    assert rows[5].errors == ["Unknown role “astronaut”."]
    assert rows[6].errors == ["Unknown structure type “Hospital”: use MSP, CPTS or centre de santé."]
    assert rows[7].errors == ["The same email address is also on line 9."]
    assert rows[9].errors == ["The same email address is also on line 7."]
    assert rows[10].errors == ["Missing value: region."]
    assert rows[11].errors == ["Unknown language “de”: use fr or en."]
    assert rows[12].errors == [] and rows[12].action == Action.CREATE
    assert all(rows[line].action == Action.ERROR for line in (2, 3, 4, 5, 6, 7, 9, 10, 11))


def test_trainer_may_not_import_outside_their_regions_nor_name_national_staff(people):
    UserFactory(email="norman@example.org", role=Role.COORDINATOR, regions=["normandie"])
    text = (
        HEADER
        + "Ana,Durand,ana@example.org,Normandie,coordinator,MSP,MSP A,Caen,fr\n"  # 2
        + "Bob,Martin,bob@example.org,Bretagne,national,,,,fr\n"  # 3
        + "Ed,Nat,national@example.org,Bretagne,national,,,,fr\n"  # 4: an existing national
        + "Nor,Man,norman@example.org,Bretagne,coordinator,MSP,MSP B,Brest,fr\n"  # 5: someone of Normandie
        + "Ok,Fine,ok@example.org,bretagne,formateur relais,,,,fr\n"  # 6
    )
    rows = _by_line(_plan(people["trainer_bretagne"], text))
    assert rows[2].errors == ["You may not manage people in Normandy."]
    assert rows[3].errors == ["You may not give the role “National team”."]
    assert "national@example.org already has an account that you may not change." in rows[4].errors
    assert rows[5].errors == ["norman@example.org already has an account that you may not change."]
    assert rows[6].action == Action.CREATE and rows[6].values["role"] == Role.TRAINER


# ------------------------------------------------------------------------------------------------ reading files


def test_semicolons_bom_french_headers_and_lenient_values(people):
    text = (
        "\ufeffPrénom;NOM;Courriel;Région;Rôle;Type de structure;Nom de la structure;Commune;Langue\r\n"
        "Amélie;Nguyen;Amelie.Nguyen@Example.org;Ile-de-France;Coordinatrice;centre de santé;CDS Belleville;Paris;"
        "EN\r\n"
        "Jean;Kerven;jean@example.org;BRETAGNE;animateur régional;cpts;CPTS Rance;Dinan;\r\n"
        "Luc;Azur;luc@example.org;provence-alpes-cote-dazur;Partenaire;;ARS PACA;Marseille;fr\r\n"
    )
    text_bytes = text.encode("utf-8")
    _text, parsed = people_import.read_upload(text_bytes)
    rows = _by_line(people_import.plan_import(people["national"], parsed))
    assert all(row.action == Action.CREATE for row in rows.values()), [r.errors for r in rows.values()]
    assert rows[2].email == "amelie.nguyen@example.org"
    assert rows[2].region.code == "ile-de-france"
    assert rows[2].values == {
        "first_name": "Amélie",
        "last_name": "Nguyen",
        "role": Role.COORDINATOR,
        "structure_type": StructureType.CDS,
        "structure_name": "CDS Belleville",
        "structure_town": "Paris",
        "preferred_language": "en",
    }
    assert rows[3].region.code == "bretagne" and rows[3].values["role"] == Role.TRAINER
    assert rows[4].region.code == "provence-alpes-cote-dazur" and rows[4].values["role"] == Role.PARTNER


def test_english_region_names_and_quoted_fields(people):
    text = HEADER + '"Ann","Smith, Jr",ann@example.org,Brittany,Regional partner,,"ARS, Bretagne",Rennes,en\n'
    (row,) = _plan(people["national"], text).rows
    assert row.action == Action.CREATE, row.errors
    assert row.region.code == "bretagne"
    assert row.values["last_name"] == "Smith, Jr" and row.values["structure_name"] == "ARS, Bretagne"


def test_excel_windows_1252_is_read_with_a_warning():
    data = "prénom;nom;courriel;région;rôle\nAmélie;Lefèvre;a@example.org;Bretagne;coordinatrice\n".encode("cp1252")
    _text, parsed = people_import.read_upload(data)
    assert parsed.rows == [
        (2, {"first_name": "Amélie", "last_name": "Lefèvre", "email": "a@example.org", "region": "Bretagne",
             "role": "coordinatrice"})
    ]
    assert "Windows-1252" in parsed.warnings[0]


@pytest.mark.parametrize(
    "data, message",
    [
        (b"", "The file is empty."),
        (b"\xef\xbb\xbf\r\n\r\n", "The file is empty."),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00", "This is not a CSV file."),
        (b"PK\x03\x04\x14\x00\x06\x00", "This is a spreadsheet, not a CSV file."),
        (b"Ana,Durand,ana@example.org,Bretagne,coordinator\n", "The first line must name the columns"),
        (b"first name,last name,email\nAna,Durand,ana@example.org\n", "Missing columns: region, role."),
        (b"email,email,first name,last name,region,role\n", "The column “email” appears twice."),
        (HEADER.encode(), "The file names its columns but holds no one."),
        (b"a" * (people_import.MAX_BYTES + 1), "The file is larger than 1 MB."),
        (
            (HEADER + "A,B,x@example.org,Bretagne,coordinator,,,,\n" * (people_import.MAX_ROWS + 1)).encode(),
            "The file has more than 5000 people.",
        ),
    ],
)
def test_files_that_cannot_be_read_are_refused(data, message):
    with pytest.raises(ImportFileError) as error:
        people_import.read_upload(data)
    assert str(error.value).startswith(message)


# ------------------------------------------------------------------------------------------------ the flow


def test_preview_creates_nothing_and_confirm_creates_and_invites(client, people, django_capture_on_commit_callbacks):
    client.force_login(people["trainer_bretagne"])
    text = (
        HEADER
        + "Amélie,Nguyen,amelie@example.org,Bretagne,coordinatrice,MSP,MSP des Lilas,Rennes,en\n"
        + "Yann,Le Bihan,yann@example.org,Bretagne,coordinator,CPTS,CPTS Rance,Dinan,\n"
        + "Bad,Row,bad@example.org,Normandie,coordinator,MSP,MSP X,Caen,fr\n"
    )
    users_before = User.objects.count()

    with django_capture_on_commit_callbacks(execute=True):
        preview = _upload(client, text)
    assert preview.status_code == 200
    html = preview.content.decode()
    assert "amelie@example.org" in html and "You may not manage people in Normandy." in html
    assert preview.context["plan"].counts == {"create": 2, "update": 0, "unchanged": 0, "error": 1}
    assert User.objects.count() == users_before
    assert Invitation.objects.count() == 0
    assert mail.outbox == []

    done = _confirm(client, preview.context["token"], django_capture_on_commit_callbacks)
    assert done.context["summary"] == {"created": 2, "updated": 0, "unchanged": 0, "skipped": 1}
    assert User.objects.count() == users_before + 2
    assert not User.objects.filter(email="bad@example.org").exists()

    amelie = User.objects.get(email="amelie@example.org")
    assert [r.code for r in amelie.regions.all()] == ["bretagne"]
    assert (amelie.first_name, amelie.last_name, amelie.role) == ("Amélie", "Nguyen", Role.COORDINATOR)
    assert (amelie.structure_type, amelie.structure_name, amelie.structure_town) == ("msp", "MSP des Lilas", "Rennes")
    assert amelie.preferred_language == "en"
    assert not amelie.has_usable_password()
    assert amelie.groups.filter(name="Coordinators").exists()
    yann = User.objects.get(email="yann@example.org")
    assert yann.preferred_language == "fr"  # the default when the cell is empty

    assert sorted(m.to[0] for m in mail.outbox) == ["amelie@example.org", "yann@example.org"]
    assert Invitation.objects.filter(user__in=[amelie, yann], invited_by=people["trainer_bretagne"]).count() == 2
    # Each invitation speaks its reader's language: its link leads to the site in that language.
    by_recipient = {m.to[0]: m for m in mail.outbox}
    assert "http://testserver/en/accounts/invitation/" in by_recipient["amelie@example.org"].body
    assert "http://testserver/fr/accounts/invitation/" in by_recipient["yann@example.org"].body
    with translation.override("en"):
        subject = render_to_string("accounts/email/invitation_subject.txt", {"user": amelie}).strip()
    assert by_recipient["amelie@example.org"].subject == subject


def test_reimporting_the_same_file_changes_nothing(client, people, django_capture_on_commit_callbacks):
    client.force_login(people["national"])
    text = (
        "prénom;nom;courriel;région;rôle;type de structure;nom de la structure;ville\n"
        "Amélie;Nguyen;amelie@example.org;Bretagne;coordinatrice;MSP;MSP des Lilas;Rennes\n"
        "Marc;Leroy;marc@example.org;Normandie;formateur;;;\n"
    )
    _import(client, text, django_capture_on_commit_callbacks)
    users, invitations, sent = User.objects.count(), Invitation.objects.count(), len(mail.outbox)
    assert sent == 2

    preview = _upload(client, text)
    assert preview.context["plan"].counts == {"create": 0, "update": 0, "unchanged": 2, "error": 0}
    assert "There is nothing to import." in preview.content.decode()
    done = _confirm(client, preview.context["token"], django_capture_on_commit_callbacks)
    assert done.context["summary"] == {"created": 0, "updated": 0, "unchanged": 2, "skipped": 0}
    assert (User.objects.count(), Invitation.objects.count(), len(mail.outbox)) == (users, invitations, sent)


def test_existing_people_are_updated_and_given_the_region_without_a_new_invitation(
    client, people, django_capture_on_commit_callbacks
):
    person = UserFactory(
        email="known@example.org", first_name="Old", role=Role.COORDINATOR, preferred_language="en",
        structure_town="Vannes", regions=["bretagne"],
    )
    client.force_login(people["national"])
    done = _import(
        client,
        HEADER + "New,Name,Known@Example.org,Normandie,formateur relais,CPTS,CPTS Nouvelle,,\n",
        django_capture_on_commit_callbacks,
    )
    assert done.context["summary"]["updated"] == 1
    person.refresh_from_db()
    assert (person.first_name, person.last_name, person.role, person.structure_type) == (
        "New", "Name", Role.TRAINER, StructureType.CPTS
    )
    # Empty cells leave the current values.
    assert person.structure_town == "Vannes" and person.preferred_language == "en"
    assert sorted(person.regions.values_list("code", flat=True)) == ["bretagne", "normandie"]
    assert person.groups.filter(name="Regional trainers").exists()
    assert mail.outbox == [] and not person.invitations.exists()


def test_trainer_importing_into_another_region_creates_nothing(client, people, django_capture_on_commit_callbacks):
    client.force_login(people["trainer_bretagne"])
    users = User.objects.count()
    preview = _upload(client, HEADER + "Ana,Durand,ana@example.org,Normandie,coordinator,MSP,MSP A,Caen,fr\n")
    assert preview.context["plan"].counts["error"] == 1
    assert "You may not manage people in Normandy." in preview.content.decode()
    done = _confirm(client, preview.context["token"], django_capture_on_commit_callbacks)
    assert done.context["summary"] == {"created": 0, "updated": 0, "unchanged": 0, "skipped": 1}
    assert User.objects.count() == users and mail.outbox == []


def test_trainer_cannot_change_national_staff_or_people_of_another_region(
    client, people, django_capture_on_commit_callbacks
):
    client.force_login(people["trainer_bretagne"])
    national = people["national"]
    other = people["coordinator_normandie"]
    text = (
        HEADER
        + f"Hacked,Name,{national.email},Bretagne,coordinator,,,,fr\n"
        + f"Hacked,Name,{other.email},Bretagne,coordinator,,,,fr\n"
    )
    preview = _upload(client, text)
    assert preview.context["plan"].counts == {"create": 0, "update": 0, "unchanged": 0, "error": 2}
    _confirm(client, preview.context["token"], django_capture_on_commit_callbacks)
    national.refresh_from_db()
    other.refresh_from_db()
    assert national.first_name != "Hacked" and national.role == Role.NATIONAL
    assert other.first_name != "Hacked" and list(other.regions.values_list("code", flat=True)) == ["normandie"]


def test_an_import_cannot_change_the_importers_own_account(people):
    trainer = people["trainer_bretagne"]
    (row,) = _plan(trainer, HEADER + f"Me,Myself,{trainer.email},Bretagne,partner,,,,fr\n").rows
    assert row.errors == ["Your own account cannot be changed by an import."]


@pytest.mark.parametrize("who", ["coordinator_bretagne", "partner_bretagne"])
@pytest.mark.parametrize("url", [UPLOAD_URL, EXAMPLE_URL])
def test_people_without_admin_access_cannot_reach_the_import(client, people, who, url):
    client.force_login(people[who])
    response = client.get(url)
    assert response.status_code in (302, 403)
    assert "Import people" not in response.content.decode()
    response = _upload(client, HEADER + "Ana,Durand,ana@example.org,Bretagne,coordinator,MSP,A,B,fr\n")
    assert response.status_code in (302, 403)
    assert not User.objects.filter(email="ana@example.org").exists()


def test_menu_item_only_for_people_who_may_import(client, people):
    client.force_login(people["trainer_bretagne"])
    assert "/admin/people/import/" in client.get("/admin/").content.decode()
    trainer_without_region = UserFactory(email="lonely@example.org", role=Role.TRAINER, regions=[])
    client.force_login(trainer_without_region)
    assert "/admin/people/import/" not in client.get("/admin/").content.decode()
    assert client.get(UPLOAD_URL).status_code in (302, 403)


def test_tampered_or_foreign_confirmation_is_refused(client, people):
    client.force_login(people["trainer_bretagne"])
    line = "Ana,Durand,ana@example.org,Bretagne,coordinator,MSP,MSP A,Rennes,fr\n"
    token = _upload(client, HEADER + line).context["token"]

    forged = signing.dumps({"text": HEADER + line.replace("Bretagne", "Normandie"), "name": "x.csv"}, salt="other")
    for bad in (token[:-2] + "xx", forged, ""):
        response = client.post(CONFIRM_URL, {"token": bad})
        assert response.status_code == 400
        assert "This import could not be confirmed. Upload the file again." in response.content.decode()

    # A preview made by someone else cannot be confirmed by this trainer either.
    client.force_login(people["trainer_normandie"])
    assert client.post(CONFIRM_URL, {"token": token}).status_code == 400
    assert not User.objects.filter(email="ana@example.org").exists()


@pytest.mark.parametrize(
    "data, message",
    [
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00", "This is not a CSV file."),
        (b"", "The submitted file is empty."),
        (b"nothing useful here\n", "The first line must name the columns"),
    ],
)
def test_unreadable_upload_is_a_form_error(client, people, data, message):
    client.force_login(people["national"])
    response = _upload(client, data, name="photo.png")
    assert response.status_code == 200
    assert message in response.content.decode()
    assert "file" in response.context["form"].errors


def test_example_file_imports_cleanly(client, people):
    client.force_login(people["trainer_bretagne"])
    response = client.get(EXAMPLE_URL)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    _text, parsed = people_import.read_upload(response.content)
    plan = people_import.plan_import(people["trainer_bretagne"], parsed)
    assert [row.action for row in plan.rows] == [Action.CREATE] * 3
    assert {row.region.code for row in plan.rows} == {"bretagne"}
    # The upload page links to it.
    assert EXAMPLE_URL in client.get(UPLOAD_URL).content.decode()


def test_example_file_is_written_by_the_platforms_csv_writer(client, people):
    # people must not import cms, where the shared writer lives: settings hand it over (people.conf.csv_writer).
    out = io.StringIO()
    conf.csv_writer()(out, delimiter=";").writerow(['=HYPERLINK("http://evil","x")', "-12", "Rennes"])
    assert out.getvalue() == '"\'=HYPERLINK(""http://evil"",""x"")";\'-12;Rennes\r\n'
    client.force_login(people["trainer_bretagne"])
    text = client.get(EXAMPLE_URL).content.decode("utf-8-sig")
    cells = [cell for row in csv.reader(io.StringIO(text, newline=""), delimiter=";") for cell in row]
    assert "MSP des Lilas" in cells
    assert not [cell for cell in cells if cell.startswith(("=", "+", "-", "@", "\t", "\r"))]


def test_preview_query_count_does_not_grow_with_rows(client, people, region, django_assert_max_num_queries):
    # Made in bulk: what is measured is the preview, not the making of 150 accounts.
    existing = User.objects.bulk_create(
        User(email=f"existing{n}@example.org", role=Role.COORDINATOR) for n in range(150)
    )
    bretagne = region("bretagne")
    User.regions.through.objects.bulk_create(User.regions.through(user=u, region=bretagne) for u in existing)
    lines = [f"Pers,On{n},existing{n}@example.org,Bretagne,coordinator,MSP,MSP {n},Rennes,fr" for n in range(150)]
    lines += [f"New,Person{n},new{n}@example.org,Bretagne,coordinator,CPTS,CPTS {n},Brest,fr" for n in range(150)]
    client.force_login(people["trainer_bretagne"])
    client.get(UPLOAD_URL)  # warm the per-site cache (cms.navigation), as any request but the first finds it
    # Session, user, permissions and the admin menu (9), then regions, importer's regions, people, their regions.
    with django_assert_max_num_queries(14) as large:
        response = _upload(client, HEADER + "\n".join(lines) + "\n")
    counts = response.context["plan"].counts
    assert counts == {"create": 150, "update": 150, "unchanged": 0, "error": 0}
    with django_assert_max_num_queries(14) as small:
        _upload(client, HEADER + lines[0] + "\n" + lines[-1] + "\n")
    assert len(small) == len(large)  # the same number with 2 rows as with 300


# ------------------------------------------------------------------------------------------------ the import job


def test_confirming_queues_the_import_and_the_worker_runs_it_then_sends_the_invitations(
    client, people, task_worker, django_capture_on_commit_callbacks
):
    client.force_login(people["trainer_bretagne"])
    text = (
        HEADER
        + "Amélie,Nguyen,amelie@example.org,Bretagne,coordinatrice,MSP,MSP des Lilas,Rennes,en\n"
        + "Bad,Row,bad@example.org,Normandie,partner,,,,fr\n"
    )
    preview = _upload(client, text)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(CONFIRM_URL, {"token": preview.context["token"]})
    job = PeopleImport.objects.get()
    assert response["Location"] == f"/admin/people/import/{job.pk}/"
    assert (job.status, job.importer, job.file_name) == (ImportStatus.QUEUED, people["trainer_bretagne"], "people.csv")
    assert job.content == text
    waiting = client.get(response["Location"]).content.decode()
    assert "The import is waiting for its turn." in waiting
    assert f'href="/admin/people/import/{job.pk}/"' in waiting  # refresh by hand: no script, no meta refresh
    assert "http-equiv" not in waiting
    assert not User.objects.filter(email="amelie@example.org").exists() and mail.outbox == []

    ran = task_worker()
    assert [r.task_path for r in ran] == ["people.tasks.run_people_import", "people.tasks.send_invitation"]
    job.refresh_from_db()
    assert job.status == ImportStatus.DONE and job.started_at <= job.finished_at
    assert job.summary == {"created": 1, "updated": 0, "unchanged": 0, "skipped": 1}
    assert job.content == ""  # the file is not kept once imported; the outcome is
    assert [m.to for m in mail.outbox] == [["amelie@example.org"]]

    done = client.get(response["Location"])
    html = done.content.decode()
    assert "“people.csv” has been imported." in html and "The import is waiting" not in html
    assert done.context["summary"]["created"] == 1
    assert "You may not manage people in Normandy." in html
    assert [(row["line"], row["action"]) for row in job.rows] == [(2, "create"), (3, "error")]


def test_the_worker_checks_the_importers_permissions_as_they_are_when_it_runs(
    client, people, region, task_worker, django_capture_on_commit_callbacks
):
    trainer = people["trainer_bretagne"]
    client.force_login(trainer)
    preview = _upload(client, HEADER + "Ana,Durand,ana@example.org,Bretagne,coordinator,MSP,MSP A,Rennes,fr\n")
    assert preview.context["plan"].counts["create"] == 1
    with django_capture_on_commit_callbacks(execute=True):
        client.post(CONFIRM_URL, {"token": preview.context["token"]})
    trainer.regions.remove(region("bretagne"))  # before the worker gets to it

    task_worker()
    job = PeopleImport.objects.get()
    assert job.summary == {"created": 0, "updated": 0, "unchanged": 0, "skipped": 1}
    assert job.rows[0]["errors"] == ["You may not manage people in Brittany."]
    assert not User.objects.filter(email="ana@example.org").exists() and mail.outbox == []


def test_an_import_that_cannot_run_is_marked_failed_and_writes_nothing(client, people, task_worker):
    job = PeopleImport.objects.create(
        importer=people["national"], file_name="broken.csv", language="en", content="not, a, people, file\n"
    )
    with pytest.raises(ImportFileError):
        people_import.run_import(job.pk)
    job.refresh_from_db()
    assert job.status == ImportStatus.FAILED and job.finished_at and job.content == ""
    client.force_login(people["national"])
    html = client.get(f"/admin/people/import/{job.pk}/").content.decode()
    assert "The import could not be completed and nothing was saved." in html


def test_an_import_runs_once_even_if_its_task_runs_twice(people, django_capture_on_commit_callbacks):
    text = HEADER + "Ana,Durand,ana@example.org,Bretagne,coordinator,MSP,MSP A,Rennes,fr\n"
    with django_capture_on_commit_callbacks(execute=True):
        job = people_import.queue_import(people["national"], text, "people.csv")
    finished_at = PeopleImport.objects.get(pk=job.pk).finished_at
    with django_capture_on_commit_callbacks(execute=True):
        people_import.run_import(job.pk)
    assert PeopleImport.objects.get(pk=job.pk).finished_at == finished_at
    assert Invitation.objects.count() == 1 and len(mail.outbox) == 1


def test_the_outcome_is_written_in_the_language_of_the_confirmation(client, people, django_capture_on_commit_callbacks):
    client.force_login(people["national"])
    client.defaults["HTTP_ACCEPT_LANGUAGE"] = "fr"
    with translation.override("fr"):
        done = _import(client, HEADER + "Ana,Durand,ana@example.org,Atlantide,coordinator,,,,fr\n",
                       django_capture_on_commit_callbacks)
    assert done.context["job"].language == "fr"
    assert done.context["job"].rows[0]["errors"] == ["Région inconnue «\u00a0Atlantide\u00a0»."]


def test_an_import_page_is_for_its_importer_and_the_national_team(client, people):
    job = PeopleImport.objects.create(
        importer=people["trainer_normandie"], file_name="normandie.csv", language="en", status=ImportStatus.DONE,
        rows=[{"line": 2, "email": "secret.person@example.org", "name": "Secret Person", "region_label": "Normandy",
               "role_label": "Coordinator", "action": "create", "errors": [], "changes": []}],
    )
    client.force_login(people["trainer_bretagne"])
    refused = client.get(f"/admin/people/import/{job.pk}/", follow=True)
    assert refused.redirect_chain == [("/admin/", 302)]  # the admin's refusal, as for an import that does not exist
    assert "secret.person" not in refused.content.decode()
    assert client.get(f"/admin/people/import/{job.pk + 1}/", follow=True).redirect_chain == [("/admin/", 302)]
    assert "normandie.csv" not in client.get(UPLOAD_URL).content.decode()  # nor among their recent imports
    for who in ("trainer_normandie", "national"):
        client.force_login(people[who])
        assert "secret.person@example.org" in client.get(f"/admin/people/import/{job.pk}/").content.decode()
        assert f'href="/admin/people/import/{job.pk}/"' in client.get(UPLOAD_URL).content.decode()


def test_an_import_page_query_count_does_not_grow_with_rows(client, people, django_assert_max_num_queries):
    rows = [{"line": n, "email": f"p{n}@example.org", "name": f"P {n}", "region_label": "Bretagne",
             "role_label": "Coordinator", "action": "create", "errors": [], "changes": []} for n in range(2, 302)]
    job = PeopleImport.objects.create(
        importer=people["national"], file_name="big.csv", language="en", status=ImportStatus.DONE, rows=rows,
        created=300,
    )
    client.force_login(people["national"])
    client.get(UPLOAD_URL)  # warm the per-site cache
    with django_assert_max_num_queries(10):
        response = client.get(f"/admin/people/import/{job.pk}/")
    assert response.content.decode().count("@example.org</td>") == 300


def _cells(html, email):
    """The text of each cell of the preview's row for `email`."""
    row = re.search(rf"<tr>\s*<td>\d+</td>\s*<td>{re.escape(email)}</td>.*?</tr>", html, re.S).group(0)
    return [re.sub(r"<[^>]+>|\s+", " ", cell).strip() for cell in re.findall(r"<td>(.*?)</td>", row, re.S)]


def test_refused_rows_keep_their_region_and_role_in_the_preview(client, people):
    client.force_login(people["trainer_bretagne"])
    text = (
        HEADER
        + "Ana,Durand,ana@example.org,Normandie,coordinator,,,,fr\n"  # a region the trainer may not manage
        + "Bob,Martin,bob@example.org,Bretagne,national,,,,fr\n"  # a role the trainer may not give
        + "Léa,Petit,lea@example.org,Atlantide,astronaut,,,,fr\n"  # neither is known: shown as written
    )
    html = _upload(client, text).content.decode()
    assert _cells(html, "ana@example.org")[2:5] == [
        "Ana Durand", "Normandy", "Coordinator",
    ]
    assert _cells(html, "bob@example.org")[3:5] == ["Brittany", "National team"]
    assert _cells(html, "lea@example.org")[3:5] == ["Atlantide", "astronaut"]
    assert "You may not manage people in Normandy." in _cells(html, "ana@example.org")[5]


def test_the_import_screens_are_set_in_french_typography(client, people):
    from wagtail.users.models import UserProfile

    profile = UserProfile.get_for_user(people["national"])
    profile.preferred_language = "fr"
    profile.save()
    client.force_login(people["national"])
    html = client.get("/admin/people/import/").content.decode()
    assert "Colonnes (dans n’importe quel ordre, en-têtes en français ou en anglais)\u00a0: prénom" in html
    assert "n&#x27;importe" not in html and "n'importe" not in html
