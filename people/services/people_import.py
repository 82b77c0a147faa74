"""Import people from a CSV file: read the file, plan what each row would do (reads only), then apply the plan
in one transaction.

The preview and the import run the same plan. Confirming queues an import job (people.PeopleImport) with the
signed file content; the worker rebuilds the plan against the database as it is then, with the importer's
permissions as they are then, so what gets written is always checked with the rules of people.permissions.
"""

import csv
import io
import unicodedata
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from enum import StrEnum
from functools import partial

from django.conf import settings
from django.core import signing
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import transaction
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from people import conf, permissions, tasks
from people.enums import ImportStatus, RegionCode, Role, StructureType
from people.models import PeopleImport, Region, User
from people.services.people import create_invited_person

MAX_BYTES = 1024 * 1024
MAX_ROWS = 5000
# A preview older than this must be uploaded again: the signed file content stops being accepted.
PREVIEW_MAX_AGE = 60 * 60
DEFAULT_LANGUAGE = "fr"


class ImportFileError(Exception):
    """The file as a whole cannot be read: the message says why, for the person who uploaded it."""


class Action(StrEnum):
    CREATE = "create"
    UPDATE = "update"
    UNCHANGED = "unchanged"
    ERROR = "error"


def normalize(text) -> str:
    """Fold case, accents and punctuation so that "Île-de-France", "ile de france" and "ILE_DE_FRANCE" match."""
    text = unicodedata.normalize("NFKD", str(text or ""))
    text = "".join(c for c in text if not unicodedata.combining(c)).casefold()
    return " ".join("".join(c if c.isalnum() else " " for c in text).split())


# Column -> (label people read, accepted headers in English and French). Headers are compared normalized.
COLUMNS = {
    "first_name": (gettext_lazy("first name"), ("first name", "firstname", "given name", "prénom", "prenom")),
    "last_name": (
        gettext_lazy("last name"),
        ("last name", "lastname", "surname", "family name", "nom", "nom de famille"),
    ),
    "email": (
        gettext_lazy("email"),
        ("email", "e-mail", "email address", "mail", "courriel", "adresse e-mail", "adresse électronique"),
    ),
    "region": (gettext_lazy("region"), ("region", "région")),
    "role": (gettext_lazy("role"), ("role", "rôle")),
    "structure_type": (gettext_lazy("structure type"), ("structure type", "type of structure", "type de structure")),
    "structure_name": (
        gettext_lazy("structure name"),
        ("structure name", "name of the structure", "structure", "nom de la structure", "nom structure"),
    ),
    "structure_town": (gettext_lazy("town"), ("town", "city", "ville", "commune")),
    "language": (gettext_lazy("language"), ("language", "preferred language", "langue", "langue préférée")),
}
REQUIRED_COLUMNS = ("first_name", "last_name", "email", "region", "role")
HEADER_ALIASES = {normalize(alias): column for column, (_label, aliases) in COLUMNS.items() for alias in aliases}

ROLE_ALIASES = {
    Role.COORDINATOR: (
        "coordinator", "coordonnateur", "coordonnatrice", "coordinateur", "coordinatrice",
    ),
    Role.TRAINER: (
        "trainer", "regional trainer", "formateur", "formatrice", "formateur relais", "formatrice relais",
        "animateur régional", "animatrice régionale", "animateur", "animatrice",
    ),
    Role.PARTNER: ("partner", "regional partner", "partenaire", "partenaire régional", "partenaire régionale"),
    Role.NATIONAL: ("national", "national team", "équipe nationale"),
}
STRUCTURE_ALIASES = {
    StructureType.MSP: ("msp", "maison de santé pluriprofessionnelle", "maison de santé"),
    StructureType.CPTS: ("cpts", "communauté professionnelle territoriale de santé"),
    StructureType.CDS: ("cds", "centre de santé", "centre de sante", "health centre", "health center"),
}
# English names that differ from the French ones.
REGION_ALIASES = {
    RegionCode.BRE: ("Brittany",),
    RegionCode.NOR: ("Normandy",),
    RegionCode.COR: ("Corsica",),
    RegionCode.GUF: ("French Guiana",),
    RegionCode.REU: ("Réunion", "Reunion"),
}
LANGUAGE_ALIASES = {
    "fr": ("fr", "français", "french", "fr-fr"),
    "en": ("en", "english", "anglais", "en-gb", "en-us"),
}

