"""Every write of the forums. Each function is one transaction; e-mails are queued after it commits.

Counters (`post_count`, `topic_count`, `last_post`) are updated in the same transaction as the post, with F()
expressions under a row lock on the topic, so that concurrent replies keep them exact."""

from datetime import timedelta

from django.core import signing
from django.db import IntegrityError, transaction
from django.db.models import F, Q
from django.utils import timezone, translation
from django.utils.text import slugify
from django.utils.translation import gettext as _

from forums import conf, markup
from forums.enums import EmailMode, ForumKind, ModerationAction, NotificationKind
from forums.models import (
    Flag,
    Forum,
    ForumProfile,
    ModerationLog,
    Notification,
    Post,
    PostRevision,
    Subscription,
    Topic,
    TopicReadState,
)
from forums.permissions import handler
from people.mail import enqueue_on_commit

UNSUBSCRIBE_SALT = "forums.unsubscribe"

NATIONAL_FORUMS = [
    {
        "slug": "questions-sur-la-plateforme",
        "name_fr": "Questions sur la plateforme",
        "name_en": "Questions about the platform",
        "description_fr": "Une difficulté avec le site, une question sur son usage ? L’équipe nationale répond.",
        "description_en": "Trouble with the site, a question about using it? The national team answers.",
        "position": 1,
    },
    {
        "slug": "echanges-entre-regions",
        "name_fr": "Échanges entre régions",
        "name_en": "Exchanges between regions",
        "description_fr": "Partager outils et retours d’expérience avec les coordonnateurs des autres régions.",
        "description_en": "Share tools and experience with the coordinators of other regions.",
        "position": 2,
    },
]


def _changed(topics=(), posts=()):
    """Tell listeners (the search index) after the commit; nothing if the transaction rolls back."""
    from forums.signals import content_changed

    topic_ids, post_ids = sorted({t.pk for t in topics}), sorted({p.pk for p in posts})
    transaction.on_commit(
        lambda: content_changed.send(sender=Post, topic_ids=topic_ids, post_ids=post_ids)
    )


class PostRefused(Exception):
    """A post that breaks a limit. `status` is 429 when it is a rate."""

    def __init__(self, message, status=400):
        super().__init__(message)
        self.message = message
        self.status = status


class EditConflict(Exception):
    """Someone else changed the post since the editor opened it."""

    def __init__(self, current):
        super().__init__("edit conflict")
        self.current = current


# Setup ------------------------------------------------------------------------------------------------------------
def ensure_region_forums():
    """One forum per region, and the national forums every installation starts with. Idempotent."""
    from people.models import Region

    for region in Region.objects.all():
        with translation.override("fr"):
            name_fr = str(region.name)
            description_fr = _("The forum of the %(region)s region’s coordinators and trainers.") % {"region": name_fr}
        with translation.override("en"):
            name_en = str(region.name)
            description_en = _("The forum of the %(region)s region’s coordinators and trainers.") % {"region": name_en}
        Forum.objects.get_or_create(
            region=region,
            defaults={
                "slug": region.code, "kind": ForumKind.REGIONAL, "name_fr": name_fr, "name_en": name_en,
                "description_fr": description_fr, "description_en": description_en, "position": 10,
            },
        )
    for fields in NATIONAL_FORUMS:
        Forum.objects.get_or_create(slug=fields["slug"], defaults={**fields, "kind": ForumKind.NATIONAL})


def ensure_profile(user) -> ForumProfile:
    profile = ForumProfile.objects.filter(user=user).first()
    if profile:
        return profile
    base = slugify(f"{user.first_name} {user.last_name}")[:70] or slugify(user.email.split("@")[0])[:70] or "membre"
    handle, n = base, 1
    while ForumProfile.objects.filter(handle=handle).exists():
        n += 1
        handle = f"{base}-{n}"
    return ForumProfile.objects.create(user=user, handle=handle)


