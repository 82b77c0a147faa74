"""The end of an account: closing it, and what must end with a person's access.

Every way of closing an account (the Wagtail user form's "active" box, its bulk action, the Django admin, a trainer
deactivating a coordinator) and every way of leaving a regional role without a region ends up in
`end_access_on_commit` (people.signals, people.wagtail_hooks): once the change commits, the person's pending
invitations are withdrawn and their sessions deleted. Nothing here re-opens an account: only the national team
does, by ticking "active" again."""

from django.db import transaction
from django.utils import timezone

from people import permissions
from people.models import Invitation, User, UserSession


@transaction.atomic
def deactivate(person):
    """Close `person`'s account. Their sessions and invitations end once this commits (people.signals)."""
    person.is_active = False
    person.save(update_fields=["is_active"])
    return person


def end_access_on_commit(person_ids):
    """Check these people once the current transaction commits: a region removed and another added in the same
    form is not a loss of access."""
    for person_id in set(person_ids):
        transaction.on_commit(lambda person_id=person_id: end_access_if_closed(person_id))


@transaction.atomic
def end_access_if_closed(person_id):
    """If the person may no longer come in, withdraw their pending invitations and delete their sessions.
    Idempotent; returns whether access was ended."""
    person = User.objects.filter(pk=person_id).first()
    if person is None or permissions.account_is_open(person):
        return False
    Invitation.objects.filter(user=person).pending().update(revoked_at=timezone.now())
    UserSession.objects.filter(user=person).delete()
    return True
