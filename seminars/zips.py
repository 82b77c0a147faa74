"""The "download all" zip of a seminar's materials, streamed: files are read in chunks as the client receives the
archive, so memory does not grow with its size (zipstream-ng, no compression: the materials are PDF and office
files, already compressed)."""

import posixpath

from zipstream import ZIP_STORED, ZipStream

CHUNK = 64 * 1024


def _chunks(field_file):
    with field_file.open("rb") as handle:
        while chunk := handle.read(CHUNK):
            yield chunk


def _name(document, taken):
    base = posixpath.basename(document.file_name or document.file.original_filename or "") or f"document-{document.pk}"
    name, ext = posixpath.splitext(base)
    candidate, n = base, 2
    while candidate.lower() in taken:
        candidate, n = f"{name}-{n}{ext}", n + 1
    taken.add(candidate.lower())
    return candidate


def stream(documents):
    """The archive of `documents` (already filtered by permission), as an iterable of bytes."""
    archive = ZipStream(compress_type=ZIP_STORED, sized=False)
    taken = set()
    for document in documents:
        archive.add(_chunks(document.file.file), arcname=_name(document, taken))
    return archive
