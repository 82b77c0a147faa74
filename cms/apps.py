from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CmsConfig(AppConfig):
    default = True
    name = "cms"
    verbose_name = _("PACTE site")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from . import admin_input, admin_visibility, lookups, signals  # noqa: F401

        lookups.register()
        # Before any URLconf takes hold of the third-party views they wrap.
        admin_visibility.install()
        admin_input.install()
