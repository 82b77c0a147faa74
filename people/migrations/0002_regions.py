"""The 18 regions are reference data: every installation has them."""

from django.db import migrations

CODES = [
    "auvergne-rhone-alpes", "bourgogne-franche-comte", "bretagne", "centre-val-de-loire", "corse", "grand-est",
    "hauts-de-france", "ile-de-france", "normandie", "nouvelle-aquitaine", "occitanie", "pays-de-la-loire",
    "provence-alpes-cote-dazur", "guadeloupe", "martinique", "guyane", "la-reunion", "mayotte",
]


def create_regions(apps, schema_editor):
    Region = apps.get_model("people", "Region")
    for code in CODES:
        Region.objects.get_or_create(code=code)


class Migration(migrations.Migration):
    dependencies = [("people", "0001_initial")]
    operations = [migrations.RunPython(create_regions, migrations.RunPython.noop)]
