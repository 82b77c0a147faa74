"""Source strings are English, so the English catalogue's empty entries take their msgid; entries someone
translated on purpose (region names: "Bretagne" -> "Brittany") are kept. Run by `make messages`."""

from pathlib import Path

import polib
from django.conf import settings
from django.core.management.base import BaseCommand


class Command(BaseCommand):
    help = "Fill the English catalogue's untranslated entries with their (English) source text."

    def handle(self, *args, **options):
        path = Path(settings.LOCALE_PATHS[0]) / "en" / "LC_MESSAGES" / "django.po"
        catalogue = polib.pofile(str(path))
        filled = 0
        for entry in catalogue:
            if entry.obsolete:
                continue
            if entry.msgid_plural:
                if not any(entry.msgstr_plural.values()):
                    entry.msgstr_plural = {0: entry.msgid, 1: entry.msgid_plural}
                    filled += 1
            elif not entry.msgstr:
                entry.msgstr = entry.msgid
                filled += 1
            if "fuzzy" in entry.flags:
                entry.flags.remove("fuzzy")
        catalogue.save()
        self.stdout.write(f"{path}: {filled} entries filled.")
