"""Every page of tests/browser/pages.py, in French and English, is valid HTML (RGAA 8.2), as the W3C Nu Html Checker
sees it. The pages are fetched from the served site as a browser receives them, then checked in one batch."""

import pytest

from .conftest import log_in
from .pages import AUDITED_PAGES
from .vnu import VnuMissing, format_errors, validate, vnu_version


def _fetch(page, path, expected_status):
    response = page.goto(path)
    assert response.status == expected_status, f"{path} answered {response.status}, expected {expected_status}"
    return response.body()


def test_every_audited_page_is_valid_html(new_page, tmp_path):
    browsers = {}  # one logged-in browser per account
    files = {}
    for audited in AUDITED_PAGES:
        if audited.login_as not in browsers:
            browsers[audited.login_as] = new_page()
            if audited.login_as:
                log_in(browsers[audited.login_as], audited.login_as)
        for language in ("fr", "en"):
            path = getattr(audited, language)
            file = tmp_path / f"{audited.name}-{language}.html"
            file.write_bytes(_fetch(browsers[audited.login_as], path, audited.status))
            files[file.resolve()] = path

    try:
        report = validate(files)
    except VnuMissing as error:
        pytest.fail(str(error), pytrace=False)

    invalid = {files.get(file, str(file)): errors for file, errors in report.items() if errors}
    assert not invalid, f"The Nu Html Checker {vnu_version()} found errors:\n" + "\n".join(
        f"{path}\n{format_errors(errors)}" for path, errors in invalid.items()
    )


def test_the_checker_reports_an_error_it_is_shown(tmp_path):
    """The check itself works: the error the password change page had (a </p> with no <p> open) is reported with
    its place."""
    valid = tmp_path / "valid.html"
    valid.write_text('<!DOCTYPE html><html lang="fr"><head><title>t</title></head><body><p>a</p></body></html>')
    broken = tmp_path / "broken.html"
    broken.write_text('<!DOCTYPE html><html lang="fr"><head><title>t</title></head><body>\n'
                      '<p class="help"><ul><li>a</li></ul></p></body></html>')

    report = validate([valid, broken])

    assert report[valid.resolve()] == []
    assert [e["message"] for e in report[broken.resolve()]] == ["No “p” element in scope but a “p” end tag seen."]
    assert "line 2" in format_errors(report[broken.resolve()])
