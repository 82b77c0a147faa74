"""E-mail leaves through the task queue (people.mail): a page queues, the worker writes and sends, in the
recipient's language. Here the queue is django-tasks' database backend, as in production (the `task_worker`
fixture of the root conftest); elsewhere the test settings run tasks at once."""

import re

import pytest
from django.core import mail
from django.db import connection, transaction
from django.test.utils import CaptureQueriesContext
from django_tasks_db.models import DBTaskResult

from people import mail as people_mail
from people.models import Invitation, hash_token
from people.services.invitations import invite
from people.tests.factories import UserFactory

pytestmark = pytest.mark.django_db

RESET_URL = "/fr/accounts/password/reset/"


def _queued():
    return [(row.task_path, row.args_kwargs) for row in DBTaskResult.objects.order_by("enqueued_at")]


def test_a_password_reset_is_queued_and_sent_only_by_the_worker(
    client, people, task_worker, django_capture_on_commit_callbacks
):
    person = people["partner_bretagne"]
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(RESET_URL, {"email": person.email})
    assert response.status_code == 302
    assert _queued() == [("people.tasks.send_password_reset", {"args": [person.email], "kwargs": {}})]
    assert mail.outbox == []

    assert len(task_worker()) == 1
    assert [message.to for message in mail.outbox] == [[person.email]]
    assert re.search(r"http://testserver/fr/accounts/reset/\S+/\S+/", mail.outbox[0].body)
    assert task_worker() == [] and len(mail.outbox) == 1  # sent once


def test_a_reset_asked_for_an_unknown_address_costs_the_page_the_same_work(
    client, people, task_worker, django_capture_on_commit_callbacks
):
    """The page never looks the address up: known or not, it queues one task and runs the same queries."""
    client.get(RESET_URL)  # the site lookup is cached by the first request
    queries = {}
    for email in (people["partner_bretagne"].email, "nobody@example.org"):
        with CaptureQueriesContext(connection) as captured, django_capture_on_commit_callbacks(execute=True):
            client.post(RESET_URL, {"email": email})
        queries[email] = [query["sql"] for query in captured.captured_queries]
    known, unknown = queries.values()
    assert len(known) == len(unknown) == 1  # the task row
    assert "people_user" not in known[0] and "people_user" not in unknown[0]
    assert [path for path, _args in _queued()] == ["people.tasks.send_password_reset"] * 2

    task_worker()
    assert [message.to for message in mail.outbox] == [[people["partner_bretagne"].email]]


def test_the_admins_forgotten_password_form_is_queued_too(
    client, people, task_worker, django_capture_on_commit_callbacks
):
    trainer = people["trainer_bretagne"]
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post("/admin/password_reset/", {"email": trainer.email})
    assert response.status_code == 302
    assert mail.outbox == []
    task_worker()
    (message,) = mail.outbox
    assert message.to == [trainer.email] and "/fr/accounts/reset/" in message.body


def test_an_invitation_is_queued_by_id_and_its_token_never_stored_in_clear(
    client, task_worker, django_capture_on_commit_callbacks
):
    invitee = UserFactory(email="awa@example.org", first_name="Awa", preferred_language="en")
    with django_capture_on_commit_callbacks(execute=True):
        invitation = invite(invitee)
    assert _queued() == [("people.tasks.send_invitation", {"args": [invitation.pk], "kwargs": {}})]
    assert mail.outbox == []

    task_worker()
    (message,) = mail.outbox
    assert message.to == ["awa@example.org"] and "Hello Awa," in message.body
    token = re.search(r"http://testserver/en/accounts/invitation/(\S+)/", message.body).group(1)
    invitation.refresh_from_db()
    assert invitation.token_hash == hash_token(token)
    assert token not in str(list(DBTaskResult.objects.values_list("args_kwargs", "return_value")))
    assert client.get(f"/en/accounts/invitation/{token}/").status_code == 200


def test_an_invitation_replaced_before_the_worker_ran_is_not_sent(task_worker, django_capture_on_commit_callbacks):
    invitee = UserFactory(email="awa@example.org")
    with django_capture_on_commit_callbacks(execute=True):
        invite(invitee)
        newer = invite(invitee)
    task_worker()
    (message,) = mail.outbox
    token = re.search(r"/accounts/invitation/(\S+)/", message.body).group(1)
    assert Invitation.objects.for_token(token).get() == newer


def test_nothing_is_queued_when_the_transaction_rolls_back(task_worker, django_capture_on_commit_callbacks):
    invitee = UserFactory(email="awa@example.org")
    with django_capture_on_commit_callbacks(execute=True):
        with pytest.raises(RuntimeError), transaction.atomic():
            invite(invitee)
            raise RuntimeError("the write failed")
    assert _queued() == [] and task_worker() == [] and mail.outbox == []


def test_templated_mail_is_written_in_the_recipients_language_whatever_the_current_one(settings):
    english = UserFactory(email="ann@example.org", first_name="Ann", preferred_language="en")
    french = UserFactory(email="jean@example.org", first_name="Jean", preferred_language="fr")
    for person in (english, french):
        people_mail.send_templated_mail(
            person, "accounts/email/password_reset",
            # reversed in the recipient's language: the context may be a function, called in that language
            lambda: {"base_url": people_mail.absolute_url(""), "uid": "MQ", "token": "t-1", "hours": 24},
        )
    to_english, to_french = mail.outbox
    assert to_english.subject == "Choose a new password for PACTE"
    assert f"{settings.WAGTAILADMIN_BASE_URL}/en/accounts/reset/MQ/t-1/" in to_english.body
    assert '<html lang="en">' in to_english.alternatives[0][0]
    assert to_french.subject != to_english.subject and "/fr/accounts/reset/MQ/t-1/" in to_french.body
    assert '<html lang="fr">' in to_french.alternatives[0][0]
