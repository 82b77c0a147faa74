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
    from forums.models import Forum, Post, Topic
    from people.models import User

    forum = Forum.objects.get(slug="bretagne")
    authors = list(User.objects.filter(regions=forum.region, role="coordinator")[:50])
    html = markup.render(LOREM)
    now = timezone.now()
    for n in range(volume.forum_topics):
        size = volume.long_topic_posts if n == 0 else 4
        title = "Banc d’essai : un sujet de 1 000 messages" if n == 0 else f"Banc d’essai : sujet {n}"
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


# --- search: keep this step last (the bench's settings queue indexing for a worker that does not run) ---
@step
def search_index(volume):
    """Index everything the steps above created, as `manage.py search_reindex` does."""
    from search.indexing import reindex_all

    reindex_all()
# --- end search ---
