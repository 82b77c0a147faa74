"""The e-mails people receive, as a French or an English reader reads them: French typography in French (both
parts, the addresses untouched), dates the French way and the British way."""

import datetime
import re

import pytest
from django.core import mail

from people.models import Invitation
from people.services.invitations import send_invitation_email
from people.tests.factories import UserFactory

pytestmark = pytest.mark.django_db

NB = "\u00a0"
EXPIRY = datetime.datetime(2099, 9, 15, 10, 0, tzinfo=datetime.UTC)  # pending: the worker sends only those


def _invite(language, people):
    person = UserFactory(email=f"o'neill.{language}@example.org", first_name="Aël", preferred_language=language)
    invitation = Invitation.objects.create(
        user=person, invited_by=people["trainer_bretagne"], token_hash=f"hash-{language}", expires_at=EXPIRY
    )
    send_invitation_email(invitation.pk)
    return mail.outbox[-1]


def test_a_french_invitation_is_typeset_and_dated_in_french(people):
    message = _invite("fr", people)
    html, _ = message.alternatives[0]
    for part in (message.body, html):
        assert "le 15 septembre 2099" in part
        assert "L’équipe PACTE" in part and "L'équipe PACTE" not in part
        assert "coordonnateurs et coordonnatrices" in part
        assert re.search(r"o(&#x27;|')neill\.fr@example\.org", part)  # an address keeps its apostrophe
    assert f"choisissez votre mot de passe en suivant ce lien{NB}:" in message.body
    token = re.search(r"^http://testserver/fr/accounts/invitation/([\w-]+)/$", message.body, re.M).group(1)
    assert f'href="http://testserver/fr/accounts/invitation/{token}/"' in html


def test_an_english_invitation_is_left_as_written_and_dated_the_british_way(people):
    message = _invite("en", people)
    html, _ = message.alternatives[0]
    for part in (message.body, html):
        assert "on 15 September 2099" in part
        assert NB not in part and "\u202f" not in part and "’" not in part


def test_a_french_password_reset_email_is_typeset(client, people, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):  # the e-mail is queued once the request commits
        client.post("/fr/accounts/password/reset/", {"email": people["partner_bretagne"].email})
    message = mail.outbox[-1]
    html, _ = message.alternatives[0]
    for part in (message.body, html):
        assert f"Pour cela, suivez ce lien{NB}:" in part
        assert f"ignorez cet e-mail{NB}: votre mot de passe" in part
        assert "Quelqu’un" in part
    assert re.search(r"^http://testserver/fr/accounts/reset/\S+/\S+/$", message.body, re.M)
