import re

import pytest
from django.conf import settings
from django.contrib.sessions.models import Session
from django.core import mail

from people.models import Invitation, User
from people.services.invitations import invite
from people.tests.factories import PASSWORD, UserFactory

pytestmark = pytest.mark.django_db

LOGIN = "/fr/accounts/login/"
NEW_PASSWORD = "un-nouveau-mot-de-passe-2024"


def _login(client, email, password=PASSWORD, url=LOGIN, **extra):
    return client.post(url, {"username": email, "password": password, **extra})


def _logged_in_as(client):
    return client.session.get("_auth_user_id")


# Login and logout


def test_login_by_email_in_any_case_goes_home_in_the_persons_language(client, people):
    person = people["coordinator_bretagne"]
    person.preferred_language = "en"
    person.save()
    client.get(LOGIN)
    session_before = client.session.session_key
    response = _login(client, "Coordinator.BRETAGNE@example.org")
    assert response.status_code == 302
    assert response["Location"] == "/en/"
    assert _logged_in_as(client) == str(person.pk)
    assert client.session.session_key != session_before  # rotated at login
    assert response.cookies[settings.LANGUAGE_COOKIE_NAME].value == "en"


def test_login_follows_a_safe_next_translated_into_the_persons_language(client, people):
    person = people["trainer_bretagne"]
    person.preferred_language = "en"
    person.save()
    response = _login(client, person.email, next="/fr/accounts/profile/")
    assert response["Location"] == "/en/accounts/profile/"
    client.logout()
    # A Wagtail page: its translation, whose slug differs.
    response = _login(client, person.email, next="/fr/accessibilite/")
    assert response["Location"] == "/en/accessibility/"


def test_login_ignores_an_unsafe_next(client, people):
    response = _login(client, people["coordinator_bretagne"].email, next="https://evil.example.org/")
    assert response["Location"] == "/fr/"


def test_wrong_password_and_unknown_email_get_the_same_generic_error(client, people):
    wrong_password = _login(client, people["coordinator_bretagne"].email, password="not-the-password")
    unknown_email = _login(client, "nobody@example.org")
    assert wrong_password.status_code == unknown_email.status_code == 200
    errors = wrong_password.context["form"].non_field_errors()
    assert errors == unknown_email.context["form"].non_field_errors()
    assert len(errors) == 1
    assert not _logged_in_as(client)
    html = wrong_password.content.decode()
    assert 'role="alert"' in html and 'autocomplete="email"' in html and 'autocomplete="current-password"' in html


def test_inactive_person_cannot_log_in(client, people):
    person = people["coordinator_bretagne"]
    person.is_active = False
    person.save()
    assert _login(client, person.email).status_code == 200
    assert not _logged_in_as(client)


def test_sixth_attempt_is_refused_even_with_the_right_password_but_other_emails_are_fine(client, people):
    victim = people["coordinator_bretagne"]
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        assert _login(client, victim.email, password="guess").status_code == 200
    # The fifth failure, in another case, counts for the same address and locks it.
    assert _login(client, victim.email.upper(), password="guess").status_code == 429
    response = _login(client, victim.email)
    assert response.status_code == 429
    assert not _logged_in_as(client)
    html = response.content.decode()
    assert "<h1>" in html and "15" in html and 'role="alert"' in html
    other = _login(client, people["coordinator_normandie"].email)
    assert other.status_code == 302
    assert _logged_in_as(client) == str(people["coordinator_normandie"].pk)


def test_logout_is_post_only_and_ends_the_session_server_side(client, people):
    client.force_login(people["coordinator_bretagne"])
    key = client.session.session_key
    assert client.get("/fr/accounts/logout/").status_code == 405
    assert Session.objects.filter(session_key=key).exists()
    response = client.post("/fr/accounts/logout/")
    assert response.status_code == 302
    assert not Session.objects.filter(session_key=key).exists()
    assert client.get("/fr/accounts/profile/").status_code == 302


