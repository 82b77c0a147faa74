"""The learning app's rows of the URL x role matrix (tests/security/matrix.py explains the columns)."""

from tests.security.matrix import ADMIN_REFUSED, LOGIN, OK, row

# fmt: off
ROWS = [
    # The technical sheets past their review date: the national team's report.
    row("/admin/reports/sheets-to-review/",          None,   LOGIN,    LOGIN,     LOGIN,   ADMIN_REFUSED, OK),
    row("/admin/reports/sheets-to-review/results/",  None,   LOGIN,    LOGIN,     LOGIN,   ADMIN_REFUSED, OK),
]
# fmt: on
