from django.db import models
from django.utils.translation import gettext_lazy as _


class Access(models.TextChoices):
    """Who may read an entry, as indexed fields (search.permissions turns a person into a filter on them)."""

    PUBLIC = "public", _("Everyone")
    MEMBERS = "members", _("Members")
    REGION = "region", _("Members of the region")
    TRAINERS = "trainers", _("Trainers")
    REGION_TRAINERS = "region_trainers", _("Trainers of the region")
    NATIONAL = "national", _("National team")
    GROUPS = "groups", _("Groups")


class EntryKind(models.TextChoices):
    """Kinds that are not pages; a page's kind is its model label ("cms.contentpage")."""

    DOCUMENT = "document", _("Document")
    TOPIC = "topic", _("Forum topic")
    POST = "post", _("Forum post")
