"""People in French order (people.collation): on PostgreSQL an ICU collation that ignores accents and case; SQLite
gets the same comparison on each connection, so there is nothing to create there."""

import django.db.models.functions.comparison
from django.db import migrations, models

FORWARD = (
    "CREATE COLLATION IF NOT EXISTS fr_ci "
    "(provider = icu, locale = 'fr-u-ks-level1', deterministic = false)"
)


def forward(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    with schema_editor.connection.cursor() as cursor:
        cursor.execute(FORWARD)


def backward(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    with schema_editor.connection.cursor() as cursor:
        cursor.execute("DROP COLLATION IF EXISTS fr_ci")


class Migration(migrations.Migration):

    dependencies = [
        ("people", "0003_people_import"),
    ]

    operations = [
        migrations.RunPython(forward, backward, elidable=False),
        migrations.AlterModelOptions(
            name="user",
            options={
                "ordering": [
                    models.OrderBy(django.db.models.functions.comparison.Collate(models.F("last_name"), "fr_ci")),
                    models.OrderBy(django.db.models.functions.comparison.Collate(models.F("first_name"), "fr_ci")),
                ],
                "verbose_name": "person",
                "verbose_name_plural": "people",
            },
        ),
    ]
