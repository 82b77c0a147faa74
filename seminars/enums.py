from django.db import models
from django.utils.translation import gettext_lazy as _


class ActivityType(models.TextChoices):
    """The seminars' kinds of activity (DOMAIN.md)."""

    SHARING = "sharing", _("Sharing experience")
    PROBLEM_SOLVING = "problem_solving", _("Problem solving")
    ROLE_PLAY = "role_play", _("Role play")
    TOOLS = "tools", _("Tools and methods")
    THEORY = "theory", _("Theory")
    BREAK = "break", _("Break")


class SeminarStatus(models.TextChoices):
    UPCOMING = "upcoming", _("Upcoming")
    ONGOING = "ongoing", _("Ongoing")
    PAST = "past", _("Past")


class HalfDay(models.TextChoices):
    MORNING = "am", _("Morning")
    AFTERNOON = "pm", _("Afternoon")


class SubmissionStatus(models.TextChoices):
    SUBMITTED = "submitted", _("Submitted, awaiting review")
    TO_REVISE = "to_revise", _("To revise")
    ACCEPTED = "accepted", _("Accepted")


class ReviewDecision(models.TextChoices):
    TO_REVISE = "to_revise", _("To revise")
    ACCEPTED = "accepted", _("Accepted")
