"""Volume for the benchmark, on top of the demo: what a full year of the programme holds, so that an N+1 or an
unbounded list shows in the figures. Each step is a function registered with @step that receives the Volume and
creates its share; later capabilities add theirs (modules, documents, forum posts) in the same way.

Run by bench/run.py on its own database, after migrate, setup_site and load_demo."""

from dataclasses import dataclass

STEPS = []


@dataclass(frozen=True)
class Volume:
    coordinators_per_region: int = 150
    trainers_per_region: int = 2
    partners_per_region: int = 4
    content_pages: int = 40
    paragraphs_per_page: int = 8
    forum_topics: int = 500
    long_topic_posts: int = 1000


def step(func):
    STEPS.append(func)
    return func


def generate(volume=Volume(), progress=print):
    for func in STEPS:
        progress(f"  generate: {func.__name__}")
        func(volume)


LOREM = (
    "Le coordonnateur anime le travail en équipe de la maison de santé : il prépare les réunions pluriprofessionnelles, "
    "suit les protocoles et les projets de santé, et fait le lien avec la CPTS et les partenaires du territoire. "
)


@step
def people(volume):
    """Every region full of coordinators, with its trainer pair and COPIL partners. Inserted in bulk with one
    password hash: the bench measures pages, not account creation."""
    from django.contrib.auth.hashers import make_password

    from people.enums import Role, StructureType
    from people.models import Region, User

    password = make_password(None)
    structures = list(StructureType)
    counts = {Role.COORDINATOR: volume.coordinators_per_region, Role.TRAINER: volume.trainers_per_region,
              Role.PARTNER: volume.partners_per_region}
    links = []
    for region in Region.objects.all():
        users = [
            User(
                email=f"bench.{role}.{n}@{region.code}.example.org",
                first_name=f"Prénom{n}",
                last_name=f"{role.label[:5]}-{region.code[:6]}-{n:03d}",
                role=role,
                password=password,
                structure_type=structures[n % len(structures)],
                structure_name=f"Maison de santé n°{n}",
                structure_town=f"Ville {n % 40}",
            )
            for role, count in counts.items()
            for n in range(count)
        ]
        for user in User.objects.bulk_create(users):
            links.append(User.regions.through(user_id=user.pk, region_id=region.pk))
    User.regions.through.objects.bulk_create(links)


@step
def content_pages(volume):
    """Dozens of French content pages in the learning resources, each a few screens of rich text."""
    from wagtail.models import Locale

    from cms.models import ContentPage
    from learning.models import LearningIndexPage

    parent = LearningIndexPage.objects.get(locale=Locale.objects.get(language_code="fr"))
    for n in range(volume.content_pages):
        body = [("heading", {"text": f"Partie {n}.{p}", "level": "h2"}) if p % 3 == 0
                else ("paragraph", f"<p>{LOREM * 3}</p>") for p in range(volume.paragraphs_per_page)]
        page = parent.add_child(instance=ContentPage(
            title=f"Fiche technique {n:03d}", slug=f"bench-fiche-{n:03d}", intro=LOREM, body=body,
        ))
        page.save_revision().publish()


@step
def forum_posts(volume):
    """The Bretagne forum with 500 topics, one of them 1,000 posts long (bulk inserts, counters set to match)."""
    from django.db.models import F
    from django.utils import timezone

    from forums import markup
    from forums.models import Forum, Post, Subscription, Topic
    from people.models import User

    forum = Forum.objects.get(slug="bretagne")
    authors = list(User.objects.filter(regions=forum.region, role="coordinator")[:50])
    html = markup.render(LOREM)
    now = timezone.now()
    for n in range(volume.forum_topics):
        size = volume.long_topic_posts if n == 0 else 4
        title = ("Banc d’essai : un sujet de 1 000 messages" if n == 0 else REPLY_TOPIC if n == 1
                 else f"Banc d’essai : sujet {n}")
        topic = Topic.objects.create(forum=forum, title=title, author=authors[n % len(authors)],
                                     last_position=size, post_count=size, last_post_at=now)
        Post.objects.bulk_create([
            Post(topic=topic, author=authors[(n + i) % len(authors)], position=i, body=LOREM, body_html=html,
                 created_at=now)
            for i in range(1, size + 1)
        ], batch_size=500)
        last = topic.posts.order_by("-position").first()
        Topic.objects.filter(pk=topic.pk).update(last_post=last)
        Forum.objects.filter(pk=forum.pk).update(
            topic_count=F("topic_count") + 1, post_count=F("post_count") + size, last_post=last
        )
        if n == 1:
            # bench/run.py's "post a reply" row replies here: three members follow the topic, so that each reply
            # creates their notifications and queues their e-mails (which no worker sends during the bench).
            Subscription.objects.bulk_create([Subscription(user=user, topic=topic) for user in authors[:3]])


