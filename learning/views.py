"""Thin views around the module pages (which Wagtail serves): actions on a lesson, quiz results, certificates, the
coordinator's history and the trainers' dashboard. What the person may not see answers 404."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
import io

from django.http import FileResponse, Http404, HttpResponse, JsonResponse
from django.templatetags.static import static
from django.views.decorators.clickjacking import xframe_options_sameorigin
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST
from wagtail.models import Page

from learning import catalogue, certificates, dashboard, history, permissions, services
from learning.enums import PackageKind
from learning.models import Certificate, LessonPage, LessonProgress, ModulePage, QuizAttempt
from learning.quizzes import QuizFormError
from people.models import User


def _lesson(request, pk):
    lesson = get_object_or_404(LessonPage.objects.live(), pk=pk)
    module = get_object_or_404(ModulePage.objects.live(), path=lesson.path[: -Page.steplen])
    if not permissions.user_can_view_module(request.user, module):
        raise Http404
    return lesson, module


@require_POST
@login_required
def lesson_done(request, pk):
    lesson, module = _lesson(request, pk)
    try:
        services.mark_lesson_done(request.user, lesson, module)
    except services.LearningError as error:
        messages.error(request, str(error))
        return redirect(lesson.get_url(request))
    messages.success(request, _("Lesson marked as done."))
    following = catalogue.next_lesson(lesson, module, request)
    return redirect(following.toc_url if following else module.get_url(request))


@require_POST
@login_required
def quiz_submit(request, pk, quiz_id):
    lesson, module = _lesson(request, pk)
    try:
        attempt = services.submit_quiz(request.user, lesson, module, quiz_id, request.POST)
    except QuizFormError as error:
        return render(request, "learning/quiz_error.html", {"lesson": lesson, "error": str(error)}, status=400)
    return redirect("learning:attempt", pk=attempt.pk)


@never_cache
@login_required
def attempt_detail(request, pk):
    attempt = get_object_or_404(QuizAttempt.objects.select_related("user"), pk=pk)
    if not permissions.user_can_view_attempt(request.user, attempt):
        raise Http404
    lesson = LessonPage.objects.live().filter(
        translation_key=attempt.lesson_key, locale__language_code=get_language()
    ).first() or LessonPage.objects.live().filter(translation_key=attempt.lesson_key).first()
    return render(request, "learning/attempt.html", {"attempt": attempt, "lesson": lesson})


@require_POST
@login_required
def reflection_save(request, pk, block_id):
    lesson, module = _lesson(request, pk)
    try:
        services.save_reflection(request.user, lesson, module, block_id, request.POST.get("answer"),
                                 request.POST.get("shared") == "on")
    except services.LearningError as error:
        messages.error(request, str(error))
    else:
        messages.success(request, _("Your answer is saved in your notebook."))
    return redirect(lesson.get_url(request) + f"#r-{block_id}")


@never_cache
@login_required
def module_resume(request, pk):
    module = get_object_or_404(ModulePage.objects.live(), pk=pk)
    if not permissions.user_can_view_module(request.user, module):
        raise Http404
    context = catalogue.module_context(request.user, module, request)
    return redirect(context["resume_url"] or context["start_url"] or module.get_url(request))


@login_required
def certificate_pdf(request, pk):
    certificate = get_object_or_404(Certificate.objects.select_related("user"), pk=pk)
    if not permissions.user_can_view_certificate(request.user, certificate):
        raise Http404
    data = certificates.render(certificate, get_language(), request)
    response = HttpResponse(data, content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="{certificates.file_name(certificate)}"'
    return response


@never_cache
def verify(request, code):
    certificate = Certificate.objects.filter(code=services.normalise_code(code)[:32]).first()
    status = 200 if certificate else 404
    return render(request, "learning/verify.html", {"certificate": certificate}, status=status)


@never_cache
@login_required
def my_history(request):
    return render(request, "learning/history.html", history.history_context(request.user, request.user))


@never_cache
@login_required
def learner_history(request, pk):
    person = get_object_or_404(User, pk=pk)
    if person.pk == request.user.pk:
        return redirect("learning:history")
    if not permissions.user_can_view_learner(request.user, person):
        raise Http404
    return render(request, "learning/history.html", history.history_context(request.user, person))


@never_cache
@login_required
def dashboard_view(request):
    if not permissions.user_can_view_dashboard(request.user):
        raise Http404
    return render(request, "learning/dashboard.html", dashboard.build(request.user, request.GET))


@login_required
def dashboard_csv(request):
    if not permissions.user_can_view_dashboard(request.user):
        raise Http404
    response = HttpResponse(dashboard.csv_bytes(dashboard.build(request.user, request.GET)),
                            content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="suivi-e-learning.csv"'
    return response


# Interactive content: the package's files (in a sandboxed frame, opaque origin) and the runtime's commits.

PACKAGE_CSP = "sandbox allow-scripts allow-forms allow-popups; frame-ancestors 'self'"
# An SVG image is shown, never run: no script, no outside resource (H5P content may hold SVG images).
SVG_CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; sandbox; frame-ancestors 'self'"


def _package_for(token):
    """The block's package and its learner for a package link, or 404: forged or expired link, lesson gone or
    unpublished, the learner no longer allowed to take the module, the block or its package removed."""
    from learning import scorm

    found = scorm.read_token(token)
    if found is None:
        raise Http404
    user_pk, lesson_pk, block_id = found
    user = User.objects.filter(pk=user_pk, is_active=True).first()
    lesson = LessonPage.objects.live().filter(pk=lesson_pk).first()
    if user is None or lesson is None:
        raise Http404
    module = ModulePage.objects.live().filter(path=lesson.path[: -Page.steplen]).first()
    if module is None or not permissions.user_can_view_module(user, module):
        raise Http404
    block = lesson.interactive_block(block_id)
    package = block.value["package"] if block else None
    if package is None or not package.sha256:
        raise Http404
    return package


@xframe_options_sameorigin
def package_file(request, token, path):
    import mimetypes

    from learning import packages, scorm

    package = _package_for(token)
    file_path = packages.resolve(package.sha256, path)
    if file_path is None:
        raise Http404
    content_type, _encoding = mimetypes.guess_type(file_path.name)
    content_type = content_type or "application/octet-stream"
    if content_type == "text/html" and package.kind != PackageKind.H5P:
        script = request.build_absolute_uri(static("learning/scorm-api.js"))
        origin = request.build_absolute_uri("/").rstrip("/")
        response = FileResponse(io.BytesIO(scorm.inject(file_path.read_bytes(), script, origin)),
                                content_type="text/html; charset=utf-8")
    else:
        response = FileResponse(open(file_path, "rb"), content_type=content_type)
    return _sandboxed(response, SVG_CSP if content_type == "image/svg+xml" else PACKAGE_CSP,
                      cross_origin=package.kind == PackageKind.H5P)


def _sandboxed(response, policy, cross_origin=False):
    response["Content-Security-Policy"] = policy
    response["X-Content-Type-Options"] = "nosniff"
    response["Referrer-Policy"] = "no-referrer"  # the link's token stays out of third parties' logs
    response["Cache-Control"] = "private, max-age=300"
    if cross_origin:
        # The H5P player fetches h5p.json, content.json and library.json from its sandboxed (opaque) origin; the
        # signed link is the credential, no cookie is involved.
        response["Access-Control-Allow-Origin"] = "*"
    return response


@xframe_options_sameorigin
def h5p_player(request, token):
    from django.template.loader import render_to_string

    from learning import h5p

    package = _package_for(token)
    if package.kind != PackageKind.H5P:
        raise Http404
    html = render_to_string("learning/h5p_player.html", h5p.player_context(request, token, package))
    return _sandboxed(HttpResponse(html, content_type="text/html; charset=utf-8"), PACKAGE_CSP)


@require_POST
@login_required
def interactive_record(request, pk, block_id):
    from learning import h5p, scorm

    lesson, module = _lesson(request, pk)
    block = lesson.interactive_block(block_id)
    package = block.value["package"] if block else None
    if package is None:
        raise Http404
    try:
        values = scorm.parse_body(request.body)
        fields = h5p.clean(values) if package.kind == PackageKind.H5P else scorm.clean(package.kind, values)
    except scorm.ScormError as error:
        return JsonResponse({"error": str(error)}, status=400)
    record = services.record_interactive(request.user, lesson, module, block_id, fields)
    done = LessonProgress.objects.filter(user=request.user, lesson_key=lesson.translation_key).exists()
    return JsonResponse({"completed": bool(record.completed_at), "lesson_done": done})
