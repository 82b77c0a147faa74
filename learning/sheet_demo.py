"""Ten technical sheets in French (two translated into English with the sheet index), each linking tools from the
library's demo (documents.demo). Idempotent: a sheet whose slug exists is left as it is."""

import datetime

from documents.enums import Theme
from documents.models import LibraryDocument

INDEX = {"title": "Fiches techniques", "slug": "fiches-techniques",
         "intro": "Les méthodes et outils du programme, expliqués fiche par fiche.",
         "en": {"Fiches techniques": "Technical sheets", "fiches-techniques": "technical-sheets",
                "Les méthodes et outils du programme, expliqués fiche par fiche.":
                "The programme's methods and tools, explained sheet by sheet."}}


def _sheet(slug, title, theme, intro, objective, when, steps, pitfalls, references, tools, reviewed, due):
    return dict(slug=slug, title=title, theme=theme, intro=intro, objective=objective, when=when, steps=steps,
                pitfalls=pitfalls, references=references, tools=tools, reviewed=reviewed, due=due)


SHEETS = [
    _sheet("animer-une-reunion", "Animer une réunion pluriprofessionnelle", Theme.COLLABORATION,
           "Faire de la réunion d’équipe un vrai temps de décision.",
           "Tenir une réunion courte, où chacun s’exprime et qui aboutit à des décisions écrites.",
           "Pour toute réunion d’équipe régulière, et pour lancer un protocole pluriprofessionnel.",
           [("Préparer l’ordre du jour", "Envoyer l’ordre du jour une semaine avant, avec le porteur de chaque point."),
            ("Ouvrir la réunion", "Rappeler l’objectif, la durée et désigner un secrétaire de séance."),
            ("Faire décider", "Pour chaque point, formuler la décision à prendre et vérifier l’accord de chacun."),
            ("Clore et diffuser", "Relire les décisions, fixer la prochaine date, diffuser le relevé sous 48 heures.")],
           "Laisser la réunion déborder ; décider sans les absents concernés ; oublier le relevé de décisions.",
           "HAS, « Travailler en équipe pluriprofessionnelle », 2021.",
           ["Guide d’animation d’une réunion pluriprofessionnelle", "Modèle d’ordre du jour de réunion d’équipe"],
           "2025-09-01", "2027-09-01"),
    _sheet("tour-de-table-structure", "Le tour de table structuré", Theme.COLLABORATION,
           "Donner la parole à chacun, sans perdre le fil.",
           "Recueillir l’avis de tous les professionnels présents en un temps limité.",
           "En début de réunion, ou quand un sujet divise l’équipe.",
           [("Poser la question", "Une question ouverte, écrite au tableau."),
            ("Faire le tour", "Deux minutes par personne, une seule idée, sans commentaire des autres."),
            ("Synthétiser", "L’animateur regroupe les idées et propose la suite.")],
           "Commenter chaque intervention ; laisser les plus à l’aise parler deux fois.",
           "Guides d’animation de l’EHESP.", ["Techniques d’animation : le tour de table structuré"],
           "2025-06-01", "2026-06-01"),
    _sheet("conduire-un-projet", "Conduire un projet de santé en cinq étapes", Theme.PROJECT,
           "Du constat partagé à l’évaluation.",
           "Mener un projet d’équipe de bout en bout, avec des traces écrites simples.",
           "Pour un projet de santé de MSP, une mission de CPTS ou une action de santé publique.",
           [("Partir d’un constat", "Des données du territoire et l’expérience de l’équipe."),
            ("Fixer l’objectif", "Précis, mesurable, réaliste, validé en réunion."),
            ("Planifier", "Actions, responsables, échéances dans un tableau."),
            ("Suivre", "Un point d’avancement à chaque réunion."),
            ("Évaluer", "Partager les résultats et décider de la suite.")],
           "Un objectif trop vague ; un projet porté par une seule personne.",
           "EHESP, cours de conduite de projet en santé.",
           ["Conduire un projet de santé en équipe : la méthode en cinq étapes",
            "Diagramme de Gantt simplifié pour les projets d’équipe"], "2025-01-15", "2027-01-15"),
    _sheet("ecrire-une-fiche-projet", "Écrire une fiche projet d’une page", Theme.PROJECT,
           "Une page pour convaincre l’équipe et les financeurs.",
           "Décrire un projet en une page : pourquoi, quoi, qui, quand, combien.",
           "Avant de présenter un projet à l’équipe, à l’ARS ou à l’Assurance maladie.",
           [("Le constat", "Trois lignes, avec un chiffre."), ("L’objectif", "Une phrase."),
            ("Les actions", "Cinq au plus, avec leur responsable."), ("Le calendrier et le budget", "Un tableau.")],
           "Vouloir tout dire ; oublier l’évaluation.", "Travaux inter-séminaires du programme PACTE.",
           ["Guide du mémoire de fin de formation"], "2024-03-01", "2025-03-01"),
    _sheet("auto-evaluation-qualite", "Mener l’auto-évaluation qualité de l’équipe", Theme.QUALITY,
           "Une fois par an, faire le point avec le référentiel.",
           "Situer l’équipe sur chaque critère du référentiel et choisir trois améliorations.",
           "Chaque année, et avant le renouvellement d’un accord conventionnel.",
           [("Réunir l’équipe", "Une demi-journée, avec au moins un professionnel de chaque métier."),
            ("Coter chaque critère", "Sur quatre niveaux, avec une preuve pour chacun."),
            ("Choisir", "Trois améliorations prioritaires, avec un responsable.")],
           "Remplir la grille seul ; choisir trop d’améliorations.",
           "Référentiel qualité des MSP.",
           ["Référentiel qualité des maisons de santé pluriprofessionnelles",
            "Grille d’auto-évaluation de la démarche qualité"], "2025-10-01", "2026-10-01"),
    _sheet("analyser-un-evenement-indesirable", "Analyser un événement indésirable", Theme.QUALITY,
           "Comprendre sans chercher de coupable.",
           "Trouver les causes profondes d’un événement indésirable et éviter qu’il se reproduise.",
           "Après tout événement indésirable lié aux soins, même sans conséquence pour le patient.",
           [("Décrire les faits", "Chronologie précise, sans jugement."),
            ("Chercher les causes", "Les sept familles de facteurs de la méthode ALARM."),
            ("Agir", "Une ou deux actions correctives, suivies en réunion.")],
           "Chercher un responsable ; analyser trop tard.", "HAS, « Analyse des causes », 2020.",
           ["Analyse des événements indésirables : la méthode ALARM"], "2025-05-01", "2027-05-01"),
    _sheet("cartographier-les-acteurs", "Cartographier les acteurs du territoire", Theme.TERRITORY,
           "Savoir qui fait quoi autour de l’équipe.",
           "Repérer les partenaires utiles à un projet de territoire et les liens à créer.",
           "À la création d’une CPTS, puis chaque année.",
           [("Lister", "Professionnels, établissements, services sociaux, associations, élus."),
            ("Qualifier", "Pour chacun : interlocuteur, liens existants, apport possible."),
            ("Partager", "Présenter la carte en assemblée générale.")],
           "Oublier le secteur social ; ne jamais mettre la carte à jour.", "Guides des CPTS.",
           ["Cartographie des acteurs du territoire", "Convention type entre une CPTS et un établissement de santé"],
           "2025-03-15", "2027-03-15"),
    _sheet("gerer-un-desaccord", "Gérer un désaccord dans l’équipe", Theme.TEAM,
           "Faire d’un conflit une décision.",
           "Sortir d’un désaccord par une décision acceptée par tous.",
           "Quand un sujet revient de réunion en réunion sans être tranché.",
           [("Séparer", "Les faits, les opinions, les émotions."), ("Reformuler", "La position de chacun."),
            ("Chercher l’intérêt commun", "Les patients du territoire.")],
           "Trancher trop vite ; laisser le conflit s’installer.", "Cours de dynamique d’équipe de l’EHESP.",
           ["Gérer un désaccord en réunion", "Comprendre la dynamique d’une équipe de soins primaires"],
           "2025-01-01", "2027-01-01"),
    _sheet("diagnostic-territorial", "Réaliser un diagnostic territorial de santé", Theme.PUBLIC_HEALTH,
           "Décrire la santé de la population pour choisir les priorités.",
           "Établir les besoins de santé d’un territoire à partir de données publiques.",
           "Avant d’écrire un projet de santé ou de CPTS.",
           [("Rassembler les données", "Population, maladies chroniques, offre de soins."),
            ("Comparer", "Avec la moyenne régionale."), ("Partager", "Avec les habitants et les élus.")],
           "Accumuler des données sans les interpréter.", "Observatoires régionaux de la santé.",
           ["Diagnostic territorial de santé : mode d’emploi",
            "Prévention et dépistage : organiser une action collective"], "2025-04-15", "2027-04-15"),
    _sheet("choisir-un-systeme-d-information", "Choisir un système d’information partagé",
           Theme.INFORMATION_SYSTEMS, "Un dossier patient partagé par toute l’équipe.",
           "Choisir et déployer un logiciel labellisé adapté à l’équipe.",
           "À la création de l’équipe, ou quand le logiciel actuel ne permet pas le partage.",
           [("Exprimer les besoins", "Avec chaque métier de l’équipe."),
            ("Comparer", "Trois logiciels labellisés, démonstration à l’appui."),
            ("Déployer", "Former chacun et désigner un référent.")],
           "Choisir sans les paramédicaux ; sous-estimer la formation.", "Agence du numérique en santé.",
           ["Choisir un logiciel de dossier partagé", "Messagerie sécurisée de santé : bonnes pratiques"],
           "2024-11-15", "2025-11-15"),
]

