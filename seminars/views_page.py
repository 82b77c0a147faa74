"""What a seminar page shows beyond its fields, for the person reading it: the materials they may download, their
own registration and attendance, the assignments, and the links to what they may manage."""

import datetime
import functools
import hashlib

from django.conf import settings
from django.core.cache import cache
from django.db import connection
from django.template.loader import render_to_string
from django.urls import get_script_prefix, get_urlconf, reverse
from django.utils.formats import date_format
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from django.utils.translation import get_language, gettext

from cms import cache as cms_cache
from people.models import Region, User
from seminars import permissions as rules
from seminars.enums import HalfDay
from seminars.models import Assignment, Attendance, CopilReport, Registration, SeminarPage
from seminars.signals import materials_scope


def material_ids(page, programme=None):
    """Document ids of the page's materials and of its sessions' materials, from the raw stream (no query)."""
    ids = [block["value"].get("document") for block in page.materials.raw_data if block.get("value")]
    for day in programme if programme is not None else page.programme():
        for session in day["sessions"]:
            ids += session["material_ids"]
    return [pk for pk in dict.fromkeys(ids) if pk]


# What the page shows of a material (includes/document_link.html) and what its permissions read, in the model's
# field order (Model.from_db reads a partial row in that order).
PAGE_FIELDS = ("id", "title", "file_format", "file_size", "language", "access", "region_id", "locale_id")


def visible_materials(user, page, programme=None):
    """The page's documents that `user` may download, fetched whole (bar the extracted text, which can be a whole
    book per document): what the zip streams."""
    ids = material_ids(page, programme)
    if not ids:
        return []
    documents = rules.materials_visible_to(user, page, ids).defer("text", "text_pages", "description")
    by_pk = {doc.pk: doc for doc in documents}
    return [by_pk[pk] for pk in ids if pk in by_pk]


@functools.cache
def _document_fields(model):
    """PAGE_FIELDS in the model's order of columns."""
    return tuple(field.attname for field in model._meta.concrete_fields if field.attname in PAGE_FIELDS)


def page_facts(request, page):
    """What a page revision shows that is the same for every reader, cached until the page tree changes (cms.cache's
    global version: publishing, moving, a slug) or one of its documents does (signals.materials_scope): its region's
    code, whether it is its own French source, and every document it names, in the page's order. Who may download
    which is decided per request by the permission predicate (seminars.permissions.downloadable_materials), so the
    cache never widens what anyone sees."""

    def build():
        programme = page.programme()
        ids = material_ids(page, programme)
        rows = LibraryDocument.objects.filter(pk__in=ids).values_list(*fields) if ids else []
        by_pk = {row[fields.index("id")]: row for row in rows}
        return {
            "region_code": page.region.code if page.region_id else None,
            "is_source": page.locale.language_code == settings.LANGUAGE_CODE,
            # Rows, not model instances: unpickling fifty documents cost more than building them from their values.
            "documents": [by_pk[pk] for pk in ids if pk in by_pk],
        }

    from documents.models import LibraryDocument

    fields = _document_fields(LibraryDocument)
    facts = cms_cache.remember(f"seminars:facts:{page.pk}:{page.latest_revision_id}", build, request,
                               scope=materials_scope(page.pk))
    from_db, db = LibraryDocument.from_db, LibraryDocument.objects.db
    return {**facts, "documents": [from_db(db, fields, row) for row in facts["documents"]]}


def _with_facts(page, facts):
    """Fill what the facts say on `page` (its region, its source when it is its own), sparing their queries."""
    if facts["region_code"] is not None and not SeminarPage.region.is_cached(page):
        page.region = Region.from_db(None, ["id", "code"], [page.region_id, facts["region_code"]])
    if facts["is_source"]:
        page.__dict__["source"] = page
    return page.source


def _fingerprint(values):
    return hashlib.sha256(repr(values).encode()).hexdigest()[:16]


def programme_html(page, materials):
    """The programme, rendered once per revision, language and set of materials the reader sees (a few variants
    per seminar: by role, not by person). A 40-session agenda otherwise costs more than the rest of the page."""
    seen = _fingerprint([(d.pk, d.title) for d in materials])
    key = f"seminars:programme:{page.pk}:{page.latest_revision_id}:{get_language()}:{seen}"

    def render():
        programme = with_session_materials(page.programme(), materials)
        return render_to_string("seminars/includes/programme.html", {"programme": programme})

    return mark_safe(cache.get_or_set(key, render, timeout=24 * 3600))  # our own template's output


def materials_html(materials):
    """The list of materials the reader may download. Its HTML depends only on what the key holds (each document's
    id, title, format, size and language, and the page's language), so a variant is rendered once: fifty
    document_link includes otherwise cost as much as the rest of the page. The documents are those the reader may
    download (downloadable_materials): the cache never widens what they see."""
    seen = _fingerprint([(d.pk, d.title, d.file_format, d.file_size, d.language) for d in materials])
    key = f"seminars:materials:{get_language()}:{seen}"

    def render():
        return render_to_string("seminars/includes/materials.html", {"materials": materials})

    return mark_safe(cache.get_or_set(key, render, timeout=24 * 3600))  # our own template's output


