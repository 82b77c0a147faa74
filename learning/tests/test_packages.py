"""Interactive content (SCORM): hostile packages refused before anything is extracted, each with its reason; valid
SCORM 1.2 and 2004 packages extracted, served sandboxed with our runtime injected, to the learners allowed to take
the lesson; the runtime's commits checked (tampered values answer 400, never 500) and recorded; completion marks
the lesson done."""

import io
import json
import random
import re
import stat
import zipfile

import pytest
from django.utils import translation

from learning import packages, scorm
from learning.enums import Audience, PackageKind
from learning.models import InteractivePackage, InteractiveRecord, LessonProgress
from learning.scorm_samples import MANIFEST_12, scorm_zip
from learning.tests import factories as f

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _packages_root(settings, tmp_path):
    settings.PACTE_LEARNING_PACKAGES_ROOT = tmp_path / "packages"


def zip_of(files, symlink=None):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, content in files.items():
            archive.writestr(name, content)
        if symlink:
            info = zipfile.ZipInfo(symlink)
            info.create_system = 3
            info.external_attr = (stat.S_IFLNK | 0o777) << 16
            archive.writestr(info, "/etc/passwd")
    return buffer.getvalue()


def valid_files(**extra):
    return {"imsmanifest.xml": MANIFEST_12.format(ident="x", title="T", launch="index.html"),
            "index.html": "<html><head></head><body>x</body></html>", **extra}


def declared_size(data, name, size):
    """`data` with `name`'s uncompressed size in its central directory (and local header) replaced by `size`."""
    data = bytearray(data)
    encoded = name.encode()
    for signature, offset, name_at in ((b"PK\x01\x02", 24, 46), (b"PK\x03\x04", 22, 30)):
        position = data.find(signature)
        while position != -1:
            if data[position + name_at: position + name_at + len(encoded)] == encoded:
                data[position + offset: position + offset + 4] = size.to_bytes(4, "little")
            position = data.find(signature, position + 4)
    return bytes(data)


def refusal(data):
    with translation.override("en"), pytest.raises(packages.PackageError) as error:
        packages.inspect(io.BytesIO(data))
    return str(error.value)


XXE = """<?xml version="1.0"?><!DOCTYPE manifest [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
<manifest identifier="m"><metadata><schemaversion>1.2</schemaversion></metadata>&xxe;</manifest>"""


@pytest.mark.parametrize("files, symlink, reason", [
    (valid_files(**{"../evil.html": "x"}), None, "leaving its folder"),
    (valid_files(**{"a/../../evil.html": "x"}), None, "leaving its folder"),
    (valid_files(**{"/etc/cron.d/evil": "x"}), None, "absolute path"),
    (valid_files(**{"C:/Windows/evil.dll": "x"}), None, "absolute path"),
    (valid_files(**{"a\\..\\evil.html": "x"}), None, "backslash"),
    (valid_files(), "link.html", "symbolic link"),
    ({"index.html": "x"}, None, "neither an imsmanifest.xml (SCORM) nor an h5p.json (H5P)"),
    ({"imsmanifest.xml": "<manifest><unclosed>", "index.html": "x"}, None, "not valid XML"),
    ({"imsmanifest.xml": XXE, "index.html": "x"}, None, "DTD or entities"),
    ({"imsmanifest.xml": "<manifest><metadata><schemaversion>1.2</schemaversion></metadata></manifest>"}, None,
     "no organisation"),
    ({"imsmanifest.xml": "<manifest><organizations/></manifest>"}, None, "SCORM version"),
    ({"imsmanifest.xml": MANIFEST_12.format(ident="x", title="T", launch="missing.html")}, None, "not in the package"),
    ({"imsmanifest.xml": MANIFEST_12.format(ident="x", title="T", launch="../index.html"), "index.html": "x"}, None,
     "leaving its folder"),
])
def test_hostile_packages_are_refused_with_their_reason(files, symlink, reason):
    assert reason in refusal(zip_of(files, symlink=symlink))


