"""The trainers' follow-up table: coordinators x modules (status, percent, last activity, best quiz score, best
score in the module's interactive content), with filters and a CSV export. Trainers see their regions'
coordinators by name, the national team every region, partners their regions' figures aggregated per module. A
fixed number of queries, whatever the sizes."""

import io
from dataclasses import dataclass, field

from django import forms
from django.db.models import CharField, Count, Max, prefetch_related_objects
from django.db.models.functions import Cast
from django.urls import reverse
from django.utils import dateformat, timezone
from django.utils.formats import get_format
from django.utils.html import escape
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.models import Locale, Page

from cms import csv
from learning import permissions
from learning.catalogue import ModuleStatus, status_of
from learning.enums import Audience, Status
from learning.models import InteractiveRecord, LessonPage, LessonProgress, ModulePage, ModuleProgress, QuizAttempt
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
    best_interactive: int | None = None  # the best score of the module's SCORM packages, in percent


@dataclass
class Row:
    person: object
    cells: list = field(default_factory=list)


def _rows_html(rows):
    """The table's body, rendered in Python in one pass: 2,000 cells through the template language (or through
    format_html, which checks every argument for laziness and safety) cost more than the rest of the page. The
    constant pieces (labels, the learner link) are escaped once; names and dates per row."""
    learner_url = _url_pattern("learning:learner")
    date_format = get_format("SHORT_DATE_FORMAT")
    zone = timezone.get_current_timezone()
    quiz = escape(_("Quiz: %(score)s %%"))
    interactive = escape(_("Interactive content: %(score)s %%"))
    labels = {value: escape(str(label)) for value, label in Status.choices}
    dates = {}

    def cell_html(cell):
        status = cell.status.status
        parts = [f'<td class="status-{status}">', labels[status]]
        if status == Status.IN_PROGRESS:
            parts.append(f" ({cell.status.percent} %)")
        if cell.best_score is not None:
            parts.append('<br><span class="help">' + quiz % {"score": cell.best_score} + "</span>")
        if cell.best_interactive is not None:
            parts.append('<br><span class="help">' + interactive % {"score": cell.best_interactive} + "</span>")
        if cell.last_activity:
            moment = cell.last_activity.astimezone(zone)
            day = moment.date()
            shown = dates.get(day)
            if shown is None:
                shown = dates[day] = escape(dateformat.format(moment, date_format))
            parts.append(f'<br><span class="help"><time datetime="{moment.isoformat(timespec="seconds")}">{shown}'
                         "</time></span>")
        parts.append("</td>")
        return "".join(parts)

    html = []
    for row in rows:
        person = row.person
        name = escape(person.get_full_name() or person.email)
        cells = "".join(cell_html(cell) for cell in row.cells)
        html.append(f'<tr>\n      <th scope="row"><a href="{learner_url(person.pk)}">{name}</a></th>\n      {cells}\n'
                    "    </tr>")
    return mark_safe("".join(html))  # noqa: S308 (every piece of text above is escaped)


def _url_pattern(name):
    """A function of a pk giving the URL `name` reverses to, reversed once (a reverse per row costs more)."""
    marker = 2_147_483_647
    head, tail = escape(reverse(name, kwargs={"pk": marker})).split(str(marker))
    return lambda pk: f"{head}{int(pk)}{tail}"


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
    # One pass over each table, filed per learner and module position: the cells then read lists, not dicts
    # keyed by UUIDs (hashing and converting 4,000 UUIDs a request was a fifth of the page).
    slot = _module_slots(module_keys)
    width = len(modules)
    progress = _per_learner(ModuleProgress.objects.filter(user__in=ids, module_key__in=module_keys).values_list(
        "user_id", _text("module_key"), "last_activity", "completed_at"), slot, width)
    all_lessons = set().union(*lesson_keys.values()) if lesson_keys else set()
    done = _per_learner(LessonProgress.objects.filter(user__in=ids, lesson_key__in=all_lessons).values_list(
        "user_id", _text("module_key")).annotate(n=Count("pk")).order_by(), slot, width)
    scores = _per_learner(QuizAttempt.objects.filter(user__in=ids, module_key__in=module_keys).values_list(
        "user_id", _text("module_key")).annotate(best=Max("score"), n=Count("pk")).order_by(), slot, width)
    interactive = _interactive_scores(ids, module_keys, slot, width)

    rows = []
    counts = {m.translation_key: {s: 0 for s in Status.values} for m in modules}
    percents = {m.translation_key: 0 for m in modules}
    totals = {m.translation_key: len(lesson_keys[m.translation_key]) for m in modules}
    wanted = chosen.get("status")
    persons = list(people.order_by(french_order("last_name"), french_order("first_name")))
    nothing = (None,) * width
    keys = [m.translation_key for m in modules]
    for person in persons:
        row = Row(person)
        keep = not wanted
        found, lessons, quiz, package = (table.get(person.pk, nothing)
                                         for table in (progress, done, scores, interactive))
        for i, module in enumerate(modules):
            status = status_of(found[i] and _Completed(found[i][1]), lessons[i] or 0, totals[keys[i]])
            best, attempts = quiz[i] or (None, 0)
            row.cells.append(Cell(module, status, found[i] and found[i][0], best, attempts, package[i]))
            counts[keys[i]][status.status] += 1
            percents[keys[i]] += status.percent
            keep = keep or status.status == wanted
        if keep:
            rows.append(row)
    names = permissions.user_sees_names_in_dashboard(user)
    total = len(persons)
    summaries = [
        Summary(m, counts[m.translation_key], round(percents[m.translation_key] / total) if total else 0)
        for m in modules
    ]
    return {
        "form": form, "modules": modules, "rows": rows if names else [], "summaries": summaries,
        "rows_html": _rows_html(rows) if names else "", "show_names": names, "coordinator_count": total,
        "query": params.urlencode() if hasattr(params, "urlencode") else "",
    }


