"""/healthz for the proxy and monitoring."""

import datetime

import pytest
import time_machine
from django.core.cache import cache
from django.db import connection
from django.utils import timezone

from petr.territory.models import DataImport

pytestmark = pytest.mark.django_db


def test_a_healthy_site_says_so_and_nothing_more(client, seeded):
    response = client.get("/healthz")
    assert response.status_code == 200 and response["Cache-Control"].startswith("max-age=0")
    report = response.json()
    assert report["status"] == "ok"
    assert set(report["checks"]) == {
        "database", "page", "cache", "queue", "territory_import", "media_disk"
    }  # fmt: skip
    assert report["checks"]["queue"] == {"ok": True, "due": 0, "oldest_due_minutes": None}
    assert "/" not in response.content.decode().replace("\\/", "")  # no path, no host


def test_a_stalled_worker_or_an_old_import_degrades_but_serves(client, seeded, settings):
    from petr.contact.forms import notify_staff

    settings.TASKS = {
        **settings.TASKS,
        "background": {"BACKEND": "django_tasks_db.DatabaseBackend"},
    }
    notify_staff.enqueue(0)
    DataImport.objects.update(started_at=timezone.now() - datetime.timedelta(days=60))
    with time_machine.travel(datetime.timedelta(minutes=15)):
        report = client.get("/healthz").json()
    assert report["status"] == "degraded"
    assert report["checks"]["queue"] == {"ok": False, "due": 1, "oldest_due_minutes": 15}
    assert report["checks"]["territory_import"] == {"ok": False, "age_days": 60}


def test_without_the_shared_cache_pages_still_serve_degraded(client, seeded, monkeypatch):
    monkeypatch.setattr(cache, "get", lambda *args, **kwargs: None)
    response = client.get("/healthz")
    assert response.status_code == 200 and response.json()["status"] == "degraded"
    assert response.json()["checks"]["cache"]["ok"] is False


@pytest.fixture
def read_only_database():
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute("SET TRANSACTION READ ONLY")  # until the test's transaction ends
            yield
        else:
            cursor.execute("PRAGMA query_only = ON")
            yield
            cursor.execute("PRAGMA query_only = OFF")


def test_a_database_that_refuses_writes_means_no_service(client, seeded, read_only_database):
    response = client.get("/healthz")
    assert response.status_code == 503 and response.json()["status"] == "down"
    assert response.json()["checks"]["database"]["ok"] is False


def test_a_site_whose_pages_fail_to_render_is_down(client, seeded, settings, tmp_path):
    """As after a restore without collectstatic: the static files' manifest is missing."""
    settings.STATIC_ROOT = tmp_path
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
    }
    response = client.get("/healthz")
    assert response.status_code == 503 and response.json()["checks"]["page"]["ok"] is False
