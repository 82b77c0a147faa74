from django.db import models
from django.utils.translation import gettext_lazy as _


class Theme(models.TextChoices):
    """The programme's themes (DOMAIN.md). The documents app's Theme replaces this one when both branches meet."""

    COLLABORATIVE_WORK = "collaborative_work", _("Animating collaborative work")
    PROJECT_MANAGEMENT = "project_management", _("Project management")
    QUALITY = "quality", _("Quality approaches")
    TERRITORIAL = "territorial", _("Territorial collaboration")
    TEAM_DYNAMICS = "team_dynamics", _("Management and team dynamics")
    PUBLIC_HEALTH = "public_health", _("Public health")
    INFORMATION_SYSTEMS = "information_systems", _("Health information systems")


class Audience(models.TextChoices):
    COORDINATORS = "coordinators", _("Coordinators and trainers")
    TRAINERS = "trainers", _("Trainers only")


class QuestionKind(models.TextChoices):
    SINGLE = "single", _("Single choice")
    MULTIPLE = "multiple", _("Multiple choice")
    TRUE_FALSE = "true_false", _("True or false")


class Status(models.TextChoices):
    """A learner's status in a module."""

    NOT_STARTED = "not_started", _("Not started")
    IN_PROGRESS = "in_progress", _("In progress")
    COMPLETED = "completed", _("Completed")
