"""Invitations: a single-use, expiring link that lets an invited person choose their password."""

import secrets

from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from people import conf, mail, tasks
from people.models import Invitation, hash_token


class InvitationError(Exception):
    """The link is unknown, used or expired: the message says which, in the reader's language."""


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
    }


def get_usable_invitation(token, *, lock=False):
    queryset = Invitation.objects.for_token(token).select_related("user")
    if lock:
        queryset = queryset.select_for_update()
    invitation = queryset.first()
    if invitation is None:
        raise InvitationError(_messages()["unknown"])
    if invitation.used_at is not None:
        raise InvitationError(_messages()["used"])
    if invitation.expires_at <= timezone.now():
        raise InvitationError(_messages()["expired"])
    return invitation


@transaction.atomic
def accept_invitation(token, password):
    """Set the password and spend the link, both or neither. The row lock makes two tabs race to one winner."""
    invitation = get_usable_invitation(token, lock=True)
    user = invitation.user
    user.set_password(password)
    user.is_active = True
    user.save(update_fields=["password", "is_active"])
    invitation.used_at = timezone.now()
    invitation.save(update_fields=["used_at"])
    return user