# The fields an update may change, with the column each comes from.
PERSON_FIELDS = ("first_name", "last_name", "role", "structure_type", "structure_name", "structure_town",
                 "preferred_language")
MAX_LENGTHS = {name: User._meta.get_field(name).max_length for name in PERSON_FIELDS}


def _choice_lookup(aliases, choices):
    """Accept the aliases, the stored value and the label in every site language."""
    table = {}
    for value, words in aliases.items():
        for word in (*words, value):
            table[normalize(word)] = value
    for language, _name in settings.LANGUAGES:
        with translation.override(language):
            for value, label in choices:
                table.setdefault(normalize(label), value)
    return table


# ---------------------------------------------------------------------------------------------------- reading


@dataclass
class ParsedFile:
    columns: list  # the recognised columns, in file order
    rows: list  # (line number, {column: raw value})
    warnings: list = field(default_factory=list)


def decode(data: bytes) -> tuple[str, list]:
    """Bytes to text. UTF-8 (with or without BOM) is the format; Excel's Windows-1252 is read with a warning."""
    warnings = []
    if not data.strip():
        raise ImportFileError(_("The file is empty."))
    if len(data) > MAX_BYTES:
        raise ImportFileError(_("The file is larger than 1 MB. Split it into several files."))
    if data.startswith(b"PK\x03\x04") or data.startswith(b"\xd0\xcf\x11\xe0"):
        raise ImportFileError(_("This is a spreadsheet, not a CSV file. Save it as “CSV UTF-8” and upload that."))
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        text = data.decode("utf-16", errors="replace")
    else:
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError:
            if b"\x00" in data:
                raise ImportFileError(_("This is not a CSV file.")) from None
            try:
                text = data.decode("cp1252")
            except UnicodeDecodeError:
                raise ImportFileError(_("This is not a CSV file.")) from None
            warnings.append(
                _("The file is not in UTF-8: it was read as Windows-1252. Check the accents in the preview.")
            )
    if any(ord(c) < 32 and c not in "\t\r\n" for c in text):
        raise ImportFileError(_("This is not a CSV file."))
    return text, warnings


def _delimiter(header_line: str) -> str:
    counts = {d: header_line.count(d) for d in (";", ",", "\t")}
    best = max(counts, key=counts.get)
    return best if counts[best] else ","


def parse(text: str) -> ParsedFile:
    """Text to rows keyed by column. The first non-blank line names the columns; blank lines are skipped."""
    lines = text.splitlines()
    header_line = next((line for line in lines if line.strip()), "")
    if not header_line:
        raise ImportFileError(_("The file is empty."))
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=_delimiter(header_line))
    warnings = []
    try:
        header = []
        while not any(cell.strip() for cell in header):
            header = next(reader)
        columns, ignored = [], []
        for cell in header:
            column = HEADER_ALIASES.get(normalize(cell))
            if column is not None and column in columns:
                raise ImportFileError(_("The column “%(name)s” appears twice.") % {"name": cell.strip()})
            columns.append(column)
            if column is None and cell.strip():
                ignored.append(cell.strip())
        missing = [str(COLUMNS[c][0]) for c in REQUIRED_COLUMNS if c not in columns]
        if len(missing) == len(REQUIRED_COLUMNS):
            raise ImportFileError(
                _("The first line must name the columns: %(columns)s.")
                % {"columns": ", ".join(str(COLUMNS[c][0]) for c in COLUMNS)}
            )
        if missing:
            raise ImportFileError(_("Missing columns: %(columns)s.") % {"columns": ", ".join(missing)})
        if ignored:
            warnings.append(_("Ignored columns: %(columns)s.") % {"columns": ", ".join(ignored)})
        rows = []
        line = reader.line_num + 1
        for cells in reader:
            if any(cell.strip() for cell in cells):
                if len(rows) >= MAX_ROWS:
                    raise ImportFileError(
                        _("The file has more than %(count)d people. Split it into several files.") % {"count": MAX_ROWS}
                    )
                rows.append((line, {c: v.strip() for c, v in zip(columns, cells) if c}))
            line = reader.line_num + 1
    except csv.Error as error:
        raise ImportFileError(_("Line %(line)d cannot be read.") % {"line": reader.line_num}) from error
    except StopIteration:
        raise ImportFileError(_("The file is empty.")) from None
    if not rows:
        raise ImportFileError(_("The file names its columns but holds no one."))
    return ParsedFile([c for c in columns if c], rows, warnings)


