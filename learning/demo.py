"""Demo e-learning (French, with the first module translated to English): the catalogue, two modules on the
programme's themes with quizzes and reflection questions, a question bank, and progress for the demo coordinators
(Bretagne has completed the first module and holds its certificate; Normandie is half-way through the second).
Idempotent: what exists is left alone. Not one transaction (see cms.services.translation)."""

from django.http import QueryDict
from wagtail.models import Locale

from cms.services.translation import translate
from learning import services
from learning.enums import Audience, QuestionKind, Theme
from learning.models import LearningIndexPage, LessonPage, ModuleIndexPage, ModulePage, QuestionBank, QuizAttempt
from people.models import User


def _p(html, id):
    return {"type": "paragraph", "id": id, "value": html}


def _choice(text, correct, feedback, id):
    return {"type": "item", "id": id, "value": {"text": text, "correct": correct, "feedback": feedback}}


def _question(text, choices, id, kind=QuestionKind.SINGLE):
    return {"type": "question", "id": id, "value": {"kind": kind, "text": text, "choices": choices}}


def _quiz(title, questions, id, pass_mark=70, max_attempts=0):
    return {"type": "quiz", "id": id, "value": {"title": title, "pass_mark": pass_mark,
                                                "max_attempts": max_attempts, "questions": questions}}


def _reflection(prompt, guidance, id):
    return {"type": "reflection", "id": id, "value": {"prompt": prompt, "guidance": guidance}}


def _callout(kind, title, text, id):
    return {"type": "callout", "id": id, "value": {"kind": kind, "title": title, "text": text}}


INDEX = {"title": "Modules d’e-learning", "slug": "modules",
         "intro": "Trente heures d’e-learning accompagnent les séminaires : suivez les modules à votre rythme."}
INDEX_EN = {"Modules d’e-learning": "E-learning modules", "modules": "modules",
            INDEX["intro"]: "Thirty hours of e-learning go with the seminars: take the modules at your own pace."}

BANK = {
    "title": "Démarche qualité : questions de base",
    "questions": [
        _question("Le cycle PDCA se compose de quatre étapes : planifier, faire, vérifier et…", [
            _choice("agir (ajuster)", True, "Oui : on ajuste puis on recommence le cycle.", "bank-q1-a"),
            _choice("archiver", False, "Non : le cycle ne s’arrête pas, il recommence.", "bank-q1-b"),
            _choice("auditer", False, "Non : l’audit sert plutôt à « vérifier ».", "bank-q1-c"),
        ], "bank-q1"),
        _question("Un indicateur de qualité doit être mesurable et suivi dans le temps.", [
            _choice("Vrai", True, "Oui : sans mesure répétée, pas de suivi.", "bank-q2-a"),
            _choice("Faux", False, "Si : un indicateur se suit dans le temps.", "bank-q2-b"),
        ], "bank-q2", QuestionKind.TRUE_FALSE),
        _question("Quels éléments figurent dans une fiche d’événement indésirable ?", [
            _choice("La description des faits", True, "Oui.", "bank-q3-a"),
            _choice("Les causes identifiées", True, "Oui.", "bank-q3-b"),
            _choice("Le nom du patient", False, "Non : aucune donnée patient sur la plateforme.", "bank-q3-c"),
        ], "bank-q3", QuestionKind.MULTIPLE),
        _question("Qui participe à l’analyse d’un événement indésirable en MSP ?", [
            _choice("Les professionnels concernés, sans recherche de coupable", True,
                    "Oui : l’analyse porte sur l’organisation.", "bank-q4-a"),
            _choice("Le coordonnateur seul", False, "Non : l’analyse est collective.", "bank-q4-b"),
        ], "bank-q4"),
    ],
}

