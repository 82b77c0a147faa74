from django.dispatch import receiver

from cms.services.access import grant_pages
from people.enums import Role
from people.services.roles import group_created


@receiver(group_created)
def _grant_learning_pages(sender, group, region, role, **kwargs):
    """Every trainer authors the shared learning resources."""
    if region is None and role == Role.TRAINER:
        from learning.models import LearningIndexPage

        grant_pages(group, LearningIndexPage.objects.all())
