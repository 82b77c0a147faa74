"""The forums' section of *My space* (people.space): unread topics of my subscriptions, my notifications."""

from forums.space import section_for
from people import space


@space.section(order=400)
def forums_section(request):
    found = section_for(request.user)
    if found is None:
        return None
    return space.Section(found["title"], template=found["template"], context=found["context"])