# Posting ----------------------------------------------------------------------------------------------------------
def check_text(body: str, forum) -> dict:
    """The limits that depend on the text alone; returns {handle: person} for the mentions it may make."""
    if len(body) > conf.max_post_length():
        raise PostRefused(_("Your message is too long (at most %(max)d characters).") % {"max": conf.max_post_length()})
    if markup.count_links(body) > conf.max_links():
        raise PostRefused(_("Your message has too many links (at most %(max)d).") % {"max": conf.max_links()})
    handles = markup.mentioned_handles(body)
    people = mentionable(forum, handles)
    if len(people) > conf.max_mentions():
        raise PostRefused(_("Your message mentions too many people (at most %(max)d).") % {"max": conf.max_mentions()})
    return people


def mentionable(forum, handles) -> dict:
    """{handle: person} for those of `handles` who may read `forum` (the permission handler's readers)."""
    if not handles:
        return {}
    profiles = ForumProfile.objects.filter(handle__in=handles).filter(
        user__in=readers(forum)
    ).select_related("user")
    return {p.handle: p.user for p in profiles}


def readers(forum):
    from django.contrib.auth import get_user_model

    return get_user_model().objects.filter(handler.readers_q(forum))


def _check_rate(user, body):
    now = timezone.now()
    recent = Post.objects.filter(author=user, created_at__gte=now - timedelta(minutes=1)).count()
    if recent >= conf.posts_per_minute(user):
        raise PostRefused(
            _("You are posting too fast: please wait a minute before posting again."), status=429
        )
    window = now - timedelta(seconds=conf.duplicate_window_seconds())
    if Post.objects.filter(author=user, created_at__gte=window, body=body).exists():
        raise PostRefused(_("You have just posted this same message."), status=409)


def _create_post(user, topic, body, mentions, files=()):
    """Under the topic's row lock: the next position, the post, its counters."""
    from forums import attachments

    now = timezone.now()
    locked = Topic.objects.select_for_update().only("pk", "last_position", "forum_id").get(pk=topic.pk)
    position = locked.last_position + 1
    post = Post.objects.create(
        topic=topic, author=user, position=position, body=body, body_html=markup.render(body, mentions),
        created_at=now,
    )
    Topic.objects.filter(pk=topic.pk).update(
        last_position=position, post_count=F("post_count") + 1, last_post=post, last_post_at=now
    )
    Forum.objects.filter(pk=locked.forum_id).update(post_count=F("post_count") + 1)
    Forum.objects.filter(pk=locked.forum_id).filter(Q(last_post__isnull=True) | Q(last_post_id__lt=post.pk)).update(
        last_post=post
    )
    attachments.attach(post, files)
    TopicReadState.objects.bulk_create(
        [TopicReadState(user=user, topic=topic, last_read_position=position)],
        update_conflicts=True, unique_fields=["user", "topic"], update_fields=["last_read_position"],
    )
    Subscription.objects.get_or_create(user=user, topic=topic)
    _changed(posts=[post])
    return post


def start_topic(user, forum, title, body, is_question=False, files=(), check_rate=True) -> Topic:
    """`check_rate`: False only for the demo and the benchmark's data, which write many posts at once."""
    if not handler.can_start_topic(user, forum):
        raise PermissionError
    mentions = check_text(body, forum)
    with transaction.atomic():
        if check_rate:
            _check_rate(user, body)
        topic = Topic.objects.create(forum=forum, title=title, author=user, is_question=is_question)
        _changed(topics=[topic])
        Forum.objects.filter(pk=forum.pk).update(topic_count=F("topic_count") + 1)
        post = _create_post(user, topic, body, mentions, files)
        _notify(post, mentions, new_topic=True)
    return topic


def reply(user, topic, body, files=(), check_rate=True) -> Post:
    if not handler.can_reply(user, topic):
        raise PermissionError
    mentions = check_text(body, topic.forum)
    with transaction.atomic():
        if check_rate:
            _check_rate(user, body)
        post = _create_post(user, topic, body, mentions, files)
        _notify(post, mentions)
    return post


