"""Bringing a person onto the platform. There is one way: create the account without a password and invite them;
the Wagtail admin's *Add user* and the CSV import both come here."""

from django.core.exceptions import PermissionDenied
from django.db import transaction

from people import permissions
from people.models import User
from people.services.invitations import invite

# What the person who invites may set; the rest (password, groups, flags) follows from the invitation and the role.
INVITED_PERSON_FIELDS = (
    "email",
    "first_name",
    "last_name",
    "role",
    "preferred_language",
    "structure_type",
    "structure_name",
    "structure_town",
)


@transaction.atomic
def create_invited_person(data, *, invited_by, regions=()) -> User:
    """Create the account described by `data` (the keys of INVITED_PERSON_FIELDS; a missing one takes the model's
    default) in `regions`, with no usable password, and queue its invitation for once the transaction commits.
    `invited_by` must be allowed to (people.permissions.user_can_invite)."""
    values = {name: data[name] for name in INVITED_PERSON_FIELDS if data.get(name) not in (None, "")}
    regions = list(regions)
    if not permissions.user_can_invite(invited_by, values.get("role", User._meta.get_field("role").default), regions):
        raise PermissionDenied
    person = User(is_active=True, **values)
    person.set_unusable_password()
    person.save()
    if regions:
        person.regions.add(*regions)
    invite(person, invited_by=invited_by)
    return person
