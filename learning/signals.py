from django.contrib.auth.models import Permission
from django.dispatch import receiver

from cms.services.access import grant_pages
from people.enums import Role
from people.services.roles import group_created


@receiver(group_created)
def _grant_learning_pages(sender, group, region, role, **kwargs):
    """Every trainer authors the shared learning resources: pages (modules and lessons lie beneath the index) and
    the question banks."""
    if region is None and role == Role.TRAINER:
        from learning.models import LearningIndexPage

        grant_pages(group, LearningIndexPage.objects.all())
        group.permissions.add(*Permission.objects.filter(
            content_type__app_label="learning", codename__in=["add_questionbank", "change_questionbank",
                                                              "delete_questionbank", "add_interactivepackage",
                                                              "change_interactivepackage",
                                                              "delete_interactivepackage"]))


def _sheet_published(sender, instance, **kwargs):
    """A published technical sheet gets its PDF made again (learning.sheets), after the commit."""
    from learning import sheets

    sheets.on_publish(instance)


def connect_sheet_signals():
    from wagtail.signals import page_published

    from learning.models import TechnicalSheetPage

    page_published.connect(_sheet_published, sender=TechnicalSheetPage, dispatch_uid="learning_sheet_pdf")


connect_sheet_signals()