# Password reset


def _reset_link(message):
    return re.search(r"http://testserver(/\S+/reset/\S+/)", message.body).group(1)


@pytest.fixture
def ask_reset(client, django_capture_on_commit_callbacks):
    """Ask for a reset link as the page does: the e-mail is queued once the transaction commits (the test settings'
    task backend then runs it at once)."""

    def ask(email, language="fr"):
        with django_capture_on_commit_callbacks(execute=True):
            return client.post(f"/{language}/accounts/password/reset/", {"email": email})

    return ask


def test_password_reset_does_not_reveal_whether_an_address_has_an_account(client, people, ask_reset):
    known = ask_reset(people["partner_bretagne"].email.upper())
    unknown = ask_reset("nobody@example.org")
    assert known.status_code == unknown.status_code == 302
    assert known["Location"] == unknown["Location"] == "/fr/accounts/password/reset/sent/"
    assert client.get(known["Location"]).content == client.get(unknown["Location"]).content
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == [people["partner_bretagne"].email]


def test_password_reset_email_is_in_the_recipients_language(client, people, ask_reset):
    english = UserFactory(email="english@example.org", preferred_language="en")
    ask_reset(english.email)
    ask_reset(people["partner_bretagne"].email, language="en")
    to_english, to_french = mail.outbox
    assert to_english.subject == "Choose a new password for PACTE"
    assert "/en/accounts/reset/" in to_english.body and "Hello" in to_english.body
    assert "/fr/accounts/reset/" in to_french.body
    html, mimetype = to_english.alternatives[0]
    assert mimetype == "text/html" and '<html lang="en">' in html


def test_password_reset_skips_deactivated_accounts(client, people, ask_reset):
    person = people["partner_bretagne"]
    person.is_active = False
    person.save()
    ask_reset(person.email)
    assert mail.outbox == []


