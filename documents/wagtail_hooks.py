from wagtail import hooks

from documents.viewsets import library_document_chooser_viewset


@hooks.register("register_admin_viewset")
def register_library_document_chooser():
    return library_document_chooser_viewset
