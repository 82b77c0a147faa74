from django.db import models
from django.utils.translation import gettext_lazy as _


class CollectionKey(models.Model):
    """The stable key by which the code finds a collection of images and documents it manages ("national",
    "region:bretagne"), as people.models.GroupKey does for groups: the national team may rename a collection in the
    admin without breaking the grants (cms.services.collections)."""

    collection = models.OneToOneField(
        "wagtailcore.Collection", on_delete=models.CASCADE, related_name="pacte_key", verbose_name=_("collection")
    )
    key = models.CharField(_("key"), max_length=80, unique=True)

    class Meta:
        verbose_name = _("collection key")
        verbose_name_plural = _("collection keys")

    def __str__(self):
        return self.key
