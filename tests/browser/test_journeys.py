"""What people do on the site, in a real Chromium, asserted on what the page shows. One function per journey.

The site lives for the whole session: a journey that changes data uses an account or a page that no other test
depends on (coordinator.normandie changes language; trainer.bretagne edits Bretagne's page).
"""

import re
import secrets
from urllib.parse import urlsplit

from playwright.sync_api import expect

from .conftest import log_in

# Wagtail's admin speaks the trainer's language: match either.
SAVE = re.compile(r"^(Enregistrer|Save)$")
TRANSLATE = re.compile(r"^(Traduire|Translate)$")
PUBLISH_IN_ENGLISH = re.compile(r"^(Publier en anglais|Publish in English)$")


def path_of(page):
    return urlsplit(page.url).path


def expect_path(page, path):
    """Wait until the page is at `path` (a navigation may still be under way)."""
    expect(page).to_have_url(re.compile(r"^https?://[^/]+" + re.escape(path) + r"(\?.*)?$"))


def switch_language(page, code):
    with page.expect_navigation():
        page.locator(f".language-switcher a[hreflang={code}]").click()


def test_visitor_reaches_french_home_and_switches_language_on_the_same_page(new_page):
    page = new_page(locale="fr-FR")

    page.goto("/")
    expect_path(page, "/fr/")
    expect(page.locator("html")).to_have_attribute("lang", "fr")
    expect(page.locator("h1")).to_have_text("Accueil")

    page.get_by_role("navigation", name=re.compile("principale|Main", re.I)).get_by_role("link", name="Les régions").click()
    page.get_by_role("link", name="Bretagne", exact=True).click()
    expect_path(page, "/fr/regions/bretagne/")
    french_intro = page.locator(".lead, .intro").first.inner_text()

    switch_language(page, "en")
    expect_path(page, "/en/regions/bretagne/")
    expect(page.locator("html")).to_have_attribute("lang", "en")
    expect(page.get_by_role("heading", name="Regional trainers")).to_be_visible()
    assert page.locator(".lead, .intro").first.inner_text() != french_intro

    switch_language(page, "fr")
    expect_path(page, "/fr/regions/bretagne/")
    expect(page.locator("html")).to_have_attribute("lang", "fr")
    expect(page.locator(".lead, .intro").first).to_have_text(french_intro)


def test_english_speaking_visitor_is_sent_to_the_english_home(new_page):
    page = new_page(locale="en-GB")

    page.goto("/")

    expect_path(page, "/en/")
    expect(page.locator("html")).to_have_attribute("lang", "en")
    expect(page.locator("h1")).to_have_text("Home")


def test_coordinator_switches_profile_language_and_the_interface_follows(new_page):
    page = log_in(new_page(), "coordinator.normandie@example.org", "fr")
    page.goto("/fr/accounts/profile/")
    expect(page.locator("html")).to_have_attribute("lang", "fr")
    log_out = page.locator(".site-header form button[type=submit]")
    expect(log_out).not_to_have_text("Log out")

    page.locator("select[name=preferred_language]").select_option("en")
    page.locator("main form button[type=submit]").click()

    expect(page).to_have_url(re.compile(r"^https?://[^/]+/en/"))
    expect(page.locator("html")).to_have_attribute("lang", "en")
    expect(page.locator("h1")).to_have_text("My profile")
    expect(log_out).to_have_text("Log out")
    expect(page.locator("select[name=preferred_language]")).to_have_value("en")
    # The choice sticks: the public pages now come in English too.
    page.locator(".site-header .brand-link").click()
    expect_path(page, "/en/")
    expect(page.locator("html")).to_have_attribute("lang", "en")


def test_trainer_edits_publishes_and_translates_their_region_page(new_page):
    # Text new on each run, so that the journey also holds on a site reused between runs (PACTE_BROWSER_URL).
    run = secrets.token_hex(3)
    french = f"Le séminaire d'automne de la cohorte bretonne se tiendra à Saint-Brieuc (session {run})."
    english = f"The Brittany cohort's autumn seminar will take place in Saint-Brieuc (session {run})."
    page = new_page()
    page.goto("/admin/login/")
    page.locator("input[name=username]").fill("trainer.bretagne@example.org")
    page.locator("input[name=password]").fill("pacte-demo")
    page.locator("form button[type=submit]").first.click()
    expect(page).to_have_url(re.compile(r"/admin/$"))

    # From their region's public page, the Wagtail user bar leads to its editor.
    page.goto("/fr/regions/bretagne/")
    page.locator("wagtail-userbar").get_by_role("button").first.click()
    page.locator("wagtail-userbar a[href*='/edit/']").click()
    expect(page).to_have_url(re.compile(r"/admin/pages/\d+/edit/$"))
    page.locator("#id_intro").fill(french)
    page.locator("footer .w-dropdown__toggle").click()
    page.locator("button[name=action-publish]").click()
    expect(page.locator(".messages li.success")).to_contain_text("Bretagne")

    page.goto("/fr/regions/bretagne/")
    expect(page.locator("main")).to_contain_text(french.replace("'", "’"))  # French typography: cms.typography

    # The English page is a synced translation: bring the new French text into it, then translate that segment.
    page.goto("/fr/regions/bretagne/")
    page.locator("wagtail-userbar").get_by_role("button").first.click()
    page.locator("wagtail-userbar a[href*='/edit/']").click()
    page.locator("header").get_by_role("button", name="Actions").first.click()
    page.locator("a[href*='/admin/localize/update/']").click()
    page.locator("main form [type=submit]").last.click()

    page.goto("/en/regions/bretagne/")
    page.locator("wagtail-userbar").get_by_role("button").first.click()
    page.locator("wagtail-userbar a[href*='/edit/']").click()
    segment = page.locator("li").filter(has=page.get_by_text(french, exact=True)).last
    segment.get_by_role("button", name=TRANSLATE).click()
    segment.locator("textarea").fill(english)
    segment.get_by_role("button", name=SAVE).click()
    expect(segment).to_contain_text(english)
    page.get_by_role("button", name=PUBLISH_IN_ENGLISH).click()
    expect(page.get_by_role("status")).to_contain_text(re.compile(r"en anglais|in English"))

    page.goto("/en/regions/bretagne/")
    expect(page.locator("html")).to_have_attribute("lang", "en")
    expect(page.locator("main")).to_contain_text(english)
    expect(page.locator("main")).not_to_contain_text(french)


