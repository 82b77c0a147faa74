"""Authoring through the admin, translation through wagtail-localize, and the pages' query counts."""

import pytest
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from cms.services.translation import translate
from learning.models import LessonPage, ModulePage, QuizAttempt
from learning.tests import factories as f

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("who", ["trainer_bretagne", "national"])
def test_trainers_and_the_national_team_author_modules_in_the_admin(client, people, who):
    index = f.module_index()
    client.force_login(people[who])
    data = nested_form_data({
        "title": "Animer une réunion pluriprofessionnelle", "slug": "animer-une-reunion",
        "summary": "Préparer, animer, conclure.", "objectives": rich_text("<p>Savoir animer.</p>"),
        "duration_minutes": 45, "theme": "collaboration", "audience": "coordinators", "cover_alt": "",
        "prerequisite_links": inline_formset([]),
        "action-publish": "publish",
    })
    response = client.post(f"/admin/pages/add/learning/modulepage/{index.pk}/", data)
    assert response.status_code == 302, response.content.decode()[:2000]
    module = ModulePage.objects.get(slug="animer-une-reunion")
    assert module.live
    lesson = nested_form_data({
        "title": "Préparer l’ordre du jour", "slug": "ordre-du-jour", "summary": "", "duration_minutes": 10,
        "body": streamfield([
            ("paragraph", rich_text("<p>Un ordre du jour clair.</p>")),
            ("quiz", {"title": "Vérifier", "pass_mark": 50, "max_attempts": 0, "questions": streamfield([
                ("question", {"kind": "single", "text": "Qui prépare ?", "choices": {
                    "count": 2,
                    "0-deleted": "", "0-order": 0, "0-value-text": "Le coordonnateur", "0-value-correct": "on",
                    "0-value-feedback": "Oui.",
                    "1-deleted": "", "1-order": 1, "1-value-text": "Personne", "1-value-feedback": "",
                }}),
            ])}),
            ("reflection", {"prompt": "Comment préparez-vous vos réunions ?", "guidance": ""}),
        ]),
        "action-publish": "publish",
    })
    response = client.post(f"/admin/pages/add/learning/lessonpage/{module.pk}/", lesson)
    assert response.status_code == 302, response.content.decode()[:3000]
    created = LessonPage.objects.get(slug="ordre-du-jour")
    assert [b.block_type for b in created.body] == ["paragraph", "quiz", "reflection"]


def test_a_question_without_a_correct_answer_is_refused(client, people):
    module = f.make_module(lessons=0)
    client.force_login(people["trainer_bretagne"])
    lesson = nested_form_data({
        "title": "Sans bonne réponse", "slug": "sans", "summary": "", "duration_minutes": 10,
        "body": streamfield([
            ("quiz", {"title": "Q", "pass_mark": 50, "max_attempts": 0, "questions": streamfield([
                ("question", {"kind": "single", "text": "?", "choices": {
                    "count": 2, "0-deleted": "", "0-order": 0, "0-value-text": "A", "0-value-feedback": "",
                    "1-deleted": "", "1-order": 1, "1-value-text": "B", "1-value-feedback": "",
                }}),
            ])}),
        ]),
        "action-publish": "publish",
    })
    response = client.post(f"/admin/pages/add/learning/lessonpage/{module.pk}/", lesson)
    assert response.status_code == 200
    assert not LessonPage.objects.filter(slug="sans").exists()


def test_coordinators_cannot_author(people):
    index = f.module_index()
    assert not index.permissions_for_user(people["coordinator_bretagne"]).can_add_subpage()
    assert index.permissions_for_user(people["trainer_normandie"]).can_add_subpage()


def test_a_translated_module_is_taken_in_english_with_the_same_progress(client, people, commit):
    with commit():
        f.module_index("en")
    module = f.make_module(lessons=1, title="Conduire le changement",
                           bodies={0: [f.paragraph("Texte."), f.simple_quiz()]})
    lesson = module.get_children().specific().first()
    with commit():
        translate(module, "en", {"Conduire le changement": "Leading change"}, publish=True)
    with commit():
        translate(lesson, "en", {"Qui anime l’équipe ?": "Who leads the team?"}, publish=True)
    english = ModulePage.objects.get(translation_key=module.translation_key, locale__language_code="en")
    english_lesson = LessonPage.objects.get(translation_key=lesson.translation_key, locale__language_code="en")
    assert english.live and english_lesson.live
    # Block ids (quiz, questions, answers) survive translation: the same form scores in both languages.
    assert [b.id for b in english_lesson.body] == [b.id for b in lesson.body]
    client.force_login(people["coordinator_normandie"])
    html = client.get(english_lesson.get_url()).content.decode()
    assert "Who leads the team?" in html and 'value="q1-right"' in html
    client.post(f"/en/learning/lessons/{english_lesson.pk}/quizzes/quiz-1/",
                {"number": "1", "a-q:q1": "q1-right", "a-q:q2": ["q2-a", "q2-b"]})
    assert QuizAttempt.objects.get().passed
    assert "Completed" in client.get(english.get_url()).content.decode()
    assert "Terminé" in client.get(module.get_url()).content.decode()


def test_the_english_catalogue_lists_untranslated_modules_as_french(client, people, commit):
    with commit():
        english_index = f.module_index("en")
    f.make_module(lessons=1, title="Santé publique : les bases")
    client.force_login(people["coordinator_normandie"])
    html = client.get(english_index.get_url()).content.decode()
    assert "Santé publique : les bases" in html and "Not translated yet: this module is in French." in html
    assert 'hreflang="fr"' in html