def read_upload(data: bytes) -> tuple[str, ParsedFile]:
    text, warnings = decode(data)
    parsed = parse(text)
    parsed.warnings[:0] = warnings
    return text, parsed


# ---------------------------------------------------------------------------------------------------- the plan


@dataclass
class RowPlan:
    line: int
    email: str
    action: Action = Action.ERROR
    values: dict = field(default_factory=dict)
    region: Region | None = None
    person: User | None = None
    errors: list = field(default_factory=list)
    changes: list = field(default_factory=list)  # labels of what an update changes
    # What the region and role cells say, shown on refused rows too: the recognised name, else the cell as written.
    region_label: str = ""
    role_label: str = ""

    @property
    def name(self):
        return " ".join(p for p in (self.values.get("first_name"), self.values.get("last_name")) if p)

    def outcome(self) -> dict:
        """The row as the import's page shows it once done (JSON, kept on the import job)."""
        return {
            "line": self.line,
            "email": self.email,
            "name": self.name,
            "region_label": self.region_label,
            "role_label": self.role_label,
            "action": str(self.action),
            "errors": [str(error) for error in self.errors],
            "changes": [str(change) for change in self.changes],
        }


@dataclass
class Plan:
    rows: list
    warnings: list = field(default_factory=list)

    @property
    def counts(self):
        counts = Counter(row.action for row in self.rows)
        return {action.value: counts.get(action, 0) for action in Action}

    @property
    def has_work(self):
        return any(row.action in (Action.CREATE, Action.UPDATE) for row in self.rows)


class _Lookups:
    """Everything the rows are checked against, read once per plan whatever the number of rows."""

    def __init__(self, emails):
        self.regions = {}
        all_regions = list(Region.objects.all())
        for language, _name in settings.LANGUAGES:
            with translation.override(language):
                for region in all_regions:
                    self.regions.setdefault(normalize(region.code), region)
                    self.regions.setdefault(normalize(RegionCode(region.code).label), region)
        for region in all_regions:
            for alias in REGION_ALIASES.get(region.code, ()):
                self.regions.setdefault(normalize(alias), region)
        self.roles = _choice_lookup(ROLE_ALIASES, Role.choices)
        self.structures = _choice_lookup(STRUCTURE_ALIASES, StructureType.choices)
        self.languages = _choice_lookup(LANGUAGE_ALIASES, settings.LANGUAGES)
        self.people = {
            person.email: person
            for person in User.objects.filter(email__in=emails).prefetch_related("regions")
        }


def _clean_email(raw):
    return (raw or "").strip().lower()


