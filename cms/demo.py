"""Demo content for `make run`: fictional people in three regions, French pages with English translations,
partner logos and a real PDF. Loaded only where settings allow it (never in production). Idempotent."""

import io

from django.core.files.base import ContentFile
from django.core.files.images import ImageFile
from django.db import transaction
from PIL import Image as PILImage
from PIL import ImageDraw, ImageFont
from wagtail.images import get_image_model
from wagtail.models import Site

from cms import conf
from cms.models import ContentPage, RegionPage, SiteSettings
from cms.services.collections import national_collection
from cms.services.translation import translate
from documents import demo as documents_demo
from forums import demo as forums_demo
from learning import demo as learning_demo
from learning import sheet_demo
from search import demo as search_demo
from learning.models import LearningIndexPage
from seminars import demo as seminars_demo
from people.enums import Role, StructureType
from people.models import User

DEMO_ACCOUNTS = [
    # email, first name, last name, role, region, structure type, structure, town, language
    ("national@example.org", "Claire", "Morel", Role.NATIONAL, None, "", "EHESP", "Rennes", "fr"),
    ("trainer.bretagne@example.org", "Yann", "Le Goff", Role.TRAINER, "bretagne", StructureType.MSP,
     "MSP de Brocéliande", "Ploërmel", "fr"),
    ("partner.bretagne@example.org", "Sophie", "Tanguy", Role.PARTNER, "bretagne", "", "ARS Bretagne", "Rennes", "fr"),
    ("coordinator.bretagne@example.org", "Maëlle", "Kerouac", Role.COORDINATOR, "bretagne", StructureType.MSP,
     "MSP du Pays de Redon", "Redon", "fr"),
    ("trainer.normandie@example.org", "Hugo", "Lefebvre", Role.TRAINER, "normandie", StructureType.CPTS,
     "CPTS du Cotentin", "Cherbourg-en-Cotentin", "fr"),
    ("coordinator.normandie@example.org", "Inès", "Duval", Role.COORDINATOR, "normandie", StructureType.CPTS,
     "CPTS Caen Nord", "Caen", "en"),
]

OTHER_PEOPLE = [
    ("anne.riou@example.org", "Anne", "Riou", Role.TRAINER, "bretagne", StructureType.MSP, "MSP de l'Odet", "Quimper"),
    ("marc.jegou@example.org", "Marc", "Jégou", Role.PARTNER, "bretagne", "", "URPS Médecins Bretagne", "Rennes"),
    ("lea.guillou@example.org", "Léa", "Guillou", Role.COORDINATOR, "bretagne", StructureType.CPTS,
     "CPTS du Pays de Morlaix", "Morlaix"),
    ("paul.hamon@example.org", "Paul", "Hamon", Role.COORDINATOR, "bretagne", StructureType.CDS,
     "Centre de santé de Lorient", "Lorient"),
    ("julie.martin@example.org", "Julie", "Martin", Role.TRAINER, "normandie", StructureType.MSP,
     "MSP du Bessin", "Bayeux"),
    ("thomas.leroy@example.org", "Thomas", "Leroy", Role.PARTNER, "normandie", "", "ARS Normandie", "Caen"),
    ("camille.fournier@example.org", "Camille", "Fournier", Role.COORDINATOR, "normandie", StructureType.MSP,
     "MSP de Vire", "Vire Normandie"),
    ("nadia.benali@example.org", "Nadia", "Benali", Role.TRAINER, "occitanie", StructureType.CPTS,
     "CPTS Toulouse Sud", "Toulouse"),
    ("pierre.fabre@example.org", "Pierre", "Fabre", Role.TRAINER, "occitanie", StructureType.MSP,
     "MSP des Cévennes", "Alès"),
    ("elodie.roux@example.org", "Élodie", "Roux", Role.COORDINATOR, "occitanie", StructureType.MSP,
     "MSP du Lauragais", "Castelnaudary"),
    ("karim.saidi@example.org", "Karim", "Saïdi", Role.COORDINATOR, "occitanie", StructureType.CDS,
     "Centre de santé de Montpellier Ouest", "Montpellier"),
]


def _p(text):
    return {"type": "paragraph", "value": f"<p>{text}</p>"}


def _h(text, level="h2"):
    return {"type": "heading", "value": {"text": text, "level": level}}


def _callout(kind, title, text):
    return {"type": "callout", "value": {"kind": kind, "title": title, "text": f"<p>{text}</p>"}}


