"""The pages of the seminars, as each person uses them: the seminar page and its programme, the region page's list,
registrations and attendance on a phone, handing in and reviewing work, the journal, the report, the diploma
record. Hostile input answers with a message, never a 500, and saves nothing."""

import datetime

import pytest
from django.utils import timezone
from wagtail.models import PageViewRestriction

from people.tests.factories import UserFactory
from seminars import services
from seminars.models import Attendance, JournalEntry, Submission
from seminars.tests import factories

pytestmark = pytest.mark.django_db


@pytest.fixture
def seminar(people):
    return factories.seminar("bretagne", trainers=[people["trainer_bretagne"]], title="Séminaire 1 – Animer")


def test_the_seminar_page_shows_facts_and_the_programme(client, seminar, people):
    html = client.get(seminar.url).content.decode()
    assert "<h1>Séminaire 1 – Animer</h1>" in html
    assert "Maison des associations" in html and "6 cours des Alliés" in html
    assert people["trainer_bretagne"].get_full_name() in html
    assert html.count('class="session ') == 8 and "Atelier 1" in html and "Résolution de problèmes" in html
    assert "À venir" in html
    assert f"/fr/seminars/{factories.key(seminar)}/agenda.pdf" in html
    assert "Relever les présences" not in html


def test_the_region_page_lists_its_seminars_by_cohort(client, people):
    factories.seminar("bretagne", year=2020, number=2, title="Deuxième 2020")
    factories.seminar("bretagne", year=2020, number=1, title="Premier 2020")
    factories.seminar("bretagne", year=2021, number=1, title="Premier 2021")
    factories.seminar("normandie", year=2021, title="Normand")
    html = client.get("/fr/regions/bretagne/").content.decode()
    assert "Cohorte 2021" in html and "Cohorte 2020" in html and "Normand" not in html
    assert html.index("Cohorte 2021") < html.index("Premier 2021") < html.index("Cohorte 2020") < html.index(
        "Premier 2020") < html.index("Deuxième 2020")


def test_the_region_pages_cached_seminar_list_follows_publishing(client, people, commit):
    """The by-cohort list is cached rendered (seminars.templatetags.seminars.region_seminars_list): a publish, a
    title change or an unpublish shows at once, and a restricted seminar never shows."""
    with commit():
        first = factories.seminar("bretagne", year=2020, title="Premier 2020")
    assert "Premier 2020" in client.get("/fr/regions/bretagne/").content.decode()
    with commit():
        second = factories.seminar("bretagne", year=2021, title="Premier 2021")
        first.title = "Premier 2020 renommé"
        first.save_revision().publish()
    html = client.get("/fr/regions/bretagne/").content.decode()
    assert "Premier 2021" in html and "Premier 2020 renommé" in html
    with commit():
        second.unpublish()
        PageViewRestriction.objects.create(page=first, restriction_type=PageViewRestriction.LOGIN)
    html = client.get("/fr/regions/bretagne/").content.decode()
    assert "Premier 2021" not in html and "Premier 2020" not in html
    client.force_login(people["coordinator_bretagne"])
    assert "Premier 2020" not in client.get("/fr/regions/bretagne/").content.decode()


def test_trainers_register_and_record_attendance(client, seminar, people):
    coordinator = people["coordinator_bretagne"]
    other = UserFactory(role="coordinator", regions=["bretagne"])
    client.force_login(people["trainer_bretagne"])
    response = client.post(f"/fr/seminars/{factories.key(seminar)}/registrations/", {"everyone": "1"})
    assert response.status_code == 302
    assert set(seminar.registrations.values_list("person_id", flat=True)) == {coordinator.pk, other.pk}
    page = client.get(f"/fr/seminars/{factories.key(seminar)}/attendance/")
    html = page.content.decode()
    assert 'name="viewport"' in html and html.count('type="checkbox" name="present"') == 2
    slot = f"{seminar.start_date.isoformat()}-pm"
    client.post(f"/fr/seminars/{factories.key(seminar)}/attendance/", {"slot": slot, "present": [coordinator.pk]})
    assert list(Attendance.objects.filter(seminar=seminar).values_list("person_id", "present").order_by("present")) == [
        (other.pk, False), (coordinator.pk, True)]
    assert client.post(f"/fr/seminars/{factories.key(seminar)}/attendance/", {"slot": "1999-01-01-am"}).status_code == 400
    # The coordinator sees their own attendance on the seminar page
    client.force_login(coordinator)
    html = client.get(seminar.url).content.decode()
    assert "Mes présences" in html and "présent" in html


