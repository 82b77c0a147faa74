from django.utils.translation import gettext_lazy as _
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from learning.models import QuestionBank


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


register_snippet(QuestionBankViewSet)
