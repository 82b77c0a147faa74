"""H5P content: hostile .h5p files refused before anything is extracted, each with its reason (in English and
French); a valid one (our own library, learning.h5p_samples) extracted and played on a sandboxed player page that
fetches its files through signed links; the results its player sends checked (tampered values answer 400 and record
nothing) and recorded in the learner's record; completion marks the lesson done."""

import base64
import io
import json
import re
import stat
import zipfile

import pytest
from django.utils import translation

from learning import packages
from learning.enums import Audience, PackageKind
from learning.h5p_samples import FOLDER, LIBRARY, h5p_files, h5p_zip, manifest
from learning.models import InteractivePackage, InteractiveRecord, LessonProgress
from learning.tests import factories as f

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _packages_root(settings, tmp_path):
    settings.PACTE_LEARNING_PACKAGES_ROOT = tmp_path / "packages"


def files(**changes):
    """A valid .h5p's files with `changes` (None removes a file)."""
    result = h5p_files("Une question")
    for name, content in changes.items():
        if content is None:
            result.pop(name, None)
        else:
            result[name] = content
    return result


def zip_of(entries, symlink=None):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, content in entries.items():
            archive.writestr(name, content)
        if symlink:
            info = zipfile.ZipInfo(symlink)
            info.create_system = 3
            info.external_attr = (stat.S_IFLNK | 0o777) << 16
            archive.writestr(info, "/etc/passwd")
    return buffer.getvalue()


def refusal(data, language="en"):
    with translation.override(language), pytest.raises(packages.PackageError) as error:
        packages.inspect(io.BytesIO(data))
    return str(error.value)


def h5p_json(**changes):
    return json.dumps({**manifest("Une question"), **changes})


def library_json(**changes):
    return json.dumps({**LIBRARY, **changes})


NESTED = "[" * 100000 + "]" * 100000


def noise(size):
    """Text that does not compress (a zip bomb check would refuse it first otherwise)."""
    import random
    import string

    generator = random.Random(size)
    return "".join(generator.choice(string.ascii_letters) for _ in range(size))


@pytest.mark.parametrize("entries, symlink, reason", [
    (files(**{"../evil.js": "x"}), None, "leaving its folder"),
    (files(**{"content/../../evil.json": "{}"}), None, "leaving its folder"),
    (files(**{"/etc/cron.d/evil.txt": "x"}), None, "absolute path"),
    (files(**{"C:/evil.txt": "x"}), None, "absolute path"),
    (files(**{"content\\evil.json": "{}"}), None, "backslash"),
    (files(), "content/link.json", "symbolic link"),
    ({"content/content.json": "{}"}, None, "neither an imsmanifest.xml (SCORM) nor an h5p.json (H5P)"),
    (files(**{"content/content.json": None}), None, "has no content/content.json"),
    (files(**{"h5p.json": "{not json"}), None, "h5p.json is not valid JSON"),
    (files(**{"h5p.json": NESTED}), None, "h5p.json is not valid JSON"),
    (files(**{"h5p.json": b"\xff\xfe{}"}), None, "h5p.json is not valid JSON"),
    (files(**{"h5p.json": "[1, 2]"}), None, "h5p.json is not a JSON object"),
    (files(**{"h5p.json": h5p_json(title=noise(1024 * 1024))}), None, "h5p.json is too large"),
    (files(**{"content/content.json": '{"a": "' + noise(10 * 1024 * 1024) + '"}'}), None,
     "content/content.json is too large"),
    (files(**{"content/content.json": "nope"}), None, "content/content.json is not valid JSON"),
    (files(**{"h5p.json": h5p_json(mainLibrary="")}), None, "does not name its main library"),
    (files(**{"h5p.json": h5p_json(preloadedDependencies=[])}), None, "does not list its libraries"),
    (files(**{"h5p.json": h5p_json(preloadedDependencies=[{"machineName": "../H5P.X", "majorVersion": 1,
                                                            "minorVersion": 0}])}), None,
     "without a valid name and version"),
    (files(**{"h5p.json": h5p_json(preloadedDependencies=[{"machineName": "H5P.PacteQuestion", "majorVersion": "1",
                                                            "minorVersion": 0}])}), None,
     "without a valid name and version"),
    (files(**{"h5p.json": h5p_json(mainLibrary="H5P.Other")}), None,
     "main library (H5P.Other) is not among its libraries"),
    (files(**{f"{FOLDER}/library.json": None}), None, "library H5P.PacteQuestion 1.0 is not in the package"),
    (files(**{f"{FOLDER}/library.json": library_json(machineName="H5P.Other")}), None,
     "does not describe that library"),
    (files(**{f"{FOLDER}/library.json": library_json(preloadedJs="x.js")}), None, "library.json of H5P.PacteQuestion"),
    (files(**{f"{FOLDER}/pacte-question.js": None}), None, "A file of the library H5P.PacteQuestion 1.0 is missing"),
    (files(**{"content/page.html": "<script>alert(1)</script>"}), None, "type that is not allowed (content/page.html)"),
    (files(**{"content/run.js": "alert(1)"}), None, "type that is not allowed (content/run.js)"),
    (files(**{f"{FOLDER}/shell.php": "<?php"}), None, "type that is not allowed"),
    (files(**{"content/.htaccess": "x"}), None, "type that is not allowed"),
    (files(**{"readme.txt": "x"}), None, "outside its content and library folders (readme.txt)"),
])
def test_hostile_h5p_content_is_refused_with_its_reason(entries, symlink, reason):
    assert reason in refusal(zip_of(entries, symlink=symlink))


