"""The search benchmark (opt-in, never in the test suite): a generated corpus of forum posts, pages and library
documents in French, a full reindex timed, then a fixed set of 50 French queries run as different people, in
process: p50 / p95 of the backend's search, and of the whole results page with its query count.

    python -m bench.search                        # 100,000 posts, 5,000 pages, 2,000 documents
    python -m bench.search --posts 20000 --pages 1000 --documents 400
    DATABASE_URL=postgres://... python -m bench.search   # on PostgreSQL (database <name>_bench_search)

It builds its own database (cms.settings.bench_search): migrate, setup_site, a few people, the corpus."""

import argparse
import os
import random
import statistics
import sys
import time


def say(message):
    print(message, flush=True)


WORDS = (
    "équipe coordination coordonnateur coordonnatrice soins primaires accès santé maison pluriprofessionnelle "
    "réunion protocole projet territoire patient parcours médecin infirmière pharmacien kinésithérapeute sage-femme "
    "démarche qualité indicateur évaluation séminaire formation formateur relais région ARS CPTS MSP centre "
    "communauté professionnelle territoriale dynamique animation outil référentiel fiche technique compte rendu "
    "ordre du jour gouvernance financement ACI rémunération système information dossier partagé messagerie "
    "sécurisée prévention dépistage vaccination éducation thérapeutique coopération délégation tâches "
    "organisation planning astreinte urgence non programmé consultation téléconsultation santé publique "
    "diagnostic population besoin enquête questionnaire satisfaction conflit communication écoute leadership "
    "management motivation valeurs charte règlement intérieur association statuts juridique SISA budget "
    "subvention convention partenaire hôpital clinique EHPAD domicile social mairie département"
).split()
GLUE = "le la les un une des du de et à pour avec dans sur par en au aux ce cette nous vous il elle qui que".split()


def sentence(rng, words=14):
    out = []
    for _ in range(words):
        out.append(rng.choice(GLUE) if rng.random() < 0.35 else rng.choice(WORDS))
    text = " ".join(out)
    return text[0].upper() + text[1:] + "."


def paragraph(rng, sentences):
    return " ".join(sentence(rng) for _ in range(sentences))


QUERIES = [
    "equipe", "coordination", "soins primaires", "acces aux soins", "démarche qualité", "coordinations",
    "soin", "protocole", "projet de santé", "réunion équipe", "seminaire", "formateur relais", "indicateur",
    "evaluation", "territoire", "parcours patient", "\"maison de santé\"", "cpts", "msp", "referentiel",
    "fiche technique", "compte rendu", "ordre du jour", "gouvernance", "financement aci", "remuneration",
    "systeme d'information", "dossier partagé", "messagerie securisee", "prevention", "depistage", "vaccination",
    "education therapeutique", "cooperation", "délégation de tâches", "planning", "non programmé",
    "teleconsultation", "santé publique", "diagnostic territorial", "enquete satisfaction", "conflit equipe",
    "leadership", "management", "charte", "SISA", "subvention", "hopital", "ehpad domicile", "equipe -hopital",
]
assert len(QUERIES) == 50


def build(args):
    from django.conf import settings
    from django.core.management import call_command
    from django.db import connection

    from bench.run import _recreate_postgres

    db = settings.DATABASES["default"]
    if db["ENGINE"].endswith("sqlite3"):
        from pathlib import Path

        Path(db["NAME"]).unlink(missing_ok=True)
        Path(db["NAME"]).parent.mkdir(parents=True, exist_ok=True)
    else:
        _recreate_postgres(db)
    say(f"Building the search bench database ({connection.vendor} {db['NAME']})")
    call_command("migrate", interactive=False, verbosity=0)
    call_command("setup_site", verbosity=0)
    people = make_people()
    t = time.monotonic()
    make_pages(args.pages, random.Random(1))
    say(f"  {args.pages} pages in {time.monotonic() - t:.0f} s")
    t = time.monotonic()
    make_posts(args.posts, people, random.Random(2))
    say(f"  {args.posts} posts in {time.monotonic() - t:.0f} s")
    t = time.monotonic()
    make_documents(args.documents, people, random.Random(3))
    say(f"  {args.documents} documents in {time.monotonic() - t:.0f} s")


def make_people():
    from people.enums import Role
    from people.models import Region, User

    people = {}
    regions = {r.code: r for r in Region.objects.all()}
    for key, role, region in [
        ("coordinator", Role.COORDINATOR, "bretagne"), ("partner", Role.PARTNER, "bretagne"),
        ("trainer", Role.TRAINER, "normandie"), ("national", Role.NATIONAL, None),
        ("coordinator_occitanie", Role.COORDINATOR, "occitanie"),
    ]:
        user = User.objects.create_user(email=f"search.{key}@example.org", password=None, role=role,
                                        first_name=key, last_name="Bench")
        if region:
            user.regions.add(regions[region])
        people[key] = user
    return people


def make_pages(count, rng):
    from django.utils import timezone
    from wagtail.models import Locale

    from cms.models import ContentPage
    from learning.models import LearningIndexPage

    parent = LearningIndexPage.objects.get(locale=Locale.objects.get(language_code="fr"))
    now = timezone.now()
    for n in range(count):
        body = [("paragraph", f"<p>{paragraph(rng, 4)}</p>") for _ in range(3)]
        parent.add_child(instance=ContentPage(
            title=" ".join(rng.choice(WORDS) for _ in range(4)).capitalize() + f" {n}", slug=f"bench-search-{n}",
            intro=sentence(rng), body=body, live=True, first_published_at=now, last_published_at=now,
        ))


