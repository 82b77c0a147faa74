"""French typography, applied once to what a French reader receives (pages through
cms.middleware.FrenchTypographyMiddleware, e-mails through the `typeset` template tag):

- an ordinary space before `:` becomes a no-break space (U+00A0), before `;`, `?` and `!` a narrow no-break space
  (U+202F). Only existing spaces are replaced, so "12:30", "http://x" or "a?b=c" stay as they are;
- « and » get a no-break space inside (an ordinary space there becomes one; one already there is kept);
- an apostrophe between two letters becomes ’, except inside a written-out address (URL, e-mail).

In HTML, tags and attributes, comments, the content of <code>, <pre>, <kbd>, <samp>, <var>, <script>, <style> and
<textarea>, and elements in another language (`lang="en"`) are left as they are. Text that is already right stays
byte for byte the same, so typesetting twice changes nothing.

Written for speed, as every French page goes through it: the page is searched with str.find and a few regular
expressions for the places that may need work, and only those are looked at in Python. html.parser alone takes
about 3.5 ms on a 22 KB page; this typesets it in about 0.3 ms (cms/tests/test_middleware.py keeps a 45 KB page
under 2 ms). The price: tags are recognised by their brackets, which Django and Wagtail escape inside attribute
values, and code elements are recognised in lower or upper case, not mixed."""

import bisect
import functools
import re

NBSP = "\u00a0"
NNBSP = "\u202f"

_PUNCTUATION = {":": NBSP, ";": NNBSP, "?": NNBSP, "!": NNBSP}
_SPACES = " \t\u00a0\u202f"
_NB_ENTITIES = ("&nbsp;", "&#160;", "&#xa0;", "&#xA0;", "&#8239;", "&#x202f;", "&#x202F;")
_APOSTROPHE_ENTITIES = ("&#x27;", "&#39;", "&apos;")
_ENTITIES = re.compile(r"&(?:#x27|#39|apos|laquo|raquo);")

# Elements whose content is not prose. The first three hold raw text: nothing inside them is markup.
_RAW = ("script", "style", "textarea")
_CODE = ("code", "pre", "kbd", "samp", "var")
_VOID = frozenset(
    {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}
)
# Lower or upper case, not mixed: re.IGNORECASE makes this search over the whole page twice as slow.
_START_TAG = re.compile(r"<(%s)[\s>/]" % "|".join(_RAW + _CODE + tuple(name.upper() for name in _RAW + _CODE)))
_TAG_NAME = re.compile(r"<([A-Za-z][^\s/>]*)")
_LANG_VALUE = re.compile(r"""\s*=\s*["']?\s*([A-Za-z]*)""")


def typeset_text(text):
    """Typeset plain text (an e-mail's text part, a subject)."""
    return _typeset(text, html=False)


def typeset_html(html):
    """Typeset the text of an HTML document or fragment; the markup is left byte for byte as it was."""
    return _typeset(html, html=True)


def _typeset(s, html):
    # The entities that matter, found once: Django writes ' as &#x27;, editors may write &laquo; or &raquo;.
    entities = {}
    if html and "&" in s:
        for match in _ENTITIES.finditer(s):
            entities.setdefault(match.group(), []).append(match.start())
    edits = []
    _space_edits(s, edits)
    _apostrophe_edits(s, edits, html, entities)
    _guillemet_edits(s, edits, entities)
    if not edits:
        return s
    protected = _protected_spans(s) if html else []
    starts = [start for start, _ in protected]
    out = []
    done = 0
    last = None
    for start, end, replacement in sorted(edits):
        # Two rules may ask for the same place («» or « :): the first one wins.
        if start < done or (start, end) == last:
            continue
        if html and (_in_tag(s, start) or _in(starts, protected, start)):
            continue
        last = (start, end)
        out.append(s[done:start])
        out.append(replacement)
        done = end
    if not out:
        return s
    out.append(s[done:])
    return "".join(out)


def _find_all(s, needle):
    position = s.find(needle)
    while position != -1:
        yield position
        position = s.find(needle, position + 1)


def _space_edits(s, edits):
    for punct, space in _PUNCTUATION.items():
        for position in _find_all(s, punct):
            if position == 0 or s[position - 1] not in " \t":
                continue
            start = position - 1
            while start > 0 and s[start - 1] in _SPACES:
                start -= 1
            edits.append((start, position, space))


def _apostrophe_edits(s, edits, html, entities):
    found = [(position, 1) for position in _find_all(s, "'")]
    for entity in _APOSTROPHE_ENTITIES:
        found += [(position, len(entity)) for position in entities.get(entity, ())]
    addresses = None
    for position, length in found:
        after = position + length
        if not (0 < position and after < len(s) and s[position - 1].isalpha() and s[after].isalpha()):
            continue
        if addresses is None:
            addresses = _address_spans(s, html)
        if addresses[0] and _in(*addresses, position):
            continue
        edits.append((position, after, "’"))


