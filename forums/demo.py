"""Demo discussions (French, as the people write them) in the Bretagne, Normandie and a national forum, with
questions, accepted answers and mentions among the demo accounts. Idempotent: a topic that exists is left alone."""

from django.db import transaction

from forums import services
from forums.models import Forum, ForumProfile, Topic
from people.models import User

# forum, title, question?, [(author e-mail, text)], index of the accepted answer
THREADS = [
    ("bretagne", "Comment préparer la revue de projet de santé avant le séminaire 2 ?", True, [
        ("coordinator.bretagne@example.org",
         "Bonjour à toutes et à tous,\n\nAvant le séminaire de mars, nous devons présenter l’avancement de notre "
         "projet de santé. Comment vous y prenez-vous pour **recueillir l’avis de toute l’équipe** sans y passer "
         "trois réunions ? {trainer_bretagne}, vous aviez évoqué une grille simple lors du premier séminaire."),
        ("lea.guillou@example.org",
         "Chez nous (CPTS du Pays de Morlaix), nous avons envoyé un questionnaire court avant la réunion plénière : "
         "5 questions, 10 minutes. Le taux de réponse était bon."),
        ("trainer.bretagne@example.org",
         "Bonne question {coordinator_bretagne} ! La grille dont je parlais tient en trois colonnes :\n\n"
         "1. ce qui a été fait depuis le dernier séminaire ;\n2. ce qui bloque ;\n3. l’aide attendue du groupe.\n\n"
         "Remplissez-la à deux (coordonnatrice + un professionnel de santé), puis faites-la valider en réunion "
         "d’équipe. Vous la trouverez dans les [ressources pédagogiques](/fr/ressources/)."),
        ("coordinator.bretagne@example.org", "Merci, c’est exactement ce qu’il me fallait. Je l’essaie lundi."),
    ], 2),
    ("bretagne", "Partage : notre charte de fonctionnement de MSP", False, [
        ("paul.hamon@example.org",
         "Nous venons de finaliser la charte de fonctionnement du centre de santé après six mois de travail. "
         "Les points qui ont fait le plus débat : l’organisation des réunions pluriprofessionnelles et la "
         "répartition des tâches de secrétariat. Je peux la partager si cela intéresse quelqu’un."),
        ("anne.riou@example.org",
         "Merci {paul} ! Oui, partagez-la, nous l’utiliserons comme exemple au prochain séminaire "
         "(atelier « appropriation d’outils »)."),
    ], None),
    ("normandie", "Outils de planification des réunions pluriprofessionnelles", True, [
        ("camille.fournier@example.org",
         "Quel outil utilisez-vous pour planifier les réunions de concertation ? Le tableur partagé atteint ses "
         "limites avec 25 professionnels."),
        ("coordinator.normandie@example.org",
         "À la CPTS Caen Nord nous utilisons un sondage de dates puis un agenda partagé. L’important est de fixer "
         "les réunions **trois mois à l’avance**, à jour et heure fixes."),
        ("trainer.normandie@example.org",
         "Je rejoins {coordinator_normandie} : la régularité compte plus que l’outil. Nous en parlerons au "
         "séminaire de juin, {camille} pensez à apporter votre tableur pour l’atelier."),
    ], 1),
    ("echanges-entre-regions", "Retours d’expérience : démarche qualité en équipe", False, [
        ("trainer.bretagne@example.org",
         "Pour préparer la session nationale, j’aimerais recueillir vos retours sur la démarche qualité : quels "
         "indicateurs suivez-vous en équipe ? {trainer_normandie}, qu’en est-il en Normandie ?"),
        ("trainer.normandie@example.org",
         "En Normandie, plusieurs équipes suivent le délai d’obtention d’un rendez-vous et le nombre de "
         "protocoles pluriprofessionnels actifs. Simple, mais parlant pour l’ARS."),
        ("national@example.org",
         "Merci à vous deux. Nous reprendrons ces exemples dans le module « Démarche qualité » de l’e-learning."),
    ], None),
    ("questions-sur-la-plateforme", "Où déposer mes travaux inter-séminaires ?", True, [
        ("coordinator.normandie@example.org",
         "Je ne trouve pas où déposer le document de travail demandé pour le prochain séminaire. Est-ce sur la "
         "page de ma région ?"),
        ("national@example.org",
         "Bonjour {coordinator_normandie}, le dépôt des travaux ouvrira avec la rubrique des séminaires. En "
         "attendant, envoyez-le par courriel à vos formateurs relais."),
    ], 1),
]

MENTIONS = {
    "trainer_bretagne": "trainer.bretagne@example.org",
    "coordinator_bretagne": "coordinator.bretagne@example.org",
    "trainer_normandie": "trainer.normandie@example.org",
    "coordinator_normandie": "coordinator.normandie@example.org",
    "paul": "paul.hamon@example.org",
    "camille": "camille.fournier@example.org",
}


def load():
    handles = {
        key: "@" + services.ensure_profile(User.objects.get(email=email)).handle for key, email in MENTIONS.items()
    }
    for slug, title, question, posts, accepted in THREADS:
        forum = Forum.objects.get(slug=slug)
        if Topic.objects.filter(forum=forum, title=title).exists():
            continue
        with transaction.atomic():
            people = [User.objects.get(email=email) for email, _ in posts]
            texts = [text.format(**handles) for _, text in posts]
            topic = services.start_topic(people[0], forum, title, texts[0], is_question=question, check_rate=False)
            replies = [services.reply(person, topic, text, check_rate=False) for person, text in zip(people[1:], texts[1:])]
            if accepted:
                services.accept_answer(people[0], topic, replies[accepted - 1])
    return ForumProfile.objects.count()
