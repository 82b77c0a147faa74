"""The seminars' section of *My space* (people.space)."""

from people import space
from seminars.space import section_for


@space.section(order=350)
def seminars_section(request):
    found = section_for(request.user)
    if found is None:
        return None
    return space.Section(found["title"], template=found["template"], context=found["context"])
