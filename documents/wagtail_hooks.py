from wagtail import hooks
from wagtail.snippets.models import register_snippet

from documents.viewsets import library_document_chooser_viewset, library_document_viewset


@hooks.register("register_admin_viewset")
def register_library_document_chooser():
    return library_document_chooser_viewset


register_snippet(library_document_viewset)