REPLY_TOPIC = "Banc d’essai : les réponses"


# --- e-learning (learning/) ----------------------------------------------------------------------------------------
@step
def learning_modules(volume):
    """Eight more modules (ten with the demo's), one of 30 lessons for the lesson row; a trainer whose region (Corse)
    has 200 coordinators, with progress, attempts and notebook entries in every module: the dashboard's 200 x 10.
    The bench coordinator (coordinator.bretagne) holds the demo's certificate."""
    from django.contrib.auth.hashers import make_password
    from django.utils import timezone

    from learning.enums import Audience, Theme
    from learning.models import (
        LessonPage,
        LessonProgress,
        ModuleIndexPage,
        ModulePage,
        ModuleProgress,
        QuizAttempt,
    )
    from people.enums import Role
    from people.models import Region, User

    index = ModuleIndexPage.objects.get(locale__language_code="fr")
    paragraph = {"type": "paragraph", "value": "<p>" + "Un paragraphe de leçon sur le travail en équipe. " * 12
                 + "</p>"}
    quiz = {"type": "quiz", "value": {"title": "Quiz", "pass_mark": 50, "max_attempts": 0, "questions": [
        {"type": "question", "value": {"kind": "single", "text": f"Question {n} ?", "choices": [
            {"type": "item", "value": {"text": "Oui", "correct": True, "feedback": "Bien."}},
            {"type": "item", "value": {"text": "Non", "correct": False, "feedback": "Non."}}]}}
        for n in range(5)]}}
    reflection = {"type": "reflection", "value": {"prompt": "Qu’en retenez-vous pour votre équipe ?", "guidance": ""}}
    modules = []
    for n in range(8):
        module = ModulePage(title=f"Banc d’essai : module {n}", slug=f"banc-module-{n}", summary="Module de banc.",
                            objectives="<p>Mesurer.</p>", duration_minutes=60, theme=Theme.TEAM,
                            audience=Audience.COORDINATORS)
        index.add_child(instance=module)
        module.save_revision().publish()
        for lesson_number in range(30 if n == 0 else 4):
            slug = f"banc-lecon-{lesson_number}" if n == 0 else f"banc-{n}-lecon-{lesson_number}"
            lesson = LessonPage(title=f"Leçon {lesson_number}", slug=slug,
                                body=[paragraph, paragraph, quiz, reflection])
            module.add_child(instance=lesson)
            lesson.save_revision().publish()
        modules.append(module)
    corse = Region.objects.get(code="corse")
    password = make_password(None)
    trainer = User.objects.create(email="trainer.bench@example.org", first_name="Banc", last_name="Formateur",
                                  role=Role.TRAINER, password=password)
    trainer.regions.add(corse)
    extra = User.objects.bulk_create([
        User(email=f"bench.extra.{n}@corse.example.org", first_name="Prénom", last_name=f"Extra-{n:03d}",
             role=Role.COORDINATOR, password=password)
        for n in range(max(0, 200 - volume.coordinators_per_region))
    ])
    User.regions.through.objects.bulk_create([User.regions.through(user_id=u.pk, region_id=corse.pk) for u in extra])
    coordinators = list(User.objects.filter(regions=corse, role=Role.COORDINATOR))
    all_modules = list(ModulePage.objects.live().filter(locale__language_code="fr"))
    lessons = {m.translation_key: list(LessonPage.objects.child_of(m).values_list("translation_key", flat=True))
               for m in all_modules}
    now = timezone.now()
    ModuleProgress.objects.bulk_create([
        ModuleProgress(user=u, module_key=m.translation_key, last_lesson_key=lessons[m.translation_key][0])
        for i, u in enumerate(coordinators) for m in all_modules if (i + len(m.title)) % 3
    ])
    LessonProgress.objects.bulk_create([
        LessonProgress(user=u, module_key=m.translation_key, lesson_key=key)
        for i, u in enumerate(coordinators) for m in all_modules if (i + len(m.title)) % 3
        for key in lessons[m.translation_key][: 1 + i % 3]
    ])
    QuizAttempt.objects.bulk_create([
        QuizAttempt(user=u, module_key=m.translation_key, lesson_key=lessons[m.translation_key][0], quiz_id="bench",
                    number=1, quiz_title="Quiz", score=60 + i % 40, correct=3, total=5, pass_mark=50, passed=True,
                    created_at=now)
        for i, u in enumerate(coordinators) for m in all_modules if (i + len(m.title)) % 3
    ])