MODULE_1 = {
    "page": {
        "title": "Animer une réunion d’équipe pluriprofessionnelle", "slug": "animer-une-reunion-d-equipe",
        "summary": "Préparer, animer et conclure une réunion pluriprofessionnelle qui débouche sur des décisions.",
        "objectives": "<ul><li>Construire un ordre du jour utile</li><li>Distribuer la parole entre professions"
                      "</li><li>Conclure par des décisions et un compte rendu</li></ul>",
        "duration_minutes": 90, "theme": Theme.COLLABORATION, "audience": Audience.COORDINATORS,
    },
    "en": {
        "Animer une réunion d’équipe pluriprofessionnelle": "Running a multi-professional team meeting",
        "animer-une-reunion-d-equipe": "running-a-team-meeting",
        "Préparer, animer et conclure une réunion pluriprofessionnelle qui débouche sur des décisions.":
            "Prepare, run and close a multi-professional meeting that leads to decisions.",
        "Construire un ordre du jour utile": "Build a useful agenda",
        "Distribuer la parole entre professions": "Give every profession its say",
        "Conclure par des décisions et un compte rendu": "Close with decisions and minutes",
    },
    "lessons": [
        {"title": "Préparer l’ordre du jour", "slug": "preparer-l-ordre-du-jour", "duration_minutes": 25,
         "summary": "Un ordre du jour court, envoyé à l’avance, avec un objectif par point.",
         "body": [
             _p("<p>Une réunion utile commence avant la réunion. Envoyez l’ordre du jour <b>une semaine avant</b>, "
                "avec pour chaque point son objectif : informer, échanger ou décider.</p>", "m1-l1-p1"),
             _callout("tip", "Astuce", "<p>Limitez-vous à trois ou quatre points et indiquez leur durée.</p>",
                      "m1-l1-c1"),
             _reflection("Quel point de votre dernière réunion aurait mérité d’être mieux préparé ?",
                         "Quelques lignes suffisent ; vous pourrez les relire avant le séminaire.", "m1-l1-r1"),
         ],
         "en": {
             "Préparer l’ordre du jour": "Preparing the agenda", "preparer-l-ordre-du-jour": "preparing-the-agenda",
             "Un ordre du jour court, envoyé à l’avance, avec un objectif par point.":
                 "A short agenda, sent in advance, with an aim for each item.",
             "Une réunion utile commence avant la réunion. Envoyez l’ordre du jour <b>une semaine avant</b>, avec "
             "pour chaque point son objectif : informer, échanger ou décider.":
                 "A useful meeting starts before the meeting. Send the agenda <b>a week ahead</b>, with the aim of "
                 "each item: to inform, to discuss or to decide.",
             "Astuce": "Tip",
             "Limitez-vous à trois ou quatre points et indiquez leur durée.":
                 "Keep to three or four items and give their length.",
             "Quel point de votre dernière réunion aurait mérité d’être mieux préparé ?":
                 "Which item of your last meeting deserved better preparation?",
             "Quelques lignes suffisent ; vous pourrez les relire avant le séminaire.":
                 "A few lines are enough; you can read them again before the seminar.",
         }},
        {"title": "Distribuer la parole", "slug": "distribuer-la-parole", "duration_minutes": 35,
         "summary": "Faire participer chaque profession, y compris celles qui parlent peu.",
         "body": [
             _p("<p>Dans une équipe pluriprofessionnelle, les médecins parlent souvent le plus. Le tour de table, le "
                "temps de parole annoncé et la reformulation aident chacun à s’exprimer.</p>", "m1-l2-p1"),
             _quiz("Vérifier mes acquis", [
                 _question("Quelle technique aide les professionnels qui parlent peu ?", [
                     _choice("Le tour de table", True, "Oui : chacun a un moment pour parler.", "m1-q1-a"),
                     _choice("Laisser le débat libre", False,
                             "Non : le débat libre favorise ceux qui parlent déjà.", "m1-q1-b"),
                 ], "m1-q1"),
                 _question("Quels rôles peut-on confier pendant la réunion ?", [
                     _choice("Gardien du temps", True, "Oui.", "m1-q2-a"),
                     _choice("Secrétaire de séance", True, "Oui.", "m1-q2-b"),
                     _choice("Arbitre des conflits de personnes", False,
                             "Non : ce n’est pas un rôle de réunion.", "m1-q2-c"),
                 ], "m1-q2", QuestionKind.MULTIPLE),
                 _question("La reformulation consiste à redire avec ses mots ce qu’une personne vient de dire.", [
                     _choice("Vrai", True, "Oui : elle vérifie qu’on a bien compris.", "m1-q3-a"),
                     _choice("Faux", False, "Si : c’est sa définition.", "m1-q3-b"),
                 ], "m1-q3", QuestionKind.TRUE_FALSE),
             ], "m1-quiz", pass_mark=70),
         ],
         "en": {
             "Distribuer la parole": "Giving everyone a say", "distribuer-la-parole": "giving-everyone-a-say",
             "Faire participer chaque profession, y compris celles qui parlent peu.":
                 "Involve every profession, including those who speak little.",
             "Dans une équipe pluriprofessionnelle, les médecins parlent souvent le plus. Le tour de table, le "
             "temps de parole annoncé et la reformulation aident chacun à s’exprimer.":
                 "In a multi-professional team, doctors often speak the most. Going round the table, announced "
                 "speaking times and rephrasing help everyone speak.",
             "Vérifier mes acquis": "Check what I learned",
             "Quelle technique aide les professionnels qui parlent peu ?":
                 "Which technique helps professionals who speak little?",
             "Le tour de table": "Going round the table",
             "Oui : chacun a un moment pour parler.": "Yes: everyone has a moment to speak.",
             "Laisser le débat libre": "Leaving the debate open",
             "Non : le débat libre favorise ceux qui parlent déjà.": "No: an open debate favours those who "
                                                                     "already speak.",
             "Quels rôles peut-on confier pendant la réunion ?": "Which roles can be handed out in the meeting?",
             "Gardien du temps": "Timekeeper", "Oui.": "Yes.", "Secrétaire de séance": "Minute-taker",
             "Arbitre des conflits de personnes": "Referee of personal conflicts",
             "Non : ce n’est pas un rôle de réunion.": "No: that is not a meeting role.",
             "La reformulation consiste à redire avec ses mots ce qu’une personne vient de dire.":
                 "Rephrasing means saying again, in one's own words, what someone has just said.",
             "Vrai": "True", "Faux": "False",
             "Oui : elle vérifie qu’on a bien compris.": "Yes: it checks that one has understood.",
             "Si : c’est sa définition.": "It is: that is its definition.",
         }},
        {"title": "Conclure et rédiger le compte rendu", "slug": "conclure-et-compte-rendu", "duration_minutes": 30,
         "summary": "Finir par les décisions, les responsables et les échéances.",
         "body": [
             _p("<p>Les cinq dernières minutes comptent : relisez les décisions, nommez un responsable et une "
                "échéance pour chacune, puis envoyez le compte rendu sous 48 heures.</p>", "m1-l3-p1"),
         ],
         "en": {
             "Conclure et rédiger le compte rendu": "Closing and writing the minutes",
             "conclure-et-compte-rendu": "closing-and-minutes",
             "Finir par les décisions, les responsables et les échéances.":
                 "End with the decisions, who is responsible and by when.",
             "Les cinq dernières minutes comptent : relisez les décisions, nommez un responsable et une échéance "
             "pour chacune, puis envoyez le compte rendu sous 48 heures.":
                 "The last five minutes matter: read the decisions again, name someone responsible and a deadline "
                 "for each, then send the minutes within 48 hours.",
         }},
    ],
}

