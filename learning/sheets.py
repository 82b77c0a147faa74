"""Technical sheets as PDFs (cms.pdf): made when a sheet is published, by a background task, and kept with the page;
a download serves the kept file, and makes it only if the published version has none yet (a task still queued)."""

import time

from django.core.files.base import ContentFile
from django.db import transaction
from django.http import FileResponse
from django.utils.text import slugify
from django_tasks import task

from cms.pdf import render_pdf


def render_sheet_pdf(sheet) -> bytes:
    return render_pdf(
        "learning/technical_sheet_pdf.html", {"page": sheet}, title=sheet.title,
        language=sheet.locale.language_code, author=sheet.authors or "PACTE",
    )


def _file_name(sheet):
    return f"{slugify(sheet.title)[:80] or 'fiche'}.pdf"


@transaction.atomic
def store_sheet_pdf(sheet):
    """Render the live version of `sheet` and keep it, replacing the previous PDF. Returns the seconds it took."""
    from learning.models import TechnicalSheetPage

    sheet = TechnicalSheetPage.objects.select_for_update().get(pk=sheet.pk)
    started = time.perf_counter()
    data = render_sheet_pdf(sheet)
    old_name = sheet.pdf.name if sheet.pdf else None
    sheet.pdf.save(_file_name(sheet), ContentFile(data), save=False)
    sheet.pdf_revision_id = sheet.live_revision_id
    TechnicalSheetPage.objects.filter(pk=sheet.pk).update(pdf=sheet.pdf.name, pdf_revision_id=sheet.pdf_revision_id)
    if old_name and old_name != sheet.pdf.name:
        transaction.on_commit(lambda: sheet.pdf.storage.delete(old_name))
    return time.perf_counter() - started


@task()
def regenerate_sheet_pdf(page_id: int):
    from learning.models import TechnicalSheetPage

    sheet = TechnicalSheetPage.objects.filter(pk=page_id, live=True).first()
    if sheet is not None and (sheet.pdf_revision_id != sheet.live_revision_id or not sheet.pdf):
        store_sheet_pdf(sheet)


def on_publish(sheet):
    from people.mail import enqueue_on_commit

    enqueue_on_commit(regenerate_sheet_pdf, sheet.pk)


def pdf_response(sheet):
    if not sheet.pdf or sheet.pdf_revision_id != sheet.live_revision_id or not sheet.pdf.storage.exists(sheet.pdf.name):
        store_sheet_pdf(sheet)
        sheet.refresh_from_db(fields=["pdf", "pdf_revision_id"])
    response = FileResponse(sheet.pdf.open("rb"), as_attachment=True, filename=_file_name(sheet),
                            content_type="application/pdf")
    response["X-Content-Type-Options"] = "nosniff"
    return response
