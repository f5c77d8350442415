"""Shared fixtures: a seeded site, and Chromium driven by Playwright against the live server."""

import os
import shutil
from pathlib import Path

import pytest
from django.core.cache import cache
from django.core.management import call_command

# Playwright's sync API runs an event loop in the test thread; the ORM calls the tests make
# there are still synchronous and safe.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
AXE_JS = ROOT / "node_modules" / "axe-core" / "axe.min.js"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def require(condition, message):
    """Skip on a newcomer's machine that lacks a tool; fail in CI, where everything must run."""
    if condition:
        return
    if os.environ.get("CI"):
        pytest.fail(message)
    pytest.skip(message)


@pytest.fixture
def seeded(db):
    call_command("seed_site", stdout=open(os.devnull, "w"))  # noqa: SIM115


@pytest.fixture
def live_seeded(transactional_db, live_server):
    # Each transactional test ends with a flush: the cached site root paths of the flushed
    # pages must go too.
    cache.clear()
    call_command("seed_site", stdout=open(os.devnull, "w"))  # noqa: SIM115
    return live_server


@pytest.fixture(scope="session")
def browser():
    require(
        Path(CHROMIUM).exists() or shutil.which(CHROMIUM),
        f"Chromium introuvable ({CHROMIUM}) : installez-le avec "
        "« sudo apt-get install chromium chromium-driver » ou indiquez CHROMIUM_PATH.",
    )
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def axe_source():
    require(
        AXE_JS.exists(),
        "axe-core absent : lancez « npm ci » à la racine du projet (registre npm).",
    )
    return AXE_JS.read_text(encoding="utf-8")
