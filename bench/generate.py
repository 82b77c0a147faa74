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
