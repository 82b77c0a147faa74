from django.urls import path, reverse_lazy
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from people import permissions


class PeopleImportMenuItem(MenuItem):
    def is_shown(self, request):
        return permissions.user_can_import_people(request.user)


class RegionPeopleMenuItem(MenuItem):
    def is_shown(self, request):
        return permissions.user_can_view_region_people(request.user)


@hooks.register("register_admin_urls")
def register_people_import_urls():
    from people.views import people_import

    return [
        path("people/import/", people_import.upload, name="people_import"),
        path("people/import/confirm/", people_import.confirm, name="people_import_confirm"),
        path("people/import/<int:pk>/", people_import.job, name="people_import_job"),
        path("people/import/example.csv", people_import.example, name="people_import_example"),
    ]


@hooks.register("register_admin_urls")
def register_region_people_urls():
    from people.views import region_people

    return [
        path("people/", region_people.RegionPeopleView.as_view(), name="region_people"),
        path("people/results/", region_people.RegionPeopleResultsView.as_view(), name="region_people_results"),
        path("people/<int:pk>/invite/", region_people.resend_invitation, name="region_people_resend_invitation"),
        path("people/<int:pk>/deactivate/", region_people.DeactivateView.as_view(), name="region_people_deactivate"),
    ]


@hooks.register("register_admin_menu_item")
def register_region_people_menu_item():
    return RegionPeopleMenuItem(
        _("People of the regions"), reverse_lazy("region_people"), name="region-people", icon_name="group", order=890
    )


@hooks.register("register_admin_menu_item")
def register_people_import_menu_item():
    return PeopleImportMenuItem(
        _("Import people"), reverse_lazy("people_import"), name="people-import", icon_name="group", order=900
    )


@hooks.register("register_account_settings_panel")
def register_login_email_panel(request, user, profile):
    from people.user_admin import LoginEmailSettingsPanel

    return LoginEmailSettingsPanel(request, user, profile)


@hooks.register("after_bulk_action")
def end_access_after_bulk_deactivation(request, action_type, objects, action_class_instance):
    # Wagtail's "Set active state" writes with queryset.update(): no post_save, so people.signals never hears of it.
    from people.models import User
    from people.services import lifecycle

    if action_type == "set_active_state" and issubclass(action_class_instance.model, User):
        lifecycle.end_access_on_commit(obj.pk for obj in objects)
