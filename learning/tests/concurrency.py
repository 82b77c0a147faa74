"""Two tabs, a double click: simultaneous requests record one attempt, one progress row, one certificate
(PostgreSQL: SQLite serialises every write to the whole database, which proves nothing about row locks)."""

import threading

from django.db import connections
from django.http import QueryDict

from learning import services
from learning.models import Certificate, LessonPage, ModulePage, ModuleProgress, QuizAttempt
from learning.quizzes import QuizFormError
from learning.tests import factories as f

THREADS = 10


def _at_once(action):
    barrier = threading.Barrier(THREADS)
    outcomes = []

    def run():
        try:
            barrier.wait()
            action()
            outcomes.append("ok")
        except QuizFormError:
            outcomes.append("refused")
        except Exception as exc:  # noqa: BLE001 (reported below)
            outcomes.append(exc)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=run) for _ in range(THREADS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return outcomes


def check_simultaneous_visits_and_submissions_record_once(people):
    user = people["coordinator_bretagne"]
    module = f.make_module(lessons=1, bodies={0: [f.simple_quiz()]})
    lesson = module.get_children().specific().first()

    def visit():
        services.record_visit(user, LessonPage.objects.get(pk=lesson.pk), ModulePage.objects.get(pk=module.pk))

    assert _at_once(visit) == ["ok"] * THREADS
    assert ModuleProgress.objects.filter(user=user).count() == 1

    data = QueryDict(mutable=True)
    data.update({"number": "1", "a-q:q1": "q1-right"})
    data.setlist("a-q:q2", ["q2-a", "q2-b"])

    def submit():
        services.submit_quiz(user, LessonPage.objects.get(pk=lesson.pk), ModulePage.objects.get(pk=module.pk),
                             "quiz-1", data)

    outcomes = _at_once(submit)
    assert sorted(outcomes, key=str) == ["ok"] + ["refused"] * (THREADS - 1)
    assert QuizAttempt.objects.filter(user=user).count() == 1
    assert Certificate.objects.filter(user=user).count() == 1
