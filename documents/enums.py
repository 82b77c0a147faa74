from django.db import models
from django.utils.translation import gettext_lazy as _


class Access(models.TextChoices):
    """Who may read a library document (documents.permissions)."""

    PUBLIC = "public", _("Public")
    MEMBERS = "members", _("Every member")
    REGION = "region", _("Members of its region")
    TRAINERS = "trainers", _("Trainers only")


class Kind(models.TextChoices):
    TOOL = "tool", _("Tool")
    FRAMEWORK = "framework", _("Reference framework")
    GUIDE = "guide", _("Guide")
    SLIDES = "slides", _("Slides")
    REPORT = "report", _("Report")
    TEMPLATE = "template", _("Template")
    OTHER = "other", _("Other")


class Theme(models.TextChoices):
    """The themes of the programme's content (DOMAIN.md)."""

    COLLABORATION = "collaboration", _("Animating collaborative work")
    PROJECT = "project", _("Project management")
    QUALITY = "quality", _("Quality approaches")
    TERRITORY = "territory", _("Territorial collaboration")
    TEAM = "team", _("Management and team dynamics")
    PUBLIC_HEALTH = "public-health", _("Public health")
    INFORMATION_SYSTEMS = "information-systems", _("Health information systems")


class TextStatus(models.TextChoices):
    PENDING = "pending", _("Text extraction pending")
    DONE = "done", _("Text extracted")
    FAILED = "failed", _("Text extraction failed")
