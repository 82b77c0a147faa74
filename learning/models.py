from django.utils.translation import gettext_lazy as _

from cms import navigation
from cms.models.pages import BasePage


class LearningIndexPage(BasePage):
    """The shared learning resources, authored by every trainer: later issues add modules and sheets beneath."""

    parent_page_types = ["cms.HomePage"]
    subpage_types = ["cms.ContentPage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("learning resources index")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        # Cached with the navigation: the specific pages' introductions cost a query each otherwise.
        context["resources"] = navigation.child_links(request, self)
        return context
