"""What a learner sees of the modules: the catalogue with their status, a module's table of contents, a lesson with
its neighbours, quizzes and notebook. Reads only (visits are recorded by learning.services), each in a fixed number
of queries whatever the number of modules and lessons."""

from dataclasses import dataclass

from django.http import Http404
from django.utils.html import escape
from django.utils.safestring import mark_safe
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from wagtail.models import Locale, Page

from cms import navigation
from learning import fragments, permissions, quizzes
from learning.enums import Status
from learning.models import (
    Certificate,
    LessonPage,
    LessonProgress,
    ModulePage,
    ModuleProgress,
    NotebookEntry,
    QuizAttempt,
)


@dataclass
class ModuleStatus:
    status: str
    percent: int
    done: int
    total: int

    @property
    def label(self):
        return Status(self.status).label


def status_of(progress, done, total):
    """The learner's status in a module: a completion record stays complete whatever was added since."""
    if progress is not None and progress.completed_at:
        return ModuleStatus(Status.COMPLETED, 100, done, total)
    if progress is None and not done:
        return ModuleStatus(Status.NOT_STARTED, 0, 0, total)
    percent = min(99, round(100 * done / total)) if total else 0
    return ModuleStatus(Status.IN_PROGRESS, percent, done, total)


@dataclass
class LessonLink:
    """A lesson as tables of contents, pagers and "Resume" know it."""

    pk: int
    title: str
    slug: str
    translation_key: object
    toc_url: str | None


def lessons_of(module, request=None):
    """The module's live lessons as LessonLinks. A lesson's address is its module's plus its slug: one query of
    four columns, no page objects (30 pages built and routed one by one cost more than the rest of the page)."""
    rows = LessonPage.objects.child_of(module).live().order_by("path").values_list(
        "pk", "title", "slug", "translation_key")
    base = module.get_url(request)
    return [LessonLink(pk, title, slug, key, f"{base}{slug}/" if base else None) for pk, title, slug, key in rows]


def toc_html(lessons, done, current=None):
    """The items of the module's table of contents (templates/learning/includes/toc.html), written in one pass:
    three tests a lesson through the template language cost as much as the rest of the lesson page's body."""
    label = escape(_("done"))
    items = []
    for lesson in lessons:
        is_done = lesson.translation_key in done
        items.append(
            f'\n    <li class="{"done" if is_done else ""}">\n      '
            + ('<span class="tick" aria-hidden="true">✓</span>' if is_done else "")
            + f'\n      <a href="{escape(lesson.toc_url)}"'
            + (' aria-current="page"' if current is not None and lesson.pk == current.pk else "")
            + f">{escape(lesson.title)}</a>\n      "
            + (f'<span class="visually-hidden">({label})</span>' if is_done else "")
            + "\n    </li>\n    "
        )
    return mark_safe("".join(items))  # noqa: S308 (titles, addresses and the label are escaped)


def _lesson_keys_by_module(depth):
    """{module path: [lesson translation_key]}, every language, one query."""
    keys = {}
    rows = LessonPage.objects.live().filter(depth=depth + 1).order_by("path").values_list("path", "translation_key")
    for path, key in rows:
        keys.setdefault(path[: -Page.steplen], []).append(key)
    return keys


def _done_keys(user, module_keys=None):
    """{module_key: {lesson_key}} of the lessons `user` has done."""
    rows = LessonProgress.objects.filter(user=user)
    if module_keys is not None:
        rows = rows.filter(module_key__in=module_keys)
    done = {}
    for module_key, lesson_key in rows.values_list("module_key", "lesson_key"):
        done.setdefault(module_key, set()).add(lesson_key)
    return done


def statuses(user, modules, lesson_keys):
    """{module translation_key: ModuleStatus} for `modules`, in two queries."""
    module_keys = [m.translation_key for m in modules]
    progress = {p.module_key: p for p in ModuleProgress.objects.filter(user=user, module_key__in=module_keys)}
    done = _done_keys(user, module_keys)
    result = {}
    for module in modules:
        current = set(lesson_keys.get(module.path, []))
        mine = done.get(module.translation_key, set()) & current
        result[module.translation_key] = status_of(progress.get(module.translation_key), len(mine), len(current))
    return result


