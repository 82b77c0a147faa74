"""The library's demo documents: real files (PDF, DOCX, ODT, PPTX, ODP made by documents.samples) with French text
on the programme's themes, national and regional, at every access level. Idempotent: a document whose title is
already in the library is left as it is. A few carry an English title and description (wagtail-localize)."""

import datetime

from documents import samples, services
from documents.enums import Access, Kind, Theme
from documents.models import LibraryDocument

T = Theme
K = Kind
A = Access

# (title, description, theme, kind, format, access, region code or None, review date, paragraphs)
DOCUMENTS = [
    ("Guide d’animation d’une réunion pluriprofessionnelle",
     "Préparer, conduire et conclure une réunion d’équipe en maison de santé, avec un modèle d’ordre du jour.",
     T.COLLABORATION, K.GUIDE, "pdf", A.PUBLIC, None, "2027-03-01", [
         "Une réunion pluriprofessionnelle réussie commence avant la réunion : l’ordre du jour est envoyé une "
         "semaine avant, chaque point indique qui le porte et ce qu’on attend du groupe (informer, débattre, "
         "décider).",
         "Le coordonnateur veille au temps de parole de chacun. Les professionnels libéraux ont peu de temps : "
         "commencer et finir à l’heure est une marque de respect.",
         "Le relevé de décisions tient en une page : la décision, la personne responsable, l’échéance. Il est "
         "diffusé dans les quarante-huit heures.",
         "En fin de réunion, prendre deux minutes pour demander ce qui a bien fonctionné et ce qui peut être "
         "amélioré la prochaine fois.",
     ]),
    ("Modèle d’ordre du jour de réunion d’équipe", "Un modèle à compléter, avec les rubriques habituelles.",
     T.COLLABORATION, K.TEMPLATE, "docx", A.MEMBERS, None, "2027-06-01", [
         "Date, lieu, heure de début et de fin ; animateur ; secrétaire de séance.",
         "1. Tour de table et actualités (10 minutes).",
         "2. Suivi des décisions de la réunion précédente (10 minutes).",
         "3. Point principal : protocole pluriprofessionnel en cours d’écriture (30 minutes).",
         "4. Questions diverses et date de la prochaine réunion (10 minutes).",
     ]),
    ("Techniques d’animation : le tour de table structuré",
     "Une fiche pratique pour donner la parole à chacun sans perdre le fil.",
     T.COLLABORATION, K.TOOL, "odt", A.MEMBERS, None, "2026-12-01", [
         "Le tour de table structuré limite chaque intervention à deux minutes et à une seule idée.",
         "L’animateur reformule, note au tableau et ne commente qu’à la fin du tour.",
         "Variante : le tour de table silencieux, où chacun écrit d’abord sur un post-it avant de parler.",
     ]),
    ("Conduire un projet de santé en équipe : la méthode en cinq étapes",
     "Du diagnostic à l’évaluation, les étapes d’un projet de maison de santé ou de CPTS.",
     T.PROJECT, K.GUIDE, "pdf", A.PUBLIC, None, "2027-01-15", [
         "Étape 1 : partir d’un constat partagé, appuyé sur des données du territoire.",
         "Étape 2 : formuler un objectif précis, mesurable et réaliste, validé par l’équipe.",
         "Étape 3 : planifier les actions, les responsables et le calendrier dans un tableau simple.",
         "Étape 4 : mettre en œuvre et suivre l’avancement en réunion, avec des indicateurs choisis à l’avance.",
         "Étape 5 : évaluer, partager les résultats avec l’équipe et l’ARS, et décider de la suite.",
         "Chaque étape donne lieu à une trace écrite courte, que le coordonnateur archive dans l’espace partagé.",
     ]),
    ("Diagramme de Gantt simplifié pour les projets d’équipe",
     "Un tableur prêt à l’emploi pour planifier un projet sur douze mois.",
     T.PROJECT, K.TEMPLATE, "odt", A.MEMBERS, None, "2027-02-01", [
         "Chaque ligne est une action, chaque colonne un mois ; une case colorée indique la période de travail.",
         "Ajouter une colonne « responsable » et une colonne « état » (à faire, en cours, terminé).",
         "Mettre à jour le tableau à chaque réunion de suivi, en cinq minutes au plus.",
     ]),
    ("Support du séminaire 1 : démarrer un projet",
     "Les diapositives présentées lors du premier séminaire régional.", T.PROJECT, K.SLIDES, "pptx",
     A.MEMBERS, "bretagne", None, [
         "Pourquoi un projet de santé ? Les attentes de l’ARS et de l’Assurance maladie.",
         "Le rôle du coordonnateur : faciliter, relancer, rendre compte.",
         "Exercice : identifier un premier projet réaliste pour votre équipe.",
         "Travail inter-séminaires : rédiger une fiche projet d’une page.",
     ]),
    ("Référentiel qualité des maisons de santé pluriprofessionnelles",
     "Les critères de qualité de l’organisation d’une MSP, pour l’auto-évaluation.",
     T.QUALITY, K.FRAMEWORK, "pdf", A.PUBLIC, None, "2026-10-01", [
         "Le référentiel couvre quatre domaines : l’accès aux soins, la coordination, le système d’information "
         "et la démarche qualité elle-même.",
         "Chaque critère s’évalue sur une échelle à quatre niveaux, de « non engagé » à « maîtrisé ».",
         "L’auto-évaluation se fait en équipe, une fois par an, et débouche sur un plan d’amélioration.",
         "Les preuves attendues sont simples : comptes rendus, protocoles signés, tableaux de suivi.",
     ]),
    ("Grille d’auto-évaluation de la démarche qualité", "La grille du référentiel, à remplir en équipe.",
     T.QUALITY, K.TOOL, "docx", A.MEMBERS, None, "2027-04-01", [
         "Critère 1 : l’équipe a désigné un référent qualité. Niveau atteint : …",
         "Critère 2 : les événements indésirables sont déclarés et analysés en équipe. Niveau atteint : …",
         "Critère 3 : les protocoles pluriprofessionnels sont datés, signés et révisés. Niveau atteint : …",
     ]),
    ("Analyse des événements indésirables : la méthode ALARM",
     "Une méthode d’analyse systémique adaptée aux soins primaires.", T.QUALITY, K.GUIDE, "pdf",
     A.TRAINERS, None, "2027-05-01", [
         "La méthode ALARM cherche les causes profondes d’un événement, au-delà de l’erreur individuelle.",
         "Sept familles de facteurs sont explorées : le patient, les tâches, l’individu, l’équipe, "
         "l’environnement, l’organisation et le contexte institutionnel.",
         "Le formateur guide l’équipe sans chercher de coupable : l’analyse est un temps d’apprentissage.",
     ]),
    ("Cartographie des acteurs du territoire", "Un outil pour repérer les partenaires d’une CPTS.",
     T.TERRITORY, K.TOOL, "odt", A.PUBLIC, None, "2027-03-15", [
         "Lister les acteurs : professionnels libéraux, établissements, services sociaux, associations, élus.",
         "Pour chacun, noter l’interlocuteur, les liens existants et ce que chacun peut apporter au projet.",
         "La carte se met à jour chaque année, lors de l’assemblée générale de la CPTS.",
     ]),
    ("Convention type entre une CPTS et un établissement de santé",
     "Un modèle de convention de partenariat, à adapter localement.", T.TERRITORY, K.TEMPLATE, "docx",
     A.MEMBERS, None, "2027-09-01", [
         "Article 1 – Objet : organiser les entrées et les sorties d’hospitalisation des patients du territoire.",
         "Article 2 – Engagements de l’établissement : informer le médecin traitant dans les vingt-quatre heures.",
         "Article 3 – Engagements de la CPTS : désigner un référent et organiser le retour à domicile.",
         "Article 4 – Évaluation : un bilan annuel commun, présenté au comité de pilotage.",
     ]),
    ("Retour du COPIL Bretagne : coopération avec les établissements",
     "Synthèse des échanges du comité de pilotage régional.", T.TERRITORY, K.REPORT, "pdf", A.REGION,
     "bretagne", None, [
         "Le comité de pilotage réunissait l’ARS Bretagne, l’URPS, ESSORT et les formateurs relais.",
         "Trois CPTS ont signé une convention avec leur centre hospitalier ; deux autres sont en cours.",
         "Point de vigilance : la transmission des comptes rendus d’hospitalisation reste inégale.",
     ]),
    ("Retour du COPIL Normandie : bilan de la première année",
     "Ce que les coordonnateurs normands retiennent de la première année.", T.TERRITORY, K.REPORT, "pdf",
     A.REGION, "normandie", None, [
         "Vingt-deux coordonnateurs ont suivi les trois séminaires de l’année.",
         "Les travaux inter-séminaires ont porté surtout sur l’organisation des soins non programmés.",
         "Le comité propose d’ouvrir un séminaire commun avec les coordonnateurs des centres de santé.",
     ]),
    ("Comprendre la dynamique d’une équipe de soins primaires",
     "Les étapes de la vie d’une équipe et le rôle du coordonnateur à chacune.", T.TEAM, K.GUIDE, "pdf",
     A.PUBLIC, None, "2027-02-15", [
         "Une équipe passe par des phases : constitution, tensions, organisation, performance.",
         "Les tensions ne sont pas un échec : elles montrent que l’équipe commence à travailler vraiment ensemble.",
         "Le coordonnateur n’est pas le chef : il facilite, rend visibles les décisions et protège le collectif.",
     ]),
    ("Gérer un désaccord en réunion", "Quelques repères pour transformer un conflit en décision.", T.TEAM,
     K.TOOL, "odt", A.MEMBERS, None, "2027-01-01", [
         "Séparer les faits, les opinions et les émotions ; reformuler la position de chacun.",
         "Chercher l’intérêt commun : la qualité des soins pour les patients du territoire.",
         "Si le désaccord persiste, reporter la décision et proposer un temps d’échange à deux.",
     ]),
    ("Charte de fonctionnement d’équipe", "Un modèle de charte à discuter et signer en équipe.", T.TEAM,
     K.TEMPLATE, "docx", A.MEMBERS, "bretagne", "2027-06-30", [
         "Nous nous engageons à participer aux réunions d’équipe ou à nous y faire représenter.",
         "Nous partageons les informations utiles à la prise en charge des patients, dans le respect du secret.",
         "Nous accueillons les nouveaux professionnels et les étudiants avec un temps de présentation.",
     ]),
    ("Exercices d’animation pour les formateurs relais",
     "Les consignes détaillées des mises en situation des séminaires.", T.TEAM, K.GUIDE, "docx",
     A.TRAINERS, None, "2027-08-01", [
         "Mise en situation 1 : la réunion qui dérape. Un participant monopolise la parole ; l’animateur doit "
         "recadrer sans humilier.",
         "Mise en situation 2 : l’annonce d’un changement d’organisation à une équipe réticente.",
         "Débriefing : ce que chacun a ressenti, ce qui a aidé, ce qu’il faudrait refaire autrement.",
     ]),
    ("Notes des formateurs : séminaire 2 en Normandie",
     "La préparation et le déroulé du deuxième séminaire normand.", T.TEAM, K.REPORT, "odt", A.TRAINERS,
     "normandie", None, [
         "Jour 1 : retours sur les travaux inter-séminaires, puis atelier sur la conduite de réunion.",
         "Jour 2 : apport théorique sur la santé publique, puis résolution de problèmes en petits groupes.",
         "À prévoir : une salle plus grande pour les ateliers du deuxième jour.",
     ]),
    ("Diagnostic territorial de santé : mode d’emploi",
     "Utiliser les données publiques pour décrire la santé de la population d’un territoire.",
     T.PUBLIC_HEALTH, K.GUIDE, "pdf", A.PUBLIC, None, "2027-04-15", [
         "Les sources ouvertes donnent l’âge de la population, les maladies chroniques et l’offre de soins.",
         "Comparer le territoire à la moyenne régionale permet de repérer les priorités.",
         "Le diagnostic est partagé avec les habitants et les élus avant de choisir les actions.",
     ]),
    ("Prévention et dépistage : organiser une action collective",
     "Monter une action de prévention en équipe, de l’idée à l’évaluation.", T.PUBLIC_HEALTH, K.TOOL,
     "docx", A.MEMBERS, None, "2027-05-15", [
         "Choisir un thème lié aux besoins du territoire : vaccination, dépistage du cancer colorectal, "
         "activité physique.",
         "Associer les partenaires : pharmacies, associations, mairie.",
         "Mesurer la participation et recueillir l’avis des patients à la fin de l’action.",
     ]),
    ("Éducation thérapeutique du patient en soins primaires",
     "Les principes de l’ETP et un exemple de programme autour du diabète.", T.PUBLIC_HEALTH, K.SLIDES,
     "pptx", A.REGION, "bretagne", None, [
         "L’éducation thérapeutique aide le patient à gérer lui-même sa maladie chronique.",
         "Un programme comporte un diagnostic éducatif, des séances collectives et une évaluation.",
         "Exemple : le programme « Diabète et vie quotidienne » de la MSP de Plouguerneau.",
     ]),
    ("Choisir un logiciel de dossier partagé", "Les critères de choix d’un système d’information labellisé.",
     T.INFORMATION_SYSTEMS, K.GUIDE, "pdf", A.PUBLIC, None, "2026-11-15", [
         "Un logiciel labellisé permet le partage du dossier patient entre les professionnels de l’équipe.",
         "Vérifier l’interopérabilité avec la messagerie sécurisée de santé et le dossier médical partagé.",
         "Prévoir la formation de chaque professionnel et un référent informatique dans l’équipe.",
     ]),
    ("Messagerie sécurisée de santé : bonnes pratiques",
     "Échanger des informations de santé en toute sécurité.", T.INFORMATION_SYSTEMS, K.TOOL, "odt",
     A.MEMBERS, None, "2027-07-01", [
         "Toute information nominative de santé passe par la messagerie sécurisée, jamais par un courriel "
         "ordinaire.",
         "Indiquer un objet clair et joindre les documents au format PDF.",
         "Vérifier l’adresse du destinataire dans l’annuaire santé avant l’envoi.",
     ]),
    ("Tableau de bord des indicateurs de l’équipe",
     "Les indicateurs suivis chaque trimestre par la coordination.", T.INFORMATION_SYSTEMS, K.TEMPLATE,
     "odt", A.REGION, "normandie", "2027-03-31", [
         "Indicateur 1 : nombre de réunions pluriprofessionnelles et taux de participation.",
         "Indicateur 2 : nombre de protocoles actifs et date de leur dernière révision.",
         "Indicateur 3 : délai moyen d’obtention d’un rendez-vous de soins non programmés.",
     ]),
    ("Présentation du programme PACTE", "Le programme en quelques diapositives, pour les nouveaux venus.",
     T.COLLABORATION, K.SLIDES, "odp", A.PUBLIC, None, "2027-09-01", [
         "PACTE forme les coordonnateurs des équipes de soins primaires, région par région.",
         "Trois séminaires de deux jours par an, des travaux entre les séminaires et un mémoire.",
         "Le programme est porté par l’EHESP, avec la HAS et AVEC Santé, et financé par les ARS.",
     ]),
    ("Guide du mémoire de fin de formation", "Les attendus du mémoire et du jury régional.", T.PROJECT,
     K.GUIDE, "pdf", A.MEMBERS, None, "2027-10-01", [
         "Le mémoire, de dix à vingt pages, présente une action menée avec l’équipe pendant la formation.",
         "Il décrit le contexte, la démarche, les résultats et ce que le coordonnateur en retient.",
         "La soutenance devant le jury régional dure vingt minutes, suivies de vingt minutes d’échange.",
     ]),
]

