"""Suggestions on PostgreSQL through a trigram index (pg_trgm) on the accent-folded, lower-case titles that are
suggested: the `LIKE` patterns of search.backends.database.suggest no longer scan the table. SQLite keeps its way
(the same patterns over the table)."""

from django.db import migrations

POSTGRES = [
    "CREATE EXTENSION IF NOT EXISTS pg_trgm",
    "CREATE INDEX IF NOT EXISTS search_entry_title_trgm ON search_searchentry "
    "USING gin (title_folded gin_trgm_ops) WHERE title_searched",
]
POSTGRES_BACK = ["DROP INDEX IF EXISTS search_entry_title_trgm"]


def forward(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    with schema_editor.connection.cursor() as cursor:
        for statement in POSTGRES:
            cursor.execute(statement)


def backward(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    with schema_editor.connection.cursor() as cursor:
        for statement in POSTGRES_BACK:
            cursor.execute(statement)


class Migration(migrations.Migration):
    dependencies = [("search", "0002_entries")]

    operations = [migrations.RunPython(forward, backward, elidable=False)]