def _plan_row(importer, line, raw, lookups) -> RowPlan:
    row = RowPlan(line=line, email=_clean_email(raw.get("email")))
    errors = row.errors
    values = row.values

    for column in ("email", "first_name", "last_name", "role"):
        if not raw.get(column):
            errors.append(_("Missing value: %(column)s.") % {"column": COLUMNS[column][0]})
    if row.email:
        try:
            validate_email(row.email)
        except ValidationError:
            errors.append(_("“%(value)s” is not a valid email address.") % {"value": raw["email"]})

    for column in ("first_name", "last_name", "structure_name", "structure_town"):
        value = raw.get(column, "")
        if len(value) > MAX_LENGTHS[column]:
            errors.append(
                _("Too long (more than %(count)d characters): %(column)s.")
                % {"column": COLUMNS[column][0], "count": MAX_LENGTHS[column]}
            )
        elif value:
            values[column] = value

    if raw.get("role"):
        role = lookups.roles.get(normalize(raw["role"]))
        row.role_label = str(Role(role).label) if role else raw["role"]
        if role is None:
            errors.append(_("Unknown role “%(value)s”.") % {"value": raw["role"]})
        elif not permissions.user_can_assign_role(importer, role):
            errors.append(_("You may not give the role “%(role)s”.") % {"role": Role(role).label})
        else:
            values["role"] = role

    if raw.get("region"):
        row.region = lookups.regions.get(normalize(raw["region"]))
        row.region_label = str(row.region.name) if row.region else raw["region"]
        if row.region is None:
            errors.append(_("Unknown region “%(value)s”.") % {"value": raw["region"]})
        elif not permissions.user_can_manage_region(importer, row.region):
            errors.append(_("You may not manage people in %(region)s.") % {"region": row.region.name})
            row.region = None
    elif values.get("role") != Role.NATIONAL:
        # Only the national team works without a region.
        errors.append(_("Missing value: %(column)s.") % {"column": COLUMNS["region"][0]})

    if raw.get("structure_type"):
        structure_type = lookups.structures.get(normalize(raw["structure_type"]))
        if structure_type is None:
            errors.append(
                _("Unknown structure type “%(value)s”: use MSP, CPTS or centre de santé.")
                % {"value": raw["structure_type"]}
            )
        else:
            values["structure_type"] = structure_type

    if raw.get("language"):
        language = lookups.languages.get(normalize(raw["language"]))
        if language is None:
            errors.append(_("Unknown language “%(value)s”: use fr or en.") % {"value": raw["language"]})
        else:
            values["preferred_language"] = language

    person = lookups.people.get(row.email)
    if person is not None:
        row.person = person
        if not permissions.user_can_manage_person(importer, person):
            errors.append(_("%(email)s already has an account that you may not change.") % {"email": row.email})
        else:
            row.changes = _changes(person, values, row.region)
            if row.changes and person.pk == importer.pk:
                errors.append(_("Your own account cannot be changed by an import."))
    return row


def _changes(person, values, region):
    """Labels of the fields the row would change. An empty cell leaves the current value as it is."""
    changes = [
        str(User._meta.get_field(name).verbose_name)
        for name in PERSON_FIELDS
        if name in values and getattr(person, name) != values[name]
    ]
    if region is not None and region not in person.regions.all():
        changes.append(str(User._meta.get_field("regions").verbose_name))
    return changes


def plan_import(importer, parsed: ParsedFile) -> Plan:
    """What importing `parsed` would do, row by row. Reads the database, writes nothing."""
    emails = {_clean_email(raw.get("email")) for _line, raw in parsed.rows} - {""}
    lookups = _Lookups(emails)
    rows = [_plan_row(importer, line, raw, lookups) for line, raw in parsed.rows]

    lines_by_email = defaultdict(list)
    for row in rows:
        if row.email:
            lines_by_email[row.email].append(row.line)
    for row in rows:
        others = [str(line) for line in lines_by_email.get(row.email, ()) if line != row.line]
        if others:
            row.errors.append(
                _("The same email address is also on line %(lines)s.") % {"lines": ", ".join(others)}
            )

    for row in rows:
        if row.errors:
            row.action = Action.ERROR
        elif row.person is None:
            row.action = Action.CREATE
        else:
            row.action = Action.UPDATE if row.changes else Action.UNCHANGED
    return Plan(rows=rows, warnings=list(parsed.warnings))


# ---------------------------------------------------------------------------------------------------- applying


@transaction.atomic
def apply_plan(plan: Plan, importer) -> dict:
    """Write the valid rows of `plan`, all or none. Rows in error are skipped. New people are invited once the
    transaction commits; people who already had an account are not invited again."""
    for row in plan.rows:
        if row.action == Action.CREATE:
            create_invited_person(
                {"email": row.email, "preferred_language": DEFAULT_LANGUAGE, **row.values},
                invited_by=importer,
                regions=[row.region] if row.region is not None else [],
            )
        elif row.action == Action.UPDATE:
            person = row.person
            changed = [n for n in PERSON_FIELDS if n in row.values and getattr(person, n) != row.values[n]]
            for name in changed:
                setattr(person, name, row.values[name])
            if changed:
                person.save(update_fields=changed)
            if row.region is not None and row.region not in person.regions.all():
                person.regions.add(row.region)
    counts = plan.counts
    return {
        "created": counts[Action.CREATE],
        "updated": counts[Action.UPDATE],
        "unchanged": counts[Action.UNCHANGED],
        "skipped": counts[Action.ERROR],
    }