def edit_post(user, post, body, version) -> Post:
    """Optimistic locking: the edit applies only if the post is still at `version`; otherwise EditConflict."""
    if not handler.can_edit_post(user, post):
        raise PermissionError
    mentions = check_text(body, post.topic.forum)
    with transaction.atomic():
        current = Post.objects.select_for_update().get(pk=post.pk)
        if current.version != int(version):
            raise EditConflict(current)
        if current.body == body:
            return current
        PostRevision.objects.create(post=current, version=current.version, body=current.body, edited_by=user)
        Post.objects.filter(pk=post.pk).update(
            body=body, body_html=markup.render(body, mentions), version=F("version") + 1, updated_at=timezone.now()
        )
        if user.pk != current.author_id:
            _log(user, ModerationAction.EDIT, post=current)
        _changed(posts=[current])
        current.refresh_from_db()
    return current


def _set_public(post, public: bool):
    """Adjust the counters when a post enters or leaves what every reader sees."""
    delta = 1 if public else -1
    Topic.objects.filter(pk=post.topic_id).update(post_count=F("post_count") + delta)
    Forum.objects.filter(pk=post.topic.forum_id).update(post_count=F("post_count") + delta)
    _refresh_last_posts(post.topic.forum_id, post.topic_id)


def _refresh_last_posts(forum_id, topic_id=None):
    public = Post.objects.filter(is_hidden=False, is_deleted=False)
    if topic_id:
        last = public.filter(topic_id=topic_id).order_by("-position").first()
        Topic.objects.filter(pk=topic_id).update(last_post=last)
    Forum.objects.filter(pk=forum_id).update(last_post=public.filter(topic__forum_id=forum_id).order_by("-pk").first())


def delete_post(user, post):
    """Kept for moderators, shown to others as deleted."""
    if not handler.can_delete_post(user, post):
        raise PermissionError
    with transaction.atomic():
        current = Post.objects.select_for_update().select_related("topic").get(pk=post.pk)
        if current.is_deleted:
            return
        was_public = current.is_public
        Post.objects.filter(pk=post.pk).update(is_deleted=True, version=F("version") + 1)
        _changed(posts=[current])
        if was_public:
            _set_public(current, False)


def hide_post(moderator, post, reason):
    if not handler.can_hide_post(moderator, post):
        raise PermissionError
    with transaction.atomic():
        current = Post.objects.select_for_update().select_related("topic").get(pk=post.pk)
        if current.is_hidden:
            return
        was_public = current.is_public
        Post.objects.filter(pk=post.pk).update(is_hidden=True, hidden_reason=reason, version=F("version") + 1)
        _changed(posts=[current])
        if was_public:
            _set_public(current, False)
        _log(moderator, ModerationAction.HIDE, post=current, reason=reason)


def restore_post(moderator, post, reason=""):
    """Undo a hide or a deletion."""
    if not handler.can_hide_post(moderator, post):
        raise PermissionError
    with transaction.atomic():
        current = Post.objects.select_for_update().select_related("topic").get(pk=post.pk)
        if current.is_public:
            return
        Post.objects.filter(pk=post.pk).update(
            is_hidden=False, is_deleted=False, hidden_reason="", version=F("version") + 1
        )
        _changed(posts=[current])
        _set_public(current, True)
        _log(moderator, ModerationAction.RESTORE, post=current, reason=reason)


# Moderation -------------------------------------------------------------------------------------------------------
def _log(moderator, action, *, post=None, topic=None, forum=None, reason="", **details):
    topic = topic or (post.topic if post else None)
    forum = forum or (topic.forum if topic else None)
    ModerationLog.objects.create(
        moderator=moderator, action=action, post=post, topic=topic, forum=forum, reason=reason, details=details
    )


