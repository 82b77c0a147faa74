"""The search app's rows of the URL x role matrix (tests/security/matrix.py explains the columns). Both pages
answer everyone: what each person gets inside them is filtered (search/tests/test_permissions.py, test_views.py)."""

from tests.security.matrix import OK, row

# fmt: off
ROWS = [
    #   URL                                  region  everyone
    row("/fr/search/",                        None,   OK),
    row("/fr/search/?q=equipe",               None,   OK),
    row("/en/search/?q=team&kind=document",   None,   OK),
    row("/fr/search/suggest/?q=equi",         None,   OK),
]
# fmt: on
