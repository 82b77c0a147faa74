"""The cms app's rows of the URL x role matrix (tests/security/matrix.py explains the columns)."""

from tests.security.matrix import ADMIN_REFUSED, LOGIN, OK, OTHER, OWN, row, to

# fmt: off
ROWS = [
    #   URL                                          region  anonymous coordinator partner  trainer  national
    row("/fr/",                                       None,   OK),
    row("/en/",                                       None,   OK),
    row("/fr/regions/{region}/",                      OWN,    OK),
    row("/fr/regions/{region}/",                      OTHER,  OK),
    row("/en/regions/{region}/",                      OWN,    OK),
    row("/en/regions/{region}/",                      OTHER,  OK),
    row("/fr/page-qui-n-existe-pas/",                 None,   404),
    row("/healthz",                                   None,   OK),
    row("/fr/plan-du-site/",                          None,   OK),
    row("/en/site-map/",                              None,   OK),
    row("/sitemap.xml",                               None,   OK),
    row("/robots.txt",                                None,   OK),
    row("/favicon.ico",                               None,   to("/static/img/favicon.svg")),
    row("/admin/pages/{region_page}/edit/",           OWN,    LOGIN,    LOGIN,     LOGIN,   OK,      OK),
    row("/admin/pages/{region_page}/edit/",           OTHER,  LOGIN,    LOGIN,     LOGIN,   ADMIN_REFUSED, OK),
    row("/admin/pages/{region_page_en}/edit/",        OWN,    LOGIN,    LOGIN,     LOGIN,   OK,      OK),
    row("/admin/pages/{region_page_en}/edit/",        OTHER,  LOGIN,    LOGIN,     LOGIN,   ADMIN_REFUSED, OK),
]
# fmt: on