def test_not_a_zip_too_many_entries_too_large_and_zip_bombs_are_refused(settings):
    assert "not a valid zip" in refusal(b"PK\x03\x04 this is not a zip")
    settings.PACTE_LEARNING_PACKAGE_MAX_ENTRIES = 5
    assert "too many files" in refusal(zip_of(valid_files(**{f"f{n}.txt": "x" for n in range(5)})))
    settings.PACTE_LEARNING_PACKAGE_MAX_ENTRIES = 2000
    # A bomb by ratio: 5 MB of zeros compress to a few kilobytes.
    assert "zip bomb" in refusal(zip_of(valid_files(**{"zeros.bin": b"\0" * 5 * 1024 * 1024})))
    # A bomb by declared size: the central directory announces 4 GB; refused before a byte is inflated.
    bomb = declared_size(zip_of(valid_files(**{"big.bin": b"x" * 2000})), "big.bin", 0xFFFFFFF0)
    assert "zip bomb" in refusal(bomb) or "too large a size" in refusal(bomb)
    settings.PACTE_LEARNING_PACKAGE_MAX_UNPACKED_MB = 1
    noise = random.Random(1).randbytes(1100 * 1024)  # incompressible: no ratio to blame
    assert "too large a size" in refusal(zip_of(valid_files(**{"a.bin": noise})))


def test_a_header_that_lies_about_its_size_is_refused_while_extracting_and_nothing_is_left(settings, tmp_path):
    data = declared_size(zip_of(valid_files(**{"big.bin": bytes(range(256)) * 40})), "big.bin", 100)
    info = packages.inspect(io.BytesIO(data))  # the declared sizes look fine
    with pytest.raises(packages.PackageError):
        packages.extract(io.BytesIO(data), info)
    root = settings.PACTE_LEARNING_PACKAGES_ROOT
    assert not (root / info.sha256).exists() and list(root.iterdir()) == []


@pytest.mark.parametrize("version, kind", [("1.2", PackageKind.SCORM_12), ("2004", PackageKind.SCORM_2004)])
def test_valid_packages_are_inspected_and_extracted_once(settings, version, kind):
    data = scorm_zip(version, title="Accueillir un nouveau bénévole")
    info = packages.inspect(io.BytesIO(data))
    assert (info.kind, info.launch, info.title, info.entries) == (kind, "index.html", "Accueillir un nouveau bénévole", 3)
    target = packages.extract(io.BytesIO(data), info)
    assert sorted(p.name for p in target.iterdir()) == ["imsmanifest.xml", "index.html", "sco.js"]
    assert packages.extract(io.BytesIO(data), info) == target
    assert [p.name for p in settings.PACTE_LEARNING_PACKAGES_ROOT.iterdir()] == [info.sha256]


def test_a_package_uploaded_in_the_admin_is_checked_and_a_refusal_says_why_in_french(client, people, settings):
    client.force_login(people["national"])
    url = "/admin/snippets/learning/interactivepackage/add/"
    bad = io.BytesIO(zip_of(valid_files(**{"../evil.html": "x"})))
    bad.name = "cours.zip"
    response = client.post(url, {"title": "Piégé", "upload": bad}, HTTP_ACCEPT_LANGUAGE="fr")
    assert response.status_code == 200 and InteractivePackage.objects.count() == 0
    assert "chemin qui sort de son dossier" in response.content.decode()
    assert not settings.PACTE_LEARNING_PACKAGES_ROOT.exists() or not any(settings.PACTE_LEARNING_PACKAGES_ROOT.iterdir())
    good = io.BytesIO(scorm_zip("2004"))
    good.name = "cours.zip"
    response = client.post(url, {"title": "Accueillir", "upload": good})
    assert response.status_code == 302
    package = InteractivePackage.objects.get()
    assert (package.kind, package.launch, package.uploaded_by) == ("scorm2004", "index.html", people["national"])
    assert packages.resolve(package.sha256, "index.html")


def test_trainers_may_upload_packages(client, people):
    client.force_login(people["trainer_bretagne"])
    assert client.get("/admin/snippets/learning/interactivepackage/add/").status_code == 200


# Playing a package.


@pytest.fixture
def package():
    return f.make_package("1.2")


@pytest.fixture
def module(package):
    return f.make_module(lessons=2, bodies={0: [f.paragraph("Avant l’activité."), f.interactive(package)]})


def lesson_of(module, number=0):
    return list(module.get_children().specific().order_by("path"))[number]


def frame_src(client, lesson):
    html = client.get(lesson.get_url()).content.decode()
    match = re.search(r'<iframe class="interactive-frame" src="([^"]+)" title="Activité interactive" '
                      r'sandbox="allow-scripts allow-forms"', html)
    assert match, html
    return match.group(1).replace("&amp;", "&")


