from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CmsConfig(AppConfig):
    default = True
    name = "cms"
    verbose_name = _("PACTE site")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from . import signals  # noqa: F401
        from .localize_dates import install

        install()

        from .csv import protect_wagtail_exports

        protect_wagtail_exports()
