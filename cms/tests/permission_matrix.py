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
    # wagtail-localize's views behind cms.translation_admin (tests/security/test_cross_region_admin.py tries them all)
    row("/admin/localize/submit/page/{region_page}/", OWN,    LOGIN,    LOGIN,     LOGIN,   OK,      OK),
    row("/admin/localize/submit/page/{region_page}/", OTHER,  LOGIN,    LOGIN,     LOGIN,   ADMIN_REFUSED, OK),
    row("/admin/localize/page/{region_page_en}/convert_to_alias/", OWN,   LOGIN, LOGIN, LOGIN, OK,  OK),
    row("/admin/localize/page/{region_page_en}/convert_to_alias/", OTHER, LOGIN, LOGIN, LOGIN, ADMIN_REFUSED, OK),
    row("/admin/localize/reports/translations/",     None,   LOGIN,    LOGIN,     LOGIN,   OK,      OK),
    row("/admin/localize/reports/translations/results/", None, LOGIN,  LOGIN,     LOGIN,   OK,      OK),
]
# fmt: on
