from django.urls import path, reverse_lazy
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from people import permissions


class PeopleImportMenuItem(MenuItem):
    def is_shown(self, request):
        return permissions.user_can_import_people(request.user)


@hooks.register("register_admin_urls")
def register_people_import_urls():
    from people.views import people_import

    return [
        path("people/import/", people_import.upload, name="people_import"),
        path("people/import/confirm/", people_import.confirm, name="people_import_confirm"),
        path("people/import/<int:pk>/", people_import.job, name="people_import_job"),
        path("people/import/example.csv", people_import.example, name="people_import_example"),
    ]


@hooks.register("register_admin_menu_item")
def register_people_import_menu_item():
    return PeopleImportMenuItem(
        _("Import people"), reverse_lazy("people_import"), name="people-import", icon_name="group", order=900
    )