@pytest.fixture
def big_module():
    module = f.make_module(lessons=0, title="Trente leçons")
    for n in range(30):
        f.add_lesson(module, f"Leçon {n}", [f.paragraph("Texte."), f.simple_quiz(id=f"quiz-{n}"), f.reflection()])
    for n in range(9):
        f.make_module(lessons=3, title=f"Module {n}")
    return module


def test_pages_have_fixed_queries(client, people, big_module, django_assert_max_num_queries):
    from learning import services

    user = people["coordinator_bretagne"]
    lessons = list(big_module.get_children().specific())
    for lesson in lessons[:10]:
        services.record_visit(user, lesson, big_module)
        services.save_reflection(user, lesson, big_module, "reflection-1", "Note", False)
    client.force_login(user)
    for url, limit in ((big_module.get_parent().get_url(), 11), (big_module.get_url(), 11),
                       (lessons[15].get_url(), 10)):  # a lesson seen again within the minute: no visit written
        client.get(url)
        with django_assert_max_num_queries(limit):
            assert client.get(url).status_code == 200


def test_a_lesson_page_shows_its_module_as_last_published(client, people, commit):
    """The module's outline (title, audience, lessons) is cached with the navigation: a publication refreshes it."""
    module = f.make_module(lessons=2, title="Avant")
    first = module.get_children().first()
    client.force_login(people["coordinator_bretagne"])
    html = client.get(first.url).content.decode()
    assert "Avant" in html and html.count('<li class="') >= 2 and "Leçon ajoutée" not in html
    with commit():
        f.add_lesson(module, "Leçon ajoutée", [f.paragraph("Nouveau.")])
        module.title = "Après"
        module.save_revision().publish()
    html = client.get(first.url).content.decode()
    assert "Après" in html and "Leçon ajoutée" in html
    with commit():
        module.audience = "trainers"
        module.save_revision().publish()
    assert client.get(first.url).status_code == 404
    client.force_login(people["trainer_bretagne"])
    assert client.get(first.url).status_code == 200


def test_a_lesson_writes_its_quiz_and_reflection_question_escaped(client, people):
    """The quiz and the reflection question are written in Python (learning.fragments): the markup the templates
    wrote, the content's text escaped, one CSRF token per form."""
    from learning.enums import QuestionKind

    body = [f.quiz([f.question("Pourquoi <b> donc", [f.choice("Oui & non", True, id="c1"), f.choice("Non", id="c2")],
                               kind=QuestionKind.MULTIPLE, id="q1")], title="<Quiz>", max_attempts=2, id="quiz-x"),
            f.reflection(prompt="Et <vous> donc", id="r1")]
    module = f.make_module(lessons=1, bodies={0: body})
    lesson = module.get_children().first()
    user = people["coordinator_bretagne"]
    client.force_login(user)
    html = client.get(lesson.url).content.decode()
    for part in (
        '<section class="quiz" id="quiz-quiz-x" aria-labelledby="quiz-title-quiz-x">\n'
        '  <h2 id="quiz-title-quiz-x">&lt;Quiz&gt;</h2>\n  <p class="help">Note de réussite\u00a0: 50\u202f%.\n'
        "    2 tentatives permises.</p>\n  \n  \n"
        f'  <form method="post" action="/fr/learning/lessons/{lesson.pk}/quizzes/quiz-x/"><input type="hidden" '
        'name="csrfmiddlewaretoken" value="',
        '    <fieldset class="quiz-question">\n      <legend>1. Pourquoi &lt;b&gt; donc <span class="help">'
        "(plusieurs réponses possibles)</span></legend>\n      \n      <div class=\"quiz-choice\">\n"
        '        <input type="checkbox" id="c-quiz-x-c1" name="a-q:q1" value="c1">\n'
        '        <label for="c-quiz-x-c1">Oui &amp; non</label>\n      </div>',
        '<p class="reflection-prompt">Et &lt;vous&gt; donc</p>\n  \n'
        f'  <form method="post" action="/fr/learning/lessons/{lesson.pk}/reflections/r1/"><input type="hidden" '
        'name="csrfmiddlewaretoken" value="',
        '<textarea id="answer-r1" name="answer" rows="5" required></textarea>',
    ):
        assert part in html
    attempts = [QuizAttempt.objects.create(user=user, module_key=module.translation_key,
                                           lesson_key=lesson.translation_key, quiz_id="quiz-x", number=n,
                                           quiz_title="Quiz", score=score, correct=0, total=1, pass_mark=50,
                                           passed=score >= 50) for n, score in ((1, 40), (2, 100))]
    html = client.get(lesson.url).content.decode()
    assert (
        '  <ul class="quiz-attempts">\n'
        f'    <li><a href="/fr/learning/attempts/{attempts[0].pk}/">Tentative 1\u00a0: 40\u202f%</a> – pas réussi</li>\n'
        "  \n"
        f'    <li><a href="/fr/learning/attempts/{attempts[1].pk}/">Tentative 2\u00a0: 100\u202f%</a> – réussi</li>\n'
        "  </ul>\n  <p>Vous avez utilisé toutes les tentatives que ce quiz permet.</p>\n</section>"
    ) in html
    assert 'action="/fr/learning/lessons/{}/quizzes/'.format(lesson.pk) not in html
