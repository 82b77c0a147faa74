"""Demo seminars: the 2020 Bretagne cohort (three seminars with French agendas, the first translated into
English), materials from the library, assignments with submissions and reviews, attendance, a COPIL report, and
the national trainers' seminar in Paris on 26–28 March 2020. Idempotent: what exists is left alone.

Records are written directly (not through the services) so that loading the demo sends no e-mail."""

import copy
import datetime
from zoneinfo import ZoneInfo

from django.db import transaction

from cms.models import HomePage, RegionPage
from cms.services.translation import translate
from people.models import User
from seminars.blocks import agenda_data
from seminars.models import (
    Assignment,
    Attendance,
    CopilReport,
    JournalEntry,
    Registration,
    Review,
    SeminarIndexPage,
    SeminarPage,
    Submission,
)

PARIS = ZoneInfo("Europe/Paris")
TRAINERS = ("trainer.bretagne@example.org", "anne.riou@example.org")
COORDINATORS = ("coordinator.bretagne@example.org", "lea.guillou@example.org", "paul.hamon@example.org")


def _s(start, end, title, activity, description="", facilitator=""):
    return {"start": start, "end": end, "title": title, "activity": activity, "description": description,
            "facilitator": facilitator}


def _day(date, sessions):
    return (date, sessions)


MORNING_WELCOME = _s("09:00", "09:30", "Accueil et tour de table", "sharing",
                     "Chacun présente son équipe et ses attentes pour les deux jours.")

