"""The permission matrix: what each kind of person gets from each URL of the site.

One row per URL (and region, when the URL belongs to one). The columns are the roles; the people are those of
the root conftest's `people` fixture, all from Bretagne, so OWN means Bretagne and OTHER means Normandie.
Each app declares its rows in `<app>/tests/permission_matrix.py` (a list ROWS); the rows of areas that belong
to no app of ours are SITE_ROWS below. To add a row, add one line there: the URL (a path, or url("name", kwarg=...)), the region (None, OWN or
OTHER) and what anonymous, coordinator, partner, trainer and national get (one value when all get the same).
Placeholders in paths: {region} (region code), {region_page} and {region_page_en} (the region page's id in
French and English); add more in `placeholders()`, or in an app's permission_matrix module (see there).

Expected values: an HTTP status (200, 403, 404, 405, 410...), LOGIN (a redirect to a login page),
ADMIN_REFUSED (the Wagtail admin's refusal: back to the dashboard with an error message) or to("/path/")
(any other redirect, to that path).
"""

from dataclasses import dataclass, field

from django.urls import reverse
from django.utils import translation

ROLES = ("anonymous", "coordinator", "partner", "trainer", "national")
# The person who plays each role (keys of the `people` fixture); anonymous is nobody.
PEOPLE = {
    "coordinator": "coordinator_bretagne",
    "partner": "partner_bretagne",
    "trainer": "trainer_bretagne",
    "national": "national",
}
OWN, OTHER = "bretagne", "normandie"

OK = 200
LOGIN = "login"


def to(path: str) -> str:
    return f"302 {path}"


# Wagtail's refusal inside the admin: back to the dashboard (with an error message).
ADMIN_REFUSED = to("/admin/")


@dataclass(frozen=True)
class url:  # noqa: N801 (reads as a function call in the table)
    """A URL given by name (reversed in French), for routes whose path may change."""

    name: str
    kwargs: dict = field(default_factory=dict)

    def __init__(self, name, **kwargs):
        object.__setattr__(self, "name", name)
        object.__setattr__(self, "kwargs", kwargs)

    def __str__(self):
        with translation.override("fr"):
            return reverse(self.name, kwargs=self.kwargs)


@dataclass(frozen=True)
class Row:
    target: object  # a path (str, with placeholders) or a url(...)
    region: str | None
    expected: dict

    def path(self, values: dict) -> str:
        return str(self.target).format(**values)

    def __str__(self):
        return f"{self.target}{f' [{self.region}]' if self.region else ''}"


def row(target, region, *expected) -> Row:
    if len(expected) == 1:
        expected = expected * len(ROLES)
    assert len(expected) == len(ROLES), f"{target}: one expectation per role {ROLES}"
    return Row(target, region, dict(zip(ROLES, expected)))


def _app_matrix_modules():
    """Each app's `<app>/tests/permission_matrix.py`, for the apps of the project that have one."""
    from importlib import import_module
    from importlib.util import find_spec

    from .urlwalk import project_apps

    return [
        import_module(f"{app.name}.tests.permission_matrix")
        for app in project_apps()
        if find_spec(f"{app.name}.tests") and find_spec(f"{app.name}.tests.permission_matrix")
    ]


def app_rows():
    """The rows each app of the project declares next to its tests, in `<app>/tests/permission_matrix.py` (ROWS)."""
    return [row for module in _app_matrix_modules() for row in module.ROWS]


# fmt: off
# Rows that belong to no app of ours: Django's and Wagtail's own areas, the language switch.
SITE_ROWS = [
    #   URL                                          region  anonymous coordinator partner  trainer  national
    row("/i18n/setlang/",                             None,   to("/")),  # GET: back to /; the switch itself is a POST
    # The Wagtail admin
    row("/admin/",                                    None,   LOGIN,    LOGIN,     LOGIN,   OK,      OK),
    row("/admin/login/",                              None,   OK,       OK,        OK,      to("/admin/"), to("/admin/")),
    # The Django admin: the national team only (is_staff)
    row("/django-admin/",                             None,   LOGIN,    LOGIN,     LOGIN,   LOGIN,   OK),
    row("/django-admin/login/",                       None,   OK,       OK,        OK,      OK,      to("/django-admin/")),
    row("/django-admin/logout/",                      None,   *[to("/django-admin/")] * 4, 405),  # POST only
    # Documents: a document that does not exist (the document library adds rows for real ones)
    row("/documents/999999/absent.pdf",               None,   404),
]
# fmt: on



def all_rows():
    """Every row: the site's and each app's."""
    return SITE_ROWS + app_rows()


@dataclass(frozen=True)
class PrefixRule:
    """The default for the third-party URLs under `prefix` that no row names: checked on every such URL for
    the roles in `expected` (the others depend on the object and need rows)."""

    prefix: str
    expected: dict
    reason: str


PREFIX_RULES = [
    PrefixRule(
        "admin/",
        {"anonymous": LOGIN, "coordinator": LOGIN, "partner": LOGIN},
        "Wagtail admin: every view requires wagtailadmin.access_admin, which only trainers and the national team "
        "hold (cms.services.roles); within it Wagtail's page and collection permissions decide. "
        "Its own login and password reset pages are public (rows above).",
    ),
    PrefixRule(
        "django-admin/",
        {"anonymous": LOGIN, "coordinator": LOGIN, "partner": LOGIN, "trainer": LOGIN},
        "Django admin: staff only, and only the national team is staff. Its login page is public (row above).",
    ),
    PrefixRule(
        "documents/",
        {},
        "Wagtail document serving: Wagtail's collection privacy decides; rows per kind of document are added "
        "by the document library.",
    ),
    PrefixRule("<lang>/_util/", {}, "Wagtail's forms for password- and login-restricted pages: public by design."),
    PrefixRule("i18n/", {}, "Django's language switch: public by design (row above)."),
]
# Third-party URLs that the prefix rule cannot check (public pages inside a private area), with the reason.
PREFIX_RULE_EXCEPTIONS = {
    "admin/login/": "the admin login page",
    "admin/logout/": "POST only",
    "admin/password_reset/": "the admin's password reset, public",
    "admin/password_reset/done/": "the admin's password reset, public",
    "admin/password_reset/confirm/<uidb64>/<token>/": "the admin's password reset, public",
    "admin/password_reset/complete/": "the admin's password reset, public",
    "admin/sprite/": "the admin's icons, public",
    "admin/jsi18n/": "the admin's JavaScript translations, public",
    "django-admin/login/": "the Django admin login page",
}


def placeholders(page_model, people) -> dict:
    """Values for the placeholders of MATRIX paths, per region code. An app whose rows need objects of its own
    (an import job, a forum topic) defines `placeholders(people)` in its permission_matrix module: it makes them
    for the `people` fixture's persons and returns {name: value}, offered to every row."""
    values = {}
    for code in (OWN, OTHER):
        pages = {p.locale.language_code: p.pk for p in page_model.objects.filter(region__code=code)}
        values[code] = {"region": code, "region_page": pages["fr"], "region_page_en": pages["en"]}
    values[None] = {}
    for module in _app_matrix_modules():
        if hasattr(module, "placeholders"):
            made = module.placeholders(people)
            for region_values in values.values():
                region_values.update(made)
    return values
