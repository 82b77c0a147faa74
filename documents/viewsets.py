"""The library document chooser: it offers only the documents the editor may use (documents.permissions.usable_q),
in its listing, its search results and when a chosen id comes back."""

from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext_lazy as _
from wagtail.admin.views.generic import chooser as chooser_views
from wagtail.admin.viewsets.chooser import ChooserViewSet

from documents import permissions


class UsableMixin:
    def get_object_list(self):
        from documents.models import LibraryDocument

        return LibraryDocument.objects.usable_by(self.request.user).select_related("region")


class ChooseView(UsableMixin, chooser_views.ChooseView):
    pass


class ChooseResultsView(UsableMixin, chooser_views.ChooseResultsView):
    pass


class ChosenView(chooser_views.ChosenView):
    def get_object(self, pk):
        from documents.models import LibraryDocument

        document = LibraryDocument.objects.get(pk=pk)
        if not permissions.user_can_use_document(self.request.user, document):
            raise PermissionDenied
        return document


class LibraryDocumentChooserViewSet(ChooserViewSet):
    model = "documents.LibraryDocument"
    icon = "doc-full"
    choose_one_text = _("Choose a library document")
    choose_another_text = _("Choose another library document")
    edit_item_text = _("Edit this document")
    per_page = 20
    choose_view_class = ChooseView
    choose_results_view_class = ChooseResultsView
    chosen_view_class = ChosenView
    # Uploads go through the library's own screen (validation, folders, extraction), not the chooser's quick form.
    creation_form_class = None


library_document_chooser_viewset = LibraryDocumentChooserViewSet("library_document_chooser")
