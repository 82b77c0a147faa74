"""A coordinator's history: their modules, quiz attempts, certificates and notebook, as they see it or as their
trainers see it (the notebook then shows only the entries they chose to share)."""

from django.utils.translation import get_language
from wagtail.models import Locale

from learning.models import Certificate, LessonProgress, ModulePage, ModuleProgress, NotebookEntry, QuizAttempt


def _titles(keys):
    """{translation_key: title} in the current language when translated, else in French."""
    titles = {}
    default = Locale.get_default().language_code
    language = get_language()
    rows = ModulePage.objects.filter(translation_key__in=keys).values_list(
        "translation_key", "locale__language_code", "title")
    for key, code, title in rows:
        if code == language or (code == default and key not in titles):
            titles[key] = title
    return titles


def history_context(viewer, person):
    progress = list(ModuleProgress.objects.filter(user=person).order_by("-last_activity"))
    attempts = list(QuizAttempt.objects.filter(user=person).order_by("-created_at").only(
        "id", "module_key", "quiz_title", "number", "score", "pass_mark", "passed", "created_at"))
    certificates = list(Certificate.objects.filter(user=person))
    notebook = list(NotebookEntry.objects.visible_to(viewer).filter(user=person))
    done = {}
    for module_key in LessonProgress.objects.filter(user=person).values_list("module_key", flat=True):
        done[module_key] = done.get(module_key, 0) + 1
    titles = _titles({p.module_key for p in progress} | {a.module_key for a in attempts}
                     | {e.module_key for e in notebook})
    modules = [
        {"title": titles.get(p.module_key, "?"), "progress": p, "done": done.get(p.module_key, 0),
         "completed": bool(p.completed_at)}
        for p in progress
    ]
    return {
        "person": person,
        "own": viewer.pk == person.pk,
        "modules": modules,
        "attempts": [{"attempt": a, "module_title": titles.get(a.module_key, "")} for a in attempts],
        "certificates": certificates,
        "notebook": [{"entry": e, "module_title": titles.get(e.module_key, "")} for e in notebook],
    }


def completed_modules(person):
    """The modules `person` completed, for the diploma record: one certificate is issued per completed module, with
    the module's title as it was that day, in the current language when it had one."""
    language = get_language()
    return [
        {"title": certificate.title_in(language), "completed_at": certificate.issued_at}
        for certificate in Certificate.objects.filter(user=person).order_by("issued_at", "pk")
    ]
