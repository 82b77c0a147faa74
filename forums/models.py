"""Forums, topics and posts, and what people keep about them (read state, subscriptions, notifications, flags).

Counters are denormalised (`post_count`, `topic_count`, `last_post`) and count what every reader of the forum sees:
posts neither hidden nor deleted. They are written with the post, in one transaction (forums.services)."""

from django.conf import settings
from django.db import models
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _

from forums.enums import EmailMode, ForumKind, ModerationAction, NotificationKind
from forums.permissions import handler


class ForumQuerySet(models.QuerySet):
    def visible_to(self, user):
        return self.filter(handler.forum_q(user))

    def moderated_by(self, user):
        return self.filter(handler.moderated_q(user))


class Forum(models.Model):
    """Created by the national team (regional forums by site setup). Its name and description are interface text,
    stored in both languages; what people write in it is not translated."""

    slug = models.SlugField(_("slug"), max_length=80, unique=True)
    kind = models.CharField(_("kind"), max_length=20, choices=ForumKind.choices, default=ForumKind.NATIONAL)
    region = models.OneToOneField(
        "people.Region", on_delete=models.PROTECT, null=True, blank=True, related_name="forum",
        verbose_name=_("region"),
    )
    name_fr = models.CharField(_("name (French)"), max_length=120)
    name_en = models.CharField(_("name (English)"), max_length=120)
    description_fr = models.CharField(_("description (French)"), max_length=300, blank=True)
    description_en = models.CharField(_("description (English)"), max_length=300, blank=True)
    open_to_partners = models.BooleanField(
        _("open to regional partners"), default=False,
        help_text=_("Partners (COPIL) read and write here only when this is ticked."),
    )
    position = models.PositiveIntegerField(_("position"), default=0)
    topic_count = models.PositiveIntegerField(default=0, editable=False)
    post_count = models.PositiveIntegerField(default=0, editable=False)
    last_post = models.ForeignKey("Post", on_delete=models.SET_NULL, null=True, blank=True, related_name="+", editable=False)

    objects = ForumQuerySet.as_manager()

    class Meta:
        verbose_name = _("forum")
        verbose_name_plural = _("forums")
        ordering = ["position", "slug"]

    def __str__(self):
        return self.name

    def _in_language(self, field):
        language = (translation.get_language() or "fr")[:2]
        return getattr(self, f"{field}_en" if language == "en" else f"{field}_fr") or getattr(self, f"{field}_fr")

    @property
    def name(self):
        return self._in_language("name")

    @property
    def description(self):
        return self._in_language("description")

    def get_absolute_url(self):
        from django.urls import reverse

        return reverse("forums:forum", kwargs={"slug": self.slug})


class TopicQuerySet(models.QuerySet):
    def visible_to(self, user):
        return self.filter(handler.forum_q(user, "forum__"))

    def unanswered(self):
        return self.filter(is_question=True, accepted_post__isnull=True)


class Topic(models.Model):
    forum = models.ForeignKey(Forum, on_delete=models.CASCADE, related_name="topics", verbose_name=_("forum"))
    title = models.CharField(_("title"), max_length=200)
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="forum_topics", verbose_name=_("author")
    )
    created_at = models.DateTimeField(_("created at"), default=timezone.now)
    is_pinned = models.BooleanField(_("pinned"), default=False)
    is_locked = models.BooleanField(_("locked"), default=False)
    is_question = models.BooleanField(_("question"), default=False)
    accepted_post = models.ForeignKey(
        "Post", on_delete=models.SET_NULL, null=True, blank=True, related_name="+", verbose_name=_("accepted answer")
    )
    faq_page = models.ForeignKey(
        "wagtailcore.Page", on_delete=models.SET_NULL, null=True, blank=True, related_name="+",
        verbose_name=_("FAQ entry"),
    )
    # The position given to the next post; posts keep their place even when deleted or hidden.
    last_position = models.PositiveIntegerField(default=0, editable=False)
    post_count = models.PositiveIntegerField(default=0, editable=False)
    last_post = models.ForeignKey("Post", on_delete=models.SET_NULL, null=True, blank=True, related_name="+", editable=False)
    last_post_at = models.DateTimeField(default=timezone.now, editable=False, db_index=True)

    objects = TopicQuerySet.as_manager()

    class Meta:
        verbose_name = _("topic")
        verbose_name_plural = _("topics")
        ordering = ["-is_pinned", "-last_post_at"]
        indexes = [models.Index(fields=["forum", "-is_pinned", "-last_post_at"], name="forums_topic_listing")]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        from django.urls import reverse

        return reverse("forums:topic", kwargs={"pk": self.pk})


class PostQuerySet(models.QuerySet):
    def visible_to(self, user):
        """Posts whose text `user` may read (lists, search, feeds, quotes, notifications)."""
        return self.filter(handler.post_q(user))


