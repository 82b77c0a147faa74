"""French order, the same in Python and in the database (SQLite and PostgreSQL: the suite runs on both)."""

import pytest

from people.collation import french_order, sort_key
from people.enums import RegionCode
from people.models import Region, User
from people.tests.factories import UserFactory

NAMES = ["Zoé", "Émilie", "Eric", "emile", "Élodie", "Œillet", "Oudin", "Obé"]
IN_FRENCH_ORDER = ["Élodie", "emile", "Émilie", "Eric", "Obé", "Œillet", "Oudin", "Zoé"]


def test_the_key_ignores_accents_and_case():
    assert sorted(NAMES, key=sort_key) == IN_FRENCH_ORDER
    assert sort_key("Île-de-France") == "ile-de-france"


def test_regions_in_french_order():
    assert sorted((str(label) for label in RegionCode.labels), key=sort_key) == [
        "Auvergne-Rhône-Alpes", "Bourgogne-Franche-Comté", "Bretagne", "Centre-Val de Loire", "Corse", "Grand Est",
        "Guadeloupe", "Guyane", "Hauts-de-France", "Île-de-France", "La Réunion", "Martinique", "Mayotte",
        "Normandie", "Nouvelle-Aquitaine", "Occitanie", "Pays de la Loire", "Provence-Alpes-Côte d’Azur",
    ]


@pytest.mark.django_db
def test_regions_are_listed_in_french_order():
    # By code, which is the name without accents: the same order as the names'.
    names = [str(region.name) for region in Region.objects.all()]
    assert names == sorted(names, key=sort_key)


@pytest.mark.django_db
def test_people_are_ordered_in_french_by_the_database():
    for n, name in enumerate(NAMES):
        UserFactory(email=f"person{n}@collation.example.org", last_name=name, first_name="Anne")
    people = User.objects.filter(email__endswith="@collation.example.org")
    assert [person.last_name for person in people] == IN_FRENCH_ORDER
    descending = people.order_by(french_order("last_name", descending=True))
    assert [person.last_name for person in descending] == IN_FRENCH_ORDER[::-1]


@pytest.mark.django_db
def test_first_names_break_ties_in_french_order():
    for n, first in enumerate(["Zoé", "Édouard", "eve", "Ève-Marie"]):
        UserFactory(email=f"same{n}@collation.example.org", last_name="Le Goff", first_name=first)
    people = User.objects.filter(email__endswith="@collation.example.org")
    assert [person.first_name for person in people] == ["Édouard", "eve", "Ève-Marie", "Zoé"]
