"""What a seminar page shows beyond its fields, for the person reading it: the materials they may download, their
own registration and attendance, the assignments, and the links to what they may manage."""

import hashlib

from django.core.cache import cache
from django.template.loader import render_to_string
from django.utils.safestring import mark_safe
from django.utils.translation import get_language

from cms import cache as cms_cache
from people.models import User
from seminars import permissions as rules
from seminars.models import Assignment, CopilReport
from seminars.signals import materials_scope


def material_ids(page, programme=None):
    """Document ids of the page's materials and of its sessions' materials, from the raw stream (no query)."""
    ids = [block["value"].get("document") for block in page.materials.raw_data if block.get("value")]
    for day in programme if programme is not None else page.programme():
        for session in day["sessions"]:
            ids += session["material_ids"]
    return [pk for pk in dict.fromkeys(ids) if pk]


# What the page shows of a material (includes/document_link.html) and what its permissions read.
PAGE_FIELDS = ("id", "title", "file_format", "file_size", "language", "access", "region_id", "locale_id")


def visible_materials(user, page, programme=None, *, fields=None):
    ids = material_ids(page, programme)
    if not ids:
        return []
    documents = rules.materials_visible_to(user, page, ids)
    # Not the extracted text: it can be a whole book per document.
    documents = documents.only(*fields) if fields else documents.defer("text", "text_pages", "description")
    by_pk = {doc.pk: doc for doc in documents}
    return [by_pk[pk] for pk in ids if pk in by_pk]


def _fingerprint(values):
    return hashlib.sha256(repr(values).encode()).hexdigest()[:16]


def programme_html(page, programme, materials):
    """The programme, rendered once per revision, language and set of materials the reader sees (a few variants
    per seminar: by role, not by person). A 40-session agenda otherwise costs more than the rest of the page."""
    seen = _fingerprint([(d.pk, d.title) for d in materials])
    key = f"seminars:programme:{page.pk}:{page.latest_revision_id}:{get_language()}:{seen}"

    def render():
        return render_to_string("seminars/includes/programme.html", {"programme": programme})

    return mark_safe(cache.get_or_set(key, render, timeout=24 * 3600))  # our own template's output


def materials_html(materials):
    """The list of materials the reader may download. Its HTML depends only on what the key holds (each document's
    id, title, format, size and language, and the page's language), so a variant is rendered once: fifty
    document_link includes otherwise cost as much as the rest of the page. The documents are those the reader may
    download (visible_materials): the cache never widens what they see."""
    seen = _fingerprint([(d.pk, d.title, d.file_format, d.file_size, d.language) for d in materials])
    key = f"seminars:materials:{get_language()}:{seen}"

    def render():
        return render_to_string("seminars/includes/materials.html", {"materials": materials})

    return mark_safe(cache.get_or_set(key, render, timeout=24 * 3600))  # our own template's output


def seminar_context(request, page):
    # The page depends on its materials: cms.page_cache serves it only while this version is unchanged.
    cms_cache.version(request, materials_scope(page.pk))
    user = request.user
    source = page.source
    trainer_ids = [pk for pk in (page.trainer_1_id, page.trainer_2_id) if pk]
    trainers = list(User.objects.filter(pk__in=trainer_ids)) if trainer_ids else []
    programme = page.programme()
    materials = visible_materials(user, page, programme, fields=PAGE_FIELDS)
    by_pk = {doc.pk: doc for doc in materials}
    for day in programme:
        for session in day["sessions"]:
            session["materials"] = [by_pk[pk] for pk in session["material_ids"] if pk in by_pk]
    context = {
        "status": page.status(), "programme": programme,
        "programme_html": programme_html(page, programme, materials), "trainers": trainers, "materials": materials,
        "materials_html": materials_html(materials) if materials else "",
        "source": source, "can_manage": rules.user_can_manage_seminar(user, source),
        "in_cohort": rules.user_is_in_cohort(user, source),
        "can_view_report": rules.user_can_view_report(user, source),
    }
    if user.is_authenticated:
        context["assignments"] = list(Assignment.objects.visible_to(user).filter(seminar=source))
        context["registered"] = source.registrations.filter(person=user).exists()
        if context["registered"]:
            context["my_attendance"] = list(source.attendance.filter(person=user).order_by("date", "half_day"))
        if context["can_view_report"]:
            context["has_report"] = CopilReport.objects.filter(seminar=source).exists()
    return context
