from django.core.exceptions import PermissionDenied
from django.urls import path, reverse
from django.utils import timezone
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.tables import Column, DateColumn, TitleColumn
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, ObjectList
from wagtail.admin.views.reports import ReportView
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from documents import permissions as document_permissions
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
    """SCORM packages and H5P content uploaded by trainers and the national team, checked before anything is extracted
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



class SheetsDueForReviewView(ReportView):
    """The technical sheets whose next review date has passed, for the national team (who keep them current)."""

    page_title = _("Technical sheets to review")
    header_icon = "date"
    index_url_name = "learning_sheets_due"
    index_results_url_name = "learning_sheets_due_results"
    list_export = ["title", "next_review", "last_reviewed", "authors"]
    columns = [
        TitleColumn("title", label=_("Title"), url_name="wagtailadmin_pages:edit"),
        Column("locale", label=_("Language"), accessor="locale.get_display_name"),
        DateColumn("next_review", label=_("Review due")),
        DateColumn("last_reviewed", label=_("Last reviewed")),
        Column("authors", label=_("Authors")),
    ]

    def dispatch(self, request, *args, **kwargs):
        if not document_permissions.user_can_view_review_report(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_queryset(self):
        from learning.models import TechnicalSheetPage

        return (TechnicalSheetPage.objects.filter(next_review__lt=timezone.localdate())
                .select_related("locale").order_by("next_review", "title"))


class NationalMenuItem(MenuItem):
    def is_shown(self, request):
        return document_permissions.user_can_view_review_report(request.user)


@hooks.register("register_admin_urls")
def register_sheet_report_urls():
    view = SheetsDueForReviewView
    return [
        path("reports/sheets-to-review/", view.as_view(), name="learning_sheets_due"),
        path("reports/sheets-to-review/results/", view.as_view(results_only=True), name="learning_sheets_due_results"),
    ]


@hooks.register("register_reports_menu_item")
def register_sheet_report_menu_item():
    return NationalMenuItem(_("Technical sheets to review"), reverse("learning_sheets_due"), icon_name="date",
                            name="sheets-to-review", order=900)