class _Completed:  # status_of reads .completed_at only
    __slots__ = ("completed_at",)

    def __init__(self, completed_at):
        self.completed_at = completed_at


def _text(field):
    return Cast(field, output_field=CharField())


def _module_slots(module_keys):
    """{module key as the database writes it as text: position}. A UUID reads back as text with its hyphens
    (PostgreSQL) or as 32 hex digits (SQLite): both spellings are listed."""
    slot = {}
    for position, key in enumerate(module_keys):
        slot[str(key)] = slot[key.hex] = position
    return slot


def _per_learner(rows, slot, width):
    """{user_id: [value per module position, None where nothing]} from rows (user_id, module key, *values); the
    value is the single one when there is one, else the tuple of them."""
    table = {}
    for user_id, key, *values in rows:
        cells = table.get(user_id)
        if cells is None:
            cells = table[user_id] = [None] * width
        cells[slot[key]] = values[0] if len(values) == 1 else tuple(values)
    return table


def _interactive_scores(ids, module_keys, slot, width):
    """_per_learner's table of the learners' best SCORM package score in each module, in percent. A score is a
    percent of its range when the package gave one (score.min and score.max), else the raw score when it lies in
    0-100 (SCORM 1.2's scale); other scores say nothing comparable and are left out."""
    table = {}
    rows = InteractiveRecord.objects.filter(user__in=ids, module_key__in=module_keys, score_raw__isnull=False)
    for user_id, key, raw, low, high in rows.values_list(
            "user_id", _text("module_key"), "score_raw", "score_min", "score_max"):
        percent = score_percent(raw, low, high)
        if percent is not None:
            cells = table.setdefault(user_id, [None] * width)
            position = slot[key]
            cells[position] = percent if cells[position] is None else max(cells[position], percent)
    return table


def score_percent(raw, low, high):
    """A package's score in percent, or None when it cannot say one."""
    low = low or 0
    if high is not None:
        return round(100 * (min(max(raw, low), high) - low) / (high - low)) if high > low else None
    if 0 <= raw <= 100:
        return round(raw)
    return None


def csv_bytes(context):
    """UTF-8 with a BOM and semicolons: what Excel in France opens as it is."""
    out = io.StringIO()
    out.write("\ufeff")
    writer = csv.writer(out, delimiter=";", lineterminator="\r\n")
    if context["show_names"]:
        prefetch_related_objects([row.person for row in context["rows"]], "regions")
        writer.writerow([_("Last name"), _("First name"), _("E-mail"), _("Regions"), _("Structure"), _("Module"),
                         _("Status"), _("Percent"), _("Last activity"), _("Best quiz score (%)"), _("Quiz attempts"),
                         _("Best interactive content score (%)")])
        for row in context["rows"]:
            person = row.person
            regions = ", ".join(str(r.name) for r in person.regions.all())
            for cell in row.cells:
                writer.writerow([
                    person.last_name, person.first_name, person.email, regions, person.structure_label,
                    cell.module.title, str(cell.status.label), cell.status.percent,
                    cell.last_activity.isoformat(timespec="minutes") if cell.last_activity else "",
                    cell.best_score if cell.best_score is not None else "", cell.attempts,
                    cell.best_interactive if cell.best_interactive is not None else "",
                ])
    else:
        writer.writerow([_("Module"), _("Coordinators"), *[str(label) for label in Status.labels],
                         _("Average percent")])
        for summary in context["summaries"]:
            writer.writerow([summary.module.title, context["coordinator_count"],
                             *[summary.counts[value] for value in Status.values], summary.average])
    return out.getvalue().encode("utf-8")
