"""Library documents for tests: real files (documents.samples), stored through the service as an upload would be.
`bulk_documents` makes many rows sharing one stored file, for query counts."""

from documents import samples, services
from documents.enums import Access, Kind, Theme


def make_document(*, title="Outil d’animation", region=None, access=Access.MEMBERS, file_format="pdf",
                  theme=Theme.COLLABORATION, kind=Kind.TOOL, owner=None, language="fr", paragraphs=None, **extra):
    data = samples.make(file_format, title, paragraphs or ["L’équipe pluriprofessionnelle se réunit."])
    return services.create_document(
        title=title, file_name=f"{title}.{file_format}", data=data, owner=owner, region=region, access=access,
        theme=theme, kind=kind, language=language, **extra,
    )


def bulk_documents(count, *, template, regions=(None,), accesses=tuple(Access)):
    """`count` rows cloned from `template` (its file shared), spread over `regions` and `accesses`."""
    import uuid

    from documents.models import LibraryDocument

    rows = []
    for n in range(count):
        rows.append(LibraryDocument(
            title=f"Document {n:04d}", description="Un document de la bibliothèque.", theme=template.theme,
            kind=template.kind, language=template.language, region=regions[n % len(regions)],
            access=accesses[n % len(accesses)], file=template.file, file_hash=template.file_hash,
            file_size=template.file_size, file_format=template.file_format, file_name=template.file_name,
            text_status=template.text_status, locale=template.locale, translation_key=uuid.uuid4(),
        ))
    return LibraryDocument.objects.bulk_create(rows)
