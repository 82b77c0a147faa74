"""*My space*: a coordinator's next seminar, work due (or to revise) and diploma progress; a trainer's work to
review; agreeing with the diploma record."""

import datetime

import pytest
from django.utils import timezone

from seminars import diploma, services
from seminars.tests import factories

pytestmark = pytest.mark.django_db
SPACE = "/fr/accounts/space/"


def test_a_coordinator_sees_next_seminar_work_due_and_progress(client, people):
    coordinator, trainer = people["coordinator_bretagne"], people["trainer_bretagne"]
    past = factories.seminar("bretagne", start=timezone.localdate() - datetime.timedelta(days=60), title="Passé")
    upcoming = factories.seminar("bretagne", title="Prochain séminaire")
    factories.seminar("bretagne", title="Pas inscrit")
    factories.register(past, coordinator)
    factories.register(upcoming, coordinator)
    services.record_attendance(past, trainer, past.start_date, "am", [coordinator.pk])
    due = factories.assignment(upcoming, title="Plan d’action")
    sent_back = factories.assignment(past, title="Diagnostic")
    services.review(services.submit(sent_back, coordinator, text="v1"), trainer, decision="to_revise", comment="…")
    done = factories.assignment(past, title="Déjà rendu")
    services.submit(done, coordinator, text="ok")
    client.force_login(coordinator)
    html = client.get(SPACE).content.decode()
    assert "Prochain séminaire" in html and "Pas inscrit" not in html and "Passé" not in html
    assert "Plan d’action" in html and "Diagnostic" in html and "à reprendre" in html and "Déjà rendu" not in html
    progress = diploma.progress(coordinator, coordinator)
    record = diploma.record(coordinator, coordinator)
    assert progress["met"] == record["met"] and progress["total"] == record["total"] == 4
    assert [line["done"] for line in record["lines"]] == [1, 0, 0, 0]
    assert f"{progress['met']} exigences atteintes sur 4" in html


def test_a_trainer_sees_work_to_review(client, people):
    seminar = factories.seminar("bretagne")
    services.submit(factories.assignment(seminar), people["coordinator_bretagne"], text="ok")
    client.force_login(people["trainer_bretagne"])
    assert "1 travail attend une relecture" in client.get(SPACE).content.decode()
    client.force_login(people["trainer_normandie"])
    assert "attend une relecture" not in client.get(SPACE).content.decode()


def test_the_section_keeps_to_a_fixed_number_of_queries(client, people, django_assert_max_num_queries):
    coordinator = people["coordinator_bretagne"]
    for n in range(6):
        seminar = factories.seminar("bretagne")
        factories.register(seminar, coordinator)
        for _ in range(3):
            factories.assignment(seminar)
    client.force_login(coordinator)
    client.get(SPACE)
    # The page's 7, e-learning's 2 and this section's 3 (seminars, work, progress).
    with django_assert_max_num_queries(12):
        client.get(SPACE)
