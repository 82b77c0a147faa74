"""Keep each person's Wagtail groups and flags in step with their role and regions."""

from django.db.models.signals import m2m_changed, post_save
from django.dispatch import receiver

from people.models import User
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