TOPIC_SWITCHES = {
    ModerationAction.PIN: ("is_pinned", True),
    ModerationAction.UNPIN: ("is_pinned", False),
    ModerationAction.LOCK: ("is_locked", True),
    ModerationAction.UNLOCK: ("is_locked", False),
}


def switch_topic(moderator, topic, action):
    if not handler.can_moderate_topic(moderator, topic) or action not in TOPIC_SWITCHES:
        raise PermissionError
    field, value = TOPIC_SWITCHES[action]
    with transaction.atomic():
        Topic.objects.filter(pk=topic.pk).update(**{field: value})
        setattr(topic, field, value)
        _log(moderator, action, topic=topic)


def move_topic(moderator, topic, destination):
    if not handler.can_move_topic(moderator, topic, destination) or destination.pk == topic.forum_id:
        raise PermissionError
    with transaction.atomic():
        source_id = topic.forum_id
        topic = Topic.objects.select_for_update().get(pk=topic.pk)
        Topic.objects.filter(pk=topic.pk).update(forum=destination)
        _changed(topics=[topic], posts=list(topic.posts.only("pk")))
        Forum.objects.filter(pk=source_id).update(
            topic_count=F("topic_count") - 1, post_count=F("post_count") - topic.post_count
        )
        Forum.objects.filter(pk=destination.pk).update(
            topic_count=F("topic_count") + 1, post_count=F("post_count") + topic.post_count
        )
        _refresh_last_posts(source_id)
        _refresh_last_posts(destination.pk)
        _log(moderator, ModerationAction.MOVE, topic=topic, forum=destination, source=source_id)


def flag_post(user, post, reason):
    if not handler.can_flag_post(user, post):
        raise PermissionError
    try:
        with transaction.atomic():
            return Flag.objects.create(post=post, user=user, reason=reason)
    except IntegrityError:  # already flagged by this person and not yet resolved
        return Flag.objects.get(post=post, user=user, resolved_at__isnull=True)


def resolve_flag(moderator, flag):
    if not handler.can_moderate_forum(moderator, flag.post.topic.forum):
        raise PermissionError
    with transaction.atomic():
        Flag.objects.filter(post=flag.post, resolved_at__isnull=True).update(
            resolved_at=timezone.now(), resolved_by=moderator
        )
        _log(moderator, ModerationAction.RESOLVE_FLAG, post=flag.post, reason=flag.reason)


# Questions and the FAQ ---------------------------------------------------------------------------------------------
def accept_answer(user, topic, post):
    if not handler.can_accept_answer(user, topic) or post.topic_id != topic.pk or post.position == 1:
        raise PermissionError
    if not post.is_public:
        raise PermissionError
    with transaction.atomic():
        Topic.objects.filter(pk=topic.pk).update(accepted_post=post)
        topic.accepted_post = post
        if post.author_id != user.pk:
            _create_notifications(post, {post.author_id: NotificationKind.ACCEPTED}, actor=user)


def make_faq_entry(moderator, topic):
    """A draft page under the FAQ page of the learning resources, with the question, the accepted answer and who
    wrote them; an editor reviews and publishes it."""
    from forums import faq

    if not handler.can_make_faq(moderator, topic):
        raise PermissionError
    with transaction.atomic():
        page = faq.create_entry(topic)
        Topic.objects.filter(pk=topic.pk).update(faq_page=page)
        topic.faq_page = page
        _log(moderator, ModerationAction.FAQ, topic=topic, page=page.pk)
    return page


# Reading ----------------------------------------------------------------------------------------------------------
def mark_read(user, topic, position, known=None):
    """`known`: the position the caller already read from the database (saves a query when nothing changed)."""
    if known is not None and known >= position:
        return
    TopicReadState.objects.bulk_create(
        [TopicReadState(user=user, topic=topic, last_read_position=position)],
        update_conflicts=True, unique_fields=["user", "topic"], update_fields=["last_read_position"],
    )
    Notification.objects.filter(
        user=user, post__topic=topic, post__position__lte=position, read_at__isnull=True
    ).update(read_at=timezone.now())


