from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, ObjectList
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from learning.forms import InteractivePackageForm
from learning.models import InteractivePackage, QuestionBank


class QuestionBankViewSet(SnippetViewSet):
    """Question banks per theme, which quizzes draw from; trainers and the national team edit them (the trainers'
    group gets the model permissions in learning.signals)."""

    model = QuestionBank
    icon = "help"
    menu_label = _("Question banks")
    add_to_admin_menu = True
    menu_order = 250
    list_display = ["title", "theme", "locale"]
    list_filter = ["theme", "locale"]
    search_fields = ["title"]


class InteractivePackageViewSet(SnippetViewSet):
    """SCORM packages uploaded by trainers and the national team, checked before anything is extracted
    (learning.packages); lessons play them through an "Interactive content" block."""

    model = InteractivePackage
    icon = "media"
    menu_label = _("Interactive packages")
    add_to_admin_menu = True
    menu_order = 251
    list_display = ["title", "kind", "entries", "uploaded_at"]
    list_filter = ["kind"]
    search_fields = ["title"]
    edit_handler = ObjectList([FieldPanel("title"), FieldPanel("upload")], base_form_class=InteractivePackageForm)


register_snippet(QuestionBankViewSet)
register_snippet(InteractivePackageViewSet)