def editor_url_of(page, path):
    """The admin editor's address of the public page at `path`, as its user bar shows it to someone who may edit."""
    page.goto(path)
    return urlsplit(page.locator("wagtail-userbar a[href*='/edit/']").get_attribute("href")).path


def test_bretagne_trainer_cannot_edit_normandie_page(new_page):
    normandie_editor = editor_url_of(log_in(new_page(), "national@example.org"), "/fr/regions/normandie/")
    page = log_in(new_page(), "trainer.bretagne@example.org", "fr")

    page.goto("/fr/regions/bretagne/")
    expect(page.locator("wagtail-userbar a[href*='/edit/']")).to_have_count(1)
    page.goto("/fr/regions/normandie/")
    expect(page.locator("wagtail-userbar a[href*='/edit/']")).to_have_count(0)

    # Even with the editor's address in hand.
    page.goto(normandie_editor)
    assert path_of(page) != normandie_editor
    expect(page.locator(".messages")).to_contain_text(re.compile("autorisation|permission"))
    expect(page.locator("#id_intro")).to_have_count(0)


def test_coordinator_is_refused_the_admin(new_page):
    page = log_in(new_page(), "coordinator.bretagne@example.org", "fr")

    page.goto("/admin/")

    expect_path(page, "/admin/login/")
    expect(page.locator("body")).to_contain_text(re.compile("autorisation|permission"))
    page.goto("/admin/pages/")
    expect_path(page, "/admin/login/")


def focused(page):
    """What has the keyboard focus, and how it is drawn."""
    return page.evaluate(
        """() => {
            const el = document.activeElement;
            const style = getComputedStyle(el);
            return {
                tag: el.tagName.toLowerCase(), name: el.getAttribute('name'), href: el.getAttribute('href'),
                text: (el.innerText || '').trim(), classes: el.className,
                inMainNav: !!el.closest('.main-nav'), inSwitcher: !!el.closest('.language-switcher'),
                outlineStyle: style.outlineStyle, outlineWidth: parseFloat(style.outlineWidth) || 0,
                visible: !!(el.offsetWidth || el.offsetHeight || el.getClientRects().length),
            };
        }"""
    )


def assert_focus_visible(state):
    assert state["visible"], f"focused element is not displayed: {state}"
    assert state["outlineStyle"] not in ("none", "hidden") and state["outlineWidth"] >= 2, (
        f"no visible focus indicator on {state}"
    )


def test_keyboard_only_reaches_skip_link_navigation_switcher_and_login_form(new_page):
    page = new_page()
    page.goto("/fr/")

    page.keyboard.press("Tab")
    first = focused(page)
    assert "skip-link" in first["classes"] and first["href"] == "#main", first
    assert_focus_visible(first)

    reached = {"main navigation": False, "language switcher": False}
    login_link = None
    for _ in range(15):
        page.keyboard.press("Tab")
        state = focused(page)
        assert_focus_visible(state)
        reached["main navigation"] |= state["inMainNav"]
        reached["language switcher"] |= state["inSwitcher"]
        if state["href"] and state["href"].endswith("/accounts/login/"):
            login_link = state
        if all(reached.values()) and login_link:
            break
    assert all(reached.values()) and login_link, f"not reached with Tab: {reached}, login link: {login_link}"

    # Back to the login link, follow it with Enter, and log in without a mouse.
    page.goto("/fr/")
    for _ in range(15):
        page.keyboard.press("Tab")
        if (focused(page)["href"] or "").endswith("/accounts/login/"):
            break
    with page.expect_navigation():
        page.keyboard.press("Enter")
    expect_path(page, "/fr/accounts/login/")

    fields = {}
    for _ in range(25):
        state = focused(page)
        if state["name"] in ("username", "password") and state["name"] not in fields:
            assert_focus_visible(state)
            fields[state["name"]] = True
            page.keyboard.type("coordinator.bretagne@example.org" if state["name"] == "username" else "pacte-demo")
        if len(fields) == 2:
            break
        page.keyboard.press("Tab")
    assert set(fields) == {"username", "password"}, f"login fields reached with Tab: {fields}"
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert "/accounts/login/" not in page.url
    expect(page.locator(".site-header a[href$='/accounts/profile/']")).to_be_visible()
