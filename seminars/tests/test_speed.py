"""The COPIL report PDF of a seminar with a full cohort renders in under a second of CPU (the benchmark's account
may not read reports, so this figure is measured here); the seminar page's CPU is the benchmark's row."""

import time

import pytest

from people.models import User
from people.tests.factories import UserFactory
from seminars import services
from seminars.models import Attendance, Registration
from seminars.tests import factories

pytestmark = pytest.mark.django_db


def test_the_report_pdf_of_a_full_cohort_takes_under_a_second(client, people):
    seminar = factories.seminar("bretagne", days=2)
    UserFactory.create_batch(5, role="coordinator", regions=["bretagne"])
    cohort = list(User.objects.filter(role="coordinator", regions__code="bretagne"))
    Registration.objects.bulk_create([Registration(seminar=seminar, person=p) for p in cohort])
    Attendance.objects.bulk_create([Attendance(seminar=seminar, person=p, date=d, half_day=h, present=True)
                                    for d, h in seminar.half_days() for p in cohort])
    services.save_report(seminar, people["trainer_bretagne"], themes="Conduite de projet " * 40,
                         evaluation="Très bien. " * 60, difficulties="Aucune. " * 20, next_steps="Séminaire 2. " * 20)
    client.force_login(people["trainer_bretagne"])
    url = f"/fr/seminars/{factories.key(seminar)}/report.pdf"
    client.get(url)  # fonts loaded once per process
    started = time.process_time()
    response = client.get(url)
    elapsed = time.process_time() - started
    assert response.status_code == 200 and response.content.startswith(b"%PDF-")
    print(f"report PDF: {elapsed * 1000:.0f} ms CPU")
    assert elapsed < 1.0


def test_the_seminar_page_cpu(client, people):
    """Reported figure (the benchmark row is the reference); the bound only catches a regression by an order of
    magnitude."""
    from documents.enums import Access
    from documents.tests.factories import bulk_documents, make_document

    template = make_document(title="Modèle", access=Access.MEMBERS)
    seminar = factories.seminar("bretagne", days=5, sessions_per_day=8,
                                materials=bulk_documents(50, template=template, accesses=(Access.MEMBERS,)))
    client.force_login(people["coordinator_bretagne"])
    client.get(seminar.url)
    runs = 20
    started = time.process_time()
    for _ in range(runs):
        client.get(seminar.url)
    per_request = (time.process_time() - started) / runs
    print(f"seminar page (40 sessions, 50 materials), logged in: {per_request * 1000:.1f} ms CPU (test client)")
    assert per_request < 0.1