MODULE_2 = {
    "page": {
        "title": "Démarche qualité : conduire un projet d’amélioration", "slug": "demarche-qualite",
        "summary": "Choisir un problème, le mesurer, tester une amélioration avec l’équipe et suivre ses effets.",
        "objectives": "<ul><li>Utiliser le cycle PDCA</li><li>Choisir un indicateur</li>"
                      "<li>Analyser un événement indésirable en équipe</li></ul>",
        "duration_minutes": 120, "theme": Theme.QUALITY, "audience": Audience.COORDINATORS,
    },
    "lessons": [
        {"title": "Le cycle PDCA", "slug": "le-cycle-pdca", "duration_minutes": 40,
         "summary": "Planifier, faire, vérifier, ajuster : la roue de Deming appliquée à une MSP.",
         "body": [
             _p("<p>Le cycle PDCA (<i>Plan, Do, Check, Act</i>) structure un projet d’amélioration : on planifie "
                "un changement, on le teste à petite échelle, on mesure ses effets, puis on l’ajuste.</p>",
                "m2-l1-p1"),
             _reflection("Quel problème de votre équipe pourrait faire l’objet d’un premier cycle PDCA ?", "",
                         "m2-l1-r1"),
         ]},
        {"title": "Choisir et suivre un indicateur", "slug": "choisir-un-indicateur", "duration_minutes": 40,
         "summary": "Un indicateur simple, mesuré régulièrement, partagé avec l’équipe.",
         "body": [
             _p("<p>Un bon indicateur est simple à recueillir, compris de tous et suivi dans le temps : par exemple "
                "le délai moyen d’obtention d’un rendez-vous non programmé.</p>", "m2-l2-p1"),
             _quiz("Quiz : démarche qualité", [
                 {"type": "from_bank", "id": "m2-draw", "value": {"bank": None, "count": 3}},
             ], "m2-quiz", pass_mark=60, max_attempts=3),
         ]},
        {"title": "Analyser un événement indésirable", "slug": "analyser-un-evenement-indesirable",
         "duration_minutes": 40, "summary": "Une analyse collective, centrée sur l’organisation, sans coupable.",
         "body": [
             _p("<p>L’analyse d’un événement indésirable réunit les professionnels concernés. Elle cherche les causes "
                "dans l’organisation, jamais un coupable, et débouche sur des actions suivies.</p>", "m2-l3-p1"),
         ]},
    ],
}


