"""Taking a module from start to finish: visits and Resume, lessons done, quizzes scored on the server (tampered
forms refused without a score), completion that survives edits, the notebook."""

import pytest
from django.db import IntegrityError, transaction

from learning import services
from learning.models import Certificate, LessonProgress, ModuleProgress, NotebookEntry, QuizAttempt
from learning.tests import factories as f

pytestmark = pytest.mark.django_db

RIGHT = {"number": "1", "a-q:q1": "q1-right", "a-q:q2": ["q2-a", "q2-b"]}


@pytest.fixture
def module():
    return f.make_module(lessons=3, bodies={1: [f.paragraph("Avant le quiz."), f.simple_quiz(), f.reflection()]})


def lessons(module):
    return list(module.get_children().specific().order_by("path"))


def submit(client, lesson, data, quiz_id="quiz-1"):
    return client.post(f"/fr/learning/lessons/{lesson.pk}/quizzes/{quiz_id}/", data)


def test_anonymous_visitors_are_sent_to_the_login_page(client, module):
    for page in (module.get_parent(), module, lessons(module)[0]):
        response = client.get(page.get_url())
        assert response.status_code == 302 and "/accounts/login/" in response["Location"]


def test_the_quiz_page_never_contains_the_correct_answers(client, people, module):
    client.force_login(people["coordinator_bretagne"])
    html = client.get(lessons(module)[1].get_url()).content.decode()
    assert 'name="a-q:q1"' in html and "Le coordonnateur" in html
    for secret in ("correct", "Oui.", "Non."):  # neither the flags nor the feedback
        assert secret not in html


def test_a_module_end_to_end(client, people, module):
    first, second, third = lessons(module)
    user = people["coordinator_bretagne"]
    client.force_login(user)
    catalogue = client.get(module.get_parent().get_url()).content.decode()
    assert "Pas commencé" in catalogue

    assert client.get(first.get_url()).status_code == 200
    response = client.post(f"/fr/learning/lessons/{first.pk}/done/")
    assert response.status_code == 302 and response["Location"] == second.get_url()

    # A lesson with a quiz cannot be marked done before the quiz is passed.
    client.post(f"/fr/learning/lessons/{second.pk}/done/")
    assert not LessonProgress.objects.filter(user=user, lesson_key=second.translation_key).exists()

    response = submit(client, second, {"number": "1", "a-q:q1": "q1-wrong", "a-q:q2": ["q2-a"]})
    attempt = QuizAttempt.objects.get(user=user)
    assert response["Location"] == f"/fr/learning/attempts/{attempt.pk}/"
    assert (attempt.score, attempt.passed, attempt.number) == (0, False, 1)
    result = client.get(response["Location"]).content.decode()
    assert "Non." in result  # the feedback of the answer chosen, after submitting

    submit(client, second, {**RIGHT, "number": "2"})
    assert QuizAttempt.objects.filter(user=user, passed=True, score=100, number=2).exists()
    assert LessonProgress.objects.filter(user=user, lesson_key=second.translation_key).exists()

    assert not Certificate.objects.filter(user=user).exists()
    client.post(f"/fr/learning/lessons/{third.pk}/done/")
    progress = ModuleProgress.objects.get(user=user)
    assert progress.completed_at is not None
    certificate = Certificate.objects.get(user=user)
    assert certificate.module_title == module.title and certificate.duration_minutes == 90
    assert len(certificate.code) == 12
    page = client.get(module.get_url()).content.decode()
    assert f"/fr/learning/certificates/{certificate.pk}/" in page


def test_resume_leads_to_the_last_lesson_visited(client, people, module):
    first, second, third = lessons(module)
    client.force_login(people["coordinator_bretagne"])
    client.get(second.get_url())
    response = client.get(f"/fr/learning/modules/{module.pk}/resume/")
    assert response["Location"] == second.get_url()
    # The lesson removed: Resume falls back on the first lesson not done.
    second.unpublish()
    client.post(f"/fr/learning/lessons/{first.pk}/done/")
    progress = ModuleProgress.objects.get()
    progress.last_lesson_key = second.translation_key
    progress.save()
    assert client.get(f"/fr/learning/modules/{module.pk}/resume/")["Location"] == third.get_url()