def test_hand_in_revise_and_review(client, seminar, people, mailoutbox):
    coordinator, trainer = people["coordinator_bretagne"], people["trainer_bretagne"]
    work = factories.assignment(seminar, trainer, title="Diagnostic")
    client.force_login(coordinator)
    assert "Écrivez un texte ou joignez un fichier" in client.post(
        f"/fr/seminars/assignments/{work.pk}/", {"text": "  "}).content.decode()
    assert not Submission.objects.exists()
    response = client.post(f"/fr/seminars/assignments/{work.pk}/", {"text": "Notre équipe…"})
    assert response.status_code == 302
    submission = Submission.objects.get()
    client.post(f"/fr/seminars/assignments/{work.pk}/", {"text": "Notre équipe, version 2"})
    submission.refresh_from_db()
    assert submission.revision == 2 and submission.text == "Notre équipe, version 2"
    # A coordinator cannot review, nor see a colleague's work
    assert client.post(f"/fr/seminars/submissions/{submission.pk}/",
                       {"decision": "accepted", "comment": "moi"}).status_code == 404
    client.force_login(UserFactory(role="coordinator", regions=["bretagne"]))
    assert client.get(f"/fr/seminars/submissions/{submission.pk}/").status_code == 404
    client.force_login(trainer)
    html = client.get(f"/fr/seminars/assignments/{work.pk}/").content.decode()
    assert coordinator.get_full_name() in html and "version 2" in html
    assert "Champ requis" in client.post(f"/fr/seminars/submissions/{submission.pk}/",
                                                      {"decision": "accepted"}).content.decode()
    client.post(f"/fr/seminars/submissions/{submission.pk}/", {"decision": "accepted", "comment": "Très bien."})
    submission.refresh_from_db()
    assert submission.status == "accepted"
    client.force_login(coordinator)
    html = client.get(f"/fr/seminars/assignments/{work.pk}/").content.decode()
    assert "Validé" in html and "Reprendre mon travail" not in html
    assert client.post(f"/fr/seminars/assignments/{work.pk}/", {"text": "v3"}).status_code == 404
    submission.refresh_from_db()
    assert submission.text == "Notre équipe, version 2"


def test_late_work_is_marked_on_the_trainer_s_list(client, seminar, people):
    work = factories.assignment(seminar, due_in_days=-2)
    client.force_login(people["coordinator_bretagne"])
    html = client.get(f"/fr/seminars/assignments/{work.pk}/").content.decode()
    assert "L’échéance est passée" in html
    client.post(f"/fr/seminars/assignments/{work.pk}/", {"text": "En retard"})
    client.force_login(people["trainer_bretagne"])
    assert "En retard" in client.get(f"/fr/seminars/assignments/{work.pk}/").content.decode()


def test_trainers_create_assignments(client, seminar, people):
    client.force_login(people["trainer_bretagne"])
    due = (timezone.localtime() + datetime.timedelta(days=10)).strftime("%Y-%m-%dT%H:%M")
    response = client.post(f"/fr/seminars/{factories.key(seminar)}/assignments/new/", {
        "title": "Plan d’action", "instructions": "Rédigez votre plan.", "due_at": due})
    assert response.status_code == 302
    assert seminar.assignments.get().title == "Plan d’action"
    assert "Champ requis" in client.post(f"/fr/seminars/{factories.key(seminar)}/assignments/new/",
                                                      {"title": "x"}).content.decode()


def test_the_journal_is_the_trainers_own(client, people):
    coordinator = people["coordinator_bretagne"]
    client.force_login(people["trainer_bretagne"])
    client.post(f"/fr/seminars/journal/{coordinator.pk}/", {"text": "Appel du 3 mars : besoin d’aide."})
    assert JournalEntry.objects.get().text.startswith("Appel du 3 mars")
    assert "Appel du 3 mars" in client.get(f"/fr/seminars/journal/{coordinator.pk}/").content.decode()
    client.force_login(coordinator)
    assert client.get(f"/fr/seminars/journal/{coordinator.pk}/").status_code == 404


