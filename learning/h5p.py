"""H5P content's server side: the results its player may send (checked before anything is recorded, in the same
record as a SCORM package's) and the state handed back to it on the next visit.

The content plays in the same sandboxed frame as SCORM packages, on a page of its own (templates/learning/
h5p_player.html) where h5p-standalone loads the package's files through signed links (learning.scorm's tokens).
Its script (static/learning/h5p-player.js) turns H5P's xAPI statements into {verb, score, state} and posts them to
the lesson page, whose script (static/learning/interactive.js) sends them here."""

import json
import math

from django.utils.translation import gettext as _

from learning.scorm import ScormError as ResultError  # one error type for the record endpoint

VERBS = {"attempted", "interacted", "answered", "progressed", "experienced", "completed", "passed", "failed"}
FINISHING = {"completed", "passed", "failed"}
KEYS = {"verb", "score_raw", "score_max", "score_scaled", "completion", "success", "state"}
STATE_LIMIT = 64000
SCORE_MAX_LIMIT = 1e6
VENDOR = "vendor/h5p-standalone"  # h5p-standalone's dist/, copied there by the Makefile (git-ignored)


def _number(key, value):
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not math.isfinite(value):
        raise ResultError(_("%(key)s is not a number.") % {"key": key})
    return float(value)


def _flag(key, value):
    if value is not None and not isinstance(value, bool):
        raise ResultError(_("%(key)s has an unknown value.") % {"key": key})
    return value


def _scores(values):
    """(raw, max), both or neither; raw within [0, max], scaled (when sent) agreeing with raw / max."""
    raw, high, scaled = values.get("score_raw"), values.get("score_max"), values.get("score_scaled")
    if raw is None and high is None and scaled is None:
        return None, None
    if raw is None or high is None:
        raise ResultError(_("A score needs both its value and its maximum."))
    raw, high = _number("score_raw", raw), _number("score_max", high)
    if not 0 < high <= SCORE_MAX_LIMIT:
        raise ResultError(_("%(key)s is out of range.") % {"key": "score_max"})
    if not 0 <= raw <= high:
        raise ResultError(_("%(key)s is out of range.") % {"key": "score_raw"})
    if scaled is not None:
        scaled = _number("score_scaled", scaled)
        if not 0 <= scaled <= 1 or abs(scaled - raw / high) > 0.01:
            raise ResultError(_("%(key)s is out of range.") % {"key": "score_scaled"})
    return raw, high


def _state(value):
    if not isinstance(value, str):
        raise ResultError(_("%(key)s is not text.") % {"key": "state"})
    if len(value) > STATE_LIMIT:
        raise ResultError(_("%(key)s is too long (%(limit)s characters at most).") % {"key": "state",
                                                                                    "limit": STATE_LIMIT})
    try:
        json.loads(value)
    except (ValueError, RecursionError):
        raise ResultError(_("%(key)s is not valid JSON.") % {"key": "state"})
    return value


def clean(values):
    """The record's fields from one result ({verb, score_raw, score_max, score_scaled, completion, success, state});
    raise ResultError at the first bad value. "completed", "passed", "failed" or a result's completion complete
    it; its success (or the verb) passes or fails it. A result that says nothing of either leaves the recorded
    status as it was, and a lesson once done stays done."""
    unknown = set(values) - KEYS
    if unknown:
        raise ResultError(_("%(key)s cannot be recorded.") % {"key": str(sorted(unknown)[0])[:80]})
    verb = values.get("verb")
    if not isinstance(verb, str) or verb not in VERBS:
        raise ResultError(_("%(key)s has an unknown value.") % {"key": "verb"})
    completion, success = _flag("completion", values.get("completion")), _flag("success", values.get("success"))
    raw, high = _scores(values)
    fields = {}
    if verb in FINISHING or completion:
        fields["completion_status"] = "completed"
    if verb == "passed" or (verb != "failed" and success is True):
        fields["success_status"] = "passed"
    elif verb == "failed" or success is False:
        fields["success_status"] = "failed"
    if raw is not None:
        fields.update(score_raw=raw, score_min=0.0, score_max=high)
    if values.get("state") is not None:
        fields["suspend_data"] = _state(values["state"])
    return fields


def initial_state(record):
    """What the player starts from: the state last sent (a JSON text), or none."""
    return {"state": record.suspend_data} if record is not None and record.suspend_data else {}


def player_context(request, token, package):
    """The player page's links: the package's folder (signed), h5p-standalone's files, where to post results."""
    from django.templatetags.static import static
    from django.urls import reverse
    from django.utils.translation import get_language

    manifest = reverse("learning:package_file", kwargs={"token": token, "path": "h5p.json"})
    absolute = request.build_absolute_uri
    return {
        "title": package.title,
        "language": get_language(),
        "content_id": f"pacte-{package.pk}",
        "h5p_path": absolute(manifest.rsplit("/", 1)[0]),
        "main_js": absolute(static(f"{VENDOR}/main.bundle.js")),
        "frame_js": absolute(static(f"{VENDOR}/frame.bundle.js")),
        "frame_css": absolute(static(f"{VENDOR}/styles/h5p.css")),
        "player_js": absolute(static("learning/h5p-player.js")),
        "origin": absolute("/").rstrip("/"),
    }
