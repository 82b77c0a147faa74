"""The blocks of a lesson. Quizzes and reflection questions are rendered by the lesson's template (they need the
learner's attempts and notebook), never with their correct answers: scoring happens on the server."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.blocks.struct_block import StructBlockValidationError
from wagtail.embeds.blocks import EmbedBlock
from wagtail.images.blocks import ImageBlock
from wagtail.snippets.blocks import SnippetChooserBlock

from cms.blocks import CalloutBlock, HeadingBlock
from documents.blocks import LibraryDocumentBlock
from learning.enums import QuestionKind


class ChoiceBlock(blocks.StructBlock):
    text = blocks.CharBlock(label=_("Answer"), max_length=500)
    correct = blocks.BooleanBlock(label=_("Correct answer"), required=False)
    feedback = blocks.CharBlock(
        label=_("Feedback"), max_length=1000, required=False,
        help_text=_("Shown after submitting to whoever chose this answer."),
    )

    class Meta:
        icon = "tick"
        label = _("Answer")


class QuestionBlock(blocks.StructBlock):
    kind = blocks.ChoiceBlock(label=_("Kind"), choices=QuestionKind.choices, default=QuestionKind.SINGLE)
    text = blocks.TextBlock(label=_("Question"), max_length=1000)
    choices = blocks.ListBlock(ChoiceBlock(), label=_("Answers"), min_num=2, max_num=12)

    class Meta:
        icon = "help"
        label = _("Question")

    def clean(self, value):
        value = super().clean(value)
        correct = sum(1 for choice in value["choices"] if choice["correct"])
        if value["kind"] == QuestionKind.MULTIPLE:
            if correct < 1:
                raise StructBlockValidationError(
                    block_errors={"choices": ValidationError(_("Tick at least one correct answer."))}
                )
        else:
            if correct != 1:
                raise StructBlockValidationError(
                    block_errors={"choices": ValidationError(_("Tick exactly one correct answer."))}
                )
            if value["kind"] == QuestionKind.TRUE_FALSE and len(value["choices"]) != 2:
                raise StructBlockValidationError(
                    block_errors={"choices": ValidationError(_("A true or false question has exactly two answers."))}
                )
        return value


class BankDrawBlock(blocks.StructBlock):
    bank = SnippetChooserBlock("learning.QuestionBank", label=_("Question bank"))
    count = blocks.IntegerBlock(
        label=_("Number of questions"), min_value=1, max_value=50, required=False,
        help_text=_("Drawn at random for each attempt; all the bank's questions when empty."),
    )

    class Meta:
        icon = "list-ul"
        label = _("Questions from a bank")


class QuizQuestionsBlock(blocks.StreamBlock):
    question = QuestionBlock()
    from_bank = BankDrawBlock()

    class Meta:
        min_num = 1


class QuizBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("Title"), max_length=200)
    pass_mark = blocks.IntegerBlock(
        label=_("Pass mark (%)"), min_value=0, max_value=100, default=80,
    )
    max_attempts = blocks.IntegerBlock(
        label=_("Attempts allowed"), min_value=0, max_value=100, default=0, help_text=_("0 means unlimited."),
    )
    questions = QuizQuestionsBlock(label=_("Questions"))

    class Meta:
        icon = "form"
        label = _("Quiz")


class ReflectionBlock(blocks.StructBlock):
    prompt = blocks.TextBlock(label=_("Reflection question"), max_length=1000)
    guidance = blocks.TextBlock(label=_("Guidance"), max_length=2000, required=False)

    class Meta:
        icon = "edit"
        label = _("Reflection question")


class VideoBlock(blocks.StructBlock):
    video = EmbedBlock(label=_("Video"), help_text=_("A video address (YouTube, Vimeo...)."))
    transcript = blocks.RichTextBlock(
        label=_("Transcript"), features=["bold", "italic", "ul", "ol"],
        help_text=_("Required: people who cannot hear or watch the video read it."),
    )

    class Meta:
        icon = "media"
        label = _("Video")
        template = "learning/blocks/video_block.html"


class InteractiveBlock(blocks.StructBlock):
    """A SCORM package or H5P content played in a sandboxed frame; rendered by the lesson's template (it needs the learner's
    record and a signed link to the package's files)."""

    package = SnippetChooserBlock("learning.InteractivePackage", label=_("Interactive package"))
    title = blocks.CharBlock(
        label=_("Title"), max_length=200,
        help_text=_("Names the content for screen readers (the frame's title)."),
    )
    height = blocks.IntegerBlock(label=_("Height (pixels)"), min_value=200, max_value=2000, default=600)

    class Meta:
        icon = "media"
        label = _("Interactive content (SCORM or H5P)")


class LessonBlock(blocks.StreamBlock):
    heading = HeadingBlock()
    paragraph = blocks.RichTextBlock(
        label=_("Rich text"), features=["bold", "italic", "link", "document-link", "ul", "ol", "h3", "h4"]
    )
    image = ImageBlock(label=_("Image"))
    video = VideoBlock()
    document = LibraryDocumentBlock()
    callout = CalloutBlock()
    reflection = ReflectionBlock()
    quiz = QuizBlock()
    interactive = InteractiveBlock()

    class Meta:
        block_counts = {}


class QuestionBankBlock(blocks.StreamBlock):
    question = QuestionBlock()
