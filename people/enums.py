from django.db import models
from django.utils.translation import gettext_lazy as _


class Role(models.TextChoices):
    COORDINATOR = "coordinator", _("Coordinator")
    TRAINER = "trainer", _("Regional trainer")
    PARTNER = "partner", _("Regional partner")
    NATIONAL = "national", _("National team")


class ImportStatus(models.TextChoices):
    QUEUED = "queued", _("Waiting to start")
    RUNNING = "running", _("Running")
    DONE = "done", _("Done")
    FAILED = "failed", _("Failed")


class StructureType(models.TextChoices):
    MSP = "msp", _("Multi-professional health centre (MSP)")
    CPTS = "cpts", _("Territorial health professionals' community (CPTS)")
    CDS = "cds", _("Health centre (centre de santé)")


class RegionCode(models.TextChoices):
    """The 18 French regions. Labels are the names people read, translated by gettext."""

    ARA = "auvergne-rhone-alpes", _("Auvergne-Rhône-Alpes")
    BFC = "bourgogne-franche-comte", _("Bourgogne-Franche-Comté")
    BRE = "bretagne", _("Bretagne")
    CVL = "centre-val-de-loire", _("Centre-Val de Loire")
    COR = "corse", _("Corse")
    GES = "grand-est", _("Grand Est")
    HDF = "hauts-de-france", _("Hauts-de-France")
    IDF = "ile-de-france", _("Île-de-France")
    NOR = "normandie", _("Normandie")
    NAQ = "nouvelle-aquitaine", _("Nouvelle-Aquitaine")
    OCC = "occitanie", _("Occitanie")
    PDL = "pays-de-la-loire", _("Pays de la Loire")
    PAC = "provence-alpes-cote-dazur", _("Provence-Alpes-Côte d'Azur")
    GUA = "guadeloupe", _("Guadeloupe")
    MTQ = "martinique", _("Martinique")
    GUF = "guyane", _("Guyane")
    REU = "la-reunion", _("La Réunion")
    MAY = "mayotte", _("Mayotte")


OVERSEAS_REGIONS = {RegionCode.GUA, RegionCode.MTQ, RegionCode.GUF, RegionCode.REU, RegionCode.MAY}
