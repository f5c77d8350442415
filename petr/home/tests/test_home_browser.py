"""The home page in Chromium: true figures with and without JavaScript, keyboard tabs."""

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.browser

NNBSP = "\u202f"
EXPECTED = ["4", "123", f"25{NNBSP}292", f"1{NNBSP}599"]
FIGURES = "[data-count-up] data"


def figure_texts(page):
    return [text.strip() for text in page.locator(FIGURES).all_inner_texts()]


def test_figures_without_javascript(live_seeded, browser):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(live_seeded.url)
    assert figure_texts(page) == EXPECTED
    # Every mission panel is readable in sequence.
    assert page.locator(".tabs__panel:visible").count() == 4
    assert page.locator("[role=tab]").count() == 0
    context.close()


def test_figures_with_javascript_end_on_the_true_values(live_seeded, browser):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.goto(live_seeded.url)
    page.locator("[data-count-up]").scroll_into_view_if_needed()
    # While the visual copy counts, the text assistive technologies read stays true.
    assert page.locator(FIGURES).all_text_contents() == EXPECTED
    expect(page.locator(".figure__counting")).to_have_count(0, timeout=5000)
    assert figure_texts(page) == EXPECTED
    assert page.locator(".figure__value").all_inner_texts()[3].startswith("≈")
    context.close()


def test_reduced_motion_shows_no_animation(live_seeded, browser):
    context = browser.new_context(reduced_motion="reduce")
    page = context.new_page()
    page.goto(live_seeded.url)
    page.locator("[data-count-up]").scroll_into_view_if_needed()
    # Two frames: the figures' observer has fired by then, and an animation would have begun.
    page.evaluate("() => new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)))")
    assert page.locator(".figure__counting").count() == 0
    assert figure_texts(page) == EXPECTED
    context.close()


def test_mission_tabs_by_keyboard_alone(live_seeded, browser):
    context = browser.new_context()
    page = context.new_page()
    page.goto(live_seeded.url)
    tabs = page.locator("[role=tab]")
    assert tabs.count() == 4
    for _ in range(40):  # Tab through the page until the tab list has the focus
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.getAttribute('role')") == "tab":
            break
    focused = page.locator(":focus")
    assert focused.get_attribute("aria-selected") == "true"
    assert tabs.nth(0).get_attribute("tabindex") == "0"
    assert tabs.nth(1).get_attribute("tabindex") == "-1"

    def selected_panel():
        return page.locator("[role=tabpanel]:visible")

    page.keyboard.press("ArrowRight")
    assert page.locator(":focus").inner_text() == tabs.nth(1).inner_text()
    assert tabs.nth(1).get_attribute("aria-selected") == "true"
    assert selected_panel().count() == 1
    assert selected_panel().get_attribute("id") == tabs.nth(1).get_attribute("aria-controls")

    page.keyboard.press("End")
    assert tabs.nth(3).get_attribute("aria-selected") == "true"
    page.keyboard.press("ArrowRight")  # wraps to the first
    assert tabs.nth(0).get_attribute("aria-selected") == "true"
    page.keyboard.press("ArrowLeft")  # wraps to the last
    assert tabs.nth(3).get_attribute("aria-selected") == "true"
    page.keyboard.press("Home")
    assert tabs.nth(0).get_attribute("aria-selected") == "true"

    # Tab leaves the tab list for the panel, then reaches the panel's link.
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.getAttribute('role')") == "tabpanel"
    page.keyboard.press("Tab")
    page.keyboard.press("Enter")
    page.wait_for_url("**/missions/contrat-local-de-sante/")
    context.close()