# --- end of e-learning ---------------------------------------------------------------------------------------------


# --- seminars (seminars/) -------------------------------------------------------------------------------------------
@step
def seminars(volume):
    """A Bretagne seminar of 5 days × 8 sessions with 50 materials (library rows sharing one file), its cohort
    registered and its attendance recorded for every half-day, and a COPIL report."""
    import datetime

    from cms.models import RegionPage
    from documents.models import LibraryDocument
    from people.models import User
    from seminars.blocks import agenda_data
    from seminars.models import Attendance, CopilReport, Registration, SeminarPage

    bretagne = RegionPage.objects.get(region__code="bretagne", locale__language_code="fr")
    template = LibraryDocument.objects.filter(region__code="bretagne").first() or LibraryDocument.objects.first()
    rows = [LibraryDocument(
        title=f"Banc d’essai : support {n}", theme=template.theme, kind=template.kind, language="fr",
        region=template.region, access=template.access, file=template.file, file_hash=template.file_hash,
        file_size=template.file_size, file_format=template.file_format, file_name=template.file_name,
        text_status=template.text_status, locale=template.locale) for n in range(50)]
    materials = LibraryDocument.objects.bulk_create(rows)
    start = datetime.date(2021, 3, 1)
    agenda = agenda_data([(start + datetime.timedelta(days=d), [
        {"start": f"{9 + s:02d}:00", "end": f"{9 + s:02d}:50", "title": f"Atelier {s + 1}", "activity": "tools",
         "description": LOREM[:200], "facilitator": "Yann Le Goff", "materials": [materials[(d * 8 + s) % 50].pk]}
        for s in range(8)]) for d in range(5)])
    page = SeminarPage(title="Banc d’essai : séminaire de 40 sessions", slug="banc-essai-seminaire", cohort_year=2021,
                       number=1, start_date=start, end_date=start + datetime.timedelta(days=4), venue="Rennes",
                       agenda=agenda, materials=[{"type": "document", "value": {"document": m.pk, "title": ""}}
                                                 for m in materials])
    bretagne.add_child(instance=page)
    page.save_revision().publish()
    cohort = list(User.objects.filter(regions=bretagne.region, role="coordinator"))
    Registration.objects.bulk_create([Registration(seminar=page, person=p) for p in cohort])
    Attendance.objects.bulk_create([
        Attendance(seminar=page, person=p, date=date, half_day=half, present=(i + p.pk) % 7 != 0)
        for date, half in page.half_days() for i, p in enumerate(cohort)], batch_size=1000)
    CopilReport.objects.create(seminar=page, themes=LOREM, evaluation=LOREM, difficulties=LOREM, next_steps=LOREM)


# --- documents: the library (begin) -----------------------------------------------------------------------------
LIBRARY_DOCUMENTS = 500


@step
def library_documents(volume):
    """500 more library documents, national and regional at every access level, sharing the demo guide's file."""
    from documents.tests.factories import bulk_documents
    from documents.models import LibraryDocument
    from people.models import Region

    template = LibraryDocument.objects.filter(locale__language_code="fr").order_by("pk").first()
    regions = (None, *Region.objects.all())
    bulk_documents(LIBRARY_DOCUMENTS, template=template, regions=regions)
# --- documents: the library (end) -------------------------------------------------------------------------------


# --- search: keep this step last (the bench's settings queue indexing for a worker that does not run) ---
@step
def search_index(volume):
    """Index everything the steps above created, as `manage.py search_reindex` does."""
    from search.indexing import reindex_all

    reindex_all()
# --- end search ---
