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
