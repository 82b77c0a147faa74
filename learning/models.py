from django.utils.translation import gettext_lazy as _

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
        context["resources"] = self.get_children().live().public().specific(defer=True)
        return context