class Post(models.Model):
    topic = models.ForeignKey(Topic, on_delete=models.CASCADE, related_name="posts", verbose_name=_("topic"))
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="forum_posts", verbose_name=_("author")
    )
    position = models.PositiveIntegerField(_("position"))
    body = models.TextField(_("text"))
    body_html = models.TextField(editable=False)
    created_at = models.DateTimeField(_("created at"), default=timezone.now, db_index=True)
    updated_at = models.DateTimeField(_("updated at"), null=True, blank=True)
    # Optimistic locking: an edit names the version it started from (forums.services.edit_post).
    version = models.PositiveIntegerField(default=1)
    is_deleted = models.BooleanField(_("deleted"), default=False)
    is_hidden = models.BooleanField(_("hidden"), default=False)
    hidden_reason = models.CharField(_("reason"), max_length=300, blank=True)

    objects = PostQuerySet.as_manager()

    class Meta:
        verbose_name = _("post")
        verbose_name_plural = _("posts")
        ordering = ["topic", "position"]
        constraints = [models.UniqueConstraint(fields=["topic", "position"], name="forums_post_unique_position")]
        indexes = [models.Index(fields=["author", "-created_at"], name="forums_post_author_recent")]

    def __str__(self):
        return f"{self.topic} #{self.position}"

    @property
    def is_public(self):
        return not self.is_hidden and not self.is_deleted

    def get_absolute_url(self):
        from django.urls import reverse

        return reverse("forums:post", kwargs={"pk": self.pk})


class PostRevision(models.Model):
    """The text a post had before an edit: the history moderators see."""

    post = models.ForeignKey(Post, on_delete=models.CASCADE, related_name="revisions")
    version = models.PositiveIntegerField()
    body = models.TextField()
    edited_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["post", "-version"]
        verbose_name = _("post revision")


def attachment_path(instance, filename):
    return f"forums/{timezone.now():%Y/%m}/{filename}"


class Attachment(models.Model):
    post = models.ForeignKey(Post, on_delete=models.CASCADE, related_name="attachments")
    file = models.FileField(upload_to=attachment_path)
    name = models.CharField(_("file name"), max_length=200)
    content_type = models.CharField(max_length=100)
    size = models.PositiveIntegerField()

    class Meta:
        ordering = ["pk"]
        verbose_name = _("attachment")

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        from django.urls import reverse

        return reverse("forums:attachment", kwargs={"pk": self.pk})


class TopicReadState(models.Model):
    """How far a person has read a topic: the position of the last post they saw."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    topic = models.ForeignKey(Topic, on_delete=models.CASCADE, related_name="read_states")
    last_read_position = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["user", "topic"], name="forums_read_state_unique")]


class Subscription(models.Model):
    """To a forum (new topics) or to a topic (replies). Posting in a topic subscribes its author."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="forum_subscriptions")
    forum = models.ForeignKey(Forum, on_delete=models.CASCADE, null=True, blank=True, related_name="subscriptions")
    topic = models.ForeignKey(Topic, on_delete=models.CASCADE, null=True, blank=True, related_name="subscriptions")
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["user", "forum"], name="forums_subscription_forum_unique"),
            models.UniqueConstraint(fields=["user", "topic"], name="forums_subscription_topic_unique"),
            models.CheckConstraint(
                condition=models.Q(forum__isnull=True, topic__isnull=False)
                | models.Q(forum__isnull=False, topic__isnull=True),
                name="forums_subscription_one_target",
            ),
        ]


class ForumProfile(models.Model):
    """A person's handle for @mentions and how they want to be e-mailed."""

    user = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="forum_profile")
    handle = models.SlugField(_("handle"), max_length=80, unique=True)
    email_mode = models.CharField(
        _("e-mails"), max_length=20, choices=EmailMode.choices, default=EmailMode.IMMEDIATE
    )
    digest_sent_at = models.DateTimeField(null=True, blank=True)

    def __str__(self):
        return f"@{self.handle}"


class NotificationQuerySet(models.QuerySet):
    def visible_to(self, user):
        """A person's notifications about posts they may still read."""
        return self.filter(user=user).filter(handler.post_q(user, "post__"))

    def unread(self):
        return self.filter(read_at__isnull=True)


class Notification(models.Model):
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="forum_notifications")
    kind = models.CharField(max_length=20, choices=NotificationKind.choices)
    post = models.ForeignKey(Post, on_delete=models.CASCADE, related_name="notifications")
    actor = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    created_at = models.DateTimeField(default=timezone.now)
    read_at = models.DateTimeField(null=True, blank=True)
    emailed_at = models.DateTimeField(null=True, blank=True)

    objects = NotificationQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-pk"]
        indexes = [models.Index(fields=["user", "-created_at"], name="forums_notification_recent")]
        constraints = [models.UniqueConstraint(fields=["user", "post"], name="forums_notification_once_per_post")]


class Flag(models.Model):
    post = models.ForeignKey(Post, on_delete=models.CASCADE, related_name="flags")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    reason = models.CharField(_("reason"), max_length=500)
    created_at = models.DateTimeField(default=timezone.now)
    resolved_at = models.DateTimeField(null=True, blank=True)
    resolved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    class Meta:
        ordering = ["created_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["post", "user"], condition=models.Q(resolved_at__isnull=True), name="forums_flag_open_once"
            )
        ]


class ModerationLog(models.Model):
    """Every moderator action, kept for audit."""

    moderator = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    action = models.CharField(max_length=20, choices=ModerationAction.choices)
    forum = models.ForeignKey(Forum, on_delete=models.SET_NULL, null=True, related_name="+")
    topic = models.ForeignKey(Topic, on_delete=models.SET_NULL, null=True, related_name="+")
    post = models.ForeignKey(Post, on_delete=models.SET_NULL, null=True, related_name="+")
    reason = models.CharField(max_length=500, blank=True)
    details = models.JSONField(default=dict, blank=True)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-created_at", "-pk"]
