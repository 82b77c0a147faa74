import pytest
from wagtail.models import Page

from learning import demo
from learning.models import Certificate, InteractivePackage, LessonProgress, ModuleProgress, NotebookEntry, QuizAttempt

pytestmark = pytest.mark.django_db


def _counts():
    return [m.objects.count() for m in (Page, Certificate, LessonProgress, ModuleProgress, NotebookEntry, QuizAttempt,
                                        InteractivePackage)]


def test_the_demo_modules_load_once_with_english_and_progress(client, people, commit):
    # Step by step, as each commits in a real run (a page and its children's translations cannot publish together).
    for _ in range(2):
        for step in demo.STEPS:
            with commit():
                step()
        if _ == 0:
            first = _counts()
    assert _counts() == first
    bretagne = people["coordinator_bretagne"]
    assert Certificate.objects.get(user=bretagne).module_title == "Animer une réunion d’équipe pluriprofessionnelle"
    assert QuizAttempt.objects.filter(user=bretagne).count() == 2
    assert QuizAttempt.objects.get(user=people["coordinator_normandie"]).passed
    client.force_login(people["coordinator_normandie"])
    html = client.get("/en/resources/modules/").content.decode()
    assert "Running a multi-professional team meeting" in html
    assert "Démarche qualité : conduire un projet d’amélioration" in html  # French only, marked so
    lesson = client.get("/en/resources/modules/running-a-team-meeting/giving-everyone-a-say/").content.decode()
    assert "Which technique helps professionals who speak little?" in lesson
    assert client.get("/fr/ressources/modules/demarche-qualite/choisir-un-indicateur/").status_code == 200
    assert "Reprendre" in client.get("/fr/accounts/space/").content.decode()
    scorm_lesson = client.get("/fr/ressources/modules/accueillir-un-nouveau-professionnel/le-parcours-d-accueil/")
    assert 'title="Le parcours d’accueil en trois étapes"' in scorm_lesson.content.decode()
    h5p_lesson = client.get("/fr/ressources/modules/accueillir-un-nouveau-professionnel/le-role-du-referent/")
    assert 'title="Question : le rôle du référent"' in h5p_lesson.content.decode()
    assert 'data-message-type="pacte-h5p"' in h5p_lesson.content.decode()
    assert InteractivePackage.objects.filter(kind="h5p", title="Le rôle du référent").count() == 1
