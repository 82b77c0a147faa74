"""Every page the accessibility audit visits (tests/browser/test_accessibility.py), each in French and English.

A new kind of page joins the audit with one line here: its name, its path in each language, the demo account to log
in as when the page needs one, and the HTTP status it answers with. Paths point into the demo content that
`manage.py load_demo` creates. Wagtail admin pages speak the account's language, whatever the address: give them
`en=None`, and they are audited in French only (the demo's trainers prefer French).
"""

from dataclasses import dataclass


@dataclass(frozen=True)
class AuditedPage:
    name: str
    fr: str
    en: str | None
    login_as: str | None = None
    status: int = 200


def both(path):
    """The same path under each language prefix (views outside the page tree: accounts, errors...)."""
    return {"fr": f"/fr{path}", "en": f"/en{path}"}


AUDITED_PAGES = [
    AuditedPage("home", fr="/fr/", en="/en/"),
    AuditedPage("content-page", fr="/fr/ressources/animer-une-reunion/", en="/en/resources/running-a-meeting/"),
    AuditedPage("region-index", fr="/fr/regions/", en="/en/regions/"),
    AuditedPage("region-page", fr="/fr/regions/bretagne/", en="/en/regions/bretagne/"),
    AuditedPage("region-sub-page", fr="/fr/regions/bretagne/seminaire-de-printemps/",
                en="/en/regions/bretagne/spring-seminar/"),
    AuditedPage("accessibility-statement", fr="/fr/accessibilite/", en="/en/accessibility/"),
    AuditedPage("legal-notice", fr="/fr/mentions-legales/", en="/en/legal-notice/"),
    AuditedPage("site-map", fr="/fr/plan-du-site/", en="/en/site-map/"),
    AuditedPage("login", **both("/accounts/login/")),
    AuditedPage("password-reset", **both("/accounts/password/reset/")),
    AuditedPage("profile", **both("/accounts/profile/"), login_as="coordinator.bretagne@example.org"),
    AuditedPage("password-change", **both("/accounts/password/change/"), login_as="coordinator.bretagne@example.org"),
    AuditedPage("my-space", **both("/accounts/space/"), login_as="trainer.bretagne@example.org"),
    AuditedPage("region-people", fr="/admin/people/", en=None, login_as="trainer.bretagne@example.org"),
    AuditedPage("not-found", **both("/this-page-does-not-exist/"), status=404),
    AuditedPage("bad-request", **both("/?q=%00"), status=400),
]

# The forums (forums/demo.py): the first demo topic is number 1 in the freshly built demo database.
AUDITED_PAGES += [
    AuditedPage("forum-list", **both("/forums/"), login_as="coordinator.bretagne@example.org"),
    AuditedPage("forum", **both("/forums/bretagne/"), login_as="coordinator.bretagne@example.org"),
    AuditedPage("forum-topic", **both("/forums/topics/1/"), login_as="trainer.bretagne@example.org"),
    AuditedPage("forum-editor", **both("/forums/bretagne/new/"), login_as="coordinator.bretagne@example.org"),
    AuditedPage("forum-notifications", **both("/forums/notifications/"), login_as="trainer.bretagne@example.org"),
]

