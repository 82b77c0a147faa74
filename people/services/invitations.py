"""Invitations: a single-use, expiring link that lets an invited person choose their password."""

import secrets

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation

from people import conf
from people.models import Invitation, hash_token


class InvitationError(Exception):
    """The link is unknown, used, withdrawn or expired, or its account is closed: the message says which, in the
    reader's language; `reason` says it to the code."""

    def __init__(self, reason):
        self.reason = reason
        super().__init__(_messages()[reason])


def _absolute(path):
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + path


def invite(user, invited_by=None):
    """Create an invitation for `user` and email it once the transaction commits. Older pending links die."""
    token = secrets.token_urlsafe(32)
    with transaction.atomic():
        Invitation.objects.filter(user=user, used_at__isnull=True).update(expires_at=timezone.now())
        invitation = Invitation.objects.create(
            user=user,
            invited_by=invited_by,
            token_hash=hash_token(token),
            expires_at=timezone.now() + conf.invitation_lifetime(),
        )
        transaction.on_commit(lambda: send_invitation_email(invitation, token))
    return invitation


def send_invitation_email(invitation, token):
    user = invitation.user
    language = user.preferred_language or settings.LANGUAGE_CODE
    with translation.override(language):
        context = {
            "user": user,
            "invited_by": invitation.invited_by,
            "url": _absolute(reverse("accounts:accept_invitation", kwargs={"token": token})),
            "expires_at": invitation.expires_at,
            "days": conf.invitation_lifetime().days,
        }
        subject = render_to_string("accounts/email/invitation_subject.txt", context).strip()
        text = render_to_string("accounts/email/invitation.txt", context)
        html = render_to_string("accounts/email/invitation.html", context)
    message = EmailMultiAlternatives(subject, text, to=[user.email])
    message.attach_alternative(html, "text/html")
    message.send()


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
