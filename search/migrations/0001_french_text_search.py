"""On PostgreSQL, a French text-search configuration that folds accents then stems: "séminaires" and
"seminaire" meet. Other databases have nothing to create."""

from django.db import migrations

CONFIG = "pacte_french"

FORWARD = [
    "CREATE EXTENSION IF NOT EXISTS unaccent",
    f"DROP TEXT SEARCH CONFIGURATION IF EXISTS {CONFIG}",
    f"CREATE TEXT SEARCH CONFIGURATION {CONFIG} ( COPY = pg_catalog.french )",
    f"ALTER TEXT SEARCH CONFIGURATION {CONFIG} ALTER MAPPING FOR hword, hword_part, word "
    "WITH unaccent, french_stem",
]


def forward(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    with schema_editor.connection.cursor() as cursor:
        for statement in FORWARD:
            cursor.execute(statement)


def backward(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    with schema_editor.connection.cursor() as cursor:
        cursor.execute(f"DROP TEXT SEARCH CONFIGURATION IF EXISTS {CONFIG}")


class Migration(migrations.Migration):
    dependencies = []
    operations = [migrations.RunPython(forward, backward, elidable=False)]
