"""The library list's rows and filters, prepared once per page in Python rather than looked up per row in the
template: each document's URL comes from one reverse() with a marker pk, the choices' labels are translated once
per request, and the filters' options are rendered in one pass (the template's per-option loop and per-row
get_FOO_display / filters cost some 10 ms a page)."""

from django.conf import settings
from django.template.defaultfilters import filesizeformat, truncatewords
from django.urls import reverse
from django.utils.html import format_html_join
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from documents.enums import Kind, Theme

MARKER = "2147483647"
# The columns rows() reads (the view loads only these).
FIELDS = (
    "title", "description", "theme", "kind", "language", "file_format", "file_size", "region__code",
    "locale__language_code",
)


def pk_url(name):
    """A function pk -> reverse(name, kwargs={"pk": pk}), at the cost of one reverse()."""
    head, tail = reverse(name, kwargs={"pk": MARKER}).split(MARKER)
    return lambda pk: f"{head}{pk}{tail}"


def rows(documents):
    """What the library shows of each document: the same text the template used to compute per row."""
    detail_url = pk_url("documents:detail")
    themes = {value: str(label) for value, label in Theme.choices}
    kinds = {value: str(label) for value, label in Kind.choices}
    languages = {value: str(label) for value, label in settings.LANGUAGES}
    national = _("National")
    language_code = get_language()
    result = []
    for document in documents:
        meta = []
        if document.theme:
            meta.append(themes.get(document.theme, document.theme))
        meta.append(kinds.get(document.kind, document.kind))
        meta.append(str(document.region.name) if document.region else national)
        meta.append(f"{document.file_format.upper()}, {filesizeformat(document.file_size)}")
        if document.language != language_code:
            meta.append(languages.get(document.language, document.language))
        locale_code = document.locale.language_code
        result.append({
            "url": detail_url(document.pk),
            "title": document.title,
            "lang": locale_code if locale_code != language_code else "",
            "meta": " · ".join(meta),
            "description": truncatewords(document.description, 40) if document.description else "",
        })
    return result


def selects(form):
    """The filter form's selects but the words field: (name, id, label, options' HTML), the bound value selected."""
    result = []
    for field in form:
        if field.name == "q":
            continue
        current = field.value()
        options = format_html_join("", '<option value="{}"{}>{}</option>', (
            (value, " selected" if value == current else "", label) for value, label in field.field.choices
        ))
        result.append((field.name, field.id_for_label, field.label, options))
    return result