REGION_CONTENT = {
    "bretagne": {
        "intro": "En Bretagne, le programme est piloté par l'ARS, les URPS, GECO Lib' et ESSORT, qui en assure la "
        "mise en œuvre opérationnelle.",
        "body": [
            _h("Les séminaires régionaux"),
            _p("Trois séminaires de deux jours réunissent la cohorte bretonne à Rennes : partage d'expériences, "
               "résolution de problèmes, mises en situation et appropriation d'outils."),
            _callout("info", "Comité de pilotage",
                     "Après chaque séminaire, les formateurs relais présentent un retour au comité de pilotage."),
        ],
        "en": {
            "En Bretagne, le programme est piloté par l'ARS, les URPS, GECO Lib' et ESSORT, qui en assure la "
            "mise en œuvre opérationnelle.": "In Brittany, the programme is steered by the ARS, the URPS, GECO Lib' "
            "and ESSORT, which runs it day to day.",
            "Les séminaires régionaux": "Regional seminars",
            "Trois séminaires de deux jours réunissent la cohorte bretonne à Rennes : partage d'expériences, "
            "résolution de problèmes, mises en situation et appropriation d'outils.": "Three two-day seminars bring "
            "the Brittany cohort together in Rennes: sharing experience, solving problems, role play and getting to "
            "grips with tools.",
            "Comité de pilotage": "Steering committee",
            "Après chaque séminaire, les formateurs relais présentent un retour au comité de pilotage.": "After each "
            "seminar, the regional trainers report to the steering committee.",
        },
    },
    "normandie": {
        "intro": "La cohorte normande réunit des coordonnateurs de MSP et de CPTS de toute la région.",
        "body": [
            _h("Travaux inter-séminaires"),
            _p("Entre les séminaires, chaque coordonnateur applique un outil avec son équipe et en rend compte sur "
               "la plateforme."),
        ],
        "en": {
            "La cohorte normande réunit des coordonnateurs de MSP et de CPTS de toute la région.": "The Normandy "
            "cohort brings together coordinators of MSPs and CPTSs from across the region.",
            "Travaux inter-séminaires": "Between-seminar work",
            "Entre les séminaires, chaque coordonnateur applique un outil avec son équipe et en rend compte sur "
            "la plateforme.": "Between seminars, each coordinator applies a tool with their team and reports on it "
            "on the platform.",
        },
    },
    "occitanie": {
        "intro": "En Occitanie, deux binômes de formateurs relais accompagnent les équipes de Toulouse et de "
        "Montpellier.",
        "body": [_p("Les séminaires alternent entre Toulouse et Montpellier.")],
        "en": {
            "En Occitanie, deux binômes de formateurs relais accompagnent les équipes de Toulouse et de "
            "Montpellier.": "In Occitanie, two pairs of regional trainers support the teams of Toulouse and "
            "Montpellier.",
            "Les séminaires alternent entre Toulouse et Montpellier.": "Seminars alternate between Toulouse and "
            "Montpellier.",
        },
    },
}

# Pages that trainers write under their region's page (listed there, and in the site map).
REGION_PAGES = {
    "bretagne": [
        {
            "title": "Séminaire de printemps à Rennes",
            "slug": "seminaire-de-printemps",
            "intro": "Deux jours consacrés à la dynamique d’équipe et à la conduite de réunion.",
            "body": [_p("Le programme détaillé et les documents de préparation sont envoyés trois semaines avant.")],
            "en": {
                "Séminaire de printemps à Rennes": "Spring seminar in Rennes",
                "seminaire-de-printemps": "spring-seminar",
                "Deux jours consacrés à la dynamique d’équipe et à la conduite de réunion.": "Two days on team "
                "dynamics and running meetings.",
                "Le programme détaillé et les documents de préparation sont envoyés trois semaines avant.": "The "
                "detailed programme and the preparation documents are sent three weeks before.",
            },
        },
    ],
}

