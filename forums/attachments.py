"""Files attached to posts, checked like the document library's uploads: what a file is comes from its content
(magic numbers, and for office documents the archive's declared type), never from its name or the browser's word;
and a size limit.

The document library's validator (documents.validation.inspect_upload) had not landed on main when this was
written: `validate` is the one place to switch to it, with the same accepted kinds."""

import zipfile
from pathlib import PurePosixPath

from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat
from django.utils.text import get_valid_filename
from django.utils.translation import gettext as _

from forums import conf

ACCEPTED = "PDF, DOCX, ODT, XLSX, ODS, PPTX, ODP, PNG, JPEG"
ODF = {
    b"application/vnd.oasis.opendocument.text": ("odt", "application/vnd.oasis.opendocument.text"),
    b"application/vnd.oasis.opendocument.spreadsheet": ("ods", "application/vnd.oasis.opendocument.spreadsheet"),
    b"application/vnd.oasis.opendocument.presentation": ("odp", "application/vnd.oasis.opendocument.presentation"),
}
OOXML = {
    "word/document.xml": ("docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
    "xl/workbook.xml": ("xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
    "ppt/presentation.xml": ("pptx", "application/vnd.openxmlformats-officedocument.presentationml.presentation"),
}


def _detect(upload):
    upload.seek(0)
    head = upload.read(16)
    upload.seek(0)
    if head.startswith(b"%PDF-"):
        return "pdf", "application/pdf"
    if head.startswith(b"\x89PNG\r\n\x1a\n"):
        return "png", "image/png"
    if head.startswith(b"\xff\xd8\xff"):
        return "jpg", "image/jpeg"
    if head.startswith(b"PK\x03\x04"):
        try:
            with zipfile.ZipFile(upload) as archive:
                names = set(archive.namelist())
                if "mimetype" in names:
                    kind = ODF.get(archive.read("mimetype").strip())
                    if kind:
                        return kind
                for part, kind in OOXML.items():
                    if part in names and "[Content_Types].xml" in names:
                        return kind
        except (zipfile.BadZipFile, KeyError, OSError):
            pass
        finally:
            upload.seek(0)
    return None


def validate(upload):
    """Refuse what is too big, empty or not one of the accepted kinds; on success set the upload's content type
    and name from what was found in it."""
    if upload.size > conf.max_attachment_bytes():
        raise ValidationError(
            _("“%(name)s” weighs %(size)s; the limit is %(limit)s.")
            % {"name": upload.name, "size": filesizeformat(upload.size), "limit": filesizeformat(conf.max_attachment_bytes())}
        )
    if not upload.size:
        raise ValidationError(_("“%(name)s” is empty.") % {"name": upload.name})
    found = _detect(upload)
    if found is None:
        raise ValidationError(
            _("“%(name)s” is not a file we accept. Accepted: %(kinds)s.") % {"name": upload.name, "kinds": ACCEPTED}
        )
    extension, content_type = found
    upload.content_type = content_type
    stem = get_valid_filename(PurePosixPath(upload.name.replace("\\", "/")).stem)[:150] or "fichier"
    upload.name = f"{stem}.{extension}"
    return upload


def attach(post, files):
    from forums.models import Attachment

    for upload in files:
        Attachment.objects.create(
            post=post, file=upload, name=upload.name[:200], content_type=upload.content_type, size=upload.size
        )
