"""`/healthz`: the site's state for the proxy and for monitoring, in JSON.

503 when the site cannot serve: the home page does not render (a missing static manifest after a
restore, a template error) or the database refuses a write (down, read-only, disk full); a proxy
or load balancer stops sending visitors. « degraded » (still 200) when something needs a person
but pages are served: the shared cache (Redis) is away, the e-mail worker has not taken a due
task for 10 minutes, the territory import is over 45 days old, or the media disk is over 95 %
full. Nothing sensitive: no host name, path, version or error text."""

import secrets
import shutil
import time
from datetime import timedelta

from django.conf import settings
from django.contrib.sessions.models import Session
from django.core.cache import cache
from django.db import transaction
from django.http import JsonResponse
from django.utils import timezone
from django.views.decorators.cache import never_cache
from django_tasks_db.models import DBTaskResult
from wagtail.models import Site

from petr.territory.figures import last_successful_import

WORKER_LATE = timedelta(minutes=10)
IMPORT_OLD = timedelta(days=45)
DISK_FULL = 0.95


def _timed(check):
    start = time.monotonic()
    try:
        ok = check()
    except Exception:  # the point is to report it, not to fail
        ok = False
    return {"ok": ok, "ms": round((time.monotonic() - start) * 1000)}


def _database():
    """A write, rolled back: a read-only or full database fails here."""
    with transaction.atomic():
        key = f"healthz-{secrets.token_hex(8)}"
        Session.objects.create(session_key=key, session_data="", expire_date=timezone.now())
        transaction.set_rollback(True)
    return True


def _page(request):
    """The home page as a visitor gets it, rendered for real (templates, static files' manifest,
    settings), without the page cache."""
    site = Site.find_for_request(request) or Site.objects.get(is_default_site=True)
    response = site.root_page.specific.serve(request)
    if hasattr(response, "render"):
        response.render()
    return response.status_code == 200 and len(response.content) > 0


def _cache():
    cache.set("petr:healthz", "ok", 10)
    return cache.get("petr:healthz") == "ok"


def _queue(now):
    due = DBTaskResult.objects.ready()  # ready, and not deferred past now
    first = due.order_by("enqueued_at").values_list("enqueued_at", "run_after").first()
    waited = None
    if first:
        enqueued, run_after = first  # run_after is far in the future when the task was not deferred
        waited = now - (enqueued if run_after > now else run_after)
    return {
        "ok": waited is None or waited < WORKER_LATE,
        "due": due.count(),
        "oldest_due_minutes": None if waited is None else int(waited.total_seconds() // 60),
    }


def _territory(now):
    run = last_successful_import()
    age = now - run.started_at if run else None
    return {"ok": age is not None and age < IMPORT_OLD, "age_days": age and age.days}


def _disk():
    usage = shutil.disk_usage(settings.MEDIA_ROOT if settings.MEDIA_ROOT.exists() else "/")
    used = usage.used / usage.total
    return {"ok": used < DISK_FULL, "used_percent": round(used * 100)}


@never_cache
def healthz(request):
    now = timezone.now()
    checks = {"database": _timed(_database), "page": _timed(lambda: _page(request))}
    serving = all(check["ok"] for check in checks.values())
    if serving:
        checks.update(
            cache=_timed(_cache),
            queue=_queue(now),
            territory_import=_territory(now),
            media_disk=_disk(),
        )
    status = "ok" if all(c["ok"] for c in checks.values()) else "degraded" if serving else "down"
    return JsonResponse({"status": status, "checks": checks}, status=200 if serving else 503)
