"""No CSV file of the platform carries a formula: cells a spreadsheet would run are neutralised (cms.csv)."""

import csv
import io
from decimal import Decimal

import pytest
from django.test import RequestFactory
from django.utils import timezone
from wagtail.admin.views.pages.listing import IndexView

from cms import csv as pacte_csv
from cms.models import ContentPage, HomePage

pytestmark = pytest.mark.django_db

HOSTILE_TITLES = ['=HYPERLINK("http://evil","x")', "@SUM(1)", "-12", "+33 1 23 45 67 89", "\tTab", "\rRetour"]
TRIGGERS = ("=", "+", "-", "@", "\t", "\r")


def _rows(response):
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    body = b"".join(response.streaming_content) if response.streaming else response.content
    return list(csv.reader(io.StringIO(body.decode("utf-8-sig"), newline="")))


def _assert_neutralised(rows, titles=HOSTILE_TITLES):
    cells = [cell for row in rows for cell in row]
    for title in titles:
        assert "'" + title in cells, title
    assert not [cell for cell in cells if cell.startswith(TRIGGERS)]


@pytest.mark.parametrize(
    "value, written",
    [
        ('=HYPERLINK("http://evil","x")', '\'=HYPERLINK("http://evil","x")'),
        ("@SUM(1)", "'@SUM(1)"),
        ("+33 1 23 45 67 89", "'+33 1 23 45 67 89"),
        ("-12", "'-12"),  # text that looks like a negative number: judged by its first character, as OWASP says
        ("\t=1+1", "'\t=1+1"),
        ("\r=1+1", "'\r=1+1"),
        ("Maëlle Kerouac", "Maëlle Kerouac"),
        ("a=b", "a=b"),
        ("", ""),
        (-12, "-12"),  # numbers given as numbers stay numbers
        (Decimal("-1.5"), "-1.5"),
        (None, ""),
    ],
)
def test_cells_that_a_spreadsheet_would_run_are_prefixed_with_a_quote(value, written):
    out = io.StringIO()
    pacte_csv.writer(out).writerow([value])
    assert next(csv.reader(io.StringIO(out.getvalue(), newline=""))) == [written]


def test_dict_writer_neutralises_headers_and_rows():
    out = io.StringIO()
    writer = pacte_csv.DictWriter(out, fieldnames=["=name"])
    writer.writeheader()
    writer.writerows([{"=name": "=1+1"}, {"=name": "ok"}])
    assert list(csv.reader(io.StringIO(out.getvalue(), newline=""))) == [["'=name"], ["'=1+1"], ["ok"]]


@pytest.fixture
def hostile_pages(people):
    home = HomePage.objects.get(locale__language_code="fr")
    pages = []
    for i, title in enumerate(HOSTILE_TITLES):
        page = ContentPage(title=title, slug=f"piege-{i}")
        home.add_child(instance=page)
        page.save_revision(user=people["national"]).publish(user=people["national"])
        ContentPage.objects.filter(pk=page.pk).update(
            locked=True, locked_by=people["national"], locked_at=timezone.now()
        )
        pages.append(page)
    return pages


@pytest.mark.parametrize("report", ["locked", "aging-pages", "site-history"])
def test_wagtail_report_csv_exports_are_neutralised(client, people, hostile_pages, report):
    client.force_login(people["national"])
    _assert_neutralised(_rows(client.get(f"/admin/reports/{report}/?export=csv")))


def test_a_page_listing_csv_export_is_neutralised(people, hostile_pages):
    # Wagtail's page listing offers exports to listings that name their columns (list_export), as a
    # PageListingViewSet does: the same SpreadsheetExportMixin writes them.
    class ExportingPageListing(IndexView):
        list_export = ["title", "slug", "depth"]

    request = RequestFactory().get("/admin/pages/", {"export": "csv"})
    request.user = people["national"]
    home = HomePage.objects.get(locale__language_code="fr")
    rows = _rows(ExportingPageListing.as_view()(request, parent_page_id=home.pk))
    _assert_neutralised(rows)
    assert ["'-12", "piege-2", "3"] in rows  # the depth, a number, is written as a number
