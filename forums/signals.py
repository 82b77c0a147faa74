from django.conf import settings
from django.db.models.signals import post_save
from django.dispatch import Signal, receiver

# Sent after the commit when posts or topics change in a way a reader could see (created, edited, hidden, restored,
# deleted, moved): `topic_ids=[...]`, `post_ids=[...]`. The search index listens (search.signals).
content_changed = Signal()


@receiver(post_save, sender=settings.AUTH_USER_MODEL, dispatch_uid="forums.profile_for_new_person")
def profile_for_new_person(sender, instance, created, raw=False, **kwargs):
    """Every person gets a handle for @mentions when their account is made."""
    if created and not raw:
        from forums.services import ensure_profile

        ensure_profile(instance)
