"""Seminars for tests: pages under the region pages that site setup made, written through the services."""

import datetime
import itertools

from django.utils import timezone

from cms.models import RegionPage
from seminars import services
from seminars.models import Assignment, SeminarIndexPage, SeminarPage

_seq = itertools.count(1)


def agenda(days, sessions_per_day=4, material_ids=()):
    """An agenda of `days` days from `start`, with `sessions_per_day` sessions each."""
    from seminars.blocks import agenda_data

    blocks = []
    for day in days:
        sessions = []
        for n in range(sessions_per_day):
            hour = 9 + n
            sessions.append({
                "start": f"{hour:02d}:00:00", "end": f"{hour:02d}:45:00", "title": f"Atelier {n + 1}",
                "activity": ["sharing", "problem_solving", "role_play", "tools", "theory"][n % 5],
                "description": f"Description de l’atelier {n + 1}", "facilitator": "Yann Le Goff",
                "materials": list(material_ids[:1]) if n == 0 else [],
            })
        blocks.append((day, sessions))
    return agenda_data(blocks)


def seminar(region="bretagne", *, start=None, days=2, number=1, year=2020, sessions_per_day=4, materials=(),
            title=None, trainers=(), **fields):
    start = start or (timezone.localdate() + datetime.timedelta(days=30))
    dates = [start + datetime.timedelta(days=i) for i in range(days)]
    n = next(_seq)
    page = SeminarPage(
        title=title or f"Séminaire {number} – {n}", slug=f"seminaire-{n}", cohort_year=year, number=number,
        start_date=dates[0], end_date=dates[-1], venue="Maison des associations", address="6 cours des Alliés\n35000 Rennes",
        access="Métro ligne A, station Charles de Gaulle.", objectives="<p>Animer une réunion d’équipe.</p>",
        agenda=agenda(dates, sessions_per_day, [m.pk for m in materials]),
        trainer_1=trainers[0] if trainers else None, trainer_2=trainers[1] if len(trainers) > 1 else None,
        **fields,
    )
    if materials:
        page.materials = [{"type": "document", "value": {"document": m.pk, "title": ""}} for m in materials]
    parent = national_index() if region is None else RegionPage.objects.get(region__code=region,
                                                                             locale__language_code="fr")
    parent.add_child(instance=page)
    page.save_revision().publish()
    page.refresh_from_db()
    return page


def national_index():
    from cms.models import HomePage

    found = SeminarIndexPage.objects.filter(locale__language_code="fr").first()
    if found:
        return found
    home = HomePage.objects.get(locale__language_code="fr")
    index = SeminarIndexPage(title="Séminaires nationaux", slug="seminaires-nationaux")
    home.add_child(instance=index)
    index.save_revision().publish()
    return index


def assignment(seminar, author=None, *, due_in_days=7, **fields):
    return Assignment.objects.create(
        seminar=seminar, author=author, title=fields.pop("title", f"Travail {next(_seq)}"),
        instructions=fields.pop("instructions", "Décrivez une réunion d’équipe récente."),
        due_at=timezone.now() + datetime.timedelta(days=due_in_days), **fields,
    )


def register(seminar, *people):
    services.set_registrations(seminar, [p.pk for p in people] + list(
        seminar.registrations.values_list("person_id", flat=True)))


def key(page):
    """How URLs name a seminar: region code (or "national") and slug."""
    return f"{page.region.code if page.region_id else 'national'}/{page.slug}"
