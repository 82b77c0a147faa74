"""Keep each person's Wagtail groups and flags in step with their role and regions, and end the access of people
who lose it (people.services.lifecycle), whichever screen or script made the change."""

from django.db.models.signals import m2m_changed, post_save
from django.dispatch import receiver

from people.models import User
from people.permissions import REGIONAL_ROLES
from people.services import lifecycle
from people.services.roles import sync_access


@receiver(post_save, sender=User)
def _user_saved(sender, instance, raw=False, update_fields=None, **kwargs):
    # A login only touches last_login: nothing to derive then.
    if raw or (update_fields and not {"role", "is_superuser", "is_staff", "is_active"} & set(update_fields)):
        return
    sync_access(instance)


@receiver(m2m_changed, sender=User.regions.through)
def _user_regions_changed(sender, instance, action, reverse, **kwargs):
    if action not in ("post_add", "post_remove", "post_clear"):
        return
    if reverse:
        for user in User.objects.filter(pk__in=kwargs.get("pk_set") or []):
            sync_access(user)
    else:
        sync_access(instance)


@receiver(post_save, sender=User)
def _access_may_have_ended(sender, instance, created, raw=False, update_fields=None, **kwargs):
    """A closed account, or a regional role perhaps without a region (a national member made a coordinator)."""
    if raw or created or (update_fields and not {"is_active", "role"} & set(update_fields)):
        return
    if not instance.is_active or instance.role in REGIONAL_ROLES:
        lifecycle.end_access_on_commit([instance.pk])


@receiver(m2m_changed, sender=User.regions.through)
def _regions_removed(sender, instance, action, reverse, pk_set=None, **kwargs):
    """Someone may have lost their last region. Checked once the transaction commits: a form that replaces one
    region by another removes before it adds."""
    if not reverse and action in ("post_remove", "post_clear"):
        lifecycle.end_access_on_commit([instance.pk])
    elif reverse and action == "post_remove":
        lifecycle.end_access_on_commit(pk_set or [])
    elif reverse and action == "pre_clear":  # a region emptied: after the clear nobody knows who was in it
        lifecycle.end_access_on_commit(instance.members.values_list("pk", flat=True))