SEMINARS = [
    {
        "slug": "seminaire-1-2020", "number": 1, "start": datetime.date(2020, 1, 23), "end": datetime.date(2020, 1, 24),
        "title": "Séminaire 1 – Animer le travail en équipe",
        "intro": "Premier séminaire de la cohorte bretonne 2020 : se connaître, partager ses pratiques et découvrir "
                 "les outils d'animation d'une équipe pluriprofessionnelle.",
        "objectives": "<ul><li>Situer son rôle de coordonnateur dans l'équipe</li><li>Préparer et animer une "
                      "réunion pluriprofessionnelle</li><li>Choisir un premier outil à tester avec son équipe</li></ul>",
        "agenda": [
            _day("2020-01-23", [
                MORNING_WELCOME,
                _s("09:30", "11:00", "Le rôle du coordonnateur", "theory",
                   "Missions, posture et limites du rôle ; repères issus des travaux de l'EHESP.", "Yann Le Goff"),
                _s("11:15", "12:30", "Retours d'expérience : une réunion qui a marqué", "sharing",
                   "En petits groupes, chacun raconte une réunion réussie ou difficile.", "Anne Riou"),
                _s("14:00", "15:30", "Préparer une réunion : ordre du jour et rôles", "tools",
                   "Appropriation de la fiche « préparer une réunion » et de la grille des rôles.", "Anne Riou"),
                _s("15:45", "17:00", "Mise en situation : animer les dix premières minutes", "role_play",
                   "Jeu de rôle filmé puis débriefé en groupe.", "Yann Le Goff"),
            ]),
            _day("2020-01-24", [
                _s("09:00", "10:30", "Résoudre un problème d'organisation", "problem_solving",
                   "Méthode de résolution de problèmes en six étapes, appliquée à un cas apporté par le groupe.",
                   "Yann Le Goff"),
                _s("10:45", "12:30", "Les outils de la démarche qualité", "tools",
                   "Présentation de la matrice de maturité et des indicateurs simples à suivre en équipe.",
                   "Anne Riou"),
                _s("14:00", "16:00", "Mon plan d'action d'ici au séminaire 2", "tools",
                   "Chacun choisit un outil à tester et prépare le travail inter-séminaires.", "Anne Riou"),
                _s("16:00", "16:30", "Évaluation et clôture", "sharing", "", "Yann Le Goff"),
            ]),
        ],
        "en": {
            "Séminaire 1 – Animer le travail en équipe": "Seminar 1 – Leading teamwork",
            "Premier séminaire de la cohorte bretonne 2020 : se connaître, partager ses pratiques et découvrir "
            "les outils d'animation d'une équipe pluriprofessionnelle.":
                "First seminar of the 2020 Bretagne cohort: getting to know each other, sharing practice and "
                "discovering the tools for leading a multi-professional team.",
            "Situer son rôle de coordonnateur dans l'équipe": "Understanding the coordinator's role in the team",
            "Préparer et animer une réunion pluriprofessionnelle": "Preparing and leading a multi-professional meeting",
            "Choisir un premier outil à tester avec son équipe": "Choosing a first tool to try with the team",
            "Accueil et tour de table": "Welcome and introductions",
            "Chacun présente son équipe et ses attentes pour les deux jours.":
                "Everyone introduces their team and what they expect from the two days.",
            "Le rôle du coordonnateur": "The coordinator's role",
            "Missions, posture et limites du rôle ; repères issus des travaux de l'EHESP.":
                "Tasks, stance and limits of the role; landmarks from the EHESP's work.",
            "Retours d'expérience : une réunion qui a marqué": "Sharing experience: a meeting to remember",
            "En petits groupes, chacun raconte une réunion réussie ou difficile.":
                "In small groups, everyone tells of a meeting that went well or badly.",
            "Préparer une réunion : ordre du jour et rôles": "Preparing a meeting: agenda and roles",
            "Appropriation de la fiche « préparer une réunion » et de la grille des rôles.":
                "Working with the “preparing a meeting” sheet and the roles grid.",
            "Mise en situation : animer les dix premières minutes": "Role play: leading the first ten minutes",
            "Jeu de rôle filmé puis débriefé en groupe.": "A filmed role play, then a group debrief.",
            "Résoudre un problème d'organisation": "Solving an organisational problem",
            "Méthode de résolution de problèmes en six étapes, appliquée à un cas apporté par le groupe.":
                "A six-step problem-solving method, applied to a case brought by the group.",
            "Les outils de la démarche qualité": "Quality improvement tools",
            "Présentation de la matrice de maturité et des indicateurs simples à suivre en équipe.":
                "The maturity matrix and simple indicators a team can follow.",
            "Mon plan d'action d'ici au séminaire 2": "My action plan until seminar 2",
            "Chacun choisit un outil à tester et prépare le travail inter-séminaires.":
                "Everyone chooses a tool to try and prepares the between-seminar work.",
            "Évaluation et clôture": "Evaluation and close",
            "seminaire-1-2020": "seminar-1-2020",
            "Métro ligne A, station Charles de Gaulle ; parking des Champs Libres à proximité.":
                "Metro line A, Charles de Gaulle station; Champs Libres car park nearby.",
        },
    },
    {
        "slug": "seminaire-2-2020", "number": 2, "start": datetime.date(2020, 6, 11), "end": datetime.date(2020, 6, 12),
        "title": "Séminaire 2 – Conduire un projet en équipe",
        "intro": "Deuxième séminaire : du projet de santé au plan d'action, avec les retours des travaux "
                 "inter-séminaires.",
        "objectives": "<ul><li>Formaliser un projet avec son équipe</li><li>Suivre un plan d'action et ses "
                      "indicateurs</li></ul>",
        "agenda": [
            _day("2020-06-11", [
                MORNING_WELCOME,
                _s("09:30", "11:00", "Retour sur les travaux inter-séminaires", "sharing",
                   "Chacun présente l'outil testé avec son équipe et ce qu'il en retient.", "Anne Riou"),
                _s("11:15", "12:30", "Les étapes de la conduite de projet", "theory", "", "Yann Le Goff"),
                _s("14:00", "17:00", "Atelier : mon projet en une page", "tools",
                   "Construire la fiche projet de son équipe.", "Anne Riou"),
            ]),
            _day("2020-06-12", [
                _s("09:00", "12:00", "Mises en situation : faire adhérer l'équipe", "role_play", "", "Yann Le Goff"),
                _s("14:00", "16:00", "Résolution de problèmes : les projets qui s'essoufflent", "problem_solving",
                   "", "Anne Riou"),
                _s("16:00", "16:30", "Évaluation et clôture", "sharing"),
            ]),
        ],
    },
    {
        "slug": "seminaire-3-2020", "number": 3, "start": datetime.date(2020, 10, 15), "end": datetime.date(2020, 10, 16),
        "title": "Séminaire 3 – Travailler avec son territoire",
        "intro": "Troisième séminaire : collaborations territoriales, dynamique d'équipe et préparation du mémoire.",
        "objectives": "<ul><li>Identifier les partenaires du territoire</li><li>Préparer la soutenance du "
                      "mémoire</li></ul>",
        "agenda": [
            _day("2020-10-15", [
                MORNING_WELCOME,
                _s("09:30", "12:30", "Cartographier les acteurs du territoire", "tools", "", "Anne Riou"),
                _s("14:00", "17:00", "Dynamique d'équipe et gestion des tensions", "theory", "", "Yann Le Goff"),
            ]),
            _day("2020-10-16", [
                _s("09:00", "12:00", "Préparer son mémoire", "tools", "", "Yann Le Goff"),
                _s("14:00", "16:00", "Bilan de l'année et suite du parcours", "sharing", "", "Anne Riou"),
            ]),
        ],
    },
]

