"""`make bench` runs this file after the server rows (it is outside the test suite's paths): the CPU time of the
PDFs people download, rendered in-process as the views render them, against their targets — a certificate under
0.5 s, a technical sheet, a seminar's agenda and COPIL report under 1 s (all of them tagged PDFs). Figures are
printed; the assertions are the issues' targets."""

import time

import pytest

from cms.pdf import pdf_text
from learning import services as learning_services
from learning.models import Certificate
from learning.tests import factories as learning_factories
from people.models import User
from people.tests.factories import UserFactory
from seminars import services as seminar_services
from seminars.models import Attendance, Registration
from seminars.tests import factories as seminar_factories

pytestmark = pytest.mark.django_db
RUNS = 5


def cpu_per_render(client, url):
    first = client.get(url)  # fonts loaded once per process
    assert first.status_code == 200 and pdf_text(first.content).strip()
    started = time.process_time()
    for _ in range(RUNS):
        client.get(url)
    return (time.process_time() - started) / RUNS


def report(name, seconds, target):
    print(f"\n{name}: {seconds * 1000:.0f} ms CPU per PDF (target < {target * 1000:.0f} ms)")
    assert seconds < target


def test_certificate_pdf(client, people):
    user = people["coordinator_bretagne"]
    module = learning_factories.make_module(lessons=1, title="Conduite de projet : démarche qualité", duration=150)
    learning_services.mark_lesson_done(user, module.get_children().specific().first(), module)
    client.force_login(user)
    report("certificate", cpu_per_render(client, f"/fr/learning/certificates/{Certificate.objects.get(user=user).pk}/"),
           0.5)


def test_technical_sheet_pdf():
    """The sheet of bench/documents.py (six steps, two pages), rendered as publishing renders it."""
    from wagtail.models import Locale

    from learning.models import TechnicalSheetPage
    from learning.sheets import render_sheet_pdf

    paragraph = "<p>" + "Le coordonnateur anime le travail en équipe et fait le lien avec la CPTS. " * 3 + "</p>"
    sheet = TechnicalSheetPage(
        title="Animer une réunion pluriprofessionnelle", theme="collaboration", authors="Équipe nationale PACTE",
        intro="Faire de la réunion d’équipe un vrai temps de décision.", objective=paragraph, when_to_use=paragraph,
        steps=[{"type": "step", "value": {"title": f"Étape {n}", "text": paragraph}} for n in range(1, 7)],
        pitfalls=paragraph, references="<p>HAS, « Travailler en équipe », 2021.</p>",
    )
    sheet.locale = Locale(language_code="fr")
    assert pdf_text(render_sheet_pdf(sheet)).strip()  # fonts loaded once per process
    started = time.process_time()
    for _ in range(RUNS):
        render_sheet_pdf(sheet)
    report("technical sheet", (time.process_time() - started) / RUNS, 1.0)


def test_seminar_agenda_and_report_pdfs(client, people):
    seminar = seminar_factories.seminar("bretagne", days=5, sessions_per_day=8)
    UserFactory.create_batch(20, role="coordinator", regions=["bretagne"])
    cohort = list(User.objects.filter(role="coordinator", regions__code="bretagne"))
    Registration.objects.bulk_create([Registration(seminar=seminar, person=p) for p in cohort])
    Attendance.objects.bulk_create([Attendance(seminar=seminar, person=p, date=d, half_day=h, present=True)
                                    for d, h in seminar.half_days() for p in cohort])
    seminar_services.save_report(seminar, people["trainer_bretagne"], themes="Conduite de projet " * 40,
                                 evaluation="Très bien. " * 60, difficulties="Aucune. " * 20,
                                 next_steps="Séminaire 2. " * 20)
    client.force_login(people["trainer_bretagne"])
    key = seminar_factories.key(seminar)
    report("seminar agenda (40 sessions)", cpu_per_render(client, f"/fr/seminars/{key}/agenda.pdf"), 1.0)
    report("COPIL report", cpu_per_render(client, f"/fr/seminars/{key}/report.pdf"), 1.0)
