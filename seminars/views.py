"""Thin views: find the object, ask seminars.permissions, call one service or query, render. What a person may
not see answers 404, as if it did not exist; a seminar is found by the id of its page in either language."""

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import FileResponse, Http404, HttpResponse, HttpResponseBadRequest, StreamingHttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache

from people.mail import absolute_url
from people.models import User
from seminars import diploma, forms, ical, services, zips
from seminars import permissions as rules
from seminars.enums import HalfDay
from seminars.models import Assignment, CopilReport, JournalEntry, SeminarPage, Submission
from seminars.views_page import seminar_context, visible_materials

PDF = "application/pdf"


def _seminar(region, slug):
    """The live seminar named in URLs by its region's code ("national" for a national seminar) and its French slug
    -> (its page in the current language when there is one, the French source)."""
    found = SeminarPage.objects.live().select_related("region").filter(slug=slug,
                                                                       locale__language_code=settings.LANGUAGE_CODE)
    found = found.filter(region__isnull=True) if region == "national" else found.filter(region__code=region)
    source = found.first()
    if source is None:
        raise Http404
    language = get_language()
    shown = source if language == settings.LANGUAGE_CODE else (
        SeminarPage.objects.live().filter(translation_key=source.translation_key, locale__language_code=language)
        .first() or source)
    shown.region = source.region
    return shown, source


def _or_404(allowed):
    if not allowed:
        raise Http404


