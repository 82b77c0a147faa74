"""The SCORM runtime's server side: signed links to a package's files, the values a package may commit (checked
before anything is recorded), the state handed back to it on the next visit, and the script injected into its HTML.

The runtime itself (static/learning/scorm-api.js) runs inside the package's sandboxed frame: it keeps the values in
memory and posts its commits to the lesson page, whose script (static/learning/interactive.js) sends them here."""

import json
import math
import re

from django.core import signing
from django.utils.translation import gettext as _

from learning import conf
from learning.enums import PackageKind

SALT = "learning.package-link"
COMPLETION = {"completed", "incomplete", "not attempted", "unknown", "browsed"}
SUCCESS = {"passed", "failed", "unknown"}
LESSON_STATUS_12 = {"passed", "completed", "failed", "incomplete", "browsed", "not attempted"}
SUSPEND_LIMIT = {PackageKind.SCORM_12: 4096, PackageKind.SCORM_2004: 64000}
LOCATION_LIMIT = {PackageKind.SCORM_12: 255, PackageKind.SCORM_2004: 1000}
KEYS = {
    PackageKind.SCORM_12: {
        "cmi.core.lesson_status": "status", "cmi.core.score.raw": "score_raw", "cmi.core.score.min": "score_min",
        "cmi.core.score.max": "score_max", "cmi.suspend_data": "suspend_data", "cmi.core.lesson_location": "location",
    },
    PackageKind.SCORM_2004: {
        "cmi.completion_status": "completion_status", "cmi.success_status": "success_status",
        "cmi.score.raw": "score_raw", "cmi.score.min": "score_min", "cmi.score.max": "score_max",
        "cmi.suspend_data": "suspend_data", "cmi.location": "location",
    },
}
MAX_BODY = 200 * 1024


class ScormError(Exception):
    """Values that cannot be recorded; the message says why."""


# Links: /learning/packages/<token>/<path>. The frame is sandboxed (an opaque origin), so its requests may carry no
# session cookie: the token says who may read which block's package, and expires.


def make_token(user, lesson, block_id):
    return signing.TimestampSigner(salt=SALT).sign(f"{user.pk}.{lesson.pk}.{block_id}")


def read_token(token):
    """(user_pk, lesson_pk, block_id), or None when the token is forged or expired."""
    try:
        value = signing.TimestampSigner(salt=SALT).unsign(token, max_age=conf.package_link_hours() * 3600)
    except (signing.BadSignature, ValueError):
        return None
    user_pk, lesson_pk, block_id = (value.split(".", 2) + ["", ""])[:3]
    if not (user_pk.isdigit() and lesson_pk.isdigit() and block_id):
        return None
    return int(user_pk), int(lesson_pk), block_id


# Values.


def _score(key, value, kind):
    if isinstance(value, bool) or not isinstance(value, (int, float, str)):
        raise ScormError(_("%(key)s is not a number.") % {"key": key})
    if isinstance(value, str):
        if not re.fullmatch(r"-?\d{1,10}(\.\d{1,7})?", value.strip()):
            raise ScormError(_("%(key)s is not a number.") % {"key": key})
        value = float(value)
    value = float(value)
    low, high = (0, 100) if kind == PackageKind.SCORM_12 else (-1e9, 1e9)
    if not math.isfinite(value) or not low <= value <= high:
        raise ScormError(_("%(key)s is out of range.") % {"key": key})
    return value


def _text(key, value, limit):
    if not isinstance(value, str):
        raise ScormError(_("%(key)s is not text.") % {"key": key})
    if "\x00" in value:
        raise ScormError(_("%(key)s contains a forbidden character.") % {"key": key})
    if len(value) > limit:
        raise ScormError(_("%(key)s is too long (%(limit)s characters at most).") % {"key": key, "limit": limit})
    return value


def _status(key, value, allowed):
    if not isinstance(value, str) or value not in allowed:
        raise ScormError(_("%(key)s has an unknown value.") % {"key": key})
    return value


def parse_body(body):
    if len(body) > MAX_BODY:
        raise ScormError(_("The data sent is too large."))
    try:
        payload = json.loads(body.decode("utf-8"))
    except (UnicodeDecodeError, ValueError, RecursionError):
        raise ScormError(_("The data sent is not valid JSON."))
    values = payload.get("values") if isinstance(payload, dict) else None
    if not isinstance(values, dict):
        raise ScormError(_("The data sent has no values."))
    return values


def clean(kind, values):
    """The record's fields from a commit's `values` ({cmi key: value}); raise ScormError at the first bad one."""
    keys = KEYS[kind]
    fields = {}
    for key, value in values.items():
        name = keys.get(key)
        if name is None:
            raise ScormError(_("%(key)s cannot be recorded.") % {"key": str(key)[:80]})
        if name == "status":
            status = _status(key, value, LESSON_STATUS_12)
            fields["success_status"] = status if status in ("passed", "failed") else "unknown"
            fields["completion_status"] = "completed" if status in ("passed", "failed") else status
        elif name == "completion_status":
            fields[name] = _status(key, value, COMPLETION - {"browsed"})
        elif name == "success_status":
            fields[name] = _status(key, value, SUCCESS)
        elif name.startswith("score_"):
            fields[name] = _score(key, value, kind)
        elif name == "suspend_data":
            fields[name] = _text(key, value, SUSPEND_LIMIT[kind])
        else:
            fields[name] = _text(key, value, LOCATION_LIMIT[kind])
    return fields


def is_finished(record):
    """Completed (and not failed), or passed."""
    return record.success_status == "passed" or (
        record.completion_status == "completed" and record.success_status != "failed")


def initial_state(kind, record):
    """The values the runtime starts with: the learner's last commit, in the package's own vocabulary."""
    if record is None:
        return {}
    if kind == PackageKind.SCORM_12:
        status = record.success_status if record.success_status in ("passed", "failed") else record.completion_status
        state = {"cmi.core.lesson_status": status, "cmi.suspend_data": record.suspend_data,
                 "cmi.core.lesson_location": record.location, "cmi.core.entry": "resume"}
        prefix = "cmi.core.score."
    else:
        state = {"cmi.completion_status": record.completion_status, "cmi.success_status": record.success_status,
                 "cmi.suspend_data": record.suspend_data, "cmi.location": record.location, "cmi.entry": "resume"}
        prefix = "cmi.score."
    for part in ("raw", "min", "max"):
        value = getattr(record, f"score_{part}")
        if value is not None:
            state[prefix + part] = f"{value:g}"
    return {key: value for key, value in state.items() if value not in ("", None)}


_HEAD = re.compile(rb"<head(\s[^>]*)?>", re.I)


def inject(html, script_url, origin):
    """`html` with our runtime's script first in its <head> (or first in the document when it has none); the
    script posts its commits to `origin` (the lesson page's), which it is told in an attribute."""
    from django.utils.html import escape

    tag = f'<script src="{escape(script_url)}" data-pacte-origin="{escape(origin)}"></script>'.encode()
    match = _HEAD.search(html, 0, 64 * 1024)
    if match:
        return html[: match.end()] + tag + html[match.end():]
    return tag + html