NATIONAL = {
    "slug": "seminaire-national-formateurs-2020", "number": 1, "start": datetime.date(2020, 3, 26),
    "end": datetime.date(2020, 3, 28), "title": "Séminaire national des formateurs relais 2020",
    "intro": "Trois jours à Paris pour les formateurs relais de toutes les régions : le programme 2020, les "
             "outils pédagogiques et l'animation des séminaires régionaux.",
    "objectives": "<ul><li>S'approprier le programme 2020</li><li>Préparer l'animation des séminaires "
                  "régionaux</li></ul>",
    "agenda": [
        _day("2020-03-26", [_s("10:00", "12:30", "Ouverture : le programme PACTE en 2020", "theory", "",
                               "Équipe nationale EHESP"),
                            _s("14:00", "17:30", "Partage d'expériences entre régions", "sharing")]),
        _day("2020-03-27", [_s("09:00", "12:30", "Animer un séminaire régional", "role_play"),
                            _s("14:00", "17:30", "Les outils pédagogiques de la plateforme", "tools")]),
        _day("2020-03-28", [_s("09:00", "12:00", "Suivre les travaux inter-séminaires", "problem_solving"),
                            _s("12:00", "12:30", "Clôture", "sharing")]),
    ],
    "venue": "EHESP – site de Paris", "address": "20 avenue George Sand\n93210 La Plaine Saint-Denis",
    "access": "RER B ou D, station Stade de France – Saint-Denis, puis dix minutes à pied.",
}

RENNES = {"venue": "Maison des associations de Rennes", "address": "6 cours des Alliés\n35000 Rennes",
          "access": "Métro ligne A, station Charles de Gaulle ; parking des Champs Libres à proximité."}


# title, file name, format, access, region code (None: national), kind, theme, [paragraphs]
MATERIALS = [
    ("Séminaire 1 – diaporama", "seminaire-1-diaporama.pptx", "pptx", "region", "bretagne", "slides", "collaboration",
     ["Le rôle du coordonnateur", "Préparer une réunion", "Résoudre un problème d'organisation"]),
    ("Fiche technique – préparer une réunion pluriprofessionnelle", "fiche-preparer-une-reunion.pdf", "pdf",
     "region", "bretagne", "tool", "collaboration",
     ["Avant la réunion : fixer l'objectif, l'ordre du jour et les rôles (animateur, secrétaire, gardien du temps).",
      "Pendant : un tour de table court, une décision par point, un relevé de décisions partagé le jour même."]),
    ("Grille des rôles en réunion", "grille-des-roles.docx", "docx", "public", None, "template", "team",
     ["Animateur : distribue la parole.", "Secrétaire : note les décisions.", "Gardien du temps : tient l'horaire."]),
    ("Matrice de maturité – démarche qualité", "matrice-de-maturite.pdf", "pdf", "region", "bretagne", "framework",
     "quality", ["Cinq niveaux de maturité pour situer l'équipe et choisir ses priorités d'amélioration."]),
    ("Guide de l'animateur de séminaire régional", "guide-animateur-seminaire.pdf", "pdf", "trainers", None,
     "guide", "collaboration",
     ["Préparer le séminaire avec son binôme, accueillir le groupe, animer les mises en situation, faire le bilan."]),
]


