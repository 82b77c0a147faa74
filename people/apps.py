from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _
from wagtail.users.apps import WagtailUsersAppConfig


class PeopleConfig(AppConfig):
    default = True
    name = "people"
    verbose_name = _("People")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from django.db.backends.signals import connection_created

        from . import signals  # noqa: F401
        from .collation import register_sqlite_collation

        connection_created.connect(register_sqlite_collation, dispatch_uid="people.collation")


class PacteUsersAppConfig(WagtailUsersAppConfig):
    """Wagtail's people screens with PACTE's fields (see people.user_admin)."""

    user_viewset = "people.user_admin.UserViewSet"