def test_h5p_refusals_are_explained_in_french():
    assert "chemin qui sort de son dossier" in refusal(zip_of(files(**{"../evil.js": "x"})), "fr")
    assert refusal(zip_of(files(**{"h5p.json": h5p_json(mainLibrary="H5P.Autre")})), "fr") == (
        "La bibliothèque principale du contenu H5P (H5P.Autre) n’est pas parmi ses bibliothèques.")
    assert "type de fichier qui n’est pas autorisé (content/page.html)" in refusal(
        zip_of(files(**{"content/page.html": "x"})), "fr")


def test_too_many_entries_and_too_large_h5p_content_are_refused(settings):
    settings.PACTE_LEARNING_PACKAGE_MAX_ENTRIES = 6
    assert "too many files" in refusal(zip_of(files(**{f"content/{n}.txt": "x" for n in range(3)})))
    settings.PACTE_LEARNING_PACKAGE_MAX_ENTRIES = 2000
    settings.PACTE_LEARNING_PACKAGE_MAX_UNPACKED_MB = 1
    assert "too large a size" in refusal(zip_of(files(**{"content/noise.mp3": noise(1_300_000)})))


def test_valid_h5p_content_is_inspected_and_extracted(settings):
    data = h5p_zip("Le rôle du référent")
    info = packages.inspect(io.BytesIO(data))
    assert (info.kind, info.launch, info.title, info.entries) == (PackageKind.H5P, "h5p.json", "Le rôle du référent", 5)
    target = packages.extract(io.BytesIO(data), info)
    assert sorted(str(p.relative_to(target)) for p in target.rglob("*") if p.is_file()) == [
        f"{FOLDER}/library.json", f"{FOLDER}/pacte-question.css", f"{FOLDER}/pacte-question.js",
        "content/content.json", "h5p.json"]
    assert json.loads((target / "h5p.json").read_text())["mainLibrary"] == "H5P.PacteQuestion"


@pytest.mark.parametrize("who", ["national", "trainer_bretagne"])
def test_h5p_content_is_uploaded_where_scorm_packages_are(client, people, who):
    client.force_login(people[who])
    url = "/admin/snippets/learning/interactivepackage/add/"
    bad = io.BytesIO(zip_of(files(**{"content/page.html": "x"})))
    bad.name = "question.h5p"
    response = client.post(url, {"title": "Piégé", "upload": bad}, HTTP_ACCEPT_LANGUAGE="fr")
    assert response.status_code == 200 and InteractivePackage.objects.count() == 0
    assert "type de fichier qui n’est pas autorisé" in response.content.decode()
    good = io.BytesIO(h5p_zip("Le rôle du référent"))
    good.name = "question.h5p"
    assert client.post(url, {"title": "Le rôle du référent", "upload": good}).status_code == 302
    package = InteractivePackage.objects.get()
    assert (package.kind, package.title, package.launch, package.uploaded_by) == (
        "h5p", "Le rôle du référent", "h5p.json", people[who])
    assert packages.resolve(package.sha256, "content/content.json")


def test_coordinators_may_not_upload_packages(client, people):
    client.force_login(people["coordinator_bretagne"])
    assert client.get("/admin/snippets/learning/interactivepackage/add/").status_code in (302, 403)


# Playing H5P content.


@pytest.fixture
def package():
    return f.make_package(title="Une question", data=h5p_zip("Une question"))


@pytest.fixture
def module(package):
    return f.make_module(lessons=2, bodies={0: [f.paragraph("Avant la question."), f.interactive(package)]})


def lesson_of(module, number=0):
    return list(module.get_children().specific().order_by("path"))[number]


def frame_src(client, lesson):
    html = client.get(lesson.get_url()).content.decode()
    match = re.search(r'<iframe class="interactive-frame" src="([^"]+)" title="Activité interactive" '
                      r'sandbox="allow-scripts allow-forms" height="400" data-interactive '
                      r'data-message-type="pacte-h5p"', html)
    assert match, html
    return match.group(1).replace("&amp;", "&")


