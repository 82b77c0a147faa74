"""The document block every page, lesson and seminar uses: a library document, chosen among those the editor may use
(documents.permissions.usable_q), rendered through includes/document_link.html."""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks

from documents.viewsets import library_document_chooser_viewset

LibraryDocumentChooserBlock = library_document_chooser_viewset.get_block_class(
    name="LibraryDocumentChooserBlock", module_path="documents.blocks"
)


class LibraryDocumentBlock(blocks.StructBlock):
    document = LibraryDocumentChooserBlock(label=_("Document"))
    title = blocks.CharBlock(
        label=_("Link text"), max_length=200, required=False, help_text=_("Defaults to the document's title.")
    )

    class Meta:
        icon = "doc-full"
        label = _("Document")
        template = "blocks/library_document_block.html"
