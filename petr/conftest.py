"""Shared fixtures: the starter site, seeded once per test session; query counting; a real SMTP
server and the production task queue; Chromium driven by Playwright against the live server."""

import importlib
import io
import os
import shutil
import socket
import threading
from pathlib import Path

import pytest
from aiosmtpd.controller import Controller
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
# No public page may need more SQL queries, whatever it lists (the query-count tests check
# growth); the home page needs 10 at most (petr/home/tests). Settings, private sections and menu
# come from the shared cache (petr/web/shared_lookups.py); an address is routed in two queries.
QUERY_CEILING = 13  # a mission page: its parts, its named contacts among them


def require(condition, message):
    """Skip on a newcomer's machine that lacks a tool; fail in CI, where everything must run."""
    if condition:
        return
    if os.environ.get("CI"):
        pytest.fail(message)
    pytest.skip(message)


def seed_site():
    cache.clear()
    call_command("seed_site", stdout=open(os.devnull, "w"))  # noqa: SIM115


def in_own_connection(function, *args):
    """Run `function` in a thread of its own: its own connection, its own transactions."""
    result = {}

    def run():
        try:
            result["value"] = function(*args)
        except Exception as error:  # reported to the test's thread
            result["error"] = error
        finally:
            from django.db import connections

            connections.close_all()

    thread = threading.Thread(target=run)
    thread.start()
    return thread, result


STARTER_SITE = {}  # the seeded database, serialized once per worker


def reload_into_an_empty_database():
    """The copy of the starter site is reloaded into an empty database. A transactional test
    emptied it, but something may have written since: Django re-creates the content types and
    permissions when Playwright's context gave the test's end another connection object than
    the one `_starter_copy` marked, and a request the previous test's browser left in flight
    (Wagtail's autosave, its editing-session ping) creates content types. Emptied again (and
    again if such a request wrote meanwhile), the copy reloads without a clash."""
    from django.core.management import call_command
    from django.db import IntegrityError
    from django.db.backends.base.creation import BaseDatabaseCreation

    deserialize = BaseDatabaseCreation.deserialize_db_from_string

    def into_an_empty_database(self, data, attempts=3):
        for attempt in range(attempts):
            with self.connection.cursor() as cursor:
                cursor.execute("SELECT 1 FROM django_content_type LIMIT 1")
                if cursor.fetchone():
                    # As Django empties it: sequences go on, never below the copy's keys.
                    call_command("flush", database=self.connection.alias, interactive=False,
                                 verbosity=0, inhibit_post_migrate=True,
                                 reset_sequences=False)  # fmt: skip
            try:
                return deserialize(self, data)
            except IntegrityError:
                if attempt == attempts - 1:
                    raise

    BaseDatabaseCreation.deserialize_db_from_string = into_an_empty_database


@pytest.fixture(scope="session")
def django_db_setup(django_test_environment, django_db_blocker, django_db_modify_db_settings):
    """The starter site, built once for the code as it is (migrations, then `seed_site`) and
    cloned for each worker (petr/test_databases.py); each test then runs in a transaction that
    is rolled back, so every test starts from it. A copy of it is kept in memory (Django's
    serialized rollback): a live-server test empties the database when it ends, and the next one
    reloads that copy instead of seeding again."""
    from petr.test_databases import clone_template, drop_clone

    with django_db_blocker.unblock():
        STARTER_SITE["default"] = clone_template(fill=seed_site)
    reload_into_an_empty_database()
    yield
    with django_db_blocker.unblock():
        drop_clone()


@pytest.fixture
def _starter_copy(django_db_setup):
    # Set on the connection of this test's context: Playwright's event loop gives the test its
    # own context, hence its own connection object.
    from django.db import connections

    connections["default"]._test_serialized_contents = STARTER_SITE["default"]


@pytest.fixture(autouse=True)
def _fresh_cache():
    # Rolled-back rows must not survive in the cache (site root paths, scheduling moment).
    cache.clear()


@pytest.fixture
def seeded(db):
    """The starter site (territory, home, missions, service pages), as `make run` makes it."""


@pytest.fixture
def committed_seeded(_starter_copy, django_db_serialized_rollback, transactional_db):
    """The starter site without a test transaction around the test: what other threads,
    connections or processes write is committed for real. A transactional test ends by emptying
    the database (pytest-django runs them after all the others): the next one starts from the
    copy of the starter site kept when it was seeded (django_db_setup). Not in a module marked
    `django_db` as a whole (petr/core/tests/test_concurrency.py says why)."""
    from django.db import connection
    from wagtail.models import Site

    # Django reloads the copy only through the connection object `_starter_copy` named it on;
    # once Playwright runs an event loop, the test may be set up through another one, and would
    # start from an empty database after an earlier transactional test (a 500 on every page).
    if not Site.objects.exists():
        connection.creation.deserialize_db_from_string(STARTER_SITE["default"])