def config_of(src):
    fragment = src.split("#pacte=")[1]
    return json.loads(base64.urlsafe_b64decode(fragment + "=" * (-len(fragment) % 4)))


def test_the_lesson_frames_the_h5p_player_sandboxed_and_the_player_reads_the_package(client, people, module):
    client.force_login(people["coordinator_bretagne"])
    src = frame_src(client, lesson_of(module))
    assert re.match(r"^/fr/learning/h5p/[^/]+/#pacte=", src)
    assert config_of(src) == {"state": {}, "origin": "http://testserver"}
    client.logout()  # the sandboxed frame sends no cookie: the signed link alone opens the player and the files
    response = client.get(src.split("#")[0])
    assert response.status_code == 200 and response["Content-Type"] == "text/html; charset=utf-8"
    assert response["Content-Security-Policy"].startswith("sandbox allow-scripts allow-forms allow-popups")
    assert response["X-Frame-Options"] == "SAMEORIGIN" and response["Referrer-Policy"] == "no-referrer"
    html = response.content.decode()
    token = src.split("/")[4]
    assert '<html lang="fr">' in html
    assert f'data-h5p-path="http://testserver/fr/learning/packages/{token}"' in html
    assert 'src="http://testserver/static/vendor/h5p-standalone/main.bundle.js"' in html
    assert 'data-frame-js="http://testserver/static/vendor/h5p-standalone/frame.bundle.js"' in html
    assert 'src="http://testserver/static/learning/h5p-player.js"' in html
    assert 'data-origin="http://testserver"' in html
    manifest_file = client.get(f"/fr/learning/packages/{token}/h5p.json")
    assert manifest_file.status_code == 200 and manifest_file["Access-Control-Allow-Origin"] == "*"
    assert json.loads(b"".join(manifest_file.streaming_content))["mainLibrary"] == "H5P.PacteQuestion"
    script = client.get(f"/fr/learning/packages/{token}/{FOLDER}/pacte-question.js")
    assert script["Content-Type"] in ("text/javascript", "application/javascript")
    assert b"triggerXAPIScored" in b"".join(script.streaming_content)  # served as is: no runtime injected


def test_svg_images_are_served_with_a_policy_that_runs_no_script(client, people):
    svg = '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(document.domain)</script></svg>'
    package = f.make_package(title="Avec image", data=h5p_zip(files=files(**{"content/images/a.svg": svg})))
    module = f.make_module(lessons=1, bodies={0: [f.interactive(package)]})
    client.force_login(people["coordinator_bretagne"])
    token = frame_src(client, lesson_of(module)).split("/")[4]
    response = client.get(f"/fr/learning/packages/{token}/content/images/a.svg")
    assert response["Content-Type"] == "image/svg+xml"
    policy = response["Content-Security-Policy"]
    assert policy.startswith("default-src 'none'") and "; sandbox;" in policy and "script" not in policy


def test_the_player_page_answers_404_for_forged_links_scorm_packages_and_learners_no_longer_allowed(client, people,
                                                                                                      module):
    from learning import scorm

    user = people["coordinator_bretagne"]
    client.force_login(user)
    src = frame_src(client, lesson_of(module)).split("#")[0]
    token = src.split("/")[4]
    assert client.get(src.replace(token, token[:-2] + "xx")).status_code == 404
    scorm_module = f.make_module(lessons=1, bodies={0: [f.interactive(f.make_package("1.2"))]})
    scorm_token = scorm.make_token(user, lesson_of(scorm_module), "interactive-1")
    assert client.get(f"/fr/learning/h5p/{scorm_token}/").status_code == 404
    user.is_active = False
    user.save()
    assert client.get(src).status_code == 404


def send(client, lesson, values, block_id="interactive-1"):
    return client.post(f"/fr/learning/lessons/{lesson.pk}/interactive/{block_id}/", json.dumps({"values": values}),
                       content_type="application/json", HTTP_ACCEPT_LANGUAGE="fr")


