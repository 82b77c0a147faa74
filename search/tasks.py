"""Background work of the search app: one task refreshes a list of entries (search.indexing.refresh)."""

from django_tasks import task


@task()
def refresh_entries(prefix: str, ids: list[int]):
    from search.indexing import refresh

    refresh(prefix, ids)
