from django.db import models
from django.utils.translation import gettext_lazy as _

from documents.enums import Theme  # noqa: F401  (the programme's themes, shared with the library)


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


class PackageKind(models.TextChoices):
    SCORM_12 = "scorm12", "SCORM 1.2"
    SCORM_2004 = "scorm2004", "SCORM 2004"
    H5P = "h5p", "H5P"
