"""Writes of the learning app: visits, lessons done, quiz attempts, notebook entries, completion and certificates.
Each runs in one transaction under a lock on the learner's progress row in the module, so two tabs (or a double
click) never record an attempt twice or issue two certificates; the unique constraints stand behind the lock."""

import secrets
from datetime import timedelta

from django.core.cache import cache
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail.models import Locale

from learning import conf, quizzes
from learning.enums import PackageKind
from learning.models import (
    Certificate,
    LessonPage,
    LessonProgress,
    ModulePage,
    ModuleProgress,
    NotebookEntry,
    QuizAttempt,
)
from learning.quizzes import QuizFormError

CODE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"  # no 0/O, 1/I: codes are typed from paper


class LearningError(Exception):
    """A refused action; the message says why, in the learner's language."""


VISIT_PRECISION = timedelta(minutes=1)


def _visit_key(user, module):
    return f"learning:visit:{user.pk}:{module.translation_key}"


def record_visit(user, lesson, module):
    """Remember the lesson as where the learner left off (Resume). A visit to the lesson already recorded less than
    VISIT_PRECISION ago writes nothing: the stored row would only gain seconds of "last activity", which is kept to
    the minute. What was last written is remembered in the cache (a lost entry just means one more write)."""
    now = timezone.now()
    key = _visit_key(user, module)
    written = cache.get(key)
    if written is not None and written[0] == str(lesson.translation_key) and now - written[1] < VISIT_PRECISION:
        return
    updated = ModuleProgress.objects.filter(user=user, module_key=module.translation_key).update(
        last_lesson_key=lesson.translation_key, last_activity=now
    )
    if not updated:
        with transaction.atomic():
            ModuleProgress.objects.get_or_create(
                user=user, module_key=module.translation_key, defaults={"last_lesson_key": lesson.translation_key}
            )
    cache.set(key, (str(lesson.translation_key), now), VISIT_PRECISION.total_seconds())


def _locked_progress(user, module, **defaults):
    with transaction.atomic():
        progress, _created = ModuleProgress.objects.get_or_create(
            user=user, module_key=module.translation_key, defaults=defaults
        )
    return ModuleProgress.objects.select_for_update().get(pk=progress.pk)


def passed_quiz_ids(user, lesson):
    return set(
        QuizAttempt.objects.filter(user=user, lesson_key=lesson.translation_key, passed=True)
        .values_list("quiz_id", flat=True)
    )


def completed_interactive_ids(user, lesson):
    from learning.models import InteractiveRecord

    return set(
        InteractiveRecord.objects.filter(user=user, lesson_key=lesson.translation_key, completed_at__isnull=False)
        .values_list("block_id", flat=True)
    )


def _lesson_ready(user, lesson):
    """Every quiz passed and every interactive content completed."""
    interactive = {block.id for block in lesson.interactive_blocks()}
    if interactive and not interactive <= completed_interactive_ids(user, lesson):
        return False
    return {block.id for block in lesson.quiz_blocks()} <= passed_quiz_ids(user, lesson)


@transaction.atomic
def mark_lesson_done(user, lesson, module):
    progress = _locked_progress(user, module)
    if not _lesson_ready(user, lesson):
        if lesson.interactive_blocks() and not lesson.quiz_blocks():
            raise LearningError(_("Complete this lesson's interactive content to complete it."))
        raise LearningError(_("Pass this lesson's quiz to complete it."))
    _done(user, lesson, module, progress)
    return progress


def _done(user, lesson, module, progress):
    with transaction.atomic():
        LessonProgress.objects.get_or_create(
            user=user, lesson_key=lesson.translation_key, defaults={"module_key": module.translation_key}
        )
    progress.last_lesson_key = lesson.translation_key
    progress.save(update_fields=["last_lesson_key", "last_activity"])
    cache.delete(_visit_key(user, module))  # the next visit writes where the learner is, whichever lesson
    _complete_if_ready(user, module, progress)


def _complete_if_ready(user, module, progress):
    """Complete when every live lesson is done and every quiz passed. Once complete, always complete: a lesson
    added later does not undo it, and a lesson removed is simply no longer asked for."""
    if progress.completed_at:
        return
    lessons = list(LessonPage.objects.child_of(module).live())
    done = set(LessonProgress.objects.filter(user=user, module_key=module.translation_key)
               .values_list("lesson_key", flat=True))
    passed = set(QuizAttempt.objects.filter(user=user, module_key=module.translation_key, passed=True)
                 .values_list("lesson_key", "quiz_id"))
    for lesson in lessons:
        if lesson.translation_key not in done:
            return
        if any((lesson.translation_key, block.id) not in passed for block in lesson.quiz_blocks()):
            return
    progress.completed_at = timezone.now()
    progress.save(update_fields=["completed_at", "last_activity"])
    issue_certificate(user, module)


def new_code():
    return "".join(secrets.choice(CODE_ALPHABET) for _ in range(conf.certificate_code_length()))


