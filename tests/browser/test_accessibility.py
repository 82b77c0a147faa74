"""axe-core audits every page of tests/browser/pages.py, in French and English, against WCAG 2.0/2.1 A and AA."""

import pytest

from .axe import AxeMissing, axe_version, format_violations, inject_axe, run_axe
from .conftest import log_in
from .pages import AUDITED_PAGES

CASES = [
    pytest.param(audited, language, id=f"{audited.name}-{language}")
    for audited in AUDITED_PAGES
    for language in ("fr", "en")
    if getattr(audited, language) is not None
]


@pytest.mark.parametrize(("audited", "language"), CASES)
def test_page_has_no_wcag_violation(new_page, audited, language):
    page = new_page()
    try:
        inject_axe(page)
    except AxeMissing as error:
        pytest.fail(str(error), pytrace=False)
    if audited.login_as:
        log_in(page, audited.login_as, language)
    path = getattr(audited, language)
    response = page.goto(path)
    assert response.status == audited.status, f"{path} answered {response.status}, expected {audited.status}"
    assert page.locator("html").get_attribute("lang") == language

    violations = run_axe(page)

    assert not violations, (
        f"axe-core {axe_version()} found {len(violations)} WCAG A/AA violation(s) on {path}:\n"
        f"{format_violations(violations)}"
    )


def test_audit_reports_a_violation_it_is_shown(new_page):
    """The audit itself works: a known WCAG failure put into a real page is reported with its selector."""
    page = new_page()
    inject_axe(page)
    page.goto("/fr/")
    page.evaluate("() => document.querySelector('main').insertAdjacentHTML('beforeend', '<img id=\"no-alt\" src=\"/x.png\">')")

    violations = run_axe(page)

    assert [v["id"] for v in violations] == ["image-alt"]
    assert "#no-alt" in format_violations(violations)