def _index():
    index = ModuleIndexPage.objects.filter(locale__language_code="fr").first()
    if index is None:
        parent = LearningIndexPage.objects.get(locale__language_code="fr")
        index = ModuleIndexPage(**INDEX)
        parent.add_child(instance=index)
        index.save_revision().publish()
        translate(index, "en", INDEX_EN, publish=True)


def _bank():
    bank = QuestionBank.objects.filter(title=BANK["title"], locale=Locale.get_default()).first()
    if bank is None:
        bank = QuestionBank.objects.create(title=BANK["title"], theme=Theme.QUALITY, questions=BANK["questions"],
                                           locale=Locale.get_default())
    return bank


def _with_bank(body, bank):
    """The lesson's blocks, its quizzes' bank draws pointing at `bank`."""
    body = [dict(block) for block in body]
    for block in body:
        if block["type"] == "quiz":
            block["value"] = {**block["value"], "questions": [
                {**q, "value": {**q["value"], "bank": bank.pk}} if q["type"] == "from_bank" else q
                for q in block["value"]["questions"]
            ]}
    return body


def _find(content):
    index = ModuleIndexPage.objects.get(locale__language_code="fr")
    return ModulePage.objects.child_of(index).filter(slug=content["page"]["slug"]).first()


def _modules():
    index = ModuleIndexPage.objects.get(locale__language_code="fr")
    bank = _bank()
    for content in (MODULE_1, MODULE_2):
        if _find(content) is not None:
            continue
        module = ModulePage(**content["page"])
        index.add_child(instance=module)
        module.save_revision().publish()
        for lesson_content in content["lessons"]:
            lesson = LessonPage(title=lesson_content["title"], slug=lesson_content["slug"],
                                body=_with_bank(lesson_content["body"], bank), summary=lesson_content["summary"],
                                duration_minutes=lesson_content["duration_minutes"])
            module.add_child(instance=lesson)
            lesson.save_revision().publish()


def _translated(page):
    return page.get_translation_or_none(Locale.objects.get(language_code="en")) is not None


def _translate_module():
    module = _find(MODULE_1)
    if not _translated(module):
        translate(module, "en", MODULE_1["en"], publish=True)


def _translate_lessons():
    """Apart from the module's own translation: a page and the translations of its children must not be published
    in the same transaction (cms.services.translation)."""
    module = _find(MODULE_1)
    for lesson_content, lesson in zip(MODULE_1["lessons"], LessonPage.objects.child_of(module).order_by("path")):
        if not _translated(lesson):
            translate(lesson, "en", lesson_content["en"], publish=True)


def _answers(lesson, quiz_id, user, right=True):
    """The demo learner's answers: the right ones (or the first wrong one) to the questions they are asked."""
    from learning.quizzes import questions_for

    quiz = lesson.quiz_block(quiz_id)
    number = QuizAttempt.objects.filter(user=user, lesson_key=lesson.translation_key, quiz_id=quiz_id).count() + 1
    data = QueryDict(mutable=True)
    data["number"] = str(number)
    for question in questions_for(quiz, user.pk, number):
        wrong = [c.id for c in question.choices if not c.correct][:1]
        data.setlist(f"a-{question.key}", sorted(question.correct_ids()) if right else wrong)
    return data


def _progress():
    module_1, module_2 = _find(MODULE_1), _find(MODULE_2)
    bretagne = User.objects.get(email="coordinator.bretagne@example.org")
    if not QuizAttempt.objects.filter(user=bretagne).exists():
        first, second, third = LessonPage.objects.child_of(module_1).order_by("path")
        services.record_visit(bretagne, first, module_1)
        services.save_reflection(bretagne, first, module_1, "m1-l1-r1",
                                 "Le point sur les gardes du samedi : personne n’avait les chiffres, la décision a "
                                 "été reportée. La prochaine fois, je les demanderai une semaine avant.", True)
        services.mark_lesson_done(bretagne, first, module_1)
        services.submit_quiz(bretagne, second, module_1, "m1-quiz", _answers(second, "m1-quiz", bretagne, False))
        services.submit_quiz(bretagne, second, module_1, "m1-quiz", _answers(second, "m1-quiz", bretagne))
        services.mark_lesson_done(bretagne, third, module_1)
    normandie = User.objects.get(email="coordinator.normandie@example.org")
    if not QuizAttempt.objects.filter(user=normandie).exists():
        first, second, _third = LessonPage.objects.child_of(module_2).order_by("path")
        services.mark_lesson_done(normandie, first, module_2)
        services.submit_quiz(normandie, second, module_2, "m2-quiz", _answers(second, "m2-quiz", normandie))
        services.record_visit(normandie, LessonPage.objects.child_of(module_2).order_by("path").last(), module_2)
    for email in ("elodie.roux@example.org", "karim.saidi@example.org"):
        person = User.objects.filter(email=email).first()
        if person and not person.lesson_progress.exists():
            lesson = LessonPage.objects.child_of(module_1).order_by("path").first()
            services.mark_lesson_done(person, lesson, module_1)


