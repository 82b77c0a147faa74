"""E-mails of the forums, sent by background tasks once the transaction that made the notifications commits.
Each is written in the recipient's language, and the permission handler is asked again at sending time."""

from django.urls import reverse
from django.utils import timezone
from django_tasks import task

from forums.enums import EmailMode
from forums.models import ForumProfile, Notification
from forums.permissions import handler
from people.mail import absolute_url, send_templated_mail


def _send(user, template, notifications):
    """Through the platform's one mail path (people.mail): rendered in the recipient's language, links to the
    configured public address; each topic's e-mail carries its own signed unsubscribe link."""
    from forums.services import ensure_profile, unsubscribe_token

    ensure_profile(user)

    def context():
        items = _items(notifications)
        for item in items:
            item["url"] = absolute_url(item["notification"].post.get_absolute_url())
            token = unsubscribe_token(user, "topic", item["topic"].pk)
            item["unsubscribe_url"] = absolute_url(reverse("forums:unsubscribe", kwargs={"token": token}))
        return {
            "items": items,
            "settings_url": absolute_url(reverse("forums:settings")),
            "unsubscribe_all_url": absolute_url(
                reverse("forums:unsubscribe", kwargs={"token": unsubscribe_token(user, "all")})
            ),
        }

    send_templated_mail(user, template, context)


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
            _send(user, "forums/email/notification", [notification])
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
            _send(user, "forums/email/digest", readable)
        pending.update(emailed_at=now)
        ForumProfile.objects.filter(pk=profile.pk).update(digest_sent_at=now)