class Requests:
    """The requests the live server is answering. A test waits for the last one to end before
    the database is emptied: one its browser left in flight (Wagtail's autosave, its editing
    session's ping) would write into the emptied database, and the next test could not reload
    the starter site."""

    active = 0
    idle = threading.Condition()

    @classmethod
    def started(cls, **kwargs):
        with cls.idle:
            cls.active += 1

    @classmethod
    def finished(cls, **kwargs):
        with cls.idle:
            cls.active -= 1
            cls.idle.notify_all()


@pytest.fixture
def live_seeded(committed_seeded, live_server):
    """The live server on the starter site (see `committed_seeded`)."""
    from django.core.signals import request_finished, request_started

    request_started.connect(Requests.started)
    request_finished.connect(Requests.finished)
    yield live_server
    with Requests.idle:
        Requests.idle.wait_for(lambda: Requests.active <= 0, timeout=30)
    request_started.disconnect(Requests.started)
    request_finished.disconnect(Requests.finished)


def project_page_models():
    """Every page type of the portal's own apps, discovered from the models."""
    from wagtail.models import get_page_models

    return [model for model in get_page_models() if model.__module__.startswith("petr.")]


def publish_samples():
    """Publishes every app's sample content (its `tests/samples.py`, if any) and returns the
    addresses the site-wide checks visit: one live page of every page type, then the other
    addresses the apps name (routes, filters, error states)."""
    from django.apps import apps

    extra = []
    for app in apps.get_app_configs():
        if app.name.startswith("petr.") and Path(app.path, "tests", "samples.py").exists():
            extra += importlib.import_module(f"{app.name}.tests.samples").publish()
    paths = []
    for model in project_page_models():
        page = model.objects.live().order_by("path").first()
        assert page, (
            f"{model.__name__} n'a aucune page publiée : publiez-en une dans "
            f"{model._meta.app_config.name.replace('.', '/')}/tests/samples.py"
        )
        paths.append(page.url)
    return list(dict.fromkeys(paths + extra))


@pytest.fixture
def sample_paths(db):
    return publish_samples()


@pytest.fixture
def query_counts(client, django_assert_max_num_queries):
    """The number of SQL queries of each URL, on a warm cache, each under QUERY_CEILING."""

    def measure(urls):
        counts = {}
        for url in urls:
            assert client.get(url).status_code == 200  # site root paths, image renditions
            with django_assert_max_num_queries(QUERY_CEILING) as queries:
                assert client.get(url).status_code == 200
            counts[url] = len(queries)
        return counts

    return measure


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


def free_port():
    """A port no server listens on, for one a test starts."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class Mailbox:
    def __init__(self):
        self.messages = []
        self.refuse = False
        self.unknown = set()  # addresses refused at RCPT, as a server refuses an unknown user

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        if address in self.unknown:
            return "550 5.1.1 Adresse inconnue"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        if self.refuse:
            return "550 5.7.1 Message refusé par le serveur"
        self.messages.append(envelope.content.decode("utf-8", "replace"))
        return "250 OK"


@pytest.fixture
def smtp(settings):
    mailbox = Mailbox()
    port = free_port()  # aiosmtpd checks it is up by connecting to it
    controller = Controller(mailbox, hostname="127.0.0.1", port=port)
    controller.start()
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST = "127.0.0.1"
    settings.EMAIL_PORT = port
    settings.EMAIL_TIMEOUT = 5
    yield mailbox
    controller.stop()


@pytest.fixture
def queue(settings, monkeypatch):
    """The production queue: e-mails wait in the database until the worker runs."""
    settings.TASKS = {
        **settings.TASKS,
        "background": {"BACKEND": "django_tasks_db.DatabaseBackend"},
    }
    # The worker recycles old connections between tasks; the test's transaction is one, and
    # Django's test runner stops its own requests from doing so in the same way.
    monkeypatch.setattr(
        "django_tasks_db.management.commands.db_worker.close_old_connections", lambda: None
    )

    def run_worker():
        out = io.StringIO()
        call_command(
            "db_worker", "--backend", "background", "--batch", "--no-startup-delay",
            stdout=out, stderr=out,
        )  # fmt: skip

    return run_worker
