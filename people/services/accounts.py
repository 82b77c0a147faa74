"""Writes to a person's own account: their profile and their password, and the e-mail that resets it."""

from django.conf import settings
from django.contrib.auth.tokens import default_token_generator
from django.db import transaction
from django.utils import timezone
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode

from people import mail
from people.models import Invitation, User

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


def password_reset_recipients(email):
    """The accounts a reset link for `email` goes to.

    Django leaves out people whose password is unusable, because on many sites that means the account signs in
    elsewhere (LDAP, single sign-on) or was disabled on purpose. Here every account is local and by invitation: an
    unusable password means "invited, has not chosen a password yet" (perhaps the invitation expired). A reset
    link is exactly what such a person needs, so they are included. Deactivated accounts (is_active=False) stay
    out: that is how an account is closed here."""
    return User.objects.active().filter(email__iexact=(email or "").strip())


def send_password_reset(email):
    """E-mail a one-use reset link to the accounts of `email`, if any, each in its owner's language. Run by the
    worker: the page that asked does the same work whether or not the address is known."""
    hours = max(1, settings.PASSWORD_RESET_TIMEOUT // 3600)
    for user in password_reset_recipients(email):
        context = {
            "base_url": mail.absolute_url(""),
            "uid": urlsafe_base64_encode(force_bytes(user.pk)),
            "token": default_token_generator.make_token(user),
            "hours": hours,
        }
        mail.send_templated_mail(user, "accounts/email/password_reset", context)
