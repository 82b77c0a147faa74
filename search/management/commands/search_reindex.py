"""Rebuild the whole search index from the content (idempotent: twice in a row gives the same index)."""

import sys
import time

from django.core.management.base import BaseCommand

from search.backends import get_backend
from search.indexing import reindex_all


class Command(BaseCommand):
    help = "Rebuild the search index from pages, documents and forum posts."

    def handle(self, *args, **options):
        started = time.monotonic()
        quiet = options["verbosity"] == 0
        tty = sys.stdout.isatty()

        def progress(prefix, done, total):
            if quiet:
                return
            width = 30
            filled = width * done // total if total else width
            line = f"{prefix:<9} [{'#' * filled}{'.' * (width - filled)}] {done}/{total}"
            if tty:
                self.stdout.write("\r" + line, ending="\n" if done >= total else "")
                self.stdout.flush()
            elif done >= total:
                self.stdout.write(line)

        count = reindex_all(progress)
        if not quiet:
            self.stdout.write(self.style.SUCCESS(
                f"{count} entries indexed by {type(get_backend()).__name__} in {time.monotonic() - started:.1f} s"
            ))