def test_the_lesson_frames_the_package_sandboxed_and_serves_it_with_the_runtime(client, people, module):
    client.force_login(people["coordinator_bretagne"])
    src = frame_src(client, lesson_of(module))
    assert src.startswith("/fr/learning/packages/") and "/index.html#pacte=" in src
    response = client.get(src.split("#")[0])
    assert response.status_code == 200 and response["Content-Type"] == "text/html; charset=utf-8"
    assert response["Content-Security-Policy"].startswith("sandbox allow-scripts allow-forms allow-popups")
    assert response["X-Content-Type-Options"] == "nosniff" and response["X-Frame-Options"] == "SAMEORIGIN"
    html = b"".join(response.streaming_content).decode()
    assert html.index('<script src="http://testserver/static/learning/scorm-api.js" '
                      'data-pacte-origin="http://testserver"></script>') < html.index("<meta charset")
    script = client.get(src.split("index.html")[0] + "sco.js")
    assert script.status_code == 200 and script["Content-Type"] in ("text/javascript", "application/javascript")
    assert b"LMSSetValue" in b"".join(script.streaming_content)


def test_paths_outside_the_package_forged_and_expired_links_answer_404(client, people, module, settings):
    client.force_login(people["coordinator_bretagne"])
    base = frame_src(client, lesson_of(module)).split("index.html")[0]
    for path in ("../../../../etc/passwd", "..%2f..%2fimsmanifest.xml", "%2fetc%2fpasswd", "a\\..\\index.html",
                 "missing.html", "", "."):
        assert client.get(base + path).status_code == 404, path
    token = base.split("/")[-2]
    assert client.get(base.replace(token, token[:-2] + "xx") + "index.html").status_code == 404
    assert client.get("/fr/learning/packages/not-a-token/index.html").status_code == 404
    settings.PACTE_LEARNING_PACKAGE_LINK_HOURS = -1
    assert client.get(base + "index.html").status_code == 404


def test_only_learners_allowed_to_take_the_lesson_fetch_the_package(client, people, package):
    trainers_only = f.make_module(lessons=1, bodies={0: [f.interactive(package)]}, audience=Audience.TRAINERS)
    lesson = lesson_of(trainers_only)
    client.force_login(people["trainer_normandie"])
    src = frame_src(client, lesson).split("#")[0]
    client.logout()
    assert client.get(lesson.get_url()).status_code == 302  # the lesson asks visitors to log in
    # A link made for a coordinator (who may not take this module) answers nothing.
    forged = src.replace(src.split("/")[-2], scorm.make_token(people["coordinator_bretagne"], lesson,
                                                               "interactive-1"))
    assert client.get(forged).status_code == 404
    people["trainer_normandie"].is_active = False
    people["trainer_normandie"].save()
    assert client.get(src).status_code == 404


def commit(client, lesson, values, block_id="interactive-1"):
    return client.post(f"/fr/learning/lessons/{lesson.pk}/interactive/{block_id}/", json.dumps({"values": values}),
                       content_type="application/json")


def test_a_completed_commit_is_recorded_and_marks_the_lesson_done(client, people, module):
    user = people["coordinator_bretagne"]
    client.force_login(user)
    lesson = lesson_of(module)
    assert client.post(f"/fr/learning/lessons/{lesson.pk}/done/").status_code == 302
    assert not LessonProgress.objects.filter(user=user).exists()  # not before the content is completed
    response = commit(client, lesson, {"cmi.core.lesson_status": "incomplete", "cmi.suspend_data": "page=3",
                                       "cmi.core.lesson_location": "p3"})
    assert response.json() == {"completed": False, "lesson_done": False}
    response = commit(client, lesson, {"cmi.core.lesson_status": "completed", "cmi.core.score.raw": "85",
                                       "cmi.core.score.max": 100, "cmi.suspend_data": "page=9"})
    assert response.status_code == 200 and response.json() == {"completed": True, "lesson_done": True}
    record = InteractiveRecord.objects.get(user=user)
    assert (record.completion_status, record.score_raw, record.suspend_data, record.location) == (
        "completed", 85, "page=9", "p3")
    assert LessonProgress.objects.filter(user=user, lesson_key=lesson.translation_key).exists()
    # The next visit starts the runtime from the learner's state.
    src = frame_src(client, lesson)
    import base64

    fragment = src.split("#pacte=")[1]
    config = json.loads(base64.urlsafe_b64decode(fragment + "=" * (-len(fragment) % 4)))
    assert config["state"]["cmi.suspend_data"] == "page=9" and config["state"]["cmi.core.lesson_status"] == "completed"
    assert config["origin"] == "http://testserver"


