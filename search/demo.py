"""Demo content the search journey needs: reference documents of the library, found by the text inside their PDF
(created through documents.services, so that extraction and indexing happen as for an upload). Idempotent.
Everything else in the demo (pages, forum threads) is indexed as it is created."""

from documents import samples, services
from documents.enums import Access, Kind, Theme
from documents.models import LibraryDocument
from people.models import User

DOCUMENTS = [
    {
        "title": "Guide de l’équipe pluriprofessionnelle",
        "description": "Repères pour animer le travail en équipe dans une maison de santé.",
        "theme": Theme.TEAM, "kind": Kind.GUIDE, "access": Access.MEMBERS,
        "paragraphs": [
            "La coordination d’une équipe pluriprofessionnelle repose sur des temps d’échange réguliers.",
            "Chaque réunion d’équipe a un ordre du jour, un animateur et un compte rendu partagé.",
            "L’accès aux soins non programmés s’organise avec l’ensemble des professionnels du territoire.",
        ],
    },
    {
        "title": "Référentiel de la démarche qualité",
        "description": "Les étapes d’une démarche qualité en soins primaires, de l’état des lieux à l’évaluation.",
        "theme": Theme.QUALITY, "kind": Kind.FRAMEWORK, "access": Access.PUBLIC,
        "paragraphs": [
            "Une démarche qualité commence par un état des lieux partagé par l’équipe.",
            "Les indicateurs sont choisis avec les professionnels et suivis à chaque séminaire.",
        ],
    },
]


def load():
    owner = User.objects.filter(email="national@example.org").first()
    for spec in DOCUMENTS:
        if LibraryDocument.objects.filter(title=spec["title"]).exists():
            continue
        data = samples.pdf(spec["title"], spec["paragraphs"])
        services.create_document(
            title=spec["title"], file_name="document.pdf", data=data, owner=owner, access=spec["access"],
            theme=spec["theme"], kind=spec["kind"], description=spec["description"],
        )