def _materials():
    """The library documents the demo seminars use, made once (found again by title)."""
    from documents import samples
    from documents.models import LibraryDocument
    from documents.services import create_document
    from people.models import Region

    owner = _user("trainer.bretagne@example.org")
    found = {}
    for title, file_name, file_format, access, region, kind, theme, paragraphs in MATERIALS:
        document = LibraryDocument.objects.filter(title=title, locale__language_code="fr").first()
        if document is None:
            document = create_document(
                title=title, file_name=file_name, data=samples.make(file_format, title, paragraphs),
                owner=owner if region else _user("national@example.org"), access=access, kind=kind, theme=theme,
                region=Region.objects.get(code=region) if region else None,
            )
        found[file_name] = document.pk
    return found


def _with_materials(data, docs, names, session_links):
    """The seminar's data with its materials, and a document linked to some sessions (by session title)."""
    data = copy.deepcopy(data)
    data["materials"] = [{"type": "document", "value": {"document": docs[n], "title": ""}} for n in names]
    for _date, sessions in data["agenda"]:
        for session in sessions:
            session["materials"] = [docs[n] for n in session_links.get(session["title"], [])]
    return data


def _user(email):
    return User.objects.filter(email=email).first()


def _page(parent, data, **extra):
    page = SeminarPage.objects.child_of(parent).filter(slug=data["slug"]).first()
    if page is not None:
        return page, False
    page = SeminarPage(title=data["title"], slug=data["slug"], intro=data["intro"], cohort_year=2020,
                       number=data["number"], start_date=data["start"], end_date=data["end"],
                       objectives=data["objectives"], agenda=agenda_data(data["agenda"]),
                       venue=data.get("venue", RENNES["venue"]), address=data.get("address", RENNES["address"]),
                       access=data.get("access", RENNES["access"]), materials=data.get("materials", []), **extra)
    parent.add_child(instance=page)
    page.save_revision().publish()
    page.refresh_from_db()
    return page, True


def _national_index():
    home = HomePage.objects.get(locale__language_code="fr")
    index = SeminarIndexPage.objects.child_of(home).first()
    if index is None:
        index = SeminarIndexPage(title="Séminaires nationaux", slug="seminaires-nationaux",
                                 intro="Les séminaires où l'équipe nationale forme les formateurs relais.")
        home.add_child(instance=index)
        index.save_revision().publish()
        index.refresh_from_db()
        translate(index, "en", {"Séminaires nationaux": "National seminars", "seminaires-nationaux": "national-seminars",
                                "Les séminaires où l'équipe nationale forme les formateurs relais.":
                                    "Where the national team trains the regional trainers."}, publish=True)
    return index


def _at(date, hour):
    return datetime.datetime.combine(date, datetime.time(hour), tzinfo=PARIS)


def load():
    trainer, second = (_user(e) for e in TRAINERS)
    coordinators = [_user(e) for e in COORDINATORS]
    bretagne = RegionPage.objects.get(region__code="bretagne", locale__language_code="fr")
    docs = _materials()
    with_materials = [
        _with_materials(SEMINARS[0], docs, ["seminaire-1-diaporama.pptx", "fiche-preparer-une-reunion.pdf",
                                            "grille-des-roles.docx", "matrice-de-maturite.pdf"],
                        {"Préparer une réunion : ordre du jour et rôles": ["fiche-preparer-une-reunion.pdf",
                                                                          "grille-des-roles.docx"],
                         "Les outils de la démarche qualité": ["matrice-de-maturite.pdf"]}),
        _with_materials(SEMINARS[1], docs, ["fiche-preparer-une-reunion.pdf"], {}),
        SEMINARS[2],
    ]
    pages = []
    for data in with_materials:
        page, created = _page(bretagne, data, trainer_1=trainer, trainer_2=second)
        if created and "en" in data:
            translate(page, "en", data["en"], publish=True)
        pages.append(page)
    national, created = _page(_national_index(), _with_materials(NATIONAL, docs, ["guide-animateur-seminaire.pdf"], {}),
                              trainer_1=_user("national@example.org"))
    with transaction.atomic():
        _records(pages, national, trainer, coordinators)
    return pages + [national]


