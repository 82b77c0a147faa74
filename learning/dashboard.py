"""The trainers' follow-up table: coordinators x modules (status, percent, last activity, best quiz score), with
filters and a CSV export. Trainers see their regions' coordinators by name, the national team every region,
partners their regions' figures aggregated per module. A fixed number of queries, whatever the sizes."""

import io
from dataclasses import dataclass, field

from django import forms
from django.utils import dateformat, timezone
from django.utils.formats import get_format
from django.utils.html import format_html, format_html_join
from django.db.models import Count, Max
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.models import Locale, Page

from cms import csv
from learning import permissions
from learning.catalogue import ModuleStatus, status_of
from learning.enums import Audience, Status
from learning.models import LessonPage, LessonProgress, ModulePage, ModuleProgress, QuizAttempt
from people.collation import french_order, sort_key
from people.enums import Role
from people.models import Region, User


class FilterForm(forms.Form):
    module = forms.TypedChoiceField(label=gettext_lazy("Module"), required=False, coerce=int, empty_value=None)
    status = forms.ChoiceField(label=gettext_lazy("Status"), required=False)
    region = forms.TypedChoiceField(label=gettext_lazy("Region"), required=False, coerce=int, empty_value=None)

    def __init__(self, data, modules, regions):
        super().__init__(data)
        self.fields["module"].choices = [("", _("All modules"))] + [(m.pk, m.title) for m in modules]
        self.fields["status"].choices = [("", _("All statuses"))] + list(Status.choices)
        self.fields["region"].choices = [("", _("All my regions"))] + [(r.pk, r.name) for r in regions]


@dataclass
class Cell:
    module: object
    status: ModuleStatus
    last_activity: object = None
    best_score: int | None = None
    attempts: int = 0


@dataclass
class Row:
    person: object
    cells: list = field(default_factory=list)
    html: str = ""  # the row's cells, rendered in Python: 2,000 cells through the template language cost 100 ms


def _cells_html(cells):
    date_format = get_format("SHORT_DATE_FORMAT")
    quiz = _("Quiz: %(score)s %%")
    labels = {value: str(label) for value, label in Status.choices}

    def parts(cell):
        status = cell.status.status
        text = labels[status] + (f" ({cell.status.percent} %)" if status == Status.IN_PROGRESS else "")
        extra = ""
        if cell.best_score is not None:
            extra += format_html('<br><span class="help">{}</span>', quiz % {"score": cell.best_score})
        if cell.last_activity:
            moment = timezone.localtime(cell.last_activity)
            extra += format_html('<br><span class="help"><time datetime="{}">{}</time></span>',
                                 moment.isoformat(timespec="seconds"), dateformat.format(moment, date_format))
        return status, text, extra

    return format_html_join("", '<td class="status-{}">{}{}</td>', (parts(cell) for cell in cells))


@dataclass
class Summary:
    module: object
    counts: dict
    average: int


def _modules(locale):
    # The source (French) modules meant for coordinators: progress is shared by both languages.
    return list(
        ModulePage.objects.live().filter(locale=locale, audience=Audience.COORDINATORS)
        .order_by("path").only("id", "title", "translation_key", "path", "depth", "duration_minutes")
    )


def _lesson_keys(modules, locale):
    by_path = {}
    if modules:
        depth = modules[0].depth + 1
        rows = LessonPage.objects.live().filter(depth=depth, locale=locale).values_list(
            "path", "translation_key")
        for path, key in rows:
            by_path.setdefault(path[: -Page.steplen], set()).add(key)
    return {m.translation_key: by_path.get(m.path, set()) for m in modules}


