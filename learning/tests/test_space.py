import pytest

from learning import services
from learning.tests import factories as f

pytestmark = pytest.mark.django_db


def test_my_space_shows_modules_in_progress_with_resume_and_certificates(client, people):
    user = people["coordinator_bretagne"]
    started = f.make_module(lessons=2, title="Santé publique et territoires")
    done = f.make_module(lessons=1, title="Systèmes d’information en MSP")
    services.record_visit(user, started.get_children().first().specific, started)
    services.mark_lesson_done(user, done.get_children().first().specific, done)
    client.force_login(user)
    html = client.get("/fr/accounts/space/").content.decode()
    assert "Santé publique et territoires" in html and f"/fr/learning/modules/{started.pk}/resume/" in html
    certificate = user.certificates.get()
    assert f"/fr/learning/certificates/{certificate.pk}/" in html
    assert "/fr/learning/dashboard/" not in html


def test_trainers_find_the_dashboard_in_my_space(client, people):
    client.force_login(people["trainer_bretagne"])
    assert "/fr/learning/dashboard/" in client.get("/fr/accounts/space/").content.decode()


def test_nothing_for_a_coordinator_who_has_not_started(client, people):
    client.force_login(people["coordinator_normandie"])
    assert "/fr/learning/history/" not in client.get("/fr/accounts/space/").content.decode()
