"""The forums' section of *Mon espace*: the unread topics of my subscriptions and my latest notifications.

`section_for(user)` returns what the space page needs ({"title", "template", "context"}), or None for someone who
reads no forum; forums.space_sections registers it with the space (people.space)."""

from django.db.models import F, OuterRef, Q, Subquery
from django.db.models.functions import Coalesce
from django.utils.translation import gettext_lazy as _

from forums.models import Forum, Notification, Topic, TopicReadState

LIMIT = 10


def unread_subscribed_topics(user, limit=LIMIT):
    read = TopicReadState.objects.filter(user=user, topic=OuterRef("pk")).values("last_read_position")[:1]
    return (
        Topic.objects.visible_to(user)
        .filter(Q(subscriptions__user=user) | Q(forum__subscriptions__user=user))
        .annotate(read=Coalesce(Subquery(read), 0))
        .filter(last_position__gt=F("read"))
        .select_related("forum", "last_post__author")
        .order_by("-last_post_at")
        .distinct()[:limit]
    )


def section_for(user):
    if not Forum.objects.visible_to(user).exists():
        return None
    notifications = Notification.objects.visible_to(user).unread().select_related("actor", "post__topic__forum")
    return {
        "title": _("Forums"),
        "template": "forums/includes/space_section.html",
        "context": {"forum_topics": list(unread_subscribed_topics(user)), "forum_notifications": notifications[:LIMIT]},
    }
