"""The people app's sections of *My space* (people.space): the people screens, and the person's own account."""

from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from people import permissions, space
from people.models import User


@space.section(order=300)
def people_screens(request):
    user = request.user
    links = []
    if permissions.user_can_view_region_people(user):
        count = User.objects.visible_to(user).count()
        title = _("People of the regions") if permissions.is_national(user) else _("People of my regions")
        description = ngettext(
            "%(count)d person: who has joined, who has not accepted their invitation yet.",
            "%(count)d people: who has joined, who has not accepted their invitation yet.",
            count,
        ) % {"count": count}
        links.append(space.Link(title, reverse("region_people"), description))
    if permissions.user_can_import_people(user):
        links.append(space.Link(
            _("Import people"), reverse("people_import"), _("Invite a whole cohort from a spreadsheet (CSV file)."),
        ))
    return space.Section(_("People"), links)


@space.section(order=900)
def my_account(request):
    return space.Section(_("My account"), [
        space.Link(_("My profile"), reverse("accounts:profile"), _("Your name, language and structure.")),
        space.Link(_("Change my password"), reverse("accounts:password_change")),
    ])