def make_posts(count, people, rng):
    from datetime import timedelta

    from django.utils import timezone

    from forums.models import Forum, Post, Topic

    forums = list(Forum.objects.all())
    authors = list(people.values())
    now = timezone.now()
    per_topic = 20
    for start in range(0, count, 5000):
        topics = Topic.objects.bulk_create([
            Topic(forum=forums[(start // per_topic + i) % len(forums)], author=authors[i % len(authors)],
                  title=sentence(rng, 6)[:-1], last_position=per_topic, post_count=per_topic, last_post_at=now,
                  created_at=now - timedelta(days=rng.randint(0, 1500)))
            for i in range(min(5000, count - start) // per_topic)
        ])
        posts = []
        for topic in topics:
            for position in range(1, per_topic + 1):
                text = paragraph(rng, 3)
                posts.append(Post(topic=topic, author=authors[position % len(authors)], position=position, body=text,
                                  body_html=f"<p>{text}</p>", created_at=topic.created_at,
                                  is_hidden=rng.random() < 0.01))
        Post.objects.bulk_create(posts, batch_size=2000)


def make_documents(count, people, rng):
    import uuid

    from documents import samples, services
    from documents.enums import Access, Kind, Theme
    from documents.models import LibraryDocument
    from people.models import Region

    template = services.create_document(title="Modèle", file_name="modele.pdf", owner=people["national"],
                                        data=samples.pdf("Modèle", ["Texte."]), access=Access.PUBLIC)
    regions = [None, *Region.objects.all()]
    rows = []
    for n in range(count):
        rows.append(LibraryDocument(
            title=" ".join(rng.choice(WORDS) for _ in range(5)).capitalize(), description=sentence(rng),
            theme=list(Theme)[n % len(Theme)], kind=list(Kind)[n % len(Kind)], language="fr",
            region=regions[n % len(regions)], access=list(Access)[n % len(Access)], file=template.file,
            file_hash=template.file_hash, file_size=template.file_size, file_format="pdf",
            file_name=template.file_name, text_status="done", text="\n".join(paragraph(rng, 6) for _ in range(4)),
            locale=template.locale, translation_key=uuid.uuid4(),
        ))
    LibraryDocument.objects.bulk_create(rows, batch_size=500)


def percentile(values, fraction):
    values = sorted(values)
    return values[min(len(values) - 1, int(round(fraction * (len(values) - 1))))]


def measure(reindex_first=True):
    from django.contrib.auth.models import AnonymousUser
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    from people.models import User
    from search.backends import get_backend
    from search.indexing import reindex_all
    from search.models import SearchEntry
    from search.permissions import reader_for
    from search.text import parse_query

    count, reindex = SearchEntry.objects.count(), 0.0
    if reindex_first:
        t = time.monotonic()
        count = reindex_all()
        reindex = time.monotonic() - t
        say(f"  reindex: {count} entries in {reindex:.1f} s")
    size = sum(len(b or "") for b in SearchEntry.objects.values_list("body", flat=True).iterator())
    say(f"  indexed text: {size / 1e6:.1f} MB")
    users = [AnonymousUser(), *User.objects.filter(email__startswith="search.").order_by("email")]
    backend = get_backend()
    timings, totals = [], []
    for round_ in range(2):  # the first round warms the caches of the database
        timings = []
        for n, text in enumerate(QUERIES):
            user = users[n % len(users)]
            if hasattr(user, "_pacte_search_reader"):
                del user._pacte_search_reader
            t = time.perf_counter()
            results = backend.search(parse_query(text), reader_for(user), filters={}, offset=0, limit=20)
            timings.append((time.perf_counter() - t) * 1000)
            totals.append(results.total)
    pages, queries = [], []
    clients = []
    for user in users:
        client = Client()
        if user.is_authenticated:
            client.force_login(user)
        clients.append(client)
    for n, text in enumerate(QUERIES):
        client = clients[n % len(clients)]
        with CaptureQueriesContext(connection) as captured:
            t = time.perf_counter()
            response = client.get("/fr/search/", {"q": text})
            pages.append((time.perf_counter() - t) * 1000)
        assert response.status_code == 200, (text, response.status_code)
        queries.append(len(captured))
    say(f"  hits per query: median {statistics.median(totals):.0f}, max {max(totals)}")
    say(f"  backend search: p50 {percentile(timings, .5):.0f} ms, p95 {percentile(timings, .95):.0f} ms, "
        f"max {max(timings):.0f} ms")
    say(f"  results page:   p50 {percentile(pages, .5):.0f} ms, p95 {percentile(pages, .95):.0f} ms, "
        f"queries max {max(queries)}")
    return {"reindex_s": reindex, "entries": count, "p50": percentile(timings, .5), "p95": percentile(timings, .95),
            "page_p50": percentile(pages, .5), "page_p95": percentile(pages, .95), "queries": max(queries)}


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--posts", type=int, default=100_000)
    parser.add_argument("--pages", type=int, default=5_000)
    parser.add_argument("--documents", type=int, default=2_000)
    parser.add_argument("--reuse", action="store_true", help="measure the database built last time")
    parser.add_argument("--no-reindex", action="store_true", help="with --reuse: queries only")
    args = parser.parse_args(argv)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "cms.settings.bench_search")
    import django

    django.setup()
    if not args.reuse:
        build(args)
    measure(reindex_first=not args.no_reindex)


if __name__ == "__main__":
    sys.exit(main())
