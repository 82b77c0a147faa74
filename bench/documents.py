"""`python bench/documents.py`: what the library's slow work costs, in-process (no server needed).

- a technical sheet's PDF (cms.pdf through learning.sheets.render_sheet_pdf): median and worst of 5 renders;
- text extraction (documents.extraction, a limited subprocess per file): pages per second on a set of real
  PDF, DOCX, ODT and PPTX files, and the worst time on a malformed and hostile set (truncated and garbage PDFs, a
  PDF with a 200,000-deep nesting, a zip whose XML is an entity bomb, a DOCX whose XML is not XML).

Uses the test settings and a throwaway database (like the test suite): run `python bench/documents.py`."""

import io
import os
import statistics
import sys
import time
import zipfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "cms.settings.test")

import django  # noqa: E402

django.setup()

from documents import samples  # noqa: E402
from documents.extraction import extract  # noqa: E402

PARAGRAPH = ("Le coordonnateur anime le travail en équipe : il prépare les réunions pluriprofessionnelles, suit les "
             "protocoles et fait le lien avec la CPTS et les partenaires du territoire.")


def well_formed():
    files = []
    for n in range(4):
        files.append(("pdf", samples.pdf(f"Guide {n}", [PARAGRAPH] * 36)))  # 6 pages each
    files += [("docx", samples.docx("Modèle", [PARAGRAPH] * 40)), ("odt", samples.odt("Outil", [PARAGRAPH] * 40)),
              ("pptx", samples.pptx("Support", [PARAGRAPH] * 12)), ("odp", samples.odp("Support", [PARAGRAPH] * 12))]
    return files


def _zip(parts):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in parts.items():
            archive.writestr(name, data)
    return buffer.getvalue()


def malformed():
    good = samples.pdf("Guide", [PARAGRAPH] * 12)
    bomb = ('<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">'
            + "".join(f'<!ENTITY lol{i} "{("&lol%s;" % (i - 1 if i else "")) * 10}">' for i in range(1, 10))
            + ']><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">&lol9;</w:document>')
    return [
        ("pdf", good[: len(good) // 2]),
        ("pdf", b"%PDF-1.7\n" + os.urandom(200_000)),
        ("pdf", b"%PDF-1.4\n1 0 obj\n" + b"[" * 200_000 + b"\nendobj\ntrailer<</Root 1 0 R>>\n%%EOF"),
        ("pdf", b"%PDF-1.4\n1 0 obj << /Type /Pages /Kids [1 0 R] /Count 1 >> endobj\ntrailer<</Root 1 0 R>>%%EOF"),
        ("docx", _zip({"[Content_Types].xml": "<Types/>", "word/document.xml": bomb})),
        ("docx", _zip({"[Content_Types].xml": "<Types/>", "word/document.xml": "<<<not xml"})),
        ("odt", b"PK\x03\x04" + os.urandom(5000)),
    ]


def main():
    from django.test.utils import setup_databases, setup_test_environment, teardown_databases

    setup_test_environment()
    databases = setup_databases(verbosity=0, interactive=False)
    try:
        run()
    finally:
        teardown_databases(databases, verbosity=0)


def run():

    results = {}
    # Sheet PDF: the template of a real sheet, rendered from an unsaved page object (no database needed).
    from learning.models import TechnicalSheetPage
    from wagtail.models import Locale

    sheet = TechnicalSheetPage(
        title="Animer une réunion pluriprofessionnelle", theme="collaboration", authors="Équipe nationale PACTE",
        intro="Faire de la réunion d’équipe un vrai temps de décision.",
        objective="<p>" + PARAGRAPH + "</p>", when_to_use="<p>" + PARAGRAPH + "</p>",
        steps=[{"type": "step", "value": {"title": f"Étape {n}", "text": "<p>" + PARAGRAPH + "</p>"}}
               for n in range(1, 7)],
        pitfalls="<p>" + PARAGRAPH + "</p>", references="<p>HAS, « Travailler en équipe », 2021.</p>",
    )
    sheet.locale = Locale(language_code="fr")
    from learning.sheets import render_sheet_pdf

    started = time.perf_counter()
    render_sheet_pdf(sheet)  # the first render loads the fonts
    results["sheet PDF, first render (s)"] = round(time.perf_counter() - started, 3)
    times = []
    for _ in range(5):
        started = time.perf_counter()
        render_sheet_pdf(sheet)
        times.append(time.perf_counter() - started)
    results["sheet PDF median (s)"] = round(statistics.median(times), 3)
    results["sheet PDF worst (s)"] = round(max(times), 3)

    pages, started = 0, time.perf_counter()
    for file_format, data in well_formed():
        outcome = extract(data, file_format)
        assert not outcome.error, (file_format, outcome)
        pages += len(outcome.pages)
    elapsed = time.perf_counter() - started
    results["extraction: pages"] = pages
    results["extraction: pages per second"] = round(pages / elapsed, 1)

    worst, outcomes = 0.0, []
    for file_format, data in malformed():
        outcome = extract(data, file_format, cpu_seconds=5, memory_mb=512)
        worst = max(worst, outcome.seconds)
        outcomes.append(outcome.error or "no error")
    results["malformed set: worst time (s)"] = round(worst, 2)
    results["malformed set: outcomes"] = ", ".join(outcomes)
    for name, value in results.items():
        print(f"{name:40} {value}")


if __name__ == "__main__":
    main()
