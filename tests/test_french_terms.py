"""One word for the learners in French: coordonnateurs et coordonnatrices, as the calls for trainers write it. The
people import still understands "coordinateur" and "coordinatrice" in a file (people/services/people_import.py)."""

import re
from pathlib import Path

import polib

from people.enums import Role
from people.services.people_import import ROLE_ALIASES

ROOT = Path(__file__).resolve().parent.parent
OTHER_TERM = re.compile(r"\bcoordinat(?:eur|rice)s?\b", re.I)


def test_french_text_says_coordonnateur_and_coordonnatrice():
    catalogue = polib.pofile(str(ROOT / "cms" / "locale" / "fr" / "LC_MESSAGES" / "django.po"))
    wrong = [entry.msgstr or str(entry.msgstr_plural) for entry in catalogue
             if OTHER_TERM.search(entry.msgstr + " ".join(entry.msgstr_plural.values()))]
    for path in [ROOT / "cms" / "services" / "site_setup.py", ROOT / "cms" / "demo.py",
                 *(ROOT / "templates").rglob("*.html"), *(ROOT / "templates").rglob("*.txt")]:
        wrong += [f"{path.name}: {match.group()}" for match in OTHER_TERM.finditer(path.read_text(encoding="utf-8"))]
    assert wrong == []


def test_the_import_still_accepts_the_other_spellings():
    assert {"coordinateur", "coordinatrice", "coordonnateur", "coordonnatrice"} <= set(ROLE_ALIASES[Role.COORDINATOR])
