"""What a seminar page shows beyond its fields, for the person reading it: the materials they may download, their
own registration and attendance, the assignments, and the links to what they may manage."""

from people.models import User
from seminars import permissions as rules
from seminars.models import Assignment, CopilReport


def material_ids(page):
    """Document ids of the page's materials and of its sessions' materials, from the raw stream (no query)."""
    ids = [block["value"].get("document") for block in page.materials.raw_data if block.get("value")]
    for day in page.agenda.raw_data:
        for session in day.get("value", {}).get("sessions", []):
            session = session.get("value", session) if isinstance(session, dict) and "type" in session else session
            for item in session.get("materials") or []:
                value = item.get("value") if isinstance(item, dict) else item
                if value:
                    ids.append(value)
    return [pk for pk in dict.fromkeys(ids) if pk]


def visible_materials(user, page):
    ids = material_ids(page)
    if not ids:
        return []
    by_pk = {doc.pk: doc for doc in rules.materials_visible_to(user, page, ids)}
    return [by_pk[pk] for pk in ids if pk in by_pk]


def seminar_context(request, page):
    user = request.user
    source = page.source
    trainer_ids = [pk for pk in (page.trainer_1_id, page.trainer_2_id) if pk]
    trainers = list(User.objects.filter(pk__in=trainer_ids)) if trainer_ids else []
    materials = visible_materials(user, page)
    material_by_pk = {doc.pk: doc for doc in materials}
    programme = page.programme()
    for day in programme:
        for session in day["sessions"]:
            session["materials"] = [material_by_pk[pk] for pk in session["material_ids"] if pk in material_by_pk]
    context = {
        "status": page.status(), "programme": programme, "trainers": trainers, "materials": materials,
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
