"""The page editor's form for pages whose StreamFields hold library document blocks. The chooser offers only the
documents the editor may use, but a crafted POST can name any id, and a block's clean does not know who edits: the
page form does (`for_user`), so it checks each document block of the submitted streams, once, at save time."""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.admin.forms import WagtailAdminPageForm

from documents import permissions

STRUCTURE = ("-count", "-order", "-deleted", "-type", "-id")


def library_documents(block, value):
    """The library documents chosen in `value`, a value of `block`, at any depth of structs, lists and streams."""
    from documents.blocks import LibraryDocumentChooserBlock

    if value is None:
        return
    if isinstance(block, LibraryDocumentChooserBlock):
        yield value
    elif isinstance(block, blocks.StreamBlock):
        for child in value:
            yield from library_documents(child.block, child.value)
    elif isinstance(block, blocks.ListBlock):
        for item in value:
            yield from library_documents(block.child_block, item)
    elif isinstance(block, blocks.StructBlock):
        for name, child_block in block.child_blocks.items():
            yield from library_documents(child_block, value.get(name))


def _stream_documents(instance, name):
    value = getattr(instance, name, None)
    return set() if value is None else {doc.pk for doc in library_documents(value.stream_block, value)}


class LibraryDocumentsPageForm(WagtailAdminPageForm):
    def clean(self):
        cleaned_data = super().clean()
        user = self.for_user
        for name, value in cleaned_data.items():
            if not hasattr(value, "stream_block"):
                continue
            # What the page holds already (placed by someone else, the national team say) may stay.
            kept = _stream_documents(self.instance, name) if self.instance.pk else set()
            refused = [doc for doc in library_documents(value.stream_block, value)
                       if doc.pk not in kept and not permissions.user_can_use_document(user, doc)]
            if refused:
                self.add_error(None, _(
                    "“%(field)s” links to a library document you may not use. Choose a document of your regions or a "
                    "national document."
                ) % {"field": self.fields[name].label})
                self._forget(name, refused)
        return cleaned_data

    def _forget(self, name, documents):
        """The form shown again must not name the refused documents (a crafted id would reveal a title the editor
        may not read): their choosers come back empty."""
        ids = {str(document.pk) for document in documents}
        prefix = f"{self.add_prefix(name)}-"
        data = self.data.copy()
        for key in list(data):
            # The stream's own bookkeeping (counts, order, block types and ids) is left alone.
            if key.startswith(prefix) and not key.endswith(STRUCTURE) and data.get(key) in ids:
                data[key] = ""
        self.data = data
