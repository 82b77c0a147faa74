"""An integer beyond what its column can hold names no row.

Django says so for `exact` and the comparisons on integer fields (django.db.models.lookups.IntegerFieldOverflow);
this says it for `in`, and for foreign keys (a multi-table child's primary key is one), where SQLite's driver
otherwise raises OverflowError on a number typed into a URL, a server error where PostgreSQL answers no rows."""

from django.core.exceptions import EmptyResultSet
from django.db.models import ForeignObject, IntegerField
from django.db.models.expressions import ColPairs
from django.db.models.fields.related_lookups import RelatedExact, RelatedIn
from django.db.models.lookups import In


def _integer_bounds(lhs, connection):
    """(min, max) of the integer column `lhs` stands for, or None when it is not one."""
    if isinstance(lhs, ColPairs):
        return None
    field = lhs.output_field
    while getattr(field, "target_field", None) is not None:  # a foreign key: the column it refers to
        field = field.target_field
    internal_type = field.get_internal_type()
    if internal_type not in connection.ops.integer_field_ranges:
        return None
    return connection.ops.integer_field_range(internal_type)


def _fits(value, bounds) -> bool:
    low, high = bounds
    return not isinstance(value, int) or ((low is None or value >= low) and (high is None or value <= high))


class _ExactInRange:
    def process_rhs(self, compiler, connection):
        bounds = self.rhs_is_direct_value() and _integer_bounds(self.lhs, connection)
        if bounds and not _fits(self.rhs, bounds):
            raise EmptyResultSet
        return super().process_rhs(compiler, connection)


class _InInRange:
    def process_rhs(self, compiler, connection):
        bounds = self.rhs_is_direct_value() and _integer_bounds(self.lhs, connection)
        if bounds:
            self.rhs = [value for value in self.rhs if _fits(value, bounds)]  # none left: In says EmptyResultSet
        return super().process_rhs(compiler, connection)


class IntegerFieldIn(_InInRange, In):
    pass


class RelatedExactInRange(_ExactInRange, RelatedExact):
    pass


class RelatedInInRange(_InInRange, RelatedIn):
    pass


def register():
    IntegerField.register_lookup(IntegerFieldIn)
    ForeignObject.register_lookup(RelatedExactInRange)
    ForeignObject.register_lookup(RelatedInInRange)
