"""The territory pages in Chromium: by keyboard, without JavaScript, at 375 px."""

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.browser


def test_map_is_usable_by_keyboard_alone(live_seeded, browser):
    context = browser.new_context(
        java_script_enabled=False, viewport={"width": 1280, "height": 900}
    )
    page = context.new_page()
    page.goto(live_seeded.url + "/territoire/")
    page.locator(".skip-map").focus()
    expect(page.locator(".skip-map")).to_be_visible()  # shown when focused
    page.keyboard.press("Tab")  # first commune of the map, in alphabetical order
    focused = page.evaluate("document.activeElement.getAttribute('href')")
    assert focused == "/territoire/apremont-la-foret/"
    page.keyboard.press("Enter")
    expect(page.locator("h1")).to_have_text("Apremont-la-Forêt")
    # The skip link jumps over the 123 map links to the list and its filter field, which
    # works without a script, as do the folded communautés.
    page.go_back()
    page.locator(".skip-map").focus()
    page.keyboard.press("Enter")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.id") == "filtre-commune"
    page.keyboard.type("55300")
    page.keyboard.press("Enter")
    expect(page.locator("#communes-trouvees tbody tr")).to_have_count(32)
    page.get_by_role("link", name="Toutes les communes").click()
    first_fold = page.locator("details.epci-fold").first
    expect(first_fold.locator("table")).to_be_hidden()
    first_fold.locator("summary").focus()
    page.keyboard.press("Enter")
    expect(first_fold.locator("table")).to_be_visible()
    context.close()


def test_pages_fit_a_375px_screen(live_seeded, browser):
    context = browser.new_context(viewport={"width": 375, "height": 800})
    page = context.new_page()
    for path in (
        "/territoire/",
        "/territoire/saint-mihiel/",
        "/territoire/communautes/cc-du-sammiellois/",
    ):
        page.goto(live_seeded.url + path)
        # Wide tables scroll inside their own region; the page itself never scrolls sideways.
        assert page.evaluate("document.documentElement.scrollWidth") <= 375, path
        box = page.locator(".territory-map__svg").bounding_box()
        assert box and 300 <= box["width"] <= 375, path
        if path == "/territoire/":  # the communes folded: no longer a 123-row scroll
            assert page.evaluate("document.documentElement.scrollHeight") < 6000
    context.close()