def _attachment(data, content_type, name):
    response = HttpResponse(data, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response


def _pdf(template, context, *, title, name):
    from cms.pdf import render_pdf

    data = render_pdf(template, context, title=title, language=get_language())
    return _attachment(data, PDF, name)


# Seminar-wide downloads ----------------------------------------------------------------------------------------------
def agenda_pdf(request, region, slug):
    page, source = _seminar(region, slug)
    context = {"page": page, **seminar_context(request, page, with_programme=True)}
    return _pdf("seminars/pdf/agenda.html", context, title=page.title, name=f"programme-{source.slug}.pdf")


def seminar_calendar(request, region, slug):
    page, source = _seminar(region, slug)
    data = ical.seminar_ics(page, request.build_absolute_uri(page.url) if page.url else "")
    return _attachment(data, "text/calendar; charset=utf-8", f"{source.slug}.ics")


@login_required
def materials_zip(request, region, slug):
    page, source = _seminar(region, slug)
    documents = visible_materials(request.user, page)
    _or_404(documents)
    response = StreamingHttpResponse(zips.stream(documents), content_type="application/zip")
    response["Content-Disposition"] = f'attachment; filename="supports-{source.slug}.zip"'
    return response


# Managing a seminar --------------------------------------------------------------------------------------------------
@never_cache
@login_required
def registrations(request, region, slug):
    page, source = _seminar(region, slug)
    _or_404(rules.user_can_manage_seminar(request.user, source))
    people = services.registrable_people(source).order_by("last_name", "first_name")
    current = list(source.registrations.values_list("person_id", flat=True))
    form = forms.RegistrationForm(request.POST or None, queryset=people, initial={"people": current})
    if request.method == "POST" and form.is_valid():
        chosen = people if request.POST.get("everyone") else form.cleaned_data["people"]
        added, removed = services.set_registrations(source, [p.pk for p in chosen])
        messages.success(request, _("Registrations saved: %(added)d added, %(removed)d removed.")
                         % {"added": added, "removed": removed})
        return redirect("seminars:registrations", **source.url_kwargs)
    return render(request, "seminars/registrations.html", {
        "page": page, "source": source, "form": form, "import_form": forms.RegistrationImportForm()})


@never_cache
@login_required
def registrations_import(request, region, slug):
    """Upload a CSV file of e-mail addresses → a preview that saves nothing → confirm, which plans again from the
    same (signed) lines and registers whom the plan accepts."""
    page, source = _seminar(region, slug)
    _or_404(rules.user_can_manage_seminar(request.user, source))
    form = forms.RegistrationImportForm(request.POST or None, request.FILES or None)
    context = {"page": page, "source": source, "form": form}
    if request.method == "POST" and "token" in request.POST:
        try:
            rows = services.unsign_registration_import(source, request.user, request.POST["token"])
        except services.ImportFileError as error:
            return render(request, "seminars/registrations_import.html",
                          {**context, "form": forms.RegistrationImportForm(), "error": str(error)}, status=400)
        plan = services.apply_registration_import(source, rows)
        messages.success(request, _("Import done: %(added)d registered, %(refused)d lines refused.")
                         % {"added": len(plan.to_register), "refused": len(plan.refused)})
        return redirect("seminars:registrations", **source.url_kwargs)
    if request.method == "POST" and form.is_valid():
        context.update(plan=services.plan_registration_import(source, form.rows),
                       token=services.sign_registration_import(source, request.user, form.rows))
    return render(request, "seminars/registrations_import.html", context, status=400 if form.errors else 200)


@never_cache
@login_required
def attendance(request, region, slug):
    page, source = _seminar(region, slug)
    _or_404(rules.user_can_record_attendance(request.user, source))
    slots = source.half_days()
    slot = _slot(request.GET.get("slot"), slots) or _default_slot(slots)
    if request.method == "POST":
        slot = _slot(request.POST.get("slot"), slots)
        if slot is None:
            return HttpResponseBadRequest(_("Unknown half-day."))
        count = services.record_attendance(source, request.user, slot[0], slot[1], request.POST.getlist("present"))
        messages.success(request, _("Attendance saved: %(count)d present.") % {"count": count})
        return redirect(f"{reverse('seminars:attendance', kwargs=source.url_kwargs)}?slot={_slot_key(slot)}")
    registered = list(User.objects.filter(seminar_registrations__seminar=source).order_by("last_name", "first_name"))
    present = set(source.attendance.filter(date=slot[0], half_day=slot[1], present=True)
                  .values_list("person_id", flat=True))
    recorded = source.attendance.filter(date=slot[0], half_day=slot[1]).exists()
    return render(request, "seminars/attendance.html", {
        "page": page, "source": source, "registered": registered, "present": present, "recorded": recorded,
        "slot": slot, "slot_key": _slot_key(slot), "slot_label": _slot_label(slot),
        "slots": [{"key": _slot_key(s), "label": _slot_label(s), "current": s == slot} for s in slots],
    })


def _slot_key(slot):
    return f"{slot[0].isoformat()}-{slot[1]}"


def _slot_label(slot):
    from django.utils.formats import date_format

    return f"{date_format(slot[0], 'l j F')} – {HalfDay(slot[1]).label}"


def _slot(key, slots):
    for slot in slots:
        if key == _slot_key(slot):
            return slot
    return None


def _default_slot(slots):
    now = timezone.localtime()
    half = HalfDay.MORNING if now.hour < 13 else HalfDay.AFTERNOON
    return (now.date(), half) if (now.date(), half) in slots else slots[0]


@never_cache
@login_required
def assignment_create(request, region, slug):
    page, source = _seminar(region, slug)
    _or_404(rules.user_can_create_assignment(request.user, source))
    form = forms.AssignmentForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        assignment = services.create_assignment(source, request.user, title=data["title"],
                                                instructions=data["instructions"], due_at=data["due_at"],
                                                files=data["files"])
        messages.success(request, _("The assignment was created."))
        return redirect(assignment)
    return render(request, "seminars/assignment_form.html", {"page": page, "source": source, "form": form})


@never_cache
@login_required
def report(request, region, slug):
    page, source = _seminar(region, slug)
    _or_404(rules.user_can_view_report(request.user, source))
    found = CopilReport.objects.filter(seminar=source).first()
    return render(request, "seminars/report.html", {
        "page": page, "source": source, "report": found, "figures": services.attendance_figures(source),
        "can_edit": rules.user_can_edit_report(request.user, source),
    })


@never_cache
@login_required
def report_edit(request, region, slug):
    page, source = _seminar(region, slug)
    _or_404(rules.user_can_edit_report(request.user, source))
    existing = CopilReport.objects.filter(seminar=source).first()
    form = forms.ReportForm(request.POST or None, instance=existing)
    if request.method == "POST" and form.is_valid():
        services.save_report(source, request.user, **form.cleaned_data)
        messages.success(request, _("The report was saved."))
        return redirect("seminars:report", **source.url_kwargs)
    return render(request, "seminars/report_form.html", {"page": page, "source": source, "form": form})


@login_required
def report_pdf(request, region, slug):
    page, source = _seminar(region, slug)
    _or_404(rules.user_can_view_report(request.user, source))
    found = CopilReport.objects.filter(seminar=source).first()
    context = {"page": page, "source": source, "report": found, "figures": services.attendance_figures(source)}
    return _pdf("seminars/pdf/report.html", context, title=_("COPIL report – %(title)s") % {"title": page.title},
                name=f"bilan-copil-{source.slug}.pdf")


# Assignments and submissions -------------------------------------------------------------------------------------------
def _assignment(request, pk):
    assignment = get_object_or_404(Assignment.objects.select_related("seminar"), pk=pk)
    _or_404(rules.user_can_view_assignment(request.user, assignment))
    return assignment


@never_cache
@login_required
def assignment_detail(request, pk):
    assignment = _assignment(request, pk)
    user = request.user
    mine = Submission.objects.filter(assignment=assignment, author=user).prefetch_related("files").first()
    context = {"assignment": assignment, "seminar": assignment.seminar, "submission": mine,
               "can_submit": rules.user_can_submit(user, assignment) and (
                   mine is None or rules.user_can_revise_submission(user, mine))}
    if context["can_submit"]:
        form = forms.SubmissionForm(request.POST or None, request.FILES or None,
                                    existing_files=mine.files.all() if mine else ())
        if request.method == "POST" and form.is_valid():
            try:
                services.submit(assignment, user, text=form.cleaned_data["text"], files=form.cleaned_data["files"],
                                remove_file_ids=[int(pk) for pk in form.cleaned_data.get("remove") or []])
            except Assignment.DoesNotExist:  # deleted by a trainer in the meantime
                raise Http404 from None
            messages.success(request, _("Your work was handed in. Your trainers have been told."))
            return redirect(assignment)
        context["form"] = form
    elif request.method == "POST":
        raise Http404
    if rules.user_can_manage_seminar(user, assignment.seminar):
        context["submissions"] = list(Submission.objects.visible_to(user).filter(assignment=assignment)
                                      .select_related("author").order_by("author__last_name"))
    context["files"] = list(assignment.files.all())
    context["can_change"] = rules.user_can_change_assignment(user, assignment)
    return render(request, "seminars/assignment.html", context)


@never_cache
@login_required
def assignment_edit(request, pk):
    assignment = _assignment(request, pk)
    _or_404(rules.user_can_change_assignment(request.user, assignment))
    existing = list(assignment.files.all())
    initial = {"title": assignment.title, "instructions": assignment.instructions,
               "due_at": timezone.localtime(assignment.due_at).strftime("%Y-%m-%dT%H:%M")}
    form = forms.AssignmentEditForm(request.POST or None, request.FILES or None, initial=initial,
                                    existing_files=existing)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        services.update_assignment(assignment, title=data["title"], instructions=data["instructions"],
                                   due_at=data["due_at"], files=data["files"],
                                   remove_file_ids=data.get("remove") or [])
        messages.success(request, _("The assignment was saved."))
        return redirect(assignment)
    return render(request, "seminars/assignment_form.html", {
        "page": assignment.seminar, "source": assignment.seminar, "form": form, "assignment": assignment})


@never_cache
@login_required
def assignment_delete(request, pk):
    """A confirmation page, then the deletion; refused (with the reason) once work was handed in."""
    assignment = _assignment(request, pk)
    _or_404(rules.user_can_delete_assignment(request.user, assignment))
    handed_in = assignment.submissions.count()
    if request.method == "POST" and not handed_in:
        try:
            services.delete_assignment(assignment)
        except services.AssignmentHasSubmissions:
            handed_in = assignment.submissions.count()
        else:
            messages.success(request, _("The assignment was deleted."))
            return redirect(assignment.seminar.url)
    status = 409 if request.method == "POST" else 200
    return render(request, "seminars/assignment_delete.html", {
        "assignment": assignment, "seminar": assignment.seminar, "handed_in": handed_in}, status=status)


@login_required
def assignment_file(request, pk, file_pk):
    assignment = _assignment(request, pk)
    attached = get_object_or_404(assignment.files, pk=file_pk)
    return FileResponse(attached.file.open("rb"), as_attachment=True, filename=attached.name)


def _submission(request, pk):
    submission = get_object_or_404(Submission.objects.select_related("assignment__seminar", "author"), pk=pk)
    _or_404(rules.user_can_view_submission(request.user, submission))
    return submission


@never_cache
@login_required
def submission_detail(request, pk):
    submission = _submission(request, pk)
    can_review = rules.user_can_review_submission(request.user, submission) and submission.status != "accepted"
    form = forms.ReviewForm(request.POST or None) if can_review else None
    if request.method == "POST":
        _or_404(form is not None)
        if form.is_valid():
            services.review(submission, request.user, **form.cleaned_data)
            messages.success(request, _("Your review was saved. The coordinator has been told."))
            return redirect(submission)
    return render(request, "seminars/submission.html", {
        "submission": submission, "assignment": submission.assignment, "form": form,
        "files": list(submission.files.all()), "reviews": list(submission.reviews.select_related("reviewer")),
        "can_revise": rules.user_can_revise_submission(request.user, submission),
    })


@login_required
def submission_file(request, pk, file_pk):
    submission = _submission(request, pk)
    attached = get_object_or_404(submission.files, pk=file_pk)
    return FileResponse(attached.file.open("rb"), as_attachment=True, filename=attached.name)


# Follow-up of a coordinator -----------------------------------------------------------------------------------------
def _person(pk):
    return get_object_or_404(User.objects.prefetch_related("regions"), pk=pk)


@never_cache
@login_required
def journal(request, person_pk):
    person = _person(person_pk)
    _or_404(rules.user_can_view_journal(request.user, person))
    form = forms.JournalForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        services.add_journal_entry(person, request.user, form.cleaned_data["text"])
        messages.success(request, _("The note was added."))
        return redirect("seminars:journal", person_pk=person.pk)
    entries = JournalEntry.objects.visible_to(request.user).filter(coordinator=person).select_related("author")
    return render(request, "seminars/journal.html", {"person": person, "entries": entries, "form": form})


@never_cache
@login_required
def diploma_record(request, person_pk):
    person = _person(person_pk)
    _or_404(rules.user_can_view_diploma_record(request.user, person))
    return render(request, "seminars/diploma.html", {
        "record": diploma.record(person, request.user),
        "can_follow": rules.user_can_view_journal(request.user, person),
    })


@login_required
def diploma_attestation(request, person_pk):
    person = _person(person_pk)
    _or_404(rules.user_can_view_diploma_record(request.user, person))
    context = {"record": diploma.record(person, request.user), "today": timezone.localdate()}
    return _pdf("seminars/pdf/attestation.html", context, title=_("Attestation – %(name)s") % {
        "name": person.get_full_name()}, name=f"attestation-{person.pk}.pdf")


# Calendars ---------------------------------------------------------------------------------------------------------
@never_cache
@login_required
def calendar_settings(request):
    token = None
    if request.method == "POST":
        if request.POST.get("action") == "revoke":
            services.revoke_calendar_token(request.user)
            messages.success(request, _("Your calendar address no longer works."))
            return redirect("seminars:calendar")
        token = services.new_calendar_token(request.user)
    has_token = hasattr(request.user, "calendar_token") if token is None else True
    url = request.build_absolute_uri(reverse("seminars:calendar_feed", kwargs={"token": token})) if token else ""
    return render(request, "seminars/calendar.html", {"feed_url": url, "has_token": has_token})


def calendar_feed(request, token):
    person = services.person_for_token(token)
    _or_404(person is not None)
    data = ical.person_ics(person, absolute_url)
    response = HttpResponse(data, content_type="text/calendar; charset=utf-8")
    response["Cache-Control"] = "private, no-store"
    return response


