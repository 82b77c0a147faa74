"""Lists in the order a French reader expects: accents and case ignored, so that Île-de-France comes between
Hauts-de-France and Normandie and Émilie between emile and Eric. The same order in Python (`sort_key`), on
PostgreSQL (an ICU collation created by people/migrations/0003) and on SQLite (the same comparison, registered on
each connection): querysets use `french_order(field)`. Here rather than in cms/ because people orders by it and
never imports cms."""

import unicodedata

from django.db.models import F
from django.db.models.functions import Collate

COLLATION = "fr_ci"
# Letters that NFKD does not decompose but a French reader files as two: "Œuvre" among the "oe".
_LIGATURES = str.maketrans({"œ": "oe", "æ": "ae", "ø": "o", "ł": "l", "đ": "d"})


def sort_key(text) -> str:
    """The key to sort texts by in Python: without accents or case."""
    decomposed = unicodedata.normalize("NFKD", str(text))
    bare = "".join(char for char in decomposed if not unicodedata.combining(char))
    return bare.casefold().translate(_LIGATURES)


def french_order(field, descending=False):
    """An ORDER BY term for `field` in French order, for order_by() and Meta.ordering."""
    term = Collate(F(field), COLLATION)
    return term.desc() if descending else term.asc()


def _compare(left, right):
    left, right = sort_key(left), sort_key(right)
    return (left > right) - (left < right)


def register_sqlite_collation(sender, connection, **kwargs):
    """On SQLite, the collation is a Python function, given to each new connection (signal connection_created)."""
    if connection.vendor == "sqlite":
        connection.connection.create_collation(COLLATION, _compare)