def test_a_failed_scorm_12_status_does_not_complete_the_lesson_but_passed_does(client, people, module):
    client.force_login(people["coordinator_normandie"])
    lesson = lesson_of(module)
    assert commit(client, lesson, {"cmi.core.lesson_status": "failed"}).json()["lesson_done"] is False
    assert commit(client, lesson, {"cmi.core.lesson_status": "passed"}).json()["lesson_done"] is True


def test_scorm_2004_commits(client, people):
    package = f.make_package("2004")
    module = f.make_module(lessons=1, bodies={0: [f.interactive(package)]})
    client.force_login(people["coordinator_bretagne"])
    lesson = lesson_of(module)
    assert commit(client, lesson, {"cmi.suspend_data": "x" * 64000, "cmi.location": "l"}).status_code == 200
    assert commit(client, lesson, {"cmi.suspend_data": "x" * 64001}).status_code == 400
    assert commit(client, lesson, {"cmi.core.lesson_status": "completed"}).status_code == 400  # the 1.2 vocabulary
    response = commit(client, lesson, {"cmi.completion_status": "completed", "cmi.success_status": "passed",
                                       "cmi.score.raw": "-5.5", "cmi.score.min": "-10"})
    assert response.json() == {"completed": True, "lesson_done": True}


@pytest.mark.parametrize("body", [
    {"values": {"cmi.core.lesson_status": "done"}},
    {"values": {"cmi.core.lesson_status": ["completed"]}},
    {"values": {"cmi.core.score.raw": "abc"}},
    {"values": {"cmi.core.score.raw": "1e400"}},
    {"values": {"cmi.core.score.raw": 101}},
    {"values": {"cmi.core.score.raw": True}},
    {"values": {"cmi.suspend_data": "x" * 4097}},
    {"values": {"cmi.suspend_data": "a\x00b"}},
    {"values": {"cmi.core.lesson_location": "x" * 256}},
    {"values": {"cmi.core.student_id": "someone-else"}},
    {"values": {"cmi.suspend_data": {"nested": 1}}},
    {"values": ["cmi.core.lesson_status", "completed"]},
    {"nothing": 1},
    "not json",
])
def test_tampered_commits_answer_400_and_record_nothing(client, people, module, body):
    client.force_login(people["coordinator_bretagne"])
    lesson = lesson_of(module)
    data = body if isinstance(body, str) else json.dumps(body)
    response = client.post(f"/fr/learning/lessons/{lesson.pk}/interactive/interactive-1/", data,
                           content_type="application/json", HTTP_ACCEPT_LANGUAGE="fr")
    assert response.status_code == 400 and response.json()["error"]
    assert not InteractiveRecord.objects.exists()


def test_commits_to_unknown_blocks_invisible_lessons_or_by_visitors_are_refused(client, people, module, package):
    lesson = lesson_of(module)
    assert commit(client, lesson, {"cmi.core.lesson_status": "completed"}).status_code == 302  # login
    client.force_login(people["coordinator_bretagne"])
    assert commit(client, lesson, {"cmi.core.lesson_status": "completed"}, block_id="nope").status_code == 404
    assert commit(client, lesson_of(module, 1), {"cmi.core.lesson_status": "completed"}).status_code == 404
    hidden = f.make_module(lessons=1, bodies={0: [f.interactive(package)]}, audience=Audience.TRAINERS)
    assert commit(client, lesson_of(hidden), {"cmi.core.lesson_status": "completed"}).status_code == 404
    assert not InteractiveRecord.objects.exists()


def test_the_lesson_page_with_a_package_costs_a_fixed_number_of_queries(client, people, module,
                                                                          django_assert_max_num_queries):
    client.force_login(people["coordinator_bretagne"])
    lesson = lesson_of(module)
    client.get(lesson.get_url())
    with django_assert_max_num_queries(25):
        assert client.get(lesson.get_url()).status_code == 200


def test_a_deleted_package_no_longer_holds_the_lesson_back(client, people, module, package):
    client.force_login(people["coordinator_bretagne"])
    lesson = lesson_of(module)
    package.delete()
    html = client.get(lesson.get_url()).content.decode()
    assert "interactive-frame" not in html
    assert client.post(f"/fr/learning/lessons/{lesson.pk}/done/").status_code == 302
    assert LessonProgress.objects.filter(user=people["coordinator_bretagne"]).exists()
    assert commit(client, lesson, {"cmi.core.lesson_status": "completed"}).status_code == 404
