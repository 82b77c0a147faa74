"""Modules, lessons and quizzes for tests, built in the page tree that setup_site makes (the French learning index,
translated to English)."""

import uuid

from wagtail.models import Locale

from learning.enums import Audience, QuestionKind, Theme
from learning.models import LearningIndexPage, LessonPage, ModuleIndexPage, ModulePage, QuestionBank


def _id():
    return str(uuid.uuid4())


def choice(text, correct=False, feedback="", id=None):
    return {"type": "item", "id": id or _id(), "value": {"text": text, "correct": correct, "feedback": feedback}}


def question(text, choices, kind=QuestionKind.SINGLE, id=None):
    return {"type": "question", "id": id or _id(), "value": {"kind": kind, "text": text, "choices": choices}}


def quiz(questions, title="Quiz", pass_mark=50, max_attempts=0, id=None):
    return {"type": "quiz", "id": id or _id(),
            "value": {"title": title, "pass_mark": pass_mark, "max_attempts": max_attempts, "questions": questions}}


def simple_quiz(id="quiz-1", max_attempts=0):
    """Two questions: q1 single choice (right answer "q1-right"), q2 multiple (right: "q2-a" and "q2-b")."""
    return quiz([
        question("Qui anime l’équipe ?", [choice("Le coordonnateur", True, "Oui.", id="q1-right"),
                                          choice("Personne", False, "Non.", id="q1-wrong")], id="q1"),
        question("Quels outils ?", [choice("Ordre du jour", True, id="q2-a"), choice("Compte rendu", True, id="q2-b"),
                                    choice("Rien", False, id="q2-c")], kind=QuestionKind.MULTIPLE, id="q2"),
    ], title="Quiz de la leçon", pass_mark=100, max_attempts=max_attempts, id=id)


def paragraph(text):
    return {"type": "paragraph", "id": _id(), "value": f"<p>{text}</p>"}


def reflection(prompt="Qu’avez-vous appris ?", id="reflection-1"):
    return {"type": "reflection", "id": id, "value": {"prompt": prompt, "guidance": ""}}


def module_index(language="fr"):
    index = ModuleIndexPage.objects.filter(locale__language_code=language).first()
    if index:
        return index
    parent = LearningIndexPage.objects.get(locale__language_code="fr")
    index = ModuleIndexPage(title="Modules d’e-learning", slug="modules")
    parent.add_child(instance=index)
    index.save_revision().publish()
    if language != "fr":
        from cms.services.translation import translate

        return translate(index, language, {"Modules d’e-learning": "E-learning modules"}, publish=True)
    return index


def make_module(title="Conduire une réunion d’équipe", lessons=3, bodies=None, audience=Audience.COORDINATORS,
                duration=90, slug=None):
    """A published French module with `lessons` lessons; `bodies` gives some lessons' StreamField data."""
    index = module_index()
    module = ModulePage(
        title=title, slug=slug or f"module-{uuid.uuid4().hex[:8]}", summary="Un module pour tester.",
        objectives="<p>Savoir faire.</p>", duration_minutes=duration, theme=Theme.COLLABORATION,
        audience=audience,
    )
    index.add_child(instance=module)
    module.save_revision().publish()
    bodies = bodies or {}
    for number in range(lessons):
        add_lesson(module, f"Leçon {number + 1}", bodies.get(number, [paragraph(f"Contenu {number + 1}.")]))
    return module


def add_lesson(module, title, body, bulk=False):
    lesson = LessonPage(title=title, slug=f"lecon-{uuid.uuid4().hex[:8]}", body=body, summary="")
    module.add_child(instance=lesson)
    if not bulk:
        lesson.save_revision().publish()
    return lesson


def make_bank(questions, title="Banque démarche qualité"):
    return QuestionBank.objects.create(title=title, theme=Theme.QUALITY, questions=questions,
                                       locale=Locale.get_default())


def make_package(version="1.2", title="Activité SCORM", data=None):
    """An InteractivePackage checked and extracted from a tiny handmade zip (learning.scorm_samples)."""
    import io

    from learning import packages, services
    from learning.models import InteractivePackage
    from learning.scorm_samples import scorm_zip

    upload = io.BytesIO(data or scorm_zip(version, title=title))
    package = InteractivePackage(title=title)
    services.store_package(package, upload, packages.inspect(upload))
    package.save()
    return package


def interactive(package, id="interactive-1", title="Activité interactive"):
    return {"type": "interactive", "id": id, "value": {"package": package.pk, "title": title, "height": 400}}