MODULE_3 = {
    "page": {
        "title": "Accueillir un nouveau professionnel dans l’équipe", "slug": "accueillir-un-nouveau-professionnel",
        "summary": "Préparer son arrivée, lui présenter l’équipe et ses outils, faire le point après un mois.",
        "objectives": "<ul><li>Préparer un parcours d’accueil</li><li>Désigner un référent</li></ul>",
        "duration_minutes": 20, "theme": Theme.COLLABORATION, "audience": Audience.COORDINATORS,
    },
    "package": {"title": "Le parcours d’accueil en trois étapes",
                "text": "Avant l’arrivée : prévenir l’équipe et préparer les accès. Le premier jour : présenter "
                        "chacun et le référent. Après un mois : faire le point ensemble."},
    "lesson": {"title": "Le parcours d’accueil", "slug": "le-parcours-d-accueil", "duration_minutes": 20,
               "summary": "Une activité interactive (SCORM) à parcourir jusqu’au bout."},
}


def _package(content=None, data=None):
    """The demo's tiny SCORM 1.2 package (learning.scorm_samples), or the given one, extracted again if its files are
    missing."""
    import io

    from learning import packages
    from learning.models import InteractivePackage
    from learning.scorm_samples import scorm_zip

    content = content or MODULE_3["package"]
    package = InteractivePackage.objects.filter(title=content["title"]).first()
    if package is not None and packages.resolve(package.sha256, package.launch_path):
        return package
    upload = io.BytesIO(data or scorm_zip("1.2", title=content["title"], text=content["text"]))
    package = package or InteractivePackage(title=content["title"])
    services.store_package(package, upload, packages.inspect(upload))
    package.save()
    return package


def _interactive_module():
    package = _package()
    if _find(MODULE_3) is not None:
        return
    index = ModuleIndexPage.objects.get(locale__language_code="fr")
    module = ModulePage(**MODULE_3["page"])
    index.add_child(instance=module)
    module.save_revision().publish()
    content = MODULE_3["lesson"]
    lesson = LessonPage(title=content["title"], slug=content["slug"], summary=content["summary"],
                        duration_minutes=content["duration_minutes"], body=[
                            _p("<p>Parcourez l’activité ci-dessous : la leçon est faite quand vous l’avez terminée."
                               "</p>", "m3-l1-p1"),
                            {"type": "interactive", "id": "m3-l1-scorm",
                             "value": {"package": package.pk, "title": MODULE_3["package"]["title"], "height": 420}},
                        ])
    module.add_child(instance=lesson)
    lesson.save_revision().publish()


H5P_LESSON = {
    "package": {"title": "Le rôle du référent"},
    "question": "Le référent accompagne le nouveau professionnel pendant son premier mois, puis fait le point avec "
                "lui.",
    "lesson": {"title": "Le rôle du référent", "slug": "le-role-du-referent", "duration_minutes": 5,
               "summary": "Une question interactive (H5P) pour vérifier ce que fait le référent."},
}


def _h5p_lesson():
    """The welcome module's second lesson: H5P content built with our own library (learning.h5p_samples)."""
    from learning.h5p_samples import h5p_zip, question

    content = H5P_LESSON
    package = _package(content["package"], h5p_zip(content["package"]["title"], question(content["question"])))
    module = _find(MODULE_3)
    if module is None or LessonPage.objects.child_of(module).filter(slug=content["lesson"]["slug"]).exists():
        return
    lesson = LessonPage(**content["lesson"], body=[
        _p("<p>Le référent est la personne de l’équipe vers qui le nouveau professionnel se tourne pendant ses "
           "premières semaines. Répondez à la question ci-dessous : la leçon est faite quand votre réponse est "
           "juste.</p>", "m3-l2-p1"),
        {"type": "interactive", "id": "m3-l2-h5p",
         "value": {"package": package.pk, "title": "Question : le rôle du référent", "height": 320}},
    ])
    module.add_child(instance=lesson)
    lesson.save_revision().publish()


# Each step commits on its own when run from load_demo (the demo's test runs them one by one for that reason).
STEPS = [_index, _modules, _translate_module, _translate_lessons, _progress, _interactive_module, _h5p_lesson]


def load():
    for step in STEPS:
        step()