ENGLISH = {
    "animer-une-reunion": {
        "Animer une réunion pluriprofessionnelle": "Running a multi-professional meeting",
        "animer-une-reunion": "running-a-meeting",
        "Faire de la réunion d’équipe un vrai temps de décision.": "Making the team meeting a real time for decisions.",
        "Tenir une réunion courte, où chacun s’exprime et qui aboutit à des décisions écrites.":
            "Holding a short meeting where everyone speaks and that ends with written decisions.",
        "Pour toute réunion d’équipe régulière, et pour lancer un protocole pluriprofessionnel.":
            "For every regular team meeting, and to start a multi-professional protocol.",
        "Préparer l’ordre du jour": "Prepare the agenda",
        "Envoyer l’ordre du jour une semaine avant, avec le porteur de chaque point.":
            "Send the agenda a week before, with who brings each item.",
        "Ouvrir la réunion": "Open the meeting",
        "Rappeler l’objectif, la durée et désigner un secrétaire de séance.":
            "Recall the aim and the length, and name someone to take the minutes.",
        "Faire décider": "Get decisions made",
        "Pour chaque point, formuler la décision à prendre et vérifier l’accord de chacun.":
            "For each item, state the decision to take and check that everyone agrees.",
        "Clore et diffuser": "Close and share",
        "Relire les décisions, fixer la prochaine date, diffuser le relevé sous 48 heures.":
            "Read the decisions back, set the next date, share the minutes within 48 hours.",
        "Laisser la réunion déborder ; décider sans les absents concernés ; oublier le relevé de décisions.":
            "Letting the meeting overrun; deciding without those concerned who are absent; forgetting the minutes.",
        "HAS, « Travailler en équipe pluriprofessionnelle », 2021.":
            "HAS, “Working in a multi-professional team”, 2021.",
        "Équipe nationale PACTE": "PACTE national team",
    },
    "conduire-un-projet": {
        "Conduire un projet de santé en cinq étapes": "Running a health project in five steps",
        "conduire-un-projet": "running-a-project",
        "Du constat partagé à l’évaluation.": "From a shared finding to the evaluation.",
        "Mener un projet d’équipe de bout en bout, avec des traces écrites simples.":
            "Carrying a team project from start to finish, with simple written records.",
        "Pour un projet de santé de MSP, une mission de CPTS ou une action de santé publique.":
            "For a health centre's project, a CPTS's mission or a public health action.",
        "Partir d’un constat": "Start from a finding", "Fixer l’objectif": "Set the objective",
        "Planifier": "Plan", "Suivre": "Follow up", "Évaluer": "Evaluate",
        "Des données du territoire et l’expérience de l’équipe.": "Data on the area and the team's experience.",
        "Précis, mesurable, réaliste, validé en réunion.": "Precise, measurable, realistic, agreed in a meeting.",
        "Actions, responsables, échéances dans un tableau.": "Actions, owners and deadlines in one table.",
        "Un point d’avancement à chaque réunion.": "A progress check at every meeting.",
        "Partager les résultats et décider de la suite.": "Share the results and decide what comes next.",
        "Un objectif trop vague ; un projet porté par une seule personne.":
            "A vague objective; a project carried by one person only.",
        "EHESP, cours de conduite de projet en santé.": "EHESP, course on health project management.",
        "Équipe nationale PACTE": "PACTE national team",
    },
}


