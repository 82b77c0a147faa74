"""The one way the platform e-mails a person, for every app.

A page never sends mail itself: it queues a task with `enqueue_on_commit`, so that the task runs only if the
transaction commits and the worker (`manage.py db_worker`) does the slow part. Task arguments are what JSON holds
(ids, addresses): the task reads the objects again and calls `send_templated_mail`, which writes the message in
the recipient's language. Every app may use this module: it depends on nothing but Django and people.User.
"""

from functools import partial

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import translation


def enqueue_on_commit(task, *args, **kwargs):
    """Queue `task` once the current transaction commits (at once outside a transaction); nothing if it rolls back."""
    transaction.on_commit(partial(task.enqueue, *args, **kwargs))


def absolute_url(path: str) -> str:
    """Links in e-mails point to the configured public address, never to a request's Host header."""
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + path


def send_templated_mail(person, template: str, context=None):
    """Send `person` the message made of `<template>_subject.txt`, `<template>.txt` and `<template>.html`,
    rendered in their preferred language. `context` is a dict, or a function returning one, called in that
    language so that the URLs it reverses take the language's prefix (as `{% url %}` in the templates does)."""
    language = person.preferred_language or settings.LANGUAGE_CODE
    with translation.override(language):
        context = {"user": person, **((context() if callable(context) else context) or {})}
        subject = " ".join(render_to_string(f"{template}_subject.txt", context).split())
        text = render_to_string(f"{template}.txt", context)
        html = render_to_string(f"{template}.html", context)
    message = EmailMultiAlternatives(subject, text, to=[person.email])
    message.attach_alternative(html, "text/html")
    message.send()