RESOURCES = [
    {
        "title": "Animer une réunion pluriprofessionnelle",
        "slug": "animer-une-reunion",
        "intro": "Fiche technique : préparer, conduire et conclure une réunion d'équipe efficace.",
        "body": [
            _h("Avant la réunion"),
            _p("Fixez un objectif clair, diffusez l'ordre du jour et désignez un secrétaire de séance."),
            _h("Pendant la réunion"),
            _p("Donnez la parole à chaque profession et tenez le temps imparti à chaque point."),
            _callout("tip", "Astuce", "Terminez toujours par un relevé de décisions : qui fait quoi, pour quand."),
        ],
        "en": {
            "Animer une réunion pluriprofessionnelle": "Running a multi-professional meeting",
            "animer-une-reunion": "running-a-meeting",
            "Fiche technique : préparer, conduire et conclure une réunion d'équipe efficace.": "Technical sheet: "
            "preparing, running and closing an effective team meeting.",
            "Avant la réunion": "Before the meeting",
            "Fixez un objectif clair, diffusez l'ordre du jour et désignez un secrétaire de séance.": "Set a clear "
            "goal, send the agenda and appoint someone to take the minutes.",
            "Pendant la réunion": "During the meeting",
            "Donnez la parole à chaque profession et tenez le temps imparti à chaque point.": "Let every profession "
            "speak and keep to the time set for each item.",
            "Astuce": "Tip",
            "Terminez toujours par un relevé de décisions : qui fait quoi, pour quand.": "Always end with a record "
            "of decisions: who does what, by when.",
        },
        "document": True,
    },
    {
        "title": "Conduite de projet en équipe de soins primaires",
        "slug": "conduite-de-projet",
        "intro": "Les étapes d'un projet de santé : diagnostic, objectifs, plan d'action, évaluation.",
        "body": [
            _p("Un projet de santé partagé part d'un diagnostic des besoins de la population du territoire."),
            _callout("warning", "Attention", "Un projet sans indicateur d'évaluation ne peut pas être amélioré."),
        ],
        "en": {
            "Conduite de projet en équipe de soins primaires": "Project management in primary-care teams",
            "conduite-de-projet": "project-management",
            "Les étapes d'un projet de santé : diagnostic, objectifs, plan d'action, évaluation.": "The steps of a "
            "health project: assessment, objectives, action plan, evaluation.",
            "Un projet de santé partagé part d'un diagnostic des besoins de la population du territoire.": "A "
            "shared health project starts from an assessment of the needs of the area's population.",
            "Attention": "Warning",
            "Un projet sans indicateur d'évaluation ne peut pas être amélioré.": "A project without an evaluation "
            "indicator cannot be improved.",
        },
    },
    {
        "title": "Démarche qualité : les premiers pas",
        "slug": "demarche-qualite",
        "intro": "Repères pour engager l'équipe dans l'amélioration continue de ses pratiques.",
        "body": [_p("La matrice de maturité de la HAS aide l'équipe à situer son organisation.")],
        "en": {
            "Démarche qualité : les premiers pas": "Quality approach: first steps",
            "demarche-qualite": "quality-approach",
            "Repères pour engager l'équipe dans l'amélioration continue de ses pratiques.": "Pointers to engage "
            "the team in the continuous improvement of its practice.",
            "La matrice de maturité de la HAS aide l'équipe à situer son organisation.": "The HAS maturity matrix "
            "helps the team see where its organisation stands.",
        },
    },
]

PARTNERS = [("EHESP", "#000091"), ("HAS", "#6a1b9a"), ("AVEC Santé", "#18753c"), ("ARS", "#b34000")]


def _people():
    from people.models import Region

    password = conf.demo_password()
    accounts = [row for row in DEMO_ACCOUNTS] + [row + ("fr",) for row in OTHER_PEOPLE]
    for email, first, last, role, region_code, stype, structure, town, language in accounts:
        user = User.objects.filter(email=email).first()
        if user is None:
            user = User(email=email, first_name=first, last_name=last, role=role, structure_type=stype,
                        structure_name=structure, structure_town=town, preferred_language=language)
            user.set_password(password)
            user.save()
        if region_code:
            user.regions.add(Region.objects.get(code=region_code))


def _publish_with_translation(page, fields, strings):
    """Give a French page its demo content (once) and bring its English translation up to date."""
    if not page.intro:
        for name, value in fields.items():
            setattr(page, name, value)
        page.save_revision().publish()
        page.refresh_from_db()
        translate(page, "en", strings, publish=True)


def _regions():
    for code, content in REGION_CONTENT.items():
        page = RegionPage.objects.get(region__code=code, locale__language_code="fr")
        _publish_with_translation(page, {"intro": content["intro"], "body": content["body"]}, content["en"])


def _region_pages():
    for code, pages in REGION_PAGES.items():
        region_page = RegionPage.objects.get(region__code=code, locale__language_code="fr")
        for content in pages:
            if ContentPage.objects.child_of(region_page).filter(slug=content["slug"]).exists():
                continue
            page = ContentPage(title=content["title"], slug=content["slug"], intro=content["intro"],
                               body=content["body"])
            region_page.add_child(instance=page)
            page.save_revision().publish()
            translate(page, "en", content["en"], publish=True)