ENGLISH = {
    "Guide d’animation d’une réunion pluriprofessionnelle": (
        "Guide to running a multi-professional meeting",
        "Preparing, running and closing a team meeting in a health centre, with a template agenda."),
    "Conduire un projet de santé en équipe : la méthode en cinq étapes": (
        "Running a health project as a team: the five-step method",
        "From diagnosis to evaluation, the steps of a health centre's or CPTS's project."),
    "Référentiel qualité des maisons de santé pluriprofessionnelles": (
        "Quality framework for multi-professional health centres",
        "The quality criteria of a health centre's organisation, for self-assessment."),
    "Présentation du programme PACTE": (
        "The PACTE programme at a glance", "The programme in a few slides, for newcomers."),
}


def load():
    from people.models import Region

    made = 0
    for title, description, theme, kind, file_format, access, region_code, review, paragraphs in DOCUMENTS:
        if LibraryDocument.objects.filter(title=title, locale__language_code="fr").exists():
            continue
        region = Region.objects.get(code=region_code) if region_code else None
        services.create_document(
            title=title, description=description, file_name=f"{title}.{file_format}",
            data=samples.make(file_format, title, paragraphs), owner=None, region=region, access=access,
            theme=theme, kind=kind, review_date=datetime.date.fromisoformat(review) if review else None,
        )
        made += 1
    _translate()
    return made


def _translate():
    from cms.services.translation import translate

    for title, (english_title, english_description) in ENGLISH.items():
        document = LibraryDocument.objects.get(title=title, locale__language_code="fr")
        if document.get_translation_or_none(_english()) is not None:
            continue
        translate(document, "en", {title: english_title, document.description: english_description}, publish=True)


def _english():
    from wagtail.models import Locale

    return Locale.objects.get(language_code="en")
