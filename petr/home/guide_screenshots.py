"""Takes the « Guide de la rédaction » screenshots from the real admin (Chromium, 1280 px), into
petr/home/static/guide/. Run it against `make run`, after a change to the admin's screens:

    .venv/bin/python petr/home/guide_screenshots.py http://127.0.0.1:8000 admin MOT-DE-PASSE
"""

import sys
from pathlib import Path

from playwright.sync_api import sync_playwright

OUT = Path(__file__).resolve().parent / "static" / "guide"


def shoot(page, name, clip_to=None):
    target = page.locator(clip_to).first if clip_to else page
    target.screenshot(path=OUT / f"{name}.jpg", type="jpeg", quality=70)


def main(base, username, password):
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path="/usr/bin/chromium")
        page = browser.new_page(viewport={"width": 1280, "height": 800})
        page.goto(f"{base}/admin/login/")
        page.fill("#id_username", username)
        page.fill("#id_password", password)
        page.keyboard.press("Enter")
        page.wait_for_url(f"{base}/admin/")
        shoot(page, "tableau-de-bord")
        page.get_by_role("link", name="Nouvelle actualité").click()
        page.locator("#id_title").fill("Ouverture de la maison de santé")
        page.locator("#id_date").fill("05/12/2026")
        shoot(page, "actualite")
        page.goto(f"{base}/admin/")
        page.get_by_role("link", name="Nouvel acte").click()
        page.get_by_role("button", name="Choisir séance").click()
        page.get_by_role("tab", name="Nouvelle séance").click()
        page.wait_for_timeout(600)  # the modal's fade-in, for a sharp picture
        shoot(page, "seance")
        page.goto(f"{base}/admin/images/multiple/add/")
        shoot(page, "images")
        page.goto(f"{base}/admin/double-authentification/activer/")  # an account without one
        shoot(page, "double-authentification")
        browser.close()


if __name__ == "__main__":
    main(*sys.argv[1:4])
