from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _
from wagtail.users.apps import WagtailUsersAppConfig


class CmsConfig(AppConfig):
    default = True
    name = "cms"
    verbose_name = _("PACTE site")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from . import signals  # noqa: F401


class PacteUsersAppConfig(WagtailUsersAppConfig):
    """Wagtail's people screens with PACTE's fields (see cms.user_admin)."""

    user_viewset = "cms.user_admin.UserViewSet"