def _index():
    from learning.models import LearningIndexPage, TechnicalSheetIndexPage

    learning = LearningIndexPage.objects.get(locale__language_code="fr")
    index = TechnicalSheetIndexPage.objects.child_of(learning).first()
    if index is None:
        index = TechnicalSheetIndexPage(title=INDEX["title"], slug=INDEX["slug"], intro=INDEX["intro"])
        learning.add_child(instance=index)
        index.save_revision().publish()
        _translate(index, INDEX["en"])
    return index


def _translate(page, strings):
    """The English translation, published at once rather than by wagtail-localize after the commit: its deferred
    publish would write back the English index as it was before its children were added (cms.services.translation)."""
    from cms.services.translation import translate

    english = translate(page, "en", strings, publish=False)
    english.get_latest_revision().publish()
    return english


def load():
    from learning.models import TechnicalSheetPage

    index = _index()
    made = 0
    for sheet in SHEETS:
        if TechnicalSheetPage.objects.filter(slug=sheet["slug"], locale=index.locale).exists():
            continue
        tools = LibraryDocument.objects.filter(title__in=sheet["tools"], locale=index.locale)
        page = TechnicalSheetPage(
            title=sheet["title"], slug=sheet["slug"], theme=sheet["theme"], intro=sheet["intro"],
            objective=f"<p>{sheet['objective']}</p>", when_to_use=f"<p>{sheet['when']}</p>",
            steps=[{"type": "step", "value": {"title": title, "text": f"<p>{text}</p>"}}
                   for title, text in sheet["steps"]],
            tools=[{"type": "document", "value": {"document": tool.pk, "title": ""}} for tool in tools],
            pitfalls=f"<p>{sheet['pitfalls']}</p>", references=f"<p>{sheet['references']}</p>",
            authors="Équipe nationale PACTE", last_reviewed=datetime.date.fromisoformat(sheet["reviewed"]),
            next_review=datetime.date.fromisoformat(sheet["due"]),
        )
        index.add_child(instance=page)
        page.save_revision().publish()
        if sheet["slug"] in ENGLISH:
            _translate(page, ENGLISH[sheet["slug"]])
        made += 1
    return made