# E-learning (learning/demo.py): the demo's first quiz attempt (coordinator.bretagne's) is number 1 in the freshly
# built demo database.
_MODULE_FR, _MODULE_EN = "/fr/ressources/modules/animer-une-reunion-d-equipe/", "/en/resources/modules/running-a-team-meeting/"
AUDITED_PAGES += [
    AuditedPage("learning-catalogue", fr="/fr/ressources/modules/", en="/en/resources/modules/",
                login_as="coordinator.bretagne@example.org"),
    AuditedPage("learning-module", fr=_MODULE_FR, en=_MODULE_EN, login_as="coordinator.bretagne@example.org"),
    AuditedPage("learning-lesson", fr=_MODULE_FR + "distribuer-la-parole/", en=_MODULE_EN + "giving-everyone-a-say/",
                login_as="trainer.normandie@example.org"),
    AuditedPage("learning-reflection", fr=_MODULE_FR + "preparer-l-ordre-du-jour/",
                en=_MODULE_EN + "preparing-the-agenda/", login_as="coordinator.bretagne@example.org"),
    AuditedPage("learning-quiz-result", **both("/learning/attempts/1/"), login_as="coordinator.bretagne@example.org"),
    AuditedPage("learning-history", **both("/learning/history/"), login_as="coordinator.bretagne@example.org"),
    AuditedPage("learning-dashboard", **both("/learning/dashboard/"), login_as="trainer.bretagne@example.org"),
    AuditedPage("learning-scorm-lesson", fr="/fr/ressources/modules/accueillir-un-nouveau-professionnel/le-parcours-d-accueil/", en=None, login_as="coordinator.normandie@example.org"),  # French-only demo module
    AuditedPage("learning-h5p-lesson", fr="/fr/ressources/modules/accueillir-un-nouveau-professionnel/le-role-du-referent/", en=None, login_as="coordinator.normandie@example.org"),  # French-only demo module
]

# The seminars (seminars/demo.py): the 2020 Bretagne cohort's first seminar (translated), its assignment 1, Léa
# Guillou's submission 2 (sent back for changes: the review form shows), attendance and the COPIL report.
SEMINAR_1 = "/seminars/bretagne/seminaire-1-2020"
AUDITED_PAGES += [
    AuditedPage("seminar", fr="/fr/regions/bretagne/seminaire-1-2020/", en="/en/regions/bretagne/seminar-1-2020/",
                login_as="coordinator.bretagne@example.org"),
    AuditedPage("national-seminar", fr="/fr/seminaires-nationaux/seminaire-national-formateurs-2020/", en=None,
                login_as="trainer.bretagne@example.org"),
    AuditedPage("seminar-assignment", **both("/seminars/assignments/2/"), login_as="coordinator.bretagne@example.org"),
    AuditedPage("seminar-submission", **both("/seminars/submissions/2/"), login_as="trainer.bretagne@example.org"),
    AuditedPage("seminar-attendance", **both(f"{SEMINAR_1}/attendance/?slot=2020-01-24-pm"),
                login_as="trainer.bretagne@example.org"),
    AuditedPage("seminar-report", **both(f"{SEMINAR_1}/report/"), login_as="partner.bretagne@example.org"),
    AuditedPage("seminar-calendar", **both("/seminars/calendar/"), login_as="coordinator.bretagne@example.org"),
    AuditedPage("seminar-assignment-edit", **both("/seminars/assignments/2/edit/"), login_as="trainer.bretagne@example.org"),
    AuditedPage("seminar-assignment-delete", **both("/seminars/assignments/2/delete/"), login_as="trainer.bretagne@example.org"),
    AuditedPage("seminar-registrations-import", **both(f"{SEMINAR_1}/registrations/import/"),
                login_as="trainer.bretagne@example.org"),
]

# The document library and the technical sheets (documents/demo.py, learning/sheet_demo.py): document 1 is the
# first demo document, public and translated.
AUDITED_PAGES += [
    AuditedPage("library", **both("/library/")),
    AuditedPage("library-filtered", **both("/library/?theme=quality&sort=recent"),
                login_as="coordinator.bretagne@example.org"),
    AuditedPage("library-document", **both("/library/1/")),
    AuditedPage("sheet-index", fr="/fr/ressources/fiches-techniques/", en="/en/resources/technical-sheets/"),
    AuditedPage("sheet", fr="/fr/ressources/fiches-techniques/animer-une-reunion/",
                en="/en/resources/technical-sheets/running-a-meeting/"),
]

# Search (search app): results with facets and highlights, as a coordinator; the empty form, anonymous.
AUDITED_PAGES += [
    AuditedPage("search-results", fr="/fr/search/?q=equipe", en="/en/search/?q=team",
                login_as="coordinator.bretagne@example.org"),
    AuditedPage("search-form", **both("/search/")),
]
