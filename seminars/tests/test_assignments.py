"""Trainers edit and delete assignments after creating them (deletion refused once work was handed in); the
registered coordinators are told of a new assignment by e-mail, in their language, after the commit."""

import datetime

import pytest
from django.core import mail
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.utils import timezone

from people.tests.factories import UserFactory
from seminars import permissions as rules
from seminars import services
from seminars.models import Assignment, AssignmentFile
from seminars.tests import factories

pytestmark = pytest.mark.django_db


@pytest.fixture
def seminar(people):
    return factories.seminar("bretagne", trainers=[people["trainer_bretagne"]])


def _due(days=10):
    return (timezone.localtime() + datetime.timedelta(days=days)).strftime("%Y-%m-%dT%H:%M")


def _with_file(work, name="consignes.txt"):
    attached = AssignmentFile(assignment=work, name=name, size=5, mime_type="text/plain")
    attached.file.save(name, ContentFile(b"hello"), save=True)
    return attached


def test_trainers_edit_an_assignment_and_remove_a_file(client, seminar, people, commit):
    work = factories.assignment(seminar, title="Plan d’action")
    kept, dropped = _with_file(work, "garder.txt"), _with_file(work, "retirer.txt")
    client.force_login(people["trainer_bretagne"])
    url = f"/fr/seminars/assignments/{work.pk}/edit/"
    html = client.get(url).content.decode()
    assert "Plan d’action" in html and "retirer.txt" in html
    assert "Champ requis" in client.post(url, {"title": ""}).content.decode()
    work.refresh_from_db()
    assert work.title == "Plan d’action"  # nothing half-saved
    with commit():
        response = client.post(url, {"title": "Plan d’action révisé", "instructions": "Deux pages.",
                                     "due_at": _due(20), "remove": [str(dropped.pk)]})
    assert response.status_code == 302 and response["Location"] == f"/fr/seminars/assignments/{work.pk}/"
    work.refresh_from_db()
    assert (work.title, work.instructions) == ("Plan d’action révisé", "Deux pages.")
    assert work.due_at > timezone.now() + datetime.timedelta(days=19)
    assert [f.pk for f in work.files.all()] == [kept.pk]
    assert not default_storage.exists(dropped.file.name) and default_storage.exists(kept.file.name)
    assert "Modifier le travail" in client.get(f"/fr/seminars/assignments/{work.pk}/").content.decode()


def test_only_the_seminar_s_managers_edit_or_delete(client, seminar, people):
    work = factories.assignment(seminar)
    for who in ("coordinator_bretagne", "partner_bretagne", "trainer_normandie"):
        client.force_login(people[who])
        assert client.get(f"/fr/seminars/assignments/{work.pk}/edit/").status_code == 404, who
        assert client.post(f"/fr/seminars/assignments/{work.pk}/delete/").status_code == 404, who
        assert "Modifier le travail" not in client.get(f"/fr/seminars/assignments/{work.pk}/").content.decode()
    assert Assignment.objects.filter(pk=work.pk).exists()


def test_delete_is_confirmed_then_removes_the_assignment_and_its_files(client, seminar, people, commit):
    work = factories.assignment(seminar, title="Diagnostic")
    attached = _with_file(work)
    client.force_login(people["trainer_bretagne"])
    url = f"/fr/seminars/assignments/{work.pk}/delete/"
    html = client.get(url).content.decode()
    assert "Diagnostic" in html and "Aucun travail n’a été rendu" in html and "button-danger" in html
    assert Assignment.objects.filter(pk=work.pk).exists()  # a GET deletes nothing
    with commit():
        response = client.post(url)
    assert response.status_code == 302 and response["Location"] == seminar.url
    assert not Assignment.objects.filter(pk=work.pk).exists()
    assert not default_storage.exists(attached.file.name)


def test_delete_is_refused_once_work_was_handed_in(client, seminar, people):
    work = factories.assignment(seminar, title="Diagnostic")
    services.submit(work, people["coordinator_bretagne"], text="Mon travail")
    client.force_login(people["trainer_bretagne"])
    url = f"/fr/seminars/assignments/{work.pk}/delete/"
    html = client.get(url).content.decode()
    assert "ne peut pas être supprimé" in html and "button-danger" not in html
    response = client.post(url)
    assert response.status_code == 409 and "ne peut pas être supprimé" in response.content.decode()
    assert work.submissions.count() == 1
    with pytest.raises(services.AssignmentHasSubmissions):
        services.delete_assignment(work)
    assert Assignment.objects.filter(pk=work.pk).exists()


def test_registered_coordinators_are_emailed_in_their_language_after_the_commit(client, seminar, people,
                                                                                 task_worker, commit):
    english = people["coordinator_bretagne"]
    english.preferred_language = "en"
    english.save()
    french = UserFactory(role="coordinator", regions=["bretagne"], preferred_language="fr")
    UserFactory(role="coordinator", regions=["bretagne"])  # not registered: not told
    gone = UserFactory(role="coordinator", regions=["bretagne"])
    factories.register(seminar, english, french, gone)
    gone.is_active = False
    gone.save()
    services.create_assignment(seminar, people["trainer_bretagne"], title="Rolled back", instructions="x",
                               due_at=timezone.now())  # queued for a commit that never comes
    assert task_worker() == []
    client.force_login(people["trainer_bretagne"])
    with commit():
        client.post(f"/fr/seminars/{factories.key(seminar)}/assignments/new/", {
            "title": "Plan d’action", "instructions": "Rédigez votre plan.", "due_at": _due()})
    task_worker()
    work = Assignment.objects.get(title="Plan d’action")
    by_person = {m.to[0]: m for m in mail.outbox}
    assert set(by_person) == {english.email, french.email}
    assert by_person[english.email].subject == "New between-seminar work: Plan d’action"
    assert f"/en/seminars/assignments/{work.pk}/" in by_person[english.email].body
    assert by_person[french.email].subject.startswith("Nouveau travail inter-séminaires")
    assert f"/fr/seminars/assignments/{work.pk}/" in by_person[french.email].body


def test_change_predicate_and_queryset_agree(people, seminar):
    national = factories.seminar(None)
    normandie = factories.seminar("normandie")
    works = [factories.assignment(s) for s in (seminar, national, normandie)]
    from django.contrib.auth.models import AnonymousUser

    for who, user in {**people, "anonymous": AnonymousUser()}.items():
        allowed = set(Assignment.objects.filter(rules.assignment_change_q(user)).values_list("pk", flat=True))
        assert allowed == {w.pk for w in works if rules.user_can_change_assignment(user, w)}, who
