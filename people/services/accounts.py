"""Writes to a person's own account: their profile and their password."""

from django.db import transaction
from django.utils import timezone

from people.models import Invitation

PROFILE_FIELDS = (
    "first_name",
    "last_name",
    "preferred_language",
    "structure_type",
    "structure_name",
    "structure_town",
)


@transaction.atomic
def update_profile(user, data):
    """Save what a person may change about themselves; role, regions and email stay with the managers."""
    changed = [name for name in PROFILE_FIELDS if name in data and getattr(user, name) != data[name]]
    for name in changed:
        setattr(user, name, data[name])
    if changed:
        user.save(update_fields=changed)
    return user


@transaction.atomic
def set_password(user, password):
    """Set a password chosen through a reset link. Pending invitations die with it: an old invitation
    email must not be able to overwrite the password the person has just chosen."""
    user.set_password(password)
    user.save(update_fields=["password"])
    Invitation.objects.filter(user=user).pending().update(used_at=timezone.now())
    return user