@dataclass
class Entry:
    module: ModulePage
    status: ModuleStatus
    other_language: bool  # shown in French on the English site, since it has no translation yet


def catalogue(user, index):
    """The modules of the index's language, then, on a translated site, the modules that exist in French only
    (marked so, linked to their French page: the English site never shows French text under /en/)."""
    visible = permissions.modules_visible_to(user).select_related("locale").order_by("path")
    own = list(visible.filter(locale_id=index.locale_id).descendant_of(index))
    others = []
    default = Locale.get_default()
    if index.locale_id != default.pk:
        known = [m.translation_key for m in own]
        others = list(visible.filter(locale_id=default.pk).exclude(translation_key__in=known))
    modules = own + others
    lesson_keys = _lesson_keys_by_module(index.depth + 1)
    status = statuses(user, modules, lesson_keys)
    return [Entry(m, status[m.translation_key], m in others) for m in modules]


def _resume_url(lessons, progress, done, request=None):
    """Where "Resume" leads: the lesson last visited if it still exists, else the first lesson not done."""
    if not lessons:
        return None
    if progress is not None and progress.last_lesson_key:
        for lesson in lessons:
            if lesson.translation_key == progress.last_lesson_key:
                return lesson.toc_url
    for lesson in lessons:
        if lesson.translation_key not in done:
            return lesson.toc_url
    return lessons[0].toc_url


def module_context(user, module, request=None):
    if not permissions.user_can_view_module(user, module):
        raise Http404
    lessons = lessons_of(module, request)
    progress = ModuleProgress.objects.filter(user=user, module_key=module.translation_key).first()
    done = _done_keys(user, [module.translation_key]).get(module.translation_key, set())
    current = {lesson.translation_key for lesson in lessons}
    status = status_of(progress, len(done & current), len(current))
    certificate = None
    if status.status == Status.COMPLETED:
        certificate = Certificate.objects.filter(user=user, module_key=module.translation_key).first()
    prerequisites = [link.prerequisite for link in module.prerequisite_links.select_related("prerequisite")]
    return {
        "lessons": lessons,
        "done_keys": done,
        "toc_items": toc_html(lessons, done),
        "module_status": status,
        "resume_url": _resume_url(lessons, progress, done, request) if progress else None,
        "start_url": lessons[0].toc_url if lessons else None,
        "certificate": certificate,
        "prerequisites": _localised(prerequisites, module.locale_id),
    }


def _localised(modules, locale_id):
    """Each module in `locale_id` when translated, else as it is."""
    if not modules:
        return []
    translated = {
        m.translation_key: m
        for m in ModulePage.objects.live().filter(translation_key__in=[m.translation_key for m in modules],
                                                  locale_id=locale_id)
    }
    return [translated.get(m.translation_key, m) for m in modules]


@dataclass
class QuizState:
    block: object
    attempts: list
    number: int  # the next attempt's number
    questions: list
    can_attempt: bool
    passed: bool
    best: int | None


def quiz_states(user, lesson):
    blocks = lesson.quiz_blocks()
    if not blocks:
        return {}
    attempts = {}
    for attempt in QuizAttempt.objects.filter(user=user, lesson_key=lesson.translation_key).only(
        "id", "quiz_id", "number", "score", "passed", "created_at"
    ):
        attempts.setdefault(attempt.quiz_id, []).append(attempt)
    states = {}
    for block in blocks:
        mine = attempts.get(block.id, [])
        limit = block.value["max_attempts"]
        can_attempt = not limit or len(mine) < limit
        number = len(mine) + 1
        states[block.id] = QuizState(
            block=block, attempts=mine, number=number,
            questions=quizzes.questions_for(block, user.pk, number) if can_attempt else [],
            can_attempt=can_attempt, passed=any(a.passed for a in mine),
            best=max((a.score for a in mine), default=None),
        )
    return states


@dataclass
class ModuleOutline:
    """What a lesson page shows of its module, the same for every learner: its lessons and address, and its
    audience for user_can_view_module. Cached with the navigation (cms.navigation), which is refreshed whenever a
    page is published, unpublished, moved, renamed or deleted."""

    pk: int
    title: str
    audience: str
    translation_key: object
    url: str | None
    lessons: list  # of LessonLink


