"""Keeping the index current: which entries to refresh when something changes, done by a background task queued
after the commit (search.tasks), and the full rebuild of `manage.py search_reindex`.

Who may read an entry depends on the content only (its forum, region, access, view restrictions); a person's
regions and role are read when they search. So a membership change needs no reindexing: the next search of that
person already sees what they now may read."""

from people.mail import enqueue_on_commit
from search.backends import get_backend
from search.sources import sources

BATCH = 500


def refresh(prefix: str, ids) -> None:
    """Index the current state of these objects: entries for those that are searchable, none for the others
    (unpublished, deleted, made private with a password...)."""
    source = sources().get(prefix)
    if source is None:
        return
    ids = {int(pk) for pk in ids}
    entries = list(source.entries(ids))
    backend = get_backend()
    backend.index(entries)
    produced = {entry.source for entry in entries}
    gone = [f"{prefix}:{pk}" for pk in ids if f"{prefix}:{pk}" not in produced]
    if gone:
        backend.delete(gone)


def queue_refresh(prefix: str, ids) -> None:
    """Refresh these entries in the background once the current transaction commits."""
    from search.tasks import refresh_entries

    ids = sorted({int(pk) for pk in ids})
    for start in range(0, len(ids), 5000):
        enqueue_on_commit(refresh_entries, prefix, ids[start : start + 5000])


def batches(progress=None):
    """Every source's entries, in lists of BATCH; `progress(prefix, done, total)` after each."""
    for prefix, source in sources().items():
        ids = list(source.all_ids())
        done = 0
        for start in range(0, len(ids), BATCH):
            chunk = ids[start : start + BATCH]
            batch = list(source.entries(chunk))
            done += len(chunk)
            if progress:
                progress(prefix, done, len(ids))
            yield batch
        if not ids and progress:
            progress(prefix, 0, 0)


def reindex_all(progress=None) -> int:
    return get_backend().rebuild(batches(progress))