def test_a_visit_writes_when_the_lesson_changes_or_a_minute_has_passed(
    client, people, module, django_assert_num_queries
):
    """Seeing the same lesson again within a minute writes nothing: "last activity" is kept to the minute."""
    from datetime import timedelta

    from django.core.cache import cache
    from django.utils import timezone

    first, second, third = lessons(module)
    user = people["coordinator_bretagne"]
    services.record_visit(user, first, module)
    written = ModuleProgress.objects.get(user=user).last_activity
    with django_assert_num_queries(0):
        services.record_visit(user, first, module)
    assert ModuleProgress.objects.get(user=user).last_activity == written
    # Another lesson: written at once.
    services.record_visit(user, second, module)
    progress = ModuleProgress.objects.get(user=user)
    assert progress.last_lesson_key == second.translation_key and progress.last_activity > written
    # The same lesson a minute later: written again (the remembered write made a minute old).
    key = services._visit_key(user, module)
    cache.set(key, (cache.get(key)[0], timezone.now() - services.VISIT_PRECISION - timedelta(seconds=1)))
    services.record_visit(user, second, module)
    assert ModuleProgress.objects.get(user=user).last_activity > progress.last_activity
    # A lesson marked done moves Resume there; a visit to the lesson seen just before is written again.
    client.force_login(user)
    client.get(first.get_url())
    assert client.post(f"/fr/learning/lessons/{third.pk}/done/").status_code == 302
    assert ModuleProgress.objects.get(user=user).last_lesson_key == third.translation_key
    client.get(first.get_url())
    assert ModuleProgress.objects.get(user=user).last_lesson_key == first.translation_key


@pytest.mark.parametrize("data, message", [
    ({"number": "1", "a-q:q1": "q1-right"}, "Répondez à toutes les questions"),
    ({**RIGHT, "a-q:other": "q1-right"}, "ce quiz ne pose pas"),
    ({**RIGHT, "a-q:q1": "not-a-choice"}, "ce quiz ne propose pas"),
    ({**RIGHT, "a-q:q1": "q2-a"}, "ce quiz ne propose pas"),  # an answer of another question
    ({**RIGHT, "a-q:q2": ["q2-a", "q2-a"]}, "deux fois"),
    ({**RIGHT, "a-q:q1": ["q1-right", "q1-wrong"]}, "qu’une réponse"),
    ({**RIGHT, "number": "7"}, "page périmée"),
    ({**RIGHT, "number": ""}, "page périmée"),
    ({key: value for key, value in RIGHT.items() if key != "number"}, "page périmée"),
    ({"number": "1", "a-q:q1": "\x00", "a-q:q2": "' OR 1=1 --"}, "ce quiz ne propose pas"),
])
def test_a_tampered_form_gets_a_clear_error_and_no_score(client, people, module, data, message):
    client.force_login(people["coordinator_bretagne"])
    response = submit(client, lessons(module)[1], data)
    assert response.status_code == 400
    assert message in response.content.decode()
    assert not QuizAttempt.objects.exists()


def test_an_unknown_quiz_or_lesson_is_refused(client, people, module):
    client.force_login(people["coordinator_bretagne"])
    response = submit(client, lessons(module)[1], RIGHT, quiz_id="no-such-quiz")
    assert response.status_code == 400 and "n’existe plus" in response.content.decode()
    assert client.post("/fr/learning/lessons/999999/quizzes/quiz-1/", RIGHT).status_code == 404
    assert not QuizAttempt.objects.exists()


def test_attempts_are_limited(client, people):
    module = f.make_module(lessons=1, bodies={0: [f.simple_quiz(max_attempts=1)]})
    lesson = lessons(module)[0]
    client.force_login(people["coordinator_bretagne"])
    submit(client, lesson, {**RIGHT, "a-q:q1": "q1-wrong"})
    response = submit(client, lesson, {**RIGHT, "number": "2"})
    assert response.status_code == 400 and "toutes les tentatives" in response.content.decode()
    assert QuizAttempt.objects.count() == 1
    assert "Envoyer mes réponses" not in client.get(lesson.get_url()).content.decode()


def test_the_same_form_sent_twice_counts_once(client, people, module):
    client.force_login(people["coordinator_bretagne"])
    lesson = lessons(module)[1]
    submit(client, lesson, RIGHT)
    assert submit(client, lesson, RIGHT).status_code == 400  # the second carries an out-of-date number
    assert QuizAttempt.objects.count() == 1


def test_progress_rows_are_unique_in_the_database(people, module):
    user = people["coordinator_bretagne"]
    lesson = lessons(module)[0]
    services.mark_lesson_done(user, lesson, module)
    with pytest.raises(IntegrityError), transaction.atomic():
        ModuleProgress.objects.create(user=user, module_key=module.translation_key)
    with pytest.raises(IntegrityError), transaction.atomic():
        LessonProgress.objects.create(user=user, module_key=module.translation_key, lesson_key=lesson.translation_key)
    services.mark_lesson_done(user, lesson, module)  # again: nothing new
    assert LessonProgress.objects.count() == 1 and ModuleProgress.objects.count() == 1


