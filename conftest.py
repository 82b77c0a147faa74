"""Fixtures shared by every suite. The site's structure (home, sections, 18 region pages in French and English,
role groups) is what every installation has: it is built once per test session, and each test runs in a
transaction that is rolled back."""

import pytest
from django.core.cache import cache


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    from cms.services.site_setup import setup_site

    with django_db_blocker.unblock():
        setup_site()


@pytest.fixture(autouse=True)
def _clear_cache():
    # The navigation cache outlives a rolled-back test otherwise.
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def commit(django_capture_on_commit_callbacks):
    """`with commit():` runs what the block queues for after the commit (cache refreshes, e-mails), as the commit
    of a real request would: each test runs in a transaction that is rolled back, where nothing ever commits."""
    return lambda: django_capture_on_commit_callbacks(execute=True)


@pytest.fixture
def region():
    from people.models import Region

    return lambda code: Region.objects.get(code=code)


@pytest.fixture
def people(db):
    """One person per role in Bretagne and Normandie, plus a national administrator."""
    from people.tests.factories import UserFactory

    return {
        "national": UserFactory(email="national@example.org", role="national", regions=[]),
        "trainer_bretagne": UserFactory(email="trainer.bretagne@example.org", role="trainer", regions=["bretagne"]),
        "partner_bretagne": UserFactory(email="partner.bretagne@example.org", role="partner", regions=["bretagne"]),
        "coordinator_bretagne": UserFactory(
            email="coordinator.bretagne@example.org", role="coordinator", regions=["bretagne"]
        ),
        "trainer_normandie": UserFactory(
            email="trainer.normandie@example.org", role="trainer", regions=["normandie"]
        ),
        "coordinator_normandie": UserFactory(
            email="coordinator.normandie@example.org", role="coordinator", regions=["normandie"]
        ),
    }


@pytest.fixture
def as_person(people, django_capture_on_commit_callbacks):
    """`as_person("trainer_bretagne")` (a key of `people`, or a user): a client logged in as them whose requests run
    what they queue for after the commit, as a real request's commit would (the admin's translation screens)."""
    from django.test import Client

    def client_of(user):
        client = Client()
        client.force_login(people[user] if isinstance(user, str) else user)
        original = client.generic

        def generic(*args, **kwargs):
            with django_capture_on_commit_callbacks(execute=True):
                return original(*args, **kwargs)

        client.generic = generic
        return client

    return client_of


@pytest.fixture
def task_worker(settings, django_capture_on_commit_callbacks):
    """Tasks go to django-tasks' database backend, as in production, and wait there until the test calls the
    returned function: it runs every ready task with the worker's own code (`manage.py db_worker --batch`, one task
    at a time), inside the test's transaction, and returns the tasks it ran. A task that fails fails the test."""
    from django_tasks_db.management.commands.db_worker import Worker
    from django_tasks_db.models import DBTaskResult

    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    worker = Worker(
        queue_names=["*"], interval=0, batch=True, backend_name="default", startup_delay=False, max_tasks=None,
        worker_id="test-worker",
    )

    def run():
        ran = []
        while (result := DBTaskResult.objects.ready().get_locked()) is not None:
            result.claim(worker.worker_id)
            # In the worker each task commits on its own: what it queues on commit is queued then.
            with django_capture_on_commit_callbacks(execute=True):
                worker.run_task(result)
            result.refresh_from_db()
            assert result.status == "SUCCESSFUL", f"{result.task_path} failed:\n{result.traceback}"
            ran.append(result)
        return ran

    return run