def module_outline(request, lesson):
    path = lesson.path[: -Page.steplen]

    def build(site):
        module = ModulePage.objects.get(path=path)
        return ModuleOutline(module.pk, module.title, module.audience, module.translation_key,
                             module.get_url(request), lessons_of(module, request))

    return navigation.cached(request, f"learning-module:{path}", build)


def lesson_context(request, lesson):
    user = request.user
    module = module_outline(request, lesson)
    if not permissions.user_can_view_module(user, module):
        raise Http404
    from learning import services

    services.record_visit(user, lesson, module)
    lessons = module.lessons
    done = _done_keys(user, [module.translation_key]).get(module.translation_key, set())
    position = next((i for i, item in enumerate(lessons) if item.pk == lesson.pk), 0)
    body = list(lesson.body)
    entries = {}
    if any(block.block_type == "reflection" for block in body):
        entries = {e.block_id: e for e in NotebookEntry.objects.filter(user=user, lesson_key=lesson.translation_key)}
    states = quiz_states(user, lesson)
    interactive = interactive_states(request, lesson)
    return {
        "module": module,
        "lessons": lessons,
        "done_keys": done,
        "toc_items": toc_html(lessons, done, lesson),
        "previous_lesson": lessons[position - 1] if position > 0 else None,
        "next_lesson": lessons[position + 1] if position + 1 < len(lessons) else None,
        "lesson_done": lesson.translation_key in done,
        "quiz_states": states,
        "quizzes_passed": all(state.passed for state in states.values()),
        "items": [_item(request, lesson, block, states, entries, interactive) for block in body],
        "interactive_states": interactive,
        "language": get_language(),
    }


def _item(request, lesson, block, states, entries, interactive):
    """A block of the lesson's body; quizzes and reflection questions come written (learning.fragments)."""
    html = ""
    if block.id in states:
        html = fragments.quiz_html(request, lesson, block, states[block.id])
    elif block.block_type == "reflection":
        html = fragments.reflection_html(request, lesson, block, entries.get(block.id))
    return {"block": block, "html": html, "quiz": states.get(block.id), "entry": entries.get(block.id),
            "interactive": interactive.get(block.id)}


def interactive_states(request, lesson):
    """{block id: {src, message_type, record_url, completed}} for the lesson's interactive blocks: a signed link to
    the package's launch file (SCORM) or to the H5P player page, whose fragment hands the runtime the learner's last
    state and the lesson page's origin."""
    import base64
    import json

    from django.urls import reverse

    from learning import h5p, scorm
    from learning.enums import PackageKind
    from learning.models import InteractiveRecord

    blocks = lesson.interactive_blocks()
    if not blocks:
        return {}
    records = {r.block_id: r for r in InteractiveRecord.objects.filter(user=request.user,
                                                                       lesson_key=lesson.translation_key)}
    origin = request.build_absolute_uri("/").rstrip("/")
    states = {}
    for block in blocks:
        package = block.value["package"]
        record = records.get(block.id)
        token = scorm.make_token(request.user, lesson, block.id)
        if package.kind == PackageKind.H5P:  # played by our H5P player page, which fetches the package's files
            state, src = h5p.initial_state(record), reverse("learning:h5p_player", kwargs={"token": token})
        else:
            path, _sep, query = package.launch.partition("?")
            state = scorm.initial_state(package.kind, record)
            src = reverse("learning:package_file", kwargs={"token": token, "path": path}) + (
                f"?{query}" if query else "")
        config = json.dumps({"state": state, "origin": origin}, separators=(",", ":"))
        fragment = base64.urlsafe_b64encode(config.encode()).decode().rstrip("=")
        states[block.id] = {
            "src": src + f"#pacte={fragment}",
            "message_type": "pacte-h5p" if package.kind == PackageKind.H5P else "pacte-scorm",
            "record_url": reverse("learning:interactive_record", kwargs={"pk": lesson.pk, "block_id": block.id}),
            "completed": bool(record and record.completed_at),
        }
    return states


def next_lesson(lesson, module, request=None):
    lessons = lessons_of(module, request)
    for position, item in enumerate(lessons):
        if item.pk == lesson.pk and position + 1 < len(lessons):
            return lessons[position + 1]
    return None