# A TrueType font with every accent: Pillow's built-in font has none ("AVEC Santé" came out "AVEC Sant▯"). Debian's
# fonts-dejavu-core, which `make run` and `make test` install when it is missing.
LOGO_FONT = "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf"


def _png(label, colour, size=(360, 120)):
    image = PILImage.new("RGB", size, "white")
    draw = ImageDraw.Draw(image)
    draw.rectangle([0, 0, size[0] - 1, size[1] - 1], outline=colour, width=6)
    for font_size in range(40, 9, -2):  # the largest that fits
        try:
            font = ImageFont.truetype(LOGO_FONT, font_size)
        except OSError as error:
            raise RuntimeError(f"The demo logos need {LOGO_FONT} (Debian package fonts-dejavu-core).") from error
        left, top, right, bottom = draw.textbbox((0, 0), label, font=font)
        if right - left <= size[0] - 40:
            break
    draw.text(((size[0] - (right - left)) / 2 - left, (size[1] - (bottom - top)) / 2 - top), label, fill=colour,
              font=font)
    buffer = io.BytesIO()
    image.save(buffer, "PNG")
    return buffer.getvalue()


def _logos():
    """The partners' logos, in the national collection: trainers may choose them, only the national team changes
    them."""
    Image = get_image_model()
    national = national_collection()
    settings = SiteSettings.for_site(Site.objects.get(is_default_site=True))
    settings.contact_email = settings.contact_email or "contact@pacte.example.org"
    if not settings.partner_logos.exists():
        for order, (name, colour) in enumerate(PARTNERS):
            image = Image.objects.filter(title=f"Logo {name}").first()
            if image is None:
                image = Image(title=f"Logo {name}", collection=national,
                              file=ImageFile(io.BytesIO(_png(name, colour)), name=f"logo-{order}.png"))
                image.save()
            settings.partner_logos.create(name=name, image=image, sort_order=order)
    # Demos loaded before the collections existed had them in the root collection, which every trainer could change.
    logo_ids = [logo.image_id for logo in settings.partner_logos.all()]
    Image.objects.filter(pk__in=logo_ids).exclude(collection=national).update(collection=national)
    settings.save()


def _guide_pdf():
    """A real PDF made with cms.pdf, kept in the document library (public: the resources page links it)."""
    from documents import samples, services
    from documents.enums import Access, Kind, Theme
    from documents.models import LibraryDocument

    existing = LibraryDocument.objects.filter(file_name="guide-du-coordonnateur.pdf").first()
    if existing:
        return existing
    data = samples.pdf("Guide du coordonnateur PACTE", [
        "Ce guide présente les outils d’animation d’équipe utilisés pendant les séminaires régionaux.",
    ])
    return services.create_document(
        title="Guide du coordonnateur", file_name="guide-du-coordonnateur.pdf", data=data, owner=None,
        access=Access.PUBLIC, theme=Theme.COLLABORATION, kind=Kind.GUIDE,
        description="Les outils d’animation d’équipe des séminaires régionaux, en quelques pages.",
    )


def _resources():
    index = LearningIndexPage.objects.get(locale__language_code="fr")
    for resource in RESOURCES:
        if ContentPage.objects.child_of(index).filter(slug=resource["slug"]).exists():
            continue
        body = list(resource["body"])
        if resource.get("document"):
            body.append({"type": "document", "value": {"document": _guide_pdf().pk, "title": ""}})
        page = ContentPage(title=resource["title"], slug=resource["slug"], intro=resource["intro"], body=body)
        index.add_child(instance=page)
        page.save_revision().publish()
        translate(page, "en", resource["en"], publish=True)


def load_demo():
    """Load the demo. Each step checks what exists, so it can run again (and must not be one transaction: see
    cms.services.translation)."""
    if not conf.demo_enabled():
        raise RuntimeError("Demo content is disabled by settings (PACTE_DEMO_ENABLED).")
    with transaction.atomic():
        _people()
        _logos()
    _regions()
    _region_pages()
    documents_demo.load()  # before the resources and sheets, which link its documents
    _resources()
    sheet_demo.load()
    forums_demo.load()
    learning_demo.load()
    seminars_demo.load()
    search_demo.load()
    return DEMO_ACCOUNTS