def _records(pages, national, trainer, coordinators):
    for page in pages:
        for person in coordinators:
            Registration.objects.get_or_create(seminar=page, person=person)
    for person in User.objects.filter(role="trainer", is_active=True):
        Registration.objects.get_or_create(seminar=national, person=person)
    # Attendance of the first two seminars: Paul missed the second afternoon of seminar 1
    for page in pages[:2]:
        for date, half in page.half_days():
            for person in coordinators:
                present = not (page is pages[0] and person.email.startswith("paul") and date == page.end_date
                               and half == "pm")
                Attendance.objects.get_or_create(seminar=page, person=person, date=date, half_day=half,
                                                 defaults={"present": present, "recorded_by": trainer})
    first = _assignment(pages[0], trainer, "Diagnostic du fonctionnement de votre équipe",
                        "Décrivez en deux pages le fonctionnement actuel de votre équipe : réunions, circulation de "
                        "l'information, répartition des rôles. Terminez par l'outil que vous avez choisi de tester "
                        "et pourquoi.", _at(datetime.date(2020, 3, 20), 18))
    second = _assignment(pages[1], trainer, "Fiche projet de votre équipe",
                         "Remplissez la fiche projet vue en séminaire (objectif, étapes, indicateurs, calendrier) "
                         "avec votre équipe, et joignez le compte rendu de la réunion où vous l'avez présentée.",
                         _at(datetime.date(2020, 9, 30), 18))
    maelle, lea, paul = coordinators
    _work(first, maelle, "Notre équipe se réunit une fois par mois…", _at(datetime.date(2020, 3, 18), 21),
          [("to_revise", "Bon diagnostic. Précisez comment l'information circule entre les réunions."),
           ("accepted", "Merci, c'est complet. Bon choix d'outil pour commencer.")])
    _work(first, lea, "Diagnostic de la CPTS du Pays de Morlaix…", _at(datetime.date(2020, 3, 23), 9),
          [("to_revise", "Le diagnostic est clair ; il manque l'outil choisi et la raison de ce choix.")])
    _work(second, paul, "Fiche projet du centre de santé de Lorient…", _at(datetime.date(2020, 9, 28), 17), [])
    JournalEntry.objects.get_or_create(
        coordinator=maelle, author=trainer,
        text="Entretien téléphonique du 10 février : Maëlle hésite entre deux outils ; lui conseiller la grille de "
             "préparation de réunion.")
    CopilReport.objects.get_or_create(seminar=pages[0], defaults={
        "author": trainer,
        "themes": "Rôle du coordonnateur, préparation et animation des réunions, résolution de problèmes, outils de "
                  "la démarche qualité.",
        "evaluation": "Satisfaction globale 4,5/5 (14 réponses). Les mises en situation sont l'activité la plus "
                      "appréciée ; le temps d'apport théorique est jugé un peu long.",
        "difficulties": "Deux coordonnateurs n'ont pas pu se libérer le second après-midi.",
        "next_steps": "Séminaire 2 en juin : conduite de projet. Travail inter-séminaires : diagnostic d'équipe "
                      "à remettre le 20 mars.",
    })


def _assignment(seminar, author, title, instructions, due_at):
    found = Assignment.objects.filter(seminar=seminar, title=title).first()
    return found or Assignment.objects.create(seminar=seminar, author=author, title=title,
                                              instructions=instructions, due_at=due_at)


def _work(assignment, author, text, submitted_at, reviews):
    if Submission.objects.filter(assignment=assignment, author=author).exists():
        return
    submission = Submission.objects.create(
        assignment=assignment, author=author, text=text, submitted_at=submitted_at,
        is_late=submitted_at > assignment.due_at, revision=max(1, len(reviews)),
        revised_at=submitted_at + datetime.timedelta(days=5) if len(reviews) > 1 else None,
        status=reviews[-1][0] if reviews else "submitted",
    )
    for n, (decision, comment) in enumerate(reviews, start=1):
        Review.objects.create(submission=submission, reviewer=assignment.author, decision=decision, comment=comment,
                              revision=n, created_at=submitted_at + datetime.timedelta(days=2 + 5 * (n - 1)))