# The seminar's own pages that its page links to, each reversed once per language with placeholders, then filled.
LINKED_VIEWS = ("agenda_pdf", "seminar_ics", "materials_zip", "registrations", "attendance", "assignment_create",
                "report")
_PLACEHOLDERS = {"region": "region-placeholder", "slug": "slug-placeholder"}
_url_patterns = {}


def seminar_urls(seminar):
    """{view name: URL} for `seminar` (the French source, whose region code and slug name it in URLs)."""
    key = (get_language(), get_script_prefix(), get_urlconf())
    patterns = _url_patterns.get(key)
    if patterns is None:
        patterns = _url_patterns[key] = {name: reverse(f"seminars:{name}", kwargs=_PLACEHOLDERS)
                                         for name in LINKED_VIEWS}
    region, slug = seminar.region_key, seminar.slug
    return {name: url.replace(_PLACEHOLDERS["region"], region).replace(_PLACEHOLDERS["slug"], slug)
            for name, url in patterns.items()}


def my_registration(seminar, person):
    """(whether `person` is registered to the seminar, the lines of their attendance in date order) in one query:
    the registration, if any, comes as a row without a date beside the records. Each line is written here once
    ("jeudi 23 janvier, matin: présent"): a date filter and two translations per row cost more in the template.
    The query is written out: compiling the ORM's union cost more than the rest of the page's context."""
    with connection.cursor() as cursor:
        cursor.execute(_MY_REGISTRATION_SQL, [seminar.pk, person.pk, seminar.pk, person.pk])
        rows = cursor.fetchall()
    if not any(date is None for date, _half, _present in rows):
        return False, []
    halves = {value: str(label).lower() for value, label in HalfDay.choices}
    outcome = {True: gettext("present"), False: gettext("absent")}
    days = {}
    lines = []
    records = [(date if isinstance(date, datetime.date) else datetime.date.fromisoformat(date), half, present)
               for date, half, present in rows if date is not None]  # SQLite gives dates as text
    for date, half, present in sorted(records, key=lambda row: row[:2]):
        if date not in days:
            days[date] = date_format(date, "l j F")
        lines.append(format_html("{}, {}: {}", days[date], halves.get(half, ""), outcome[bool(present)]))
    return True, lines


_MY_REGISTRATION_SQL = (
    f"""SELECT NULL, '', NULL FROM "{Registration._meta.db_table}" WHERE "seminar_id" = %s AND "person_id" = %s """
    f"""UNION ALL SELECT "date", "half_day", "present" FROM "{Attendance._meta.db_table}" """
    """WHERE "seminar_id" = %s AND "person_id" = %s"""
)


def with_session_materials(programme, materials):
    by_pk = {doc.pk: doc for doc in materials}
    for day in programme:
        for session in day["sessions"]:
            session["materials"] = [by_pk[pk] for pk in session["material_ids"] if pk in by_pk]
    return programme


def seminar_context(request, page, *, with_programme=False):
    """The page's context for `request.user`. The programme's HTML is cached (programme_html); `with_programme`
    adds the programme as data (the PDF agenda lays it out itself)."""
    # The page depends on its materials: cms.page_cache serves it only while this version is unchanged.
    cms_cache.version(request, materials_scope(page.pk))
    user = request.user
    facts = page_facts(request, page)
    source = _with_facts(page, facts)
    trainer_ids = [pk for pk in (page.trainer_1_id, page.trainer_2_id) if pk]
    trainers = list(User.objects.filter(pk__in=trainer_ids)) if trainer_ids else []
    materials = rules.downloadable_materials(user, source, facts["documents"])
    in_cohort = rules.user_is_in_cohort(user, source)
    context = {
        "status": page.status(), "programme_html": programme_html(page, materials),
        "trainers": trainers, "materials": materials,
        "materials_html": materials_html(materials) if materials else "",
        "source": source, "urls": seminar_urls(source), "can_manage": rules.user_can_manage_seminar(user, source),
        "in_cohort": in_cohort,
        "can_view_report": rules.user_can_view_report(user, source),
    }
    if with_programme:
        context["programme"] = with_session_materials(page.programme(), materials)
    if user.is_authenticated:
        # The cohort reads the seminar's assignments (rules.assignment_q, decided here once for the seminar).
        context["assignments"] = list(Assignment.objects.filter(seminar=source)) if in_cohort else []
        context["registered"], context["my_attendance"] = my_registration(source, user)
        if context["can_view_report"]:
            context["has_report"] = CopilReport.objects.filter(seminar=source).exists()
    return context
