"""Fixtures of the browser suite: the site (started once per session), Debian's Chromium driven by Playwright, a fresh
browser context per test, and helpers to log in. Every test in this folder is marked `browser`.

Playwright cannot download its own browser on this network: it drives /usr/bin/chromium (`make browser-deps` installs
it). When Chromium cannot start, the tests fail and say why; they never skip."""

import os
import re
from pathlib import Path

import pytest
from playwright.sync_api import expect

from .server import LiveSite, ReusedSite, SiteError

CHROMIUM = os.environ.get("PACTE_CHROMIUM", "/usr/bin/chromium")
# Without the networking flags Chromium keeps calling Google's hosts, which this closed network refuses.
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
TIMEOUT_MS = 15_000
# While writing a journey: `python tests/browser/server.py` serves a built site and prints its address; point
# PACTE_BROWSER_URL at it to skip the build on each run (journeys change its data: restart it when in doubt).
REUSE_URL = os.environ.get("PACTE_BROWSER_URL", "").rstrip("/")
ARTIFACTS = Path(__file__).resolve().parents[2] / ".cache" / "browser-artifacts"

DEMO_PASSWORD = "pacte-demo"


LIVE_SITE = pytest.StashKey[LiveSite]()
HERE = Path(__file__).parent


def _in_suite(item):
    return HERE in item.path.parents


def pytest_collection_modifyitems(config, items):
    for item in items:
        if _in_suite(item):
            item.add_marker(pytest.mark.browser)


def pytest_collection_finish(session):
    # Build the site's database in the background as soon as a browser test is selected: the other suites run
    # meanwhile, and the first browser test waits for it.
    if REUSE_URL:
        return
    if any(_in_suite(item) for item in session.items) and LIVE_SITE not in session.config.stash:
        session.config.stash[LIVE_SITE] = LiveSite().build()


def pytest_sessionfinish(session):
    live = session.config.stash.get(LIVE_SITE, None)
    if live is not None:
        live.stop()


@pytest.hookimpl(wrapper=True, tryfirst=True)
def pytest_runtest_makereport(item, call):
    report = yield
    if report.when == "call":
        item.browser_failed = report.failed
    return report


@pytest.fixture(scope="session")
def site(pytestconfig):
    """The demo site, served on a loopback port for the whole session (stopped at session end)."""
    if REUSE_URL:
        return ReusedSite(REUSE_URL)
    if LIVE_SITE not in pytestconfig.stash:
        pytestconfig.stash[LIVE_SITE] = LiveSite()
    live = pytestconfig.stash[LIVE_SITE]
    try:
        live.start()
    except SiteError as error:
        pytest.fail(str(error), pytrace=False)
    return live


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import Error, sync_playwright

    if not os.access(CHROMIUM, os.X_OK):
        pytest.fail(f"Chromium is not installed at {CHROMIUM}: run `make browser-deps` (apt-get install chromium).",
                    pytrace=False)
    with sync_playwright() as playwright:
        try:
            # Playwright gives each launch a new, empty --user-data-dir of its own.
            chromium = playwright.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        except Error as error:
            pytest.fail(f"Chromium ({CHROMIUM}) could not start, so the browser tests cannot run:\n{error}",
                        pytrace=False)
        yield chromium
        chromium.close()


@pytest.fixture
def new_page(site, browser, request):
    """`new_page(locale="fr-FR")`: a page in a fresh context (no cookies), its base URL the site under test."""
    contexts = []

    def make(locale="fr-FR", **options):
        context = browser.new_context(base_url=site.url, locale=locale, **options)
        context.set_default_timeout(TIMEOUT_MS)
        contexts.append(context)
        return context.new_page()

    yield make
    for context in contexts:
        if getattr(request.node, "browser_failed", False):
            ARTIFACTS.mkdir(parents=True, exist_ok=True)
            for index, page in enumerate(context.pages):
                name = re.sub(r"[^\w.-]+", "_", request.node.name)
                page.screenshot(path=ARTIFACTS / f"{name}-{index}.png", full_page=True)
        context.close()


@pytest.fixture
def page(new_page):
    return new_page()


def log_in(page, email, language="fr", password=DEMO_PASSWORD):
    """Log in through the public login form, as a person would."""
    page.goto(f"/{language}/accounts/login/")
    page.locator("input[name=username]").fill(email)
    page.locator("input[name=password]").fill(password)
    page.locator("main form button[type=submit]").click()
    expect(page, f"login as {email} failed").not_to_have_url(re.compile(r"/accounts/login/"))
    return page


@pytest.fixture
def logged_in(new_page):
    """`logged_in("trainer.bretagne@example.org")`: a fresh page, logged in as that demo account."""

    def make(email, language="fr", **options):
        return log_in(new_page(**options), email, language)

    return make