def test_the_report_computes_attendance_and_partners_read_it(client, seminar, people):
    coordinator = people["coordinator_bretagne"]
    factories.register(seminar, coordinator, UserFactory(role="coordinator", regions=["bretagne"]))
    services.record_attendance(seminar, people["trainer_bretagne"], seminar.start_date, "am", [coordinator.pk])
    client.force_login(people["trainer_bretagne"])
    client.post(f"/fr/seminars/{factories.key(seminar)}/report/edit/", {
        "themes": "Conduite de projet", "evaluation": "4,5/5", "difficulties": "", "next_steps": "Séminaire 2"})
    client.force_login(people["partner_bretagne"])
    html = client.get(f"/fr/seminars/{factories.key(seminar)}/report/").content.decode()
    assert "Conduite de projet" in html and "1 / 2" in html and "Taux de présence" in html
    assert "Modifier le bilan" not in html
    assert client.get(f"/fr/seminars/{factories.key(seminar)}/report/edit/").status_code == 404


def test_the_diploma_record(client, seminar, people):
    coordinator = people["coordinator_bretagne"]
    factories.register(seminar, coordinator)
    services.record_attendance(seminar, people["trainer_bretagne"], seminar.start_date, "am", [coordinator.pk])
    work = factories.assignment(seminar)
    submission = services.submit(work, coordinator, text="ok")
    services.review(submission, people["trainer_bretagne"], decision="accepted", comment="ok")
    client.force_login(coordinator)
    html = client.get(f"/en/seminars/diploma/{coordinator.pk}/").content.decode()
    assert seminar.title in html and work.title in html
    assert "Follow-up journal" not in html
    assert "The e-learning modules are not available yet." not in html and "None yet." in html


def test_the_diploma_record_counts_the_modules_completed(client, seminar, people):
    """A completed module is one certificate: the record lists it, in the reader's language."""
    import uuid

    from learning.models import Certificate

    coordinator = people["coordinator_bretagne"]
    Certificate.objects.create(user=coordinator, module_key=uuid.uuid4(), code="ABCD2345EFGH",
                               holder_name=coordinator.get_full_name(), module_title="Animer une réunion d’équipe",
                               module_title_en="Running a team meeting", duration_minutes=90)
    client.force_login(coordinator)
    english = client.get(f"/en/seminars/diploma/{coordinator.pk}/").content.decode()
    french = client.get(f"/fr/seminars/diploma/{coordinator.pk}/").content.decode()
    assert "<li>Running a team meeting</li>" in english
    assert "<li>Animer une réunion d’équipe</li>" in french


def test_hostile_ids_and_text(client, seminar, people):
    client.force_login(people["national"])
    for path in ("/fr/seminars/0/attendance/", "/fr/seminars/99999999999999999999/registrations/",
                 "/fr/seminars/assignments/0/", "/fr/seminars/diploma/0/"):
        assert client.get(path).status_code == 404, path
    work = factories.assignment(seminar)
    client.force_login(people["coordinator_bretagne"])
    client.post(f"/fr/seminars/assignments/{work.pk}/", {"text": "<script>alert(1)</script>"})
    client.force_login(people["national"])
    html = client.get(Submission.objects.get().get_absolute_url()).content.decode()
    assert "<script>alert(1)</script>" not in html and "&lt;script&gt;" in html


def test_files_are_checked_by_content_and_only_readers_download_them(client, seminar, people):
    from django.core.files.uploadedfile import SimpleUploadedFile

    from documents import samples

    work = factories.assignment(seminar)
    client.force_login(people["coordinator_bretagne"])
    fake = SimpleUploadedFile("rapport.pdf", b"MZ\x90\x00 not a pdf at all", content_type="application/pdf")
    html = client.post(f"/fr/seminars/assignments/{work.pk}/", {"text": "Voir pièce jointe", "files": [fake]}).content.decode()
    assert "rapport.pdf" in html and 'class="errorlist"' in html
    assert not Submission.objects.exists()
    real = SimpleUploadedFile("Mon rapport é.pdf", samples.pdf("Rapport", ["Texte."]), content_type="application/pdf")
    assert client.post(f"/fr/seminars/assignments/{work.pk}/", {"text": "", "files": [real]}).status_code == 302
    attached = Submission.objects.get().files.get()
    assert attached.mime_type == "application/pdf"
    url = attached.get_absolute_url()
    response = client.get(url)
    assert response.status_code == 200 and b"".join(response.streaming_content).startswith(b"%PDF-")
    client.force_login(people["trainer_bretagne"])
    assert client.get(url).status_code == 200
    client.force_login(people["partner_bretagne"])
    assert client.get(url).status_code == 404