@transaction.atomic
def import_people(importer, parsed: ParsedFile) -> tuple[Plan, dict]:
    """Plan and apply in the same transaction, so that the rows are checked against what is then written."""
    plan = plan_import(importer, parsed)
    return plan, apply_plan(plan, importer)


# ---------------------------------------------------------------------------------------------------- the import job


@transaction.atomic
def queue_import(importer, text: str, file_name: str) -> PeopleImport:
    """Record a confirmed import and queue it for the worker once the transaction commits. The outcome's messages
    will be in the language of the page that confirmed it."""
    job = PeopleImport.objects.create(
        importer=importer, file_name=file_name[:255], content=text, language=translation.get_language()
    )
    transaction.on_commit(partial(tasks.run_people_import.enqueue, job.pk))
    return job


def run_import(job_id):
    """The worker's half: plan again and apply, with the importer's permissions of now (a trainer who lost a
    region since the preview imports nothing there). The outcome, line by line, replaces the file. New people's
    invitations are queued when the import commits. An import already started (a task run twice) is left alone."""
    with transaction.atomic():
        job = PeopleImport.objects.select_for_update().filter(pk=job_id, status=ImportStatus.QUEUED).first()
        if job is None:
            return
        job.status, job.started_at = ImportStatus.RUNNING, timezone.now()
        job.save(update_fields=["status", "started_at"])
    try:
        with translation.override(job.language), transaction.atomic():
            importer = User.objects.filter(pk=job.importer_id).first()
            plan, summary = import_people(importer, parse(job.content))
            job.rows = [row.outcome() for row in plan.rows]
            for name, count in summary.items():
                setattr(job, name, count)
            job.status, job.finished_at, job.content = ImportStatus.DONE, timezone.now(), ""
            job.save()
    except Exception:
        # Nothing was written (one transaction); the importer uploads the file again.
        PeopleImport.objects.filter(pk=job.pk).update(
            status=ImportStatus.FAILED, finished_at=timezone.now(), content=""
        )
        raise


# ---------------------------------------------------------------------------------------------------- preview → confirm


def _salt(importer):
    return f"cms.people_import:{importer.pk}"


def sign_upload(importer, text: str, file_name: str) -> str:
    """The file content, carried from the preview to the confirmation; only this importer can bring it back."""
    return signing.dumps({"text": text, "name": file_name}, salt=_salt(importer), compress=True)


def unsign_upload(importer, token: str) -> tuple[str, str]:
    try:
        payload = signing.loads(token or "", salt=_salt(importer), max_age=PREVIEW_MAX_AGE)
    except signing.SignatureExpired:
        raise ImportFileError(_("This preview has expired. Upload the file again.")) from None
    except signing.BadSignature:
        raise ImportFileError(_("This import could not be confirmed. Upload the file again.")) from None
    return payload["text"], payload["name"]


def example_csv(importer) -> str:
    """A file to start from, with headers in the reader's language and a region the importer manages."""
    region = Region.objects.managed_by(importer).order_by("code").first()
    region_name = region.name if region else RegionCode.BRE.label
    french = translation.get_language() == "fr"
    header = (
        ["prénom", "nom", "courriel", "région", "rôle", "type de structure", "nom de la structure", "ville", "langue"]
        if french
        else ["first name", "last name", "email", "region", "role", "structure type", "structure name", "town",
              "language"]
    )
    people = [
        ["Camille", "Martin", "camille.martin@example.org", region_name,
         "coordonnatrice" if french else "coordinator", "MSP", "MSP des Lilas", "Rennes", "fr"],
        ["Youssef", "Benali", "youssef.benali@example.org", region_name,
         "coordonnateur" if french else "coordinator", "CPTS", "CPTS du Pays de Brocéliande", "Montfort", "fr"],
        ["Anne", "Le Goff", "anne.le-goff@example.org", region_name,
         "partenaire" if french else "partner", "", "ARS", "Rennes", "en"],
    ]
    out = io.StringIO()
    writer = conf.csv_writer()(out, delimiter=";", lineterminator="\r\n")
    writer.writerow(header)
    writer.writerows([[str(cell) for cell in person] for person in people])
    return out.getvalue()