def _address_spans(s, html):
    """The written-out URLs and e-mail addresses, as (starts, spans) for _in(): the words around "://", "@" and
    "www.". Found once, as most pages have a handful."""
    stops = " \t\r\n<>" if html else " \t\r\n"
    spans = set()
    for needle in ("://", "@", "www."):
        for position in _find_all(s, needle):
            start = position
            while start > 0 and s[start - 1] not in stops:
                start -= 1
            end = position
            while end < len(s) and s[end] not in stops:
                end += 1
            spans.add((start, end))
    spans = sorted(spans)
    return [start for start, _ in spans], spans


def _space_run(s, start, step):
    """The spaces (characters or no-break entities) from `start` on, forwards (step 1) or backwards (step -1):
    where they end, and whether they are exactly one no-break space."""
    end = start
    pieces = 0
    only_nb = True
    while True:
        char = s[end] if step > 0 and end < len(s) else s[end - 1] if step < 0 and end > 0 else ""
        if char and char in " \t\r\n\u00a0\u202f":
            only_nb = only_nb and char in "\u00a0\u202f"
            end, pieces = end + step, pieces + 1
            continue
        if char == ("&" if step > 0 else ";"):
            entity = next(
                (e for e in _NB_ENTITIES if (s.startswith(e, end) if step > 0 else s.endswith(e, 0, end))), None
            )
            if entity:
                end, pieces = end + step * len(entity), pieces + 1
                continue
        return end, pieces == 1 and only_nb


def _guillemet_edits(s, edits, entities):
    opening = [position + 1 for position in _find_all(s, "«")]
    opening += [position + len("&laquo;") for position in entities.get("&laquo;", ())]
    for after in opening:
        end, right = _space_run(s, after, 1)
        if not right:
            edits.append((after, end, NBSP))
    for position in list(_find_all(s, "»")) + entities.get("&raquo;", []):
        start, right = _space_run(s, position, -1)
        if not right:
            edits.append((start, position, NBSP))


def _in_tag(s, position):
    # Django and Wagtail escape < and > in attribute values, so the nearest bracket tells.
    return s.rfind("<", 0, position) > s.rfind(">", 0, position)


def _in(starts, spans, position):
    index = bisect.bisect_right(starts, position) - 1
    return index >= 0 and position < spans[index][1]


def _protected_spans(s):
    """Sorted, non-overlapping (start, end) of the comments and of the elements whose text is left alone."""
    found = [(position, "<!--") for position in _find_all(s, "<!--")]
    found += [(match.start(), match.group(1).lower()) for match in _START_TAG.finditer(s)]
    found += [(position, "lang") for position in _find_all(s, "lang")]
    spans = []
    covered = 0
    for position, what in sorted(found):
        if position < covered:
            continue  # inside a script, a comment or a code element: "<pre>" there is not markup
        if what == "<!--":
            end = s.find("-->", position + 4)
            span = (position, len(s) if end == -1 else end + 3)
        elif what == "lang":
            span = _foreign_element(s, position)
        else:
            span = (position, _element_end(s, position, what, raw=what in _RAW))
        if span:
            spans.append(span)
            covered = span[1]
    return spans


def _element_end(s, start, name, raw):
    """Where the element starting at `start` ends: after its end tag (the matching one, nested ones counted)."""
    if raw:  # nothing inside is markup: the first end tag closes it
        ends = [s.find("</" + name, start), s.find("</" + name.upper(), start)]
        ends = [position for position in ends if position >= 0]
        if not ends:
            return len(s)
        close = s.find(">", min(ends))
        return len(s) if close == -1 else close + 1
    depth = 0
    for match in _tag_pattern(name).finditer(s, start):
        depth += -1 if match.group(1) else 1
        if depth == 0:
            close = s.find(">", match.end() - 1)
            return len(s) if close == -1 else close + 1
    return len(s)


@functools.cache
def _tag_pattern(name):
    return re.compile(r"<(/?)(?:%s|%s)[\s>/]" % (re.escape(name), re.escape(name.upper())))


def _foreign_element(s, position):
    """The span of the element whose `lang` attribute is at `position`, when that language is not French."""
    before = s[position - 1] if position else ""
    if not (before.isspace() or s.endswith("xml:", 0, position)) or not _in_tag(s, position):
        return None
    value = _LANG_VALUE.match(s, position + 4)
    if value is None or value.group(1).lower() in ("fr", ""):
        return None
    start = s.rfind("<", 0, position)
    name = _TAG_NAME.match(s, start)
    if name is None or name.group(1).lower() in _VOID:
        return None
    return start, _element_end(s, start, name.group(1).lower(), raw=False)
