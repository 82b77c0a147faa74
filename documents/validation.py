"""Uploads are hostile input. What a file is comes from its content (magic numbers, and for office documents the
archive's declared type), never from its name or the browser's word; a size limit; a normalised name. Every refusal
is a ValidationError with a message in the user's language that names no file, so that callers (forums'
attachments, seminar submissions) can prefix the file's name.

Office documents are zip archives: an archive that unpacks to far more than its size (a zip bomb), with macros, or
too damaged to read is refused here, before anything else opens it."""

import re
import unicodedata
import zipfile
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _

from documents import conf

MIME_TYPES = {
    "pdf": "application/pdf",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "pptx": "application/vnd.openxmlformats-officedocument.presentationml.presentation",
    "odt": "application/vnd.oasis.opendocument.text",
    "ods": "application/vnd.oasis.opendocument.spreadsheet",
    "odp": "application/vnd.oasis.opendocument.presentation",
    "png": "image/png",
    "jpg": "image/jpeg",
}
ACCEPTED = "PDF, DOCX, ODT, XLSX, ODS, PPTX, ODP, PNG, JPEG"
_ODF = {MIME_TYPES[f].encode(): f for f in ("odt", "ods", "odp")}
# The main part of each OOXML kind and the content type it must declare (a macro-enabled .docm declares another).
_OOXML = {
    "word/document.xml": ("docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"),
    "xl/workbook.xml": ("xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"),
    "ppt/presentation.xml": (
        "pptx", "application/vnd.openxmlformats-officedocument.presentationml.presentation.main+xml"
    ),
}
MAX_ARCHIVE_MEMBERS = 5000


@dataclass(frozen=True)
class Inspected:
    file_format: str
    mime_type: str
    size: int
    name: str


def _size(upload) -> int:
    size = getattr(upload, "size", None)
    if size is None:
        upload.seek(0, 2)
        size = upload.tell()
        upload.seek(0)
    return size


def _refuse(message):
    raise ValidationError(message, code="invalid_upload")


def _looks_like_markup(head: bytes) -> str | None:
    text = head.lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if b"<svg" in text[:4096] or text.startswith(b"<?xml") and b"<svg" in text:
        return "svg"
    if text.startswith((b"<!doctype html", b"<html", b"<head", b"<body", b"<script", b"<iframe", b"<meta", b"<!--")):
        return "html"
    if text.startswith(b"<") and (b"<script" in text or b"<html" in text):
        return "html"
    return None


def _is_program(head: bytes) -> bool:
    return head.startswith((b"MZ", b"\x7fELF", b"#!", b"\xca\xfe\xba\xbe", b"\xcf\xfa\xed\xfe", b"\xfe\xed\xfa"))


def _office_format(upload, size) -> str:
    try:
        with zipfile.ZipFile(upload) as archive:
            members = archive.infolist()
            if len(members) > MAX_ARCHIVE_MEMBERS:
                _refuse(_("The file is an archive with too many parts to be an office document."))
            unpacked = sum(member.file_size for member in members)
            if unpacked > max(size, 1) * conf.max_archive_ratio() or unpacked > conf.max_upload_bytes() * 20:
                _refuse(_("The file unpacks to far more than its size: it is refused as a possible zip bomb."))
            names = {member.filename for member in members}
            if any(name.lower().endswith("vbaproject.bin") or name.lower().startswith("basic/") for name in names):
                _refuse(_("The file contains macros: save it without them (as .docx rather than .docm, for example)."))
            if "mimetype" in names:
                found = _ODF.get(archive.read("mimetype").strip())
                if found:
                    return found
            if "[Content_Types].xml" in names:
                declared = archive.read("[Content_Types].xml")
                if b"macroEnabled" in declared:
                    _refuse(
                        _("The file contains macros: save it without them (as .docx rather than .docm, for example).")
                    )
                for part, (file_format, content_type) in _OOXML.items():
                    if part in names and content_type.encode() in declared:
                        return file_format
    except (zipfile.BadZipFile, zipfile.LargeZipFile, KeyError, OSError, EOFError, ValueError, NotImplementedError):
        _refuse(_("The file is a damaged archive: it cannot be read as an office document."))
    finally:
        upload.seek(0)
    _refuse(_("The file is a zip archive but not an office document we accept. Accepted: %(kinds)s.")
            % {"kinds": ACCEPTED})


def detect_format(upload, size) -> str:
    upload.seek(0)
    head = upload.read(8192)
    upload.seek(0)
    if head.startswith(b"%PDF-"):
        return "pdf"
    if head.startswith(b"\x89PNG\r\n\x1a\n"):
        return "png"
    if head.startswith(b"\xff\xd8\xff"):
        return "jpg"
    if head.startswith(b"PK\x03\x04"):
        return _office_format(upload, size)
    markup = _looks_like_markup(head)
    if markup == "svg":
        _refuse(_("The file is an SVG image: SVG is not accepted, since it can carry scripts. Export it as PNG."))
    if markup == "html":
        _refuse(_("The file is a web page (HTML), whatever its name says: web pages are not accepted."))
    if _is_program(head):
        _refuse(_("The file is a program: programs are not accepted."))
    _refuse(_("The file is not of a kind we accept (its content was checked, not its name). Accepted: %(kinds)s.")
            % {"kinds": ACCEPTED})


_UNSAFE = re.compile(r"[^\w\s.()+,'’-]")


def normalise_name(name, file_format) -> str:
    """A safe file name: the last part of any path, no control or invisible characters, no leading dots, letters
    (accents kept), digits and a little punctuation, at most 120 characters, and the extension of what the file is."""
    name = unicodedata.normalize("NFC", str(name or ""))
    name = name.replace("\\", "/").rsplit("/", 1)[-1]
    name = "".join(char for char in name if unicodedata.category(char)[0] not in "CZ" or char == " ")
    stem = name.rsplit(".", 1)[0] if "." in name else name
    stem = _UNSAFE.sub("", stem)
    stem = re.sub(r"\.{2,}", ".", stem)
    stem = re.sub(r"\s+", "-", stem.strip())
    stem = stem[:120].strip(".-_ ") or "document"
    return f"{stem}.{file_format}"


def inspect_upload(uploaded_file) -> Inspected:
    """Check an uploaded file (any Django File): raise ValidationError when it is empty, too big or not one of the
    accepted kinds; otherwise say what it is and give it a safe name."""
    size = _size(uploaded_file)
    if not size:
        _refuse(_("The file is empty."))
    limit = conf.max_upload_bytes()
    if size > limit:
        _refuse(_("The file weighs %(size)s; the limit is %(limit)s.")
                % {"size": filesizeformat(size), "limit": filesizeformat(limit)})
    file_format = detect_format(uploaded_file, size)
    return Inspected(
        file_format=file_format,
        mime_type=MIME_TYPES[file_format],
        size=size,
        name=normalise_name(getattr(uploaded_file, "name", ""), file_format),
    )