def mark_all_read(user):
    with transaction.atomic():
        states = [
            TopicReadState(user=user, topic_id=pk, last_read_position=position)
            for pk, position in Topic.objects.visible_to(user).values_list("pk", "last_position")
        ]
        TopicReadState.objects.bulk_create(
            states, batch_size=500, update_conflicts=True, unique_fields=["user", "topic"],
            update_fields=["last_read_position"],
        )
        Notification.objects.filter(user=user, read_at__isnull=True).update(read_at=timezone.now())


def mark_notifications_read(user):
    Notification.objects.filter(user=user, read_at__isnull=True).update(read_at=timezone.now())


# Subscriptions and notifications ------------------------------------------------------------------------------------
def subscribe(user, *, forum=None, topic=None):
    target = forum or topic.forum
    if not handler.can_read_forum(user, target):
        raise PermissionError
    Subscription.objects.get_or_create(user=user, forum=forum, topic=topic)


def unsubscribe(user, *, forum=None, topic=None):
    Subscription.objects.filter(user=user, forum=forum, topic=topic).delete()


def set_email_mode(user, mode):
    profile = ensure_profile(user)
    ForumProfile.objects.filter(pk=profile.pk).update(email_mode=mode)


def unsubscribe_token(user, kind, pk=None) -> str:
    """A signed link that needs no login: "topic"/"forum" with its id, or "all" for every forum e-mail."""
    return signing.dumps([user.pk, kind, pk], salt=UNSUBSCRIBE_SALT, compress=True)


def read_unsubscribe_token(token):
    """(user, kind, target) or None when the token is not ours."""
    from django.contrib.auth import get_user_model

    try:
        user_pk, kind, pk = signing.loads(token, salt=UNSUBSCRIBE_SALT)
    except (signing.BadSignature, ValueError, TypeError):
        return None
    user = get_user_model().objects.filter(pk=user_pk, is_active=True).first()
    if user is None or kind not in ("topic", "forum", "all"):
        return None
    target = None
    if kind == "topic":
        target = Topic.objects.filter(pk=pk).first()
    elif kind == "forum":
        target = Forum.objects.filter(pk=pk).first()
    if kind != "all" and target is None:
        return None
    return user, kind, target


def unsubscribe_by_token(token) -> bool:
    found = read_unsubscribe_token(token)
    if found is None:
        return False
    user, kind, target = found
    if kind == "all":
        set_email_mode(user, EmailMode.NONE)
    else:
        unsubscribe(user, **{kind: target})
    return True


def _notify(post, mentions, new_topic=False):
    """Mentioned people, then the topic's (or, for a new topic, the forum's) subscribers; each once, never the
    author, and only people who can read the post (the permission handler's readers)."""
    recipients = {}
    for person in mentions.values():
        recipients[person.pk] = NotificationKind.MENTION
    if new_topic:
        subscribers = Subscription.objects.filter(forum_id=post.topic.forum_id)
        kind = NotificationKind.NEW_TOPIC
    else:
        subscribers = Subscription.objects.filter(topic_id=post.topic_id)
        kind = NotificationKind.REPLY
    for user_pk in subscribers.values_list("user_id", flat=True):
        recipients.setdefault(user_pk, kind)
    recipients.pop(post.author_id, None)
    _create_notifications(post, recipients, actor=post.author)


def _create_notifications(post, recipients: dict, actor):
    if not recipients:
        return
    allowed = set(readers(post.topic.forum).filter(pk__in=recipients).values_list("pk", flat=True))
    notifications = Notification.objects.bulk_create(
        [
            Notification(user_id=pk, kind=kind, post=post, actor=actor)
            for pk, kind in recipients.items() if pk in allowed
        ],
        ignore_conflicts=True,
    )
    if notifications:
        from forums import tasks

        enqueue_on_commit(tasks.send_notification_emails, post.pk)
