"""Files attached to posts, checked by the document library's validator (documents.validation.inspect_upload): what
a file is comes from its content, never from its name or the browser's word; names are normalised. The forums keep
their own, smaller, size limit; each refusal names the file it is about."""

from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _

from documents.validation import inspect_upload
from forums import conf


def _named(upload, message):
    return ValidationError(_("“%(name)s”: %(reason)s") % {"name": upload.name, "reason": message})


def validate(upload):
    """Refuse what is too big, empty or not one of the accepted kinds; on success set the upload's content type
    and name from what was found in it."""
    if upload.size > conf.max_attachment_bytes():
        raise _named(upload, _("the file weighs %(size)s; the limit is %(limit)s.") % {
            "size": filesizeformat(upload.size), "limit": filesizeformat(conf.max_attachment_bytes())})
    try:
        inspected = inspect_upload(upload)
    except ValidationError as error:
        raise _named(upload, " ".join(error.messages)) from error
    upload.content_type = inspected.mime_type
    upload.name = inspected.name
    upload.seek(0)
    return upload


def attach(post, files):
    from forums.models import Attachment

    for upload in files:
        Attachment.objects.create(
            post=post, file=upload, name=upload.name[:200], content_type=upload.content_type, size=upload.size
        )
