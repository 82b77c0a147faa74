"""Admin choosers over models the cms app does not own."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.viewsets.chooser import ChooserViewSet


class FilerFileChooserViewSet(ChooserViewSet):
    model = "filer.File"
    icon = "doc-full"
    choose_one_text = _("Choose a document")
    choose_another_text = _("Choose another document")
    edit_item_text = _("Edit this document")
    per_page = 20


filer_file_chooser_viewset = FilerFileChooserViewSet("filer_file_chooser")