def test_results_are_recorded_and_completion_marks_the_lesson_done(client, people, module):
    user = people["coordinator_bretagne"]
    client.force_login(user)
    lesson = lesson_of(module)
    wrong = {"verb": "answered", "score_raw": 0, "score_max": 1, "score_scaled": 0, "completion": True,
             "success": False, "state": '{"answer": 1, "correct": false}'}
    assert send(client, lesson, wrong).json() == {"completed": False, "lesson_done": False}
    record = InteractiveRecord.objects.get(user=user)
    assert (record.completion_status, record.success_status, record.score_raw, record.score_max) == (
        "completed", "failed", 0, 1)
    assert not LessonProgress.objects.filter(user=user).exists()
    right = {"verb": "completed", "score_raw": 1, "score_max": 1, "score_scaled": 1, "completion": True,
             "success": True, "state": '{"answer": 0, "correct": true}'}
    assert send(client, lesson, right).json() == {"completed": True, "lesson_done": True}
    record.refresh_from_db()
    assert (record.completion_status, record.success_status, record.score_raw, record.score_min, record.score_max,
            record.suspend_data) == ("completed", "passed", 1, 0, 1, '{"answer": 0, "correct": true}')
    assert LessonProgress.objects.filter(user=user, lesson_key=lesson.translation_key).exists()
    # A later answer changes the score and state, not the completion; the next visit resumes from the state.
    assert send(client, lesson, {**wrong, "verb": "answered"}).json() == {"completed": True, "lesson_done": True}
    assert config_of(frame_src(client, lesson))["state"] == {"state": '{"answer": 1, "correct": false}'}


@pytest.mark.parametrize("verb, success, done", [("passed", None, True), ("failed", None, False),
                                                 ("completed", False, False), ("completed", None, True)])
def test_passed_completes_and_failed_does_not(client, people, module, verb, success, done):
    client.force_login(people["coordinator_bretagne"])
    values = {"verb": verb} if success is None else {"verb": verb, "success": success}
    assert send(client, lesson_of(module), values).json()["lesson_done"] is done


@pytest.mark.parametrize("values", [
    {"verb": "hacked"},
    {"verb": ["completed"]},
    {"score_raw": 1, "score_max": 1},
    {"verb": "completed", "score_raw": 2, "score_max": 1},
    {"verb": "completed", "score_raw": -1, "score_max": 1},
    {"verb": "completed", "score_raw": 1, "score_max": 0},
    {"verb": "completed", "score_raw": 1, "score_max": 1e9},
    {"verb": "completed", "score_raw": 1},
    {"verb": "completed", "score_raw": "1", "score_max": 1},
    {"verb": "completed", "score_raw": True, "score_max": 1},
    {"verb": "completed", "score_raw": 1, "score_max": 2, "score_scaled": 1},
    {"verb": "completed", "score_raw": 1, "score_max": 1, "score_scaled": 2},
    {"verb": "completed", "success": "yes"},
    {"verb": "completed", "completion": 1},
    {"verb": "completed", "state": "x" * 64001},
    {"verb": "completed", "state": "not json"},
    {"verb": "completed", "state": {"answer": 0}},
    {"verb": "completed", "user": "someone-else"},
    {"verb": "completed", "cmi.core.lesson_status": "completed"},
])
def test_tampered_results_answer_400_and_record_nothing(client, people, module, values):
    client.force_login(people["coordinator_bretagne"])
    response = send(client, lesson_of(module), values)
    assert response.status_code == 400 and response.json()["error"]
    assert not InteractiveRecord.objects.exists() and not LessonProgress.objects.exists()


def test_bodies_that_are_not_results_answer_400(client, people, module):
    client.force_login(people["coordinator_bretagne"])
    url = f"/fr/learning/lessons/{lesson_of(module).pk}/interactive/interactive-1/"
    for body in ("not json", json.dumps({"values": ["completed"]}), json.dumps({"verb": "completed"}),
                 json.dumps({"values": {"verb": "completed", "state": "x" * 300000}})):
        assert client.post(url, body, content_type="application/json").status_code == 400
    assert not InteractiveRecord.objects.exists()


def test_results_come_only_from_a_logged_in_learner_of_a_lesson_they_may_take(client, people, module, package):
    lesson = lesson_of(module)
    assert send(client, lesson, {"verb": "completed"}).status_code == 302  # login
    client.force_login(people["coordinator_bretagne"])
    assert send(client, lesson, {"verb": "completed"}, block_id="nope").status_code == 404
    assert send(client, lesson_of(module, 1), {"verb": "completed"}).status_code == 404
    hidden = f.make_module(lessons=1, bodies={0: [f.interactive(package)]}, audience=Audience.TRAINERS)
    assert send(client, lesson_of(hidden), {"verb": "completed"}).status_code == 404
    assert not InteractiveRecord.objects.exists()
    # Each learner records their own result only.
    assert send(client, lesson, {"verb": "completed"}).status_code == 200
    assert list(InteractiveRecord.objects.values_list("user", flat=True)) == [people["coordinator_bretagne"].pk]


def test_the_lesson_page_with_h5p_content_costs_a_fixed_number_of_queries(client, people, module,
                                                                          django_assert_max_num_queries):
    client.force_login(people["coordinator_bretagne"])
    lesson = lesson_of(module)
    client.get(lesson.get_url())
    with django_assert_max_num_queries(25):
        assert client.get(lesson.get_url()).status_code == 200
