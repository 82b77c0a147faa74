"""The learning app's rows of the URL x role matrix (tests/security/matrix.py explains the columns).

`placeholders` plants a module with one lesson (a quiz) and, for each region's coordinator, an attempt and a
certificate: {module}, {lesson_url}, {bretagne_attempt}, {bretagne_certificate}, {bretagne_code} and the same for
normandie. OWN is Bretagne, OTHER Normandie. A second lesson plays a SCORM package: {scorm_lesson}, and
{package_token} is the signed link the lesson page gives Bretagne's coordinator (the package's frame is sandboxed,
so its requests carry no session: the link is the authority, whoever fetches it). A third plays H5P content:
{h5p_token} is its signed link, which opens the H5P player page; a SCORM lesson's link does not."""

from tests.security.matrix import ADMIN_REFUSED, LOGIN, OK, OTHER, OWN, row, to

HIDDEN = 404  # what the learning views answer for what the person may not see


def placeholders(people) -> dict:
    from django.http import QueryDict

    from learning import services
    from learning.tests import factories as f

    module = f.make_module(lessons=1, bodies={0: [f.simple_quiz()]}, slug="matrice")
    lesson = module.get_children().specific().first()
    from learning import scorm

    scorm_module = f.make_module(lessons=0, slug="matrice-scorm")
    scorm_lesson = f.add_lesson(scorm_module, "Activité", [f.interactive(f.make_package())])
    values = {"module": module.pk, "lesson": lesson.pk, "lesson_url": lesson.get_url(),
              "module_url": module.get_url(), "catalogue_url": module.get_parent().get_url()}
    for code in (OWN, OTHER):
        user = people[f"coordinator_{code}"]
        data = QueryDict(mutable=True)
        data.update({"number": "1", "a-q:q1": "q1-right"})
        data.setlist("a-q:q2", ["q2-a", "q2-b"])
        attempt = services.submit_quiz(user, lesson, module, "quiz-1", data)
        certificate = user.certificates.get()
        values.update({f"{code}_attempt": attempt.pk, f"{code}_certificate": certificate.pk,
                       f"{code}_code": certificate.code})
    from learning.h5p_samples import h5p_zip

    h5p_module = f.make_module(lessons=0, slug="matrice-h5p")
    h5p_package = f.make_package(title="Activité H5P", data=h5p_zip())
    h5p_lesson = f.add_lesson(h5p_module, "Question", [f.interactive(h5p_package)])
    values.update({"scorm_lesson": scorm_lesson.pk,
                   "package_token": scorm.make_token(people["coordinator_bretagne"], scorm_lesson, "interactive-1"),
                   "h5p_token": scorm.make_token(people["coordinator_bretagne"], h5p_lesson, "interactive-1")})
    return values


MEMBERS = (OK, OK, OK, OK)
# fmt: off
ROWS = [
    #   URL                                               region  anonymous coordinator partner  trainer  national
    row("{catalogue_url}",                                None,   LOGIN,    *MEMBERS),
    row("{module_url}",                                   None,   LOGIN,    *MEMBERS),
    row("{lesson_url}",                                   None,   LOGIN,    *MEMBERS),
    row("/fr/learning/lessons/{lesson}/done/",            None,   405),  # POST only
    row("/fr/learning/lessons/{lesson}/quizzes/quiz-1/",  None,   405),
    row("/fr/learning/lessons/{lesson}/reflections/r/",   None,   405),
    row("/fr/learning/lessons/{scorm_lesson}/interactive/interactive-1/", None, 405),
    row("/fr/learning/packages/{package_token}/index.html", None, OK),  # the signed link is the authority
    row("/fr/learning/packages/{package_token}/missing.html", None, 404),
    row("/fr/learning/packages/forged-token/index.html",  None,   404),
    row("/fr/learning/h5p/{h5p_token}/",                  None,   OK),  # the H5P player: the signed link again
    row("/fr/learning/h5p/{package_token}/",              None,   404),  # a SCORM lesson's link opens no player
    row("/fr/learning/h5p/forged-token/",                 None,   404),
    row("/fr/learning/modules/{module}/resume/",          None,   LOGIN,    *(to("{lesson_url}"),) * 4),
    row("/fr/learning/history/",                          None,   LOGIN,    *MEMBERS),
    row("/fr/learning/dashboard/",                        None,   LOGIN,    HIDDEN,    OK,      OK,      OK),
    row("/fr/learning/dashboard/export.csv",              None,   LOGIN,    HIDDEN,    OK,      OK,      OK),
    row("/fr/learning/verify/{bretagne_code}/",           None,   OK),  # public: confirms, shows nothing else
    row("/fr/learning/verify/NOT-A-CODE/",                None,   404),
    row("/fr/learning/dashboard/people/{coordinator}/",   OWN,    LOGIN,    to("/fr/learning/history/"), HIDDEN, OK, OK),
    row("/fr/learning/dashboard/people/{coordinator}/",   OTHER,  LOGIN,    HIDDEN,    HIDDEN,  HIDDEN,  OK),
    row("/fr/learning/attempts/{bretagne_attempt}/",      None,   LOGIN,    OK,        HIDDEN,  OK,      OK),
    row("/fr/learning/attempts/{normandie_attempt}/",     None,   LOGIN,    HIDDEN,    HIDDEN,  HIDDEN,  OK),
    row("/fr/learning/certificates/{bretagne_certificate}/", None, LOGIN,   OK,        HIDDEN,  OK,      OK),
    row("/fr/learning/certificates/{normandie_certificate}/", None, LOGIN,  HIDDEN,    HIDDEN,  HIDDEN,  OK),
    # The technical sheets past their review date: the national team's report.
    row("/admin/reports/sheets-to-review/",          None,   LOGIN,    LOGIN,     LOGIN,   ADMIN_REFUSED, OK),
    row("/admin/reports/sheets-to-review/results/",  None,   LOGIN,    LOGIN,     LOGIN,   ADMIN_REFUSED, OK),
]
# fmt: on