def normalise_code(text):
    return "".join(ch for ch in str(text).upper() if ch.isalnum())


def issue_certificate(user, module):
    """The learner's certificate for `module` (created once). Titles are kept in French and, when the module is
    translated, in English, as they are today."""
    source = module.get_translation_or_none(Locale.get_default()) or module
    english = ModulePage.objects.filter(translation_key=module.translation_key, locale__language_code="en").first()
    with transaction.atomic():
        certificate, _created = Certificate.objects.get_or_create(
            user=user, module_key=module.translation_key,
            defaults={
                "code": new_code(),
                "holder_name": user.get_full_name() or user.email,
                "module_title": source.title,
                "module_title_en": english.title if english else "",
                "duration_minutes": source.duration_minutes,
            },
        )
    return certificate


@transaction.atomic
def submit_quiz(user, lesson, module, quiz_id, data):
    """Score a submitted quiz and record the attempt; if it passes and the lesson's quizzes are all passed, the
    lesson is done. A form that cannot be scored raises QuizFormError and records nothing."""
    quiz = lesson.quiz_block(quiz_id)
    if quiz is None:
        raise QuizFormError(_("This quiz no longer exists. Reload the lesson."))
    progress = _locked_progress(user, module)
    count = QuizAttempt.objects.filter(user=user, lesson_key=lesson.translation_key, quiz_id=quiz_id).count()
    limit = quiz.value["max_attempts"]
    if limit and count >= limit:
        raise QuizFormError(_("You have used every attempt this quiz allows."))
    if data.get("number") != str(count + 1):
        raise QuizFormError(_("This quiz was sent from an out-of-date page (perhaps another tab). Reload the "
                              "lesson and answer again."))
    questions = quizzes.questions_for(quiz, user.pk, count + 1)
    answers = quizzes.read_answers(questions, data)
    result = quizzes.score(questions, answers, quiz.value["pass_mark"])
    try:
        with transaction.atomic():
            attempt = QuizAttempt.objects.create(
                user=user, module_key=module.translation_key, lesson_key=lesson.translation_key, quiz_id=quiz_id,
                number=count + 1, quiz_title=quiz.value["title"], score=result.percent, correct=result.correct,
                total=result.total, pass_mark=quiz.value["pass_mark"], passed=result.passed, details=result.details,
            )
    except IntegrityError:
        raise QuizFormError(_("This attempt has already been recorded. Reload the lesson."))
    if result.passed and _lesson_ready(user, lesson):
        _done(user, lesson, module, progress)
    else:
        progress.save(update_fields=["last_activity"])
    return attempt


@transaction.atomic
def save_reflection(user, lesson, module, block_id, answer, shared):
    block = lesson.reflection_block(block_id)
    if block is None:
        raise LearningError(_("This reflection question no longer exists. Reload the lesson."))
    answer = (answer or "").strip()
    if not answer:
        raise LearningError(_("Write an answer before saving."))
    if len(answer) > conf.max_reflection_length():
        raise LearningError(_("Your answer is too long (%(limit)s characters at most).")
                            % {"limit": conf.max_reflection_length()})
    _locked_progress(user, module)
    entry, _created = NotebookEntry.objects.update_or_create(
        user=user, lesson_key=lesson.translation_key, block_id=block_id,
        defaults={"module_key": module.translation_key, "prompt": block.value["prompt"], "answer": answer,
                  "shared": bool(shared)},
    )
    return entry


# Interactive packages and the records their runtime commits.


def store_package(package, upload, info, user=None):
    """Extract a checked package (learning.packages) and fill the instance's fields; the caller saves it. The files
    go into the package's own directory in one rename: a refused or failed extraction leaves nothing behind."""
    from learning import packages

    packages.extract(upload, info)
    package.kind = info.kind
    package.sha256 = info.sha256
    package.launch = info.launch
    package.entries = info.entries
    package.unpacked_bytes = info.unpacked_bytes
    if not package.title:
        package.title = info.title or PackageKind(info.kind).label
    if user is not None and getattr(user, "pk", None):
        package.uploaded_by = user
    return package


@transaction.atomic
def record_interactive(user, lesson, module, block_id, data):
    """Record what an interactive block's runtime sent (SCORM commits or H5P results, already validated by
    learning.scorm.clean or learning.h5p.clean);
    when it says completed or passed, the lesson is done (with its quizzes, if any, passed)."""
    from learning.models import InteractiveRecord

    progress = _locked_progress(user, module)
    record, _created = InteractiveRecord.objects.get_or_create(
        user=user, lesson_key=lesson.translation_key, block_id=block_id,
        defaults={"module_key": module.translation_key},
    )
    for field, value in data.items():
        setattr(record, field, value)
    from learning.scorm import is_finished

    if is_finished(record) and not record.completed_at:
        record.completed_at = timezone.now()
    record.save()
    if record.completed_at and _lesson_ready(user, lesson):
        _done(user, lesson, module, progress)
    else:
        progress.save(update_fields=["last_activity"])
    return record
