"""What *My space* shows of e-learning: my modules in progress (each with its Resume link), my certificates, my
history. Two queries (three with modules in progress) whatever their number."""

from django.conf import settings
from django.urls import reverse
from django.utils.translation import get_language
from wagtail.coreutils import get_supported_content_language_variant

from learning import permissions
from learning.models import Certificate, ModuleProgress


def section_for(request):
    user = request.user
    if not permissions.user_can_take_modules(user):
        return None
    in_progress = list(ModuleProgress.objects.filter(user=user, completed_at__isnull=True).order_by("-last_activity"))
    certificates = list(Certificate.objects.filter(user=user))
    dashboard = permissions.user_can_view_dashboard(user)
    if not in_progress and not certificates and not dashboard:
        return None
    language = get_language()
    default = get_supported_content_language_variant(settings.LANGUAGE_CODE)
    modules = {}
    found = permissions.modules_visible_to(user).filter(translation_key__in=[p.module_key for p in in_progress])
    for module in found.select_related("locale") if in_progress else []:
        code = module.locale.language_code
        if code == language or (code == default and module.translation_key not in modules):
            modules[module.translation_key] = module
    return {
        "modules": [
            {"module": modules[p.module_key], "progress": p,
             "resume_url": reverse("learning:resume", kwargs={"pk": modules[p.module_key].pk})}
            for p in in_progress if p.module_key in modules
        ],
        "certificates": [{"certificate": c, "title": c.title_in(language)} for c in certificates],
        "history_url": reverse("learning:history"),
        "dashboard_url": reverse("learning:dashboard") if dashboard else "",
    }
