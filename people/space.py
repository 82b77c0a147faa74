"""*My space* (people.views.space): the page each person lands on after logging in. It shows who they are and,
section by section, what they can do from there. The sections come from the apps:

    # learning/space_sections.py, imported by LearningConfig.ready()
    from people import space

    @space.section(order=200)
    def my_modules(request):
        modules = Module.objects.visible_to(request.user)
        if not modules:
            return None  # nothing for this person: no section
        return space.Section(_("My modules"), [space.Link(m.title, m.url) for m in modules])

A provider receives the request and returns a Section, or None. It decides with its own app's permission
predicates, and keeps to a fixed number of queries (tests pin the page's count). Sections are shown by `order`;
in use: 100 the person's region, 200 the administration, 300 the people screens, 900 the account itself."""

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Link:
    label: str
    url: str
    description: str = ""


@dataclass(frozen=True)
class Section:
    """A title and links; or, for a section that shows more than links, a `template` rendered with the section
    in its context (as `section`, its data in `section.context`)."""

    title: str
    links: list = field(default_factory=list)
    template: str = ""
    context: dict = field(default_factory=dict)


_providers = []


def section(order=500):
    """Register the decorated function as a provider of a section shown at `order`."""

    def register(provider):
        _providers.append((order, provider))
        return provider

    return register


def sections_for(request):
    sections = []
    for order, provider in sorted(_providers, key=lambda item: item[0]):
        found = provider(request)
        if found is not None and (found.links or found.template):
            sections.append(found)
    return sections
