"""Query counts pinned on the pages that grow: a seminar with 40 sessions and 50 materials, the diploma record, the
trainer's list of submissions, the attendance page."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from documents.enums import Access
from documents.tests.factories import bulk_documents, make_document
from people.models import Region
from people.tests.factories import UserFactory
from seminars import services
from seminars.tests import factories

pytestmark = pytest.mark.django_db


@pytest.fixture
def big_seminar(people):
    template = make_document(title="Modèle", access=Access.REGION, region=Region.objects.get(code="bretagne"))
    regions = (None, Region.objects.get(code="bretagne"), Region.objects.get(code="normandie"))
    materials = bulk_documents(50, template=template, regions=regions)
    seminar = factories.seminar("bretagne", days=5, sessions_per_day=8, materials=materials,
                                trainers=[people["trainer_bretagne"], UserFactory(role="trainer", regions=["bretagne"])])
    coordinator = people["coordinator_bretagne"]
    factories.register(seminar, coordinator)
    for _ in range(5):
        factories.assignment(seminar)
    return seminar


# Anonymous visitors get the second request from the page cache (cms.page_cache): 0 queries; 12 is the ceiling.
LIMITS = {"anonymous": 12, "coordinator_bretagne": 9, "trainer_bretagne": 16, "national": 12}


@pytest.mark.parametrize("who", ["anonymous", "coordinator_bretagne", "trainer_bretagne", "national"])
def test_a_seminar_page_with_40_sessions_and_50_materials(client, people, big_seminar, who,
                                                           django_assert_max_num_queries):
    if who != "anonymous":
        client.force_login(people[who])
    client.get(big_seminar.url)  # warm the navigation cache
    # Ours: assignments, registration with attendance (one query), report; the page's region, its locale and its
    # documents come from the per-revision cache (views_page.page_facts). The rest is the site's chrome and, for
    # trainers and the national team, Wagtail's user bar.
    with django_assert_max_num_queries(LIMITS[who]):
        html = client.get(big_seminar.url).content.decode()
    assert html.count('class="session ') == 40
    with CaptureQueriesContext(connection) as queries:
        client.get(big_seminar.url)
    assert not any("documents_librarydocument" in q["sql"] and "LIMIT 21" in q["sql"] for q in queries)


def test_the_diploma_record(client, people, django_assert_max_num_queries):
    coordinator = people["coordinator_bretagne"]
    trainer = people["trainer_bretagne"]
    for number in (1, 2, 3):
        seminar = factories.seminar("bretagne", number=number)
        factories.register(seminar, coordinator)
        services.record_attendance(seminar, trainer, seminar.start_date, "am", [coordinator.pk])
        for _ in range(4):
            submission = services.submit(factories.assignment(seminar), coordinator, text="ok")
            services.review(submission, trainer, decision="accepted", comment="ok")
    client.force_login(trainer)
    client.get(f"/fr/seminars/diploma/{coordinator.pk}/")
    with django_assert_max_num_queries(13):  # 12, and the certificates (modules completed)
        html = client.get(f"/fr/seminars/diploma/{coordinator.pk}/").content.decode()
    assert html.count("/fr/seminars/submissions/") == 12


def test_submissions_and_attendance_lists(client, people, django_assert_max_num_queries):
    seminar = factories.seminar("bretagne")
    coordinators = [UserFactory(role="coordinator", regions=["bretagne"]) for _ in range(30)]
    factories.register(seminar, *coordinators)
    work = factories.assignment(seminar)
    for person in coordinators:
        services.submit(work, person, text="ok")
    client.force_login(people["trainer_bretagne"])
    pages = {f"/fr/seminars/assignments/{work.pk}/": ("/fr/seminars/submissions/", 30),
             f"/fr/seminars/{factories.key(seminar)}/attendance/": ('name="present"', 30),
             f"/fr/seminars/{factories.key(seminar)}/registrations/": ('name="people"', 31)}  # every coordinator of the region
    for url, (marker, count) in pages.items():
        client.get(url)  # warm the navigation cache
        with django_assert_max_num_queries(18):  # of which 6 are Wagtail's user bar
            html = client.get(url).content.decode()
        assert html.count(marker) == count, url
