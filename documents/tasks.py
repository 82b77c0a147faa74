from django_tasks import task


@task()
def extract_document_text(document_id: int):
    """Extract the text of a library document's file (documents.extraction, in a limited subprocess) and store it.
    Keyed by the file's hash: a file already extracted (this document's, or the same file elsewhere) is not
    extracted again, and a file replaced meanwhile makes the outcome stale (services.store_extracted_text)."""
    from documents import services
    from documents.enums import TextStatus
    from documents.extraction import extract
    from documents.models import LibraryDocument

    document = LibraryDocument.objects.select_related("file").filter(pk=document_id).first()
    if document is None or document.text_hash == document.file_hash:
        return
    done = (
        LibraryDocument.objects.filter(text_hash=document.file_hash, text_status=TextStatus.DONE)
        .exclude(pk=document.pk).first()
    )
    if done is not None:
        services.store_extracted_text(document.pk, document.file_hash, pages=done.text_pages)
        return
    with document.file.file.open("rb") as handle:
        data = handle.read()
    outcome = extract(data, document.file_format)
    error = f"{outcome.error}: {outcome.detail}".rstrip(": ") if outcome.error else ""
    services.store_extracted_text(document.pk, document.file_hash, pages=outcome.pages, error=error)
