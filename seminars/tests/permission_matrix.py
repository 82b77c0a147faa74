"""The seminars' rows of the URL x role matrix (tests/security/matrix.py explains the columns).

`placeholders` plants, in Bretagne (OWN) and Normandie (OTHER): a seminar with the `people` fixture's coordinator of
the region registered, an assignment with a file, that coordinator's submission with a file, a journal note and a
report; and a national seminar. {bretagne_seminar} (region/slug), {bretagne_assignment}, {bretagne_submission}, ... name them;
{bretagne_coordinator_id} is the region's coordinator (the diploma record and journal); {national_seminar}. A
calendar token is made for the Bretagne coordinator: {calendar_token}; {revoked_token} was revoked."""

from tests.security.matrix import LOGIN, OK, OTHER, OWN, row

HIDDEN = 404  # what the seminars answer for what the reader may not see


def placeholders(people) -> dict:
    from django.core.files.base import ContentFile

    from seminars import services
    from seminars.models import AssignmentFile, SubmissionFile
    from seminars.tests import factories

    values = {}
    for code in (OWN, OTHER):
        coordinator = people[f"coordinator_{code}"]
        trainer = people[f"trainer_{code}"]
        seminar = factories.seminar(code)
        factories.register(seminar, coordinator)
        work = factories.assignment(seminar, trainer)
        handout = AssignmentFile(assignment=work, name="consignes.txt", size=5, mime_type="text/plain")
        handout.file.save("consignes.txt", ContentFile(b"hello"), save=True)
        submission = services.submit(work, coordinator, text="Mon travail")
        attached = SubmissionFile(submission=submission, name="travail.txt", size=5, mime_type="text/plain")
        attached.file.save("travail.txt", ContentFile(b"hello"), save=True)
        services.save_report(seminar, trainer, themes="Conduite de projet")
        services.add_journal_entry(coordinator, trainer, "Suivi")
        values.update({
            f"{code}_seminar": factories.key(seminar), f"{code}_assignment": work.pk, f"{code}_assignment_file": handout.pk,
            f"{code}_submission": submission.pk, f"{code}_submission_file": attached.pk,
            f"{code}_coordinator_id": coordinator.pk,
        })
    values["national_seminar"] = factories.key(factories.seminar(None))
    revoked = services.new_calendar_token(people["coordinator_bretagne"])
    values["revoked_token"] = revoked
    values["calendar_token"] = services.new_calendar_token(people["coordinator_bretagne"])  # replaces it
    return values


ALL = (OK, OK, OK, OK)
# fmt: off
ROWS = [
    #   URL                                                 region  anonymous coordinator partner  trainer  national
    row("/fr/seminars/calendar/",                            None,   LOGIN,    *ALL),
    row("/fr/seminars/calendar/{calendar_token}.ics",        None,   OK),     # the token is the key, no login
    row("/fr/seminars/calendar/{revoked_token}.ics",         None,   404),    # a replaced (revoked) token
    row("/fr/seminars/calendar/not-a-token.ics",             None,   404),
    row("/fr/seminars/{national_seminar}/agenda.pdf",        None,   OK),
    row("/fr/seminars/{national_seminar}/seminar.ics",       None,   OK),
    row("/fr/seminars/{national_seminar}/registrations/",    None,   LOGIN,    HIDDEN,    HIDDEN,  HIDDEN,  OK),
    row("/fr/seminars/{national_seminar}/registrations/import/", None, LOGIN,  HIDDEN,    HIDDEN,  HIDDEN,  OK),
    row("/fr/seminars/{national_seminar}/attendance/",       None,   LOGIN,    HIDDEN,    HIDDEN,  HIDDEN,  OK),
    row("/fr/seminars/{national_seminar}/report/",           None,   LOGIN,    HIDDEN,    HIDDEN,  HIDDEN,  OK),
    row("/fr/seminars/bretagne/absent/agenda.pdf",           None,   404),
    row("/fr/seminars/lune/absent/report/",                 None,   LOGIN,    *(HIDDEN,) * 4),
]
for region, own in ((OWN, True), (OTHER, False)):
    s = "{%s_seminar}" % region
    managers = (HIDDEN, HIDDEN, OK if own else HIDDEN, OK)
    cohort = (OK, OK, OK, OK) if own else (HIDDEN, HIDDEN, HIDDEN, OK)
    submission_readers = (OK, HIDDEN, OK, OK) if own else (HIDDEN, HIDDEN, HIDDEN, OK)
    report_readers = (HIDDEN, OK, OK, OK) if own else (HIDDEN, HIDDEN, HIDDEN, OK)
    followers = (HIDDEN, HIDDEN, OK, OK) if own else (HIDDEN, HIDDEN, HIDDEN, OK)
    diploma_readers = (OK, HIDDEN, OK, OK) if own else (HIDDEN, HIDDEN, HIDDEN, OK)
    ROWS += [
        row(f"/fr/seminars/{s}/agenda.pdf",                  region, OK),
        row(f"/fr/seminars/{s}/seminar.ics",                 region, OK),
        row(f"/fr/seminars/{s}/materials.zip",               region, LOGIN,    *(HIDDEN,) * 4),  # no materials
        row(f"/fr/seminars/{s}/registrations/",              region, LOGIN,    *managers),
        row(f"/fr/seminars/{s}/registrations/import/",       region, LOGIN,    *managers),
        row(f"/fr/seminars/{s}/attendance/",                 region, LOGIN,    *managers),
        row(f"/fr/seminars/{s}/assignments/new/",            region, LOGIN,    *managers),
        row(f"/fr/seminars/{s}/report/",                     region, LOGIN,    *report_readers),
        row(f"/fr/seminars/{s}/report/edit/",                region, LOGIN,    *managers),
        row(f"/fr/seminars/{s}/report.pdf",                  region, LOGIN,    *report_readers),
        row("/fr/seminars/assignments/{%s_assignment}/" % region, region, LOGIN, *cohort),
        row("/fr/seminars/assignments/{%s_assignment}/edit/" % region, region, LOGIN, *managers),
        # work was handed in for the planted assignment: managers get the page that explains the refusal
        row("/fr/seminars/assignments/{%s_assignment}/delete/" % region, region, LOGIN, *managers),
        row("/fr/seminars/assignments/{%s_assignment}/files/{%s_assignment_file}/" % (region, region), region,
            LOGIN, *cohort),
        row("/fr/seminars/submissions/{%s_submission}/" % region, region, LOGIN, *submission_readers),
        row("/fr/seminars/submissions/{%s_submission}/files/{%s_submission_file}/" % (region, region), region,
            LOGIN, *submission_readers),
        row("/fr/seminars/journal/{%s_coordinator_id}/" % region, region, LOGIN, *followers),
        row("/fr/seminars/diploma/{%s_coordinator_id}/" % region, region, LOGIN, *diploma_readers),
        row("/fr/seminars/diploma/{%s_coordinator_id}/attestation.pdf" % region, region, LOGIN, *diploma_readers),
    ]
# fmt: on
