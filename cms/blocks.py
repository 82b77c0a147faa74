from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.embeds.blocks import EmbedBlock
from wagtail.images.blocks import ImageBlock

from cms.enums import CalloutKind
from cms.viewsets import filer_file_chooser_viewset
from documents.blocks import LibraryDocumentBlock

# Named by the migrations that predate the document library (the document block chose a filer file then).
FilerFileChooserBlock = filer_file_chooser_viewset.get_block_class(
    name="FilerFileChooserBlock", module_path="cms.blocks"
)


class HeadingBlock(blocks.StructBlock):
    text = blocks.CharBlock(label=_("Heading"), max_length=200)
    level = blocks.ChoiceBlock(
        label=_("Level"),
        choices=[("h2", _("Level 2")), ("h3", _("Level 3")), ("h4", _("Level 4"))],
        default="h2",
    )

    class Meta:
        icon = "title"
        label = _("Heading")
        template = "blocks/heading_block.html"


class CalloutBlock(blocks.StructBlock):
    kind = blocks.ChoiceBlock(label=_("Kind"), choices=CalloutKind.choices, default=CalloutKind.INFO)
    title = blocks.CharBlock(label=_("Title"), max_length=200, required=False)
    text = blocks.RichTextBlock(label=_("Text"), features=["bold", "italic", "link", "ul", "ol"])

    class Meta:
        icon = "warning"
        label = _("Callout")
        template = "blocks/callout_block.html"


class BodyBlock(blocks.StreamBlock):
    heading = HeadingBlock()
    paragraph = blocks.RichTextBlock(
        label=_("Rich text"), features=["bold", "italic", "link", "ul", "ol", "h3", "h4"]
    )
    image = ImageBlock(label=_("Image"))
    # The library's documents (documents.blocks): one document system, chosen among what the editor may use.
    document = LibraryDocumentBlock()
    embed = EmbedBlock(label=_("Embedded media"), help_text=_("A video address (YouTube, Vimeo...)."))
    callout = CalloutBlock()

    class Meta:
        block_counts = {}


class CookieBlock(blocks.StructBlock):
    """One cookie of the legal notice's list: its exact name, what it is for, how long it lives."""

    name = blocks.CharBlock(label=_("Name"), max_length=100)
    purpose = blocks.TextBlock(label=_("Purpose"))
    lifetime = blocks.CharBlock(label=_("Lifetime"), max_length=100)

    class Meta:
        icon = "lock"
        label = _("Cookie")
