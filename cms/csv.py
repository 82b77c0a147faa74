"""The platform's CSV writer: every CSV file we produce goes through it, so that no cell runs as a formula when a
spreadsheet opens the file ("CSV injection": a page titled =HYPERLINK("http://evil", "x") would otherwise become a
live link in Excel or LibreOffice).

Following OWASP, a text cell beginning with =, +, -, @, a tab or a carriage return is prefixed with a single quote,
which spreadsheets show as text. Negative numbers written as text ("-12") are prefixed too: telling "-12" from
"-2+3" or "-cmd|..." is where filters go wrong, so every text cell is judged by its first character alone. Numbers
given as numbers (int, float, Decimal) are written as they are: a number cannot carry a formula.

`writer` and `DictWriter` take the arguments of the standard library's. Apps that must not import cms (people)
reach `writer` through the PACTE_CSV_WRITER setting (people.conf.csv_writer)."""

import csv

FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")


def neutralise(value):
    """`value`, with a leading single quote if a spreadsheet would read it as a formula."""
    if isinstance(value, str) and value.startswith(FORMULA_PREFIXES):
        return "'" + value
    return value


class _NeutralisingWriter:
    def __init__(self, writer):
        self._writer = writer

    @property
    def dialect(self):
        return self._writer.dialect

    def writerow(self, row):
        return self._writer.writerow([neutralise(cell) for cell in row])

    def writerows(self, rows):
        for row in rows:
            self.writerow(row)


def writer(file, **kwargs):
    """csv.writer(file, **kwargs) whose cells are neutralised."""
    return _NeutralisingWriter(csv.writer(file, **kwargs))


class DictWriter(csv.DictWriter):
    """csv.DictWriter whose cells, headers included, are neutralised."""

    def __init__(self, file, fieldnames, **kwargs):
        super().__init__(file, fieldnames, **kwargs)
        self.writer = _NeutralisingWriter(self.writer)


def protect_wagtail_exports():
    """Make Wagtail's spreadsheet exports write CSV through DictWriter. Called once, from CmsConfig.ready.

    Every Wagtail listing with a "Download CSV" button (the page listing, the reports: locked pages, aging pages,
    site history..., form submissions) writes its CSV in SpreadsheetExportMixin.stream_csv, the one place where
    rows and headers (form fields' labels are editors' text) meet the csv module; Wagtail offers no hook or setting
    for it. So that method is replaced by the same loop with this module's writer. (XLSX is not CSV: there Wagtail
    already stores formula-looking row values as text.)"""
    from wagtail.admin.views.mixins import Echo, SpreadsheetExportMixin

    def stream_csv(self, queryset):
        writer = DictWriter(Echo(), fieldnames=self.list_export)
        yield writer.writerow({field: self.get_heading(queryset, field) for field in self.list_export})
        for item in queryset:
            yield self.write_csv_row(writer, self.to_row_dict(item))

    SpreadsheetExportMixin.stream_csv = stream_csv
