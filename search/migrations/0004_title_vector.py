"""PostgreSQL: a GIN index on the titles' own tsvector (the weight-A part of `search_vector`), so that a one-word
search ranks its title matches without reading every match's vector (search.backends.database,
`DatabaseBackend.TITLE_VECTOR`: the expression must stay the same on both sides)."""

from django.db import migrations

TITLE_VECTOR = (
    "to_tsvector(CASE WHEN language = 'en' THEN 'pacte_english'::regconfig ELSE 'pacte_french'::regconfig END, "
    "CASE WHEN title_searched THEN title ELSE '' END)"
)


def forward(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    with schema_editor.connection.cursor() as cursor:
        cursor.execute(
            f"CREATE INDEX IF NOT EXISTS search_entry_title_vector ON search_searchentry USING gin (({TITLE_VECTOR}))"
        )


def backward(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    with schema_editor.connection.cursor() as cursor:
        cursor.execute("DROP INDEX IF EXISTS search_entry_title_vector")


class Migration(migrations.Migration):
    dependencies = [("search", "0003_title_trigrams")]

    operations = [migrations.RunPython(forward, backward, elidable=False)]
