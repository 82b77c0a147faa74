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

        return LibraryDocument.objects.usable_by(self.request.user).select_related("region").defer("text", "text_pages")


class ChooseView(UsableMixin, chooser_views.ChooseView):
    pass


class ChooseResultsView(UsableMixin, chooser_views.ChooseResultsView):
    pass


class ChosenView(chooser_views.ChosenView):
    def get_object(self, pk):
        from documents.models import LibraryDocument

        try:
            document = LibraryDocument.objects.get(pk=int(pk))
        except (TypeError, ValueError, OverflowError) as error:
            raise LibraryDocument.DoesNotExist from error  # Wagtail answers 404
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


# The library's admin screens ---------------------------------------------------------------------------------
from django.db.models import Q  # noqa: E402
from wagtail.admin.panels import FieldPanel, Panel  # noqa: E402
from wagtail.admin.ui.tables import Column  # noqa: E402
from wagtail.permission_policies.base import BasePermissionPolicy  # noqa: E402
from wagtail.snippets.views import snippets as snippet_views  # noqa: E402
from wagtail.snippets.views.snippets import SnippetViewSet  # noqa: E402

from documents.models import LibraryDocument  # noqa: E402


class LibraryPermissionPolicy(BasePermissionPolicy):
    """Wagtail's questions answered by documents.permissions: trainers manage their regions' documents, the
    national team every document. Nobody else sees the screens."""

    def user_has_permission(self, user, action):
        return permissions.user_can_manage_library(user)

    def user_has_permission_for_instance(self, user, action, instance):
        if action in ("view", "choose"):
            return permissions.user_can_use_document(user, instance)
        return permissions.user_can_change_document(user, instance)

    def instances_user_has_any_permission_for(self, user, actions):
        from documents.models import LibraryDocument

        if set(actions) <= {"view", "choose"}:
            return LibraryDocument.objects.usable_by(user)
        return LibraryDocument.objects.changeable_by(user)

    def users_with_any_permission(self, actions):
        from people.enums import Role
        from people.models import User

        return User.objects.filter(Q(is_superuser=True) | Q(role__in=[Role.NATIONAL, Role.TRAINER]), is_active=True)


class FilePanel(Panel):
    """The current file and its text extraction: status, and the reason when it failed (uploaders see why)."""

    class BoundPanel(Panel.BoundPanel):
        template_name = "documents/admin/file_panel.html"

        def is_shown(self):
            return self.instance is not None and self.instance.pk is not None

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            context["document"] = self.instance
            return context


class ChangeableMixin:
    """A document's admin screens only for those who may change it (Wagtail checks the model, not the object)."""

    def get_object(self, *args, **kwargs):
        document = super().get_object(*args, **kwargs)
        if not permissions.user_can_change_document(self.request.user, document):
            raise PermissionDenied
        return document


class EditView(ChangeableMixin, snippet_views.EditView):
    pass


class DeleteView(ChangeableMixin, snippet_views.DeleteView):
    def delete_action(self):
        from wagtail.log_actions import log

        from documents import services

        log(instance=self.object, action="wagtail.delete")
        services.delete_document(self.object)


class UsageView(ChangeableMixin, snippet_views.UsageView):
    pass


class HistoryView(ChangeableMixin, snippet_views.HistoryView):
    pass


class LibraryDocumentViewSet(SnippetViewSet):
    model = LibraryDocument
    icon = "doc-full"
    menu_label = _("Library")
    menu_order = 250
    add_to_admin_menu = True
    url_prefix = "library"
    list_display = [
        "title", "theme", "kind", "region", "access",
        Column("text_status", label=_("Text"), accessor="get_text_status_display"),
        "review_date", "updated_at",
    ]
    list_filter = ["theme", "kind", "access", "region", "language", "text_status"]
    list_per_page = 20
    ordering = ["title", "pk"]
    search_fields = ["title", "description"]
    search_backend_name = None
    inspect_view_enabled = False
    copy_view_enabled = False
    edit_view_class = EditView
    delete_view_class = DeleteView
    usage_view_class = UsageView
    history_view_class = HistoryView

    @property
    def permission_policy(self):
        return LibraryPermissionPolicy(self.model)

    def get_queryset(self, request):
        from documents.models import LibraryDocument

        return (LibraryDocument.objects.changeable_by(request.user).select_related("region", "locale")
                .defer("text", "text_pages"))

    panels = [
        FieldPanel("title"),
        FieldPanel("description"),
        FilePanel(heading=_("Current file")),
        FieldPanel("upload"),
        FieldPanel("theme"),
        FieldPanel("kind"),
        FieldPanel("language"),
        FieldPanel("region"),
        FieldPanel("access"),
        FieldPanel("review_date"),
    ]

    def get_edit_handler(self):
        from wagtail.admin.panels import ObjectList

        from documents.admin_forms import LibraryDocumentForm

        return ObjectList(self.panels, base_form_class=LibraryDocumentForm).bind_to_model(self.model)


library_document_viewset = LibraryDocumentViewSet()
