from django.db import models
from django.utils.translation import gettext_lazy as _


class ForumKind(models.TextChoices):
    REGIONAL = "regional", _("Regional forum")
    NATIONAL = "national", _("National forum")


class EmailMode(models.TextChoices):
    IMMEDIATE = "immediate", _("One e-mail per notification")
    DAILY = "daily", _("A daily digest")
    NONE = "none", _("No e-mail")


class NotificationKind(models.TextChoices):
    REPLY = "reply", _("New reply")
    NEW_TOPIC = "new_topic", _("New topic")
    MENTION = "mention", _("Mention")
    ACCEPTED = "accepted", _("Accepted answer")


class ModerationAction(models.TextChoices):
    PIN = "pin", _("Pinned")
    UNPIN = "unpin", _("Unpinned")
    LOCK = "lock", _("Locked")
    UNLOCK = "unlock", _("Unlocked")
    MOVE = "move", _("Moved")
    HIDE = "hide", _("Hidden")
    RESTORE = "restore", _("Restored")
    EDIT = "edit", _("Edited another person's post")
    RESOLVE_FLAG = "resolve_flag", _("Flag resolved")
    FAQ = "faq", _("Turned into an FAQ entry")
