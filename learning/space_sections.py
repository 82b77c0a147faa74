"""The learning section of *My space* (people.space): modules in progress with a Resume link, certificates."""

from django.utils.translation import gettext as _

from learning import space
from people import space as people_space


@people_space.section(order=350)
def learning_section(request):
    found = space.section_for(request)
    if found is None:
        return None
    return people_space.Section(_("E-learning"), template="learning/includes/space_section.html", context=found)
