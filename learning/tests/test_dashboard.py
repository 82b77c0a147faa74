"""The follow-up table: who sees which coordinators, filters, the CSV export, a fixed number of queries."""

import pytest
from django.utils import timezone

from learning.models import LessonProgress, ModuleProgress, QuizAttempt
from learning.tests import factories as f
from people.enums import Role
from people.models import Region, User

pytestmark = pytest.mark.django_db

URL = "/fr/learning/dashboard/"


@pytest.fixture
def module(people):
    from learning import services

    module = f.make_module(lessons=2, title="Démarche qualité en équipe")
    first = module.get_children().specific().first()
    services.mark_lesson_done(people["coordinator_bretagne"], first, module)
    return module


@pytest.mark.parametrize("who, status, names", [
    ("coordinator_bretagne", 404, None), ("partner_bretagne", 200, False),
    ("trainer_bretagne", 200, {"coordinator_bretagne"}), ("trainer_normandie", 200, {"coordinator_normandie"}),
    ("national", 200, {"coordinator_bretagne", "coordinator_normandie"}),
])
def test_who_sees_whom(client, people, module, who, status, names):
    client.force_login(people[who])
    response = client.get(URL)
    assert response.status_code == status
    if status != 200:
        return
    html = response.content.decode()
    for key in ("coordinator_bretagne", "coordinator_normandie"):
        assert (people[key].get_full_name() in html) is (bool(names) and key in names)
    assert "Démarche qualité en équipe" in html
    csv = client.get(URL + "export.csv").content.decode("utf-8")
    assert csv.startswith("\ufeff")
    for key in ("coordinator_bretagne", "coordinator_normandie"):
        assert (people[key].email in csv) is (bool(names) and key in names)


def test_csv_is_for_excel_in_france(client, people, module):
    client.force_login(people["trainer_bretagne"])
    response = client.get(URL + "export.csv")
    assert response["Content-Type"].startswith("text/csv")
    lines = response.content.decode("utf-8-sig").splitlines()
    header, row = lines[0].split(";"), lines[1].split(";")
    assert len(header) == 11 and row[2] == "coordinator.bretagne@example.org"
    assert row[5] == "Démarche qualité en équipe" and row[7] == "50"


def test_partners_see_figures_without_names(client, people, module):
    client.force_login(people["partner_bretagne"])
    lines = client.get(URL + "export.csv").content.decode("utf-8-sig").splitlines()
    assert lines[1].split(";")[:5] == ["Démarche qualité en équipe", "1", "0", "1", "0"]
    assert "bretagne@example.org" not in "\n".join(lines)


def test_filters(client, people, module):
    client.force_login(people["national"])
    other = f.make_module(lessons=1, title="Santé publique et territoire")
    html = client.get(URL, {"module": other.pk}).content.decode()
    assert "Santé publique et territoire" in html
    html = client.get(URL, {"status": "in_progress"}).content.decode()
    assert people["coordinator_bretagne"].get_full_name() in html
    assert people["coordinator_normandie"].get_full_name() not in html
    normandie = Region.objects.get(code="normandie")
    html = client.get(URL, {"region": normandie.pk}).content.decode()
    assert people["coordinator_bretagne"].get_full_name() not in html
    # Nonsense filters are ignored, never a 500.
    for params in ({"module": "x"}, {"module": "99999999999999999999"}, {"status": "<b>"}, {"region": "-1"}):
        assert client.get(URL, params).status_code == 200


def test_dashboard_of_200_coordinators_and_10_modules_has_fixed_queries(client, people, django_assert_max_num_queries):
    modules = [f.make_module(lessons=0, title=f"Module {n}") for n in range(10)]
    for module in modules:
        for n in range(3):
            f.add_lesson(module, f"Leçon {n}", [f.paragraph("x")], bulk=True)
    lessons = {m.translation_key: [l.translation_key for l in m.get_children()] for m in modules}
    bretagne = Region.objects.get(code="bretagne")
    users = User.objects.bulk_create([
        User(email=f"c{n}@example.org", first_name="Camille", last_name=f"Nom{n:03}", role=Role.COORDINATOR)
        for n in range(200)
    ])
    User.regions.through.objects.bulk_create([User.regions.through(user_id=u.pk, region_id=bretagne.pk) for u in users])
    now = timezone.now()
    ModuleProgress.objects.bulk_create([
        ModuleProgress(user=u, module_key=m.translation_key, last_lesson_key=lessons[m.translation_key][0])
        for u in users for m in modules[:5]
    ])
    LessonProgress.objects.bulk_create([
        LessonProgress(user=u, module_key=m.translation_key, lesson_key=lessons[m.translation_key][0])
        for u in users for m in modules[:5]
    ])
    QuizAttempt.objects.bulk_create([
        QuizAttempt(user=u, module_key=m.translation_key, lesson_key=lessons[m.translation_key][0], quiz_id="q",
                    number=1, quiz_title="Quiz", score=80, correct=4, total=5, pass_mark=80, passed=True,
                    created_at=now)
        for u in users[:50] for m in modules[:5]
    ])
    client.force_login(people["trainer_bretagne"])
    client.get(URL)
    with django_assert_max_num_queries(16):
        response = client.get(URL)
    html = response.content.decode()
    assert html.count('class="status-in_progress"') == 1000 and "Nom199" in html
    with django_assert_max_num_queries(16):
        assert client.get(URL + "export.csv").status_code == 200
