"""The follow-up table: who sees which coordinators, filters, the CSV export, a fixed number of queries."""

import pytest
from django.utils import timezone

from learning import dashboard
from learning.models import InteractiveRecord, LessonProgress, ModuleProgress, QuizAttempt
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
    assert len(header) == 12 and row[2] == "coordinator.bretagne@example.org"
    assert row[5] == "Démarche qualité en équipe" and row[7] == "50" and row[11] == ""


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


@pytest.fixture
def scored(people, module):
    """Coordinator Bretagne: one lesson of two done, a quiz at 75 % then 90 %, two SCORM scores (6/8 and 40 %)."""
    user = people["coordinator_bretagne"]
    first = module.get_children().first()
    for number, score in ((1, 75), (2, 90)):
        QuizAttempt.objects.create(user=user, module_key=module.translation_key, lesson_key=first.translation_key,
                                   quiz_id="q", number=number, quiz_title="Quiz", score=score, correct=3, total=4,
                                   pass_mark=50, passed=True)
    for block_id, raw, low, high in (("a", 6, 0, 8), ("b", 40, None, None)):
        InteractiveRecord.objects.create(user=user, module_key=module.translation_key,
                                         lesson_key=first.translation_key, block_id=block_id, score_raw=raw,
                                         score_min=low, score_max=high)
    return module


def _row(html, person):
    """The table row of `person`: the header cell's link and the cells' markup, as the page writes them."""
    link = f'<a href="/{{}}/learning/dashboard/people/{person.pk}/">'
    for language in ("fr", "en"):
        if link.format(language) in html:
            start = html.index(link.format(language))
            return html[html.rindex("<tr>", 0, start): html.index("</tr>", start)]
    return None


@pytest.mark.parametrize("language, in_progress, quiz, interactive", [
    ("fr", "En cours (50 %)", "Quiz\u00a0: 90\u202f%", "Contenu interactif\u00a0: 75\u202f%"),
    ("en", "In progress (50 %)", "Quiz: 90 %", "Interactive content: 75 %"),
])
@pytest.mark.parametrize("who", ["trainer_bretagne", "national"])
def test_cells_say_status_best_quiz_and_interactive_scores_and_last_activity(
        client, people, scored, language, in_progress, quiz, interactive, who):
    from django.utils import dateformat, timezone
    from django.utils.formats import get_format
    from django.utils.translation import override

    client.force_login(people[who])
    html = client.get(f"/{language}/learning/dashboard/").content.decode()
    coordinator = people["coordinator_bretagne"]
    row = _row(html, coordinator)
    moment = timezone.localtime(ModuleProgress.objects.get(user=coordinator).last_activity)
    with override(language):
        day = dateformat.format(moment, get_format("SHORT_DATE_FORMAT"))
    assert row == (
        f'<tr>\n      <th scope="row"><a href="/{language}/learning/dashboard/people/{coordinator.pk}/">'
        f"{coordinator.get_full_name()}</a></th>\n"
        f'      <td class="status-in_progress">{in_progress}<br><span class="help">{quiz}</span>'
        f'<br><span class="help">{interactive}</span><br><span class="help">'
        f'<time datetime="{moment.isoformat(timespec="seconds")}">{day}</time></span></td>\n    '
    )
    other = _row(html, people["coordinator_normandie"])
    if who == "national":
        assert other.endswith('<td class="status-not_started">' + ("Pas commencé" if language == "fr" else
                                                                      "Not started") + "</td>\n    ")
    else:
        assert other is None
    csv = client.get(f"/{language}/learning/dashboard/export.csv").content.decode("utf-8-sig").splitlines()
    mine = [line.split(";") for line in csv if coordinator.email in line]
    assert [(cells[7], cells[9], cells[10], cells[11]) for cells in mine] == [("50", "90", "2", "75")]


def test_partners_and_coordinators_see_no_names_nor_cells(client, people, scored):
    client.force_login(people["partner_bretagne"])
    html = client.get(URL).content.decode()
    assert "/learning/dashboard/people/" not in html and 'class="status-' not in html
    assert "<td>0</td><td>1</td><td>0</td><td>50 %</td>" in html  # their one coordinator, half-way
    client.force_login(people["coordinator_bretagne"])
    assert client.get(URL).status_code == 404


def test_names_are_escaped(client, people, module):
    coordinator = people["coordinator_bretagne"]
    User.objects.filter(pk=coordinator.pk).update(first_name="<b>Léa</b>", last_name="Dupont & \"fils\"")
    client.force_login(people["trainer_bretagne"])
    html = client.get(URL).content.decode()
    assert "&lt;b&gt;Léa&lt;/b&gt; Dupont &amp; &quot;fils&quot;</a>" in html and "<b>Léa" not in html


@pytest.mark.parametrize("raw, low, high, percent", [
    (6, 0, 8, 75), (6, None, 8, 75), (40, None, None, 40), (0.5, 0, 1, 50), (12, 10, 20, 20), (30, 10, 20, 100),
    (150, None, None, None), (-5, None, None, None), (5, 10, 10, None),
])
def test_interactive_scores_in_percent(raw, low, high, percent):
    assert dashboard.score_percent(raw, low, high) == percent
