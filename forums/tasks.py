"""E-mails of the forums, sent by background tasks once the transaction that made the notifications commits.
Each is written in the recipient's language, and the permission handler is asked again at sending time."""

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django_tasks import task

from forums.enums import EmailMode
from forums.models import ForumProfile, Notification
from forums.permissions import handler


def _absolute(path):
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + path


def _send(user, subject_template, template, context):
    from forums.services import ensure_profile, unsubscribe_token

    ensure_profile(user)
    with translation.override(user.preferred_language or "fr"):
        context = {
            **context,
            "user": user,
            "settings_url": _absolute(reverse("forums:settings")),
            "unsubscribe_all_url": _absolute(
                reverse("forums:unsubscribe", kwargs={"token": unsubscribe_token(user, "all")})
            ),
        }
        for item in context.get("items", []):
            item["url"] = _absolute(item["notification"].post.get_absolute_url())
            item["unsubscribe_url"] = _absolute(
                reverse("forums:unsubscribe", kwargs={"token": unsubscribe_token(user, "topic", item["topic"].pk)})
            )
        subject = render_to_string(subject_template, context).strip()
        text = render_to_string(f"{template}.txt", context)
        html = render_to_string(f"{template}.html", context)
    message = EmailMultiAlternatives(subject, text, settings.DEFAULT_FROM_EMAIL, [user.email])
    message.attach_alternative(html, "text/html")
    message.extra_headers["List-Unsubscribe"] = f"<{context['unsubscribe_all_url']}>"
    message.send()


def _items(notifications):
    return [{"notification": n, "topic": n.post.topic, "forum": n.post.topic.forum} for n in notifications]


def _pending(queryset):
    return queryset.filter(emailed_at__isnull=True).select_related(
        "user", "actor", "post__topic__forum"
    ).order_by("created_at", "pk")


@task()
def send_notification_emails(post_pk):
    """One e-mail per notification about this post, to those who asked for immediate e-mails."""
    pending = _pending(Notification.objects.filter(post_id=post_pk))
    for notification in pending:
        user = notification.user
        profile = ForumProfile.objects.filter(user=user).first()
        if profile and profile.email_mode != EmailMode.IMMEDIATE:
            continue
        if handler.can_receive_notification(user, notification):
            _send(user, "forums/email/notification_subject.txt", "forums/email/notification",
                  {"items": _items([notification])})
        Notification.objects.filter(pk=notification.pk).update(emailed_at=timezone.now())


@task()
def send_daily_digests():
    """One e-mail per person who chose the daily digest, with what is new since the last one."""
    for profile in ForumProfile.objects.filter(email_mode=EmailMode.DAILY).select_related("user"):
        user = profile.user
        pending = _pending(Notification.objects.filter(user=user))
        readable = [n for n in pending if handler.can_receive_notification(user, n)]
        now = timezone.now()
        if readable:
            _send(user, "forums/email/digest_subject.txt", "forums/email/digest", {"items": _items(readable)})
        pending.update(emailed_at=now)
        ForumProfile.objects.filter(pk=profile.pk).update(digest_sent_at=now)