def test_completion_survives_edits_to_the_module(people):
    user = people["coordinator_bretagne"]
    module = f.make_module(lessons=2)
    first, second = lessons(module)
    services.mark_lesson_done(user, first, module)
    services.mark_lesson_done(user, second, module)
    assert ModuleProgress.objects.get(user=user).completed_at
    # A lesson added later: the module stays complete, the certificate stays.
    f.add_lesson(module, "Leçon ajoutée", [f.paragraph("Nouveau.")])
    from learning.catalogue import module_context

    assert module_context(user, module)["module_status"].status == "completed"
    # A lesson removed: nothing breaks, and someone who had not finished finishes with one lesson fewer.
    other = people["coordinator_normandie"]
    services.mark_lesson_done(other, first, module)
    services.mark_lesson_done(other, second, module)
    status = module_context(other, module)["module_status"]
    assert status.status == "in_progress" and (status.done, status.total) == (2, 3)
    lessons(module)[2].delete()
    services.mark_lesson_done(other, second, module)  # any action checks again
    assert ModuleProgress.objects.get(user=other).completed_at
    assert Certificate.objects.filter(module_key=module.translation_key).count() == 2


def test_the_notebook_is_private_until_shared(client, people, module):
    user = people["coordinator_bretagne"]
    lesson = lessons(module)[1]
    client.force_login(user)
    url = f"/fr/learning/lessons/{lesson.pk}/reflections/reflection-1/"
    client.post(url, {"answer": "Mieux préparer l’ordre du jour."})
    entry = NotebookEntry.objects.get(user=user)
    assert entry.answer == "Mieux préparer l’ordre du jour." and not entry.shared
    assert "Mieux préparer" in client.get(lesson.get_url()).content.decode()
    trainer = people["trainer_bretagne"]
    client.force_login(trainer)
    assert "Mieux préparer" not in client.get(f"/fr/learning/dashboard/people/{user.pk}/").content.decode()
    client.force_login(user)
    client.post(url, {"answer": "Mieux préparer l’ordre du jour.", "shared": "on"})
    client.force_login(trainer)
    assert "Mieux préparer" in client.get(f"/fr/learning/dashboard/people/{user.pk}/").content.decode()
    client.force_login(people["trainer_normandie"])
    assert client.get(f"/fr/learning/dashboard/people/{user.pk}/").status_code == 404


@pytest.mark.parametrize("data", [{"answer": ""}, {"answer": "x" * 10001}, {}])
def test_a_bad_notebook_entry_is_refused(client, people, module, data):
    client.force_login(people["coordinator_bretagne"])
    lesson = lessons(module)[1]
    client.post(f"/fr/learning/lessons/{lesson.pk}/reflections/reflection-1/", data)
    client.post(f"/fr/learning/lessons/{lesson.pk}/reflections/not-a-block/", {"answer": "x"})
    assert not NotebookEntry.objects.exists()


def test_bank_questions_are_drawn_the_same_way_when_the_form_comes_back(client, people):
    bank = f.make_bank([f.question(f"Question {n}", [f.choice("Oui", True, id=f"yes-{n}"),
                                                     f.choice("Non", id=f"no-{n}")], id=f"bq{n}")
                        for n in range(6)])
    draw = {"type": "from_bank", "id": "draw", "value": {"bank": bank.pk, "count": 3}}
    module = f.make_module(lessons=1, bodies={0: [f.quiz([draw], id="quiz-1", pass_mark=100)]})
    lesson = lessons(module)[0]
    client.force_login(people["coordinator_bretagne"])
    html = client.get(lesson.get_url()).content.decode()
    asked = [n for n in range(6) if f'name="a-b:{bank.pk}:bq{n}"' in html]
    assert len(asked) == 3
    data = {"number": "1", **{f"a-b:{bank.pk}:bq{n}": f"yes-{n}" for n in asked}}
    submit(client, lesson, data)
    assert QuizAttempt.objects.get().score == 100
    # A question the draw did not ask is refused.
    missing = next(n for n in range(6) if n not in asked)
    response = submit(client, lesson, {**data, "number": "2", f"a-b:{bank.pk}:bq{missing}": f"yes-{missing}"})
    assert response.status_code == 400 and "ce quiz ne pose pas" in response.content.decode()
    assert QuizAttempt.objects.count() == 1


def test_trainer_only_modules_are_hidden_from_coordinators(client, people):
    from learning.enums import Audience

    module = f.make_module(lessons=1, audience=Audience.TRAINERS)
    client.force_login(people["coordinator_bretagne"])
    assert client.get(module.get_url()).status_code == 404
    assert client.get(lessons(module)[0].get_url()).status_code == 404
    assert module.title not in client.get(module.get_parent().get_url()).content.decode()
    client.force_login(people["trainer_bretagne"])
    assert client.get(module.get_url()).status_code == 200
