from django import template
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from documents import permissions

register = template.Library()

LANGUAGE_NOTES = {"fr": _("in French"), "en": _("in English")}


@register.simple_tag(takes_context=True)
def readable_document(context, document):
    """`document` in the reader's language (its translation if there is one), or None when the reader may not
    read it: a page never shows the title of a document its reader cannot open."""
    request = context.get("request")
    if document is None or request is None:
        return None
    if not permissions.user_can_view_document(getattr(request, "user", None), document):
        return None
    return document.localized


@register.simple_tag
def document_language_note(document):
    """"in English" when the document's language is not the page's (RGAA 8.7): with hreflang on the link."""
    if document.language and document.language != (get_language() or "fr")[:2]:
        return LANGUAGE_NOTES.get(document.language, document.get_language_display())
    return ""