def build(user, params):
    scope = permissions.dashboard_region_ids(user)
    regions = Region.objects.all() if scope is None else Region.objects.filter(pk__in=scope)
    regions = sorted(regions, key=lambda region: sort_key(str(region.name)))
    locale = Locale.get_default()
    all_modules = _modules(locale)
    form = FilterForm(params, all_modules, regions)
    chosen = form.cleaned_data if form.is_valid() else {}
    modules = [m for m in all_modules if not chosen.get("module") or m.pk == chosen["module"]]

    people = User.objects.active().with_role(Role.COORDINATOR)
    region_pks = [chosen["region"]] if chosen.get("region") else [r.pk for r in regions]
    people = people.filter(pk__in=User.regions.through.objects.filter(region_id__in=region_pks).values("user_id"))
    ids = people.values("pk")

    lesson_keys = _lesson_keys(modules, locale)
    module_keys = [m.translation_key for m in modules]
    progress = {
        (p["user_id"], p["module_key"]): p
        for p in ModuleProgress.objects.filter(user__in=ids, module_key__in=module_keys).values(
            "user_id", "module_key", "last_activity", "completed_at")
    }
    all_lessons = set().union(*lesson_keys.values()) if lesson_keys else set()
    done = {
        (d["user_id"], d["module_key"]): d["n"]
        for d in LessonProgress.objects.filter(user__in=ids, lesson_key__in=all_lessons)
        .values("user_id", "module_key").annotate(n=Count("pk")).order_by()
    }
    scores = {
        (q["user_id"], q["module_key"]): q
        for q in QuizAttempt.objects.filter(user__in=ids, module_key__in=module_keys)
        .values("user_id", "module_key").annotate(best=Max("score"), n=Count("pk")).order_by()
    }

    class _Completed:  # status_of reads .completed_at only
        def __init__(self, row):
            self.completed_at = row["completed_at"]

    rows = []
    counts = {m.translation_key: {s: 0 for s in Status.values} for m in modules}
    percents = {m.translation_key: 0 for m in modules}
    persons = people.prefetch_related("regions").order_by(french_order("last_name"), french_order("first_name"))
    for person in persons:
        row = Row(person)
        for module in modules:
            key = (person.pk, module.translation_key)
            found = progress.get(key)
            status = status_of(_Completed(found) if found else None, done.get(key, 0),
                               len(lesson_keys[module.translation_key]))
            quiz = scores.get(key, {})
            row.cells.append(Cell(module, status, found["last_activity"] if found else None,
                                  quiz.get("best"), quiz.get("n", 0)))
            counts[module.translation_key][status.status] += 1
            percents[module.translation_key] += status.percent
        if not chosen.get("status") or any(c.status.status == chosen["status"] for c in row.cells):
            rows.append(row)
    if permissions.user_sees_names_in_dashboard(user):
        for row in rows:
            row.html = _cells_html(row.cells)
    total = len(persons)
    summaries = [
        Summary(m, counts[m.translation_key], round(percents[m.translation_key] / total) if total else 0)
        for m in modules
    ]
    names = permissions.user_sees_names_in_dashboard(user)
    return {
        "form": form, "modules": modules, "rows": rows if names else [], "summaries": summaries,
        "show_names": names, "coordinator_count": total, "query": params.urlencode() if hasattr(params, "urlencode") else "",
    }


def csv_bytes(context):
    """UTF-8 with a BOM and semicolons: what Excel in France opens as it is."""
    out = io.StringIO()
    out.write("\ufeff")
    writer = csv.writer(out, delimiter=";", lineterminator="\r\n")
    if context["show_names"]:
        writer.writerow([_("Last name"), _("First name"), _("E-mail"), _("Regions"), _("Structure"), _("Module"),
                         _("Status"), _("Percent"), _("Last activity"), _("Best quiz score (%)"), _("Quiz attempts")])
        for row in context["rows"]:
            person = row.person
            regions = ", ".join(str(r.name) for r in person.regions.all())
            for cell in row.cells:
                writer.writerow([
                    person.last_name, person.first_name, person.email, regions, person.structure_label,
                    cell.module.title, str(cell.status.label), cell.status.percent,
                    cell.last_activity.isoformat(timespec="minutes") if cell.last_activity else "",
                    cell.best_score if cell.best_score is not None else "", cell.attempts,
                ])
    else:
        writer.writerow([_("Module"), _("Coordinators"), *[str(label) for label in Status.labels],
                         _("Average percent")])
        for summary in context["summaries"]:
            writer.writerow([summary.module.title, context["coordinator_count"],
                             *[summary.counts[value] for value in Status.values], summary.average])
    return out.getvalue().encode("utf-8")
