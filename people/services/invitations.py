"""Invitations: a single-use, expiring link that lets an invited person choose their password."""

import secrets

from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from people import conf, mail, tasks
from people.models import Invitation, hash_token


class InvitationError(Exception):
    """The link is unknown, used, withdrawn or expired, or its account is closed: the message says which, in the
    reader's language; `reason` says it to the code."""

    def __init__(self, reason):
        self.reason = reason
        super().__init__(_messages()[reason])


def invite(user, invited_by=None):
    """Create an invitation for `user`; the worker e-mails its link once the transaction commits. Older pending
    links die."""
    with transaction.atomic():
        Invitation.objects.filter(user=user, used_at__isnull=True).update(expires_at=timezone.now())
        invitation = Invitation.objects.create(
            user=user,
            invited_by=invited_by,
            # The link's token is made by the worker (below); until then no one knows a token for this row.
            token_hash=hash_token(secrets.token_urlsafe(32)),
            expires_at=timezone.now() + conf.invitation_lifetime(),
        )
        mail.enqueue_on_commit(tasks.send_invitation, invitation.pk)
    return invitation


def send_invitation_email(invitation_id):
    """E-mail the invitation's link, in the invitee's language. The token is made here rather than passed to the
    task, so that it is never written in clear to the task queue's table: only its hash is kept, as for every
    link. An invitation used, expired or replaced before the worker got to it (or a closed account) sends
    nothing."""
    invitation = (
        Invitation.objects.pending()
        .filter(pk=invitation_id, user__is_active=True)
        .select_related("user", "invited_by")
        .first()
    )
    if invitation is None:
        return
    token = secrets.token_urlsafe(32)
    invitation.token_hash = hash_token(token)
    invitation.save(update_fields=["token_hash"])

    def context():
        return {
            "invited_by": invitation.invited_by,
            "url": mail.absolute_url(reverse("accounts:accept_invitation", kwargs={"token": token})),
            "expires_at": invitation.expires_at,
            "days": conf.invitation_lifetime().days,
        }

    mail.send_templated_mail(invitation.user, "accounts/email/invitation", context)


def _messages():
    from django.utils.translation import gettext as _

    return {
        "unknown": _("This invitation link is not valid. Check that you copied it whole."),
        "used": _("This invitation link has already been used. Log in, or reset your password."),
        "expired": _("This invitation link has expired. Ask your regional trainer for a new one."),
        "withdrawn": _("This invitation has been withdrawn. Ask your regional trainer if you think it is a mistake."),
        "closed": _(
            "This invitation link is no longer valid: the account it was sent for has been closed. "
            "Contact your regional trainer or the PACTE team if you think it is a mistake."
        ),
    }


def get_usable_invitation(token, *, lock=False):
    queryset = Invitation.objects.for_token(token).select_related("user")
    if lock:
        queryset = queryset.select_for_update()
    invitation = queryset.first()
    if invitation is None:
        raise InvitationError("unknown")
    # First: whatever became of the link, a closed account is the reason it cannot be used.
    if not invitation.user.is_active:
        raise InvitationError("closed")
    if invitation.used_at is not None:
        raise InvitationError("used")
    if invitation.revoked_at is not None:
        raise InvitationError("withdrawn")
    if invitation.expires_at <= timezone.now():
        raise InvitationError("expired")
    return invitation


@transaction.atomic
def accept_invitation(token, password):
    """Set the password and spend the link, both or neither. The row lock makes two tabs race to one winner.
    It never re-opens an account: a closed account's links are refused (get_usable_invitation)."""
    invitation = get_usable_invitation(token, lock=True)
    user = invitation.user
    user.set_password(password)
    user.save(update_fields=["password"])
    invitation.used_at = timezone.now()
    invitation.save(update_fields=["used_at"])
    return user