def test_hostile_attendance_values_are_ignored(client, seminar, people):
    factories.register(seminar, people["coordinator_bretagne"])
    client.force_login(people["trainer_bretagne"])
    slot = f"{seminar.start_date.isoformat()}-am"
    response = client.post(f"/fr/seminars/{factories.key(seminar)}/attendance/",
                           {"slot": slot, "present": ["abc", "-1", "9" * 30, str(people["coordinator_normandie"].pk)]})
    assert response.status_code == 302
    assert not Attendance.objects.filter(present=True).exists()


def test_the_english_translation_shares_the_french_seminar_s_records(client, seminar, people, commit):
    from cms.services.translation import translate
    from seminars.models import SeminarPage

    with commit():
        english = translate(seminar, "en", {"Séminaire 1 – Animer": "Seminar 1 – Leading", "Atelier 1": "Workshop 1",
                                            seminar.slug: "seminar-1"}, publish=True)
    english = SeminarPage.objects.get(pk=english.pk)
    assert english.region_id == seminar.region_id and english.source.pk == seminar.pk
    assert english.venue == seminar.venue  # the venue is the same in every language
    work = factories.assignment(seminar, title="Diagnostic")
    factories.register(seminar, people["coordinator_bretagne"])
    client.force_login(people["coordinator_bretagne"])
    html = client.get(english.url).content.decode()
    assert '<html lang="en">' in html and "<h1>Seminar 1 – Leading</h1>" in html and "Workshop 1" in html
    assert work.get_absolute_url().replace("/fr/", "/en/") in html and "My attendance" in html
    assert f"/en/seminars/{factories.key(seminar)}/agenda.pdf" in html
    from cms.pdf import pdf_text

    text = pdf_text(client.get(f"/en/seminars/{factories.key(seminar)}/agenda.pdf").content)
    assert "Seminar 1 – Leading" in text and "Workshop 1" in text


def test_the_seminar_page_lists_the_reader_s_own_attendance_in_order(client, seminar, people):
    import re

    coordinator, other = people["coordinator_bretagne"], UserFactory(role="coordinator", regions=["bretagne"])
    factories.register(seminar, coordinator)
    first, second = seminar.start_date, seminar.start_date + datetime.timedelta(days=1)
    for person, date, half, present in [(coordinator, second, "am", True), (coordinator, first, "pm", False),
                                        (coordinator, first, "am", True), (other, first, "am", False)]:
        Attendance.objects.create(seminar=seminar, person=person, date=date, half_day=half, present=present)
    client.force_login(coordinator)
    html = client.get(seminar.url).content.decode()
    section = html.split('id="attendance-title"')[1].split("</section>")[0]
    lines = [re.sub(r"\s+", " ", line) for line in re.findall(r"<li>(.*?)</li>", section)]
    day = {date: f"{['lundi', 'mardi', 'mercredi', 'jeudi', 'vendredi', 'samedi', 'dimanche'][date.weekday()]} "
                 f"{date.day}" for date in (first, second)}
    assert len(lines) == 3, lines
    assert [line.split(",")[0].rsplit(" ", 1)[0] for line in lines] == [day[first], day[first], day[second]]
    assert [line.split(",")[1].split(":")[0].strip() for line in lines] == ["matin", "après-midi", "matin"]
    assert [line.rsplit(":", 1)[1].strip() for line in lines] == ["présent", "absent", "présent"]
    # Someone with records but no registration sees none of them.
    client.force_login(other)
    assert 'id="attendance-title"' not in client.get(seminar.url).content.decode()
