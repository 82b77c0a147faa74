"""Technical sheets for tests, published under the site's learning index (built by setup_site)."""

import datetime

from documents.enums import Theme


def sheet_index():
    from learning.models import LearningIndexPage, TechnicalSheetIndexPage

    learning = LearningIndexPage.objects.get(locale__language_code="fr")
    index = TechnicalSheetIndexPage.objects.child_of(learning).first()
    if index is None:
        index = TechnicalSheetIndexPage(title="Fiches techniques", slug="fiches-techniques",
                                        intro="Les méthodes du programme, fiche par fiche.")
        learning.add_child(instance=index)
        index.save_revision().publish()
    return index


def make_sheet(title="Animer une réunion d’équipe", theme=Theme.COLLABORATION, tools=(), next_review=None, **extra):
    from learning.models import TechnicalSheetPage

    index = sheet_index()
    sheet = TechnicalSheetPage(
        title=title, slug=extra.pop("slug", None) or title.lower().replace(" ", "-").replace("’", "")[:50],
        theme=theme, intro="Une méthode éprouvée.",
        objective="<p>Faire de la réunion un temps de décision « partagé » par toute l’équipe.</p>",
        when_to_use="<p>Chaque mois, et avant tout projet de santé publique.</p>",
        steps=[{"type": "step", "value": {"title": f"Étape {n}", "text": f"<p>Préparer l’ordre du jour n° {n}.</p>"}}
               for n in range(1, 4)],
        tools=[{"type": "document", "value": {"document": document.pk, "title": ""}} for document in tools],
        pitfalls="<p>Éviter les décisions prises sans le médecin ni l’infirmière.</p>",
        references="<p>HAS, « Travailler en équipe », 2021.</p>",
        authors="Équipe nationale PACTE", last_reviewed=datetime.date(2025, 1, 15),
        next_review=next_review or datetime.date(2027, 1, 15), **extra,
    )
    index.add_child(instance=sheet)
    sheet.save_revision().publish()
    return sheet