def test_password_reset_link_works_once(client, people, ask_reset):
    person = people["coordinator_normandie"]
    ask_reset(person.email)
    link = _reset_link(mail.outbox[0])
    form_url = client.get(link)["Location"]
    assert client.get(form_url).context["validlink"]
    response = client.post(form_url, {"new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD})
    assert response["Location"] == "/fr/accounts/reset/done/"
    person.refresh_from_db()
    assert person.check_password(NEW_PASSWORD)
    again = client.get(link, follow=True)
    assert again.context["validlink"] is False
    assert 'name="new_password1"' not in again.content.decode()


def test_invited_person_without_a_password_can_use_reset_and_the_invitation_dies(
    client, django_capture_on_commit_callbacks, ask_reset
):
    invitee = UserFactory(email="invitee@example.org")
    invitee.set_unusable_password()
    invitee.save()
    with django_capture_on_commit_callbacks(execute=True):
        invitation = invite(invitee)
    mail.outbox.clear()
    ask_reset(invitee.email)
    assert len(mail.outbox) == 1
    form_url = client.get(_reset_link(mail.outbox[0]))["Location"]
    client.post(form_url, {"new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD})
    invitee.refresh_from_db()
    assert invitee.check_password(NEW_PASSWORD)
    assert Invitation.objects.get(pk=invitation.pk).used_at is not None


# Password change


def test_password_change(client, people):
    person = people["trainer_normandie"]
    client.force_login(person)
    assert client.get("/fr/accounts/password/change/").status_code == 200
    wrong = client.post(
        "/fr/accounts/password/change/",
        {"old_password": "nope", "new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD},
    )
    assert wrong.status_code == 200 and wrong.context["form"].errors["old_password"]
    response = client.post(
        "/fr/accounts/password/change/",
        {"old_password": PASSWORD, "new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD},
    )
    assert response["Location"] == "/fr/accounts/password/change/done/"
    person.refresh_from_db()
    assert person.check_password(NEW_PASSWORD)
    assert _logged_in_as(client) == str(person.pk)  # this session survives the change


def test_password_change_requires_login(client):
    response = client.get("/fr/accounts/password/change/")
    assert response["Location"].startswith("/fr/accounts/login/")


# Profile


def test_profile_requires_login(client):
    response = client.get("/fr/accounts/profile/")
    assert response.status_code == 302
    assert response["Location"] == "/fr/accounts/login/?next=/fr/accounts/profile/"


def test_profile_shows_the_account_with_a_fixed_number_of_queries(client, people, django_assert_max_num_queries):
    person = people["trainer_bretagne"]
    person.regions.add(*person.regions.model.objects.filter(code__in=["normandie", "corse"]))
    client.force_login(person)
    client.get("/fr/accounts/profile/")  # warm the navigation cache
    # Session, person, site, regions; the other four are Wagtail's user bar for someone with admin access.
    with django_assert_max_num_queries(8):
        response = client.get("/fr/accounts/profile/")
    assert response.status_code == 200
    html = response.content.decode()
    assert person.email in html
    assert "Bretagne" in html and "Normandie" in html and "Corse" in html
    assert 'autocomplete="given-name"' in html
    assert 'name="email"' not in html and 'name="role"' not in html


def test_profile_edit_switches_the_language_at_once(client, people):
    person = people["coordinator_bretagne"]
    client.force_login(person)
    response = client.post(
        "/fr/accounts/profile/",
        {
            "first_name": "Maëlle",
            "last_name": "Le Goff",
            "preferred_language": "en",
            "structure_type": "cpts",
            "structure_name": "CPTS du Pays de Brest",
            "structure_town": "Brest",
            # Not editable here: ignored.
            "email": "someone.else@example.org",
            "role": "national",
        },
    )
    assert response.status_code == 302
    assert response["Location"] == "/en/accounts/profile/"
    assert response.cookies[settings.LANGUAGE_COOKIE_NAME].value == "en"
    person.refresh_from_db()
    assert (person.first_name, person.last_name, person.preferred_language) == ("Maëlle", "Le Goff", "en")
    assert (person.structure_type, person.structure_name, person.structure_town) == ("cpts", "CPTS du Pays de Brest", "Brest")
    assert (person.email, person.role) == ("coordinator.bretagne@example.org", "coordinator")
    page = client.get(response["Location"])
    html = page.content.decode()
    assert '<html lang="en">' in html
    assert "Maëlle" in html
    assert [str(m) for m in page.context["messages"]] == ["Your profile has been saved."]


def test_profile_errors_are_tied_to_their_field(client, people):
    client.force_login(people["coordinator_bretagne"])
    response = client.post("/fr/accounts/profile/", {"preferred_language": "xx", "first_name": "Zoé"})
    assert response.status_code == 200
    html = response.content.decode()
    assert 'aria-invalid="true"' in html and 'aria-describedby="id_preferred_language_error"' in html
    assert User.objects.get(pk=people["coordinator_bretagne"].pk).first_name != "Zoé"


def test_profile_names_are_required_and_trimmed(client, people):
    person = people["coordinator_bretagne"]
    client.force_login(person)
    fields = {"preferred_language": "fr", "structure_type": "msp", "structure_name": "MSP", "structure_town": "Redon"}
    response = client.post("/fr/accounts/profile/", {**fields, "first_name": "   ", "last_name": "\t "})
    assert response.status_code == 200
    html = response.content.decode()
    assert "Indiquez un prénom" in html and "Indiquez un nom" in html
    person.refresh_from_db()
    assert person.first_name.strip() and person.last_name.strip()
    response = client.post("/fr/accounts/profile/", {**fields, "first_name": "  Aël ", "last_name": " Le Goff  "})
    assert response.status_code == 302
    person.refresh_from_db()
    assert (person.first_name, person.last_name) == ("Aël", "Le Goff")
