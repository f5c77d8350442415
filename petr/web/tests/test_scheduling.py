"""A page scheduled in the admin goes live when its time comes, with no cron line."""

import datetime

import pytest
import time_machine
from django.core.cache import cache
from django.utils import timezone
from wagtail.models import Page

from petr.core.models import ContentPage
from petr.core.tests.helpers import REDIS_AWAY, pass_the_time

pytestmark = pytest.mark.django_db


@pytest.fixture
def scheduled_page(seeded):
    cache.clear()
    home = Page.objects.get(depth=2)
    page = ContentPage(title="Conseil du 8 décembre", slug="conseil-8-decembre", live=False)
    home.add_child(instance=page)
    go_live = timezone.now() + datetime.timedelta(hours=1)
    page.go_live_at = go_live  # « Date/heure de publication » in the admin, then « Publier »
    page.save_revision().publish()
    page.refresh_from_db()
    assert not page.live and page.go_live_at == go_live
    return page


def test_page_goes_live_on_the_first_request_after_its_time(client, scheduled_page):
    assert client.get("/conseil-8-decembre/").status_code == 404
    pass_the_time(scheduled_page)
    response = client.get("/conseil-8-decembre/")  # any request: the visitor's own will do
    assert response.status_code == 200
    scheduled_page.refresh_from_db()
    assert scheduled_page.live


def test_one_process_publishes_while_the_others_serve(client, scheduled_page):
    from petr.web.scheduling import LOCK_KEY

    pass_the_time(scheduled_page)
    cache.add(LOCK_KEY, True)  # another worker is publishing right now
    assert client.get("/conseil-8-decembre/").status_code == 404  # not published twice
    cache.delete(LOCK_KEY)
    assert client.get("/conseil-8-decembre/").status_code == 200


def test_nothing_is_published_early(client, scheduled_page):
    for _ in range(3):
        client.get("/")
    scheduled_page.refresh_from_db()
    assert not scheduled_page.live


def test_expired_pages_are_withdrawn(client, seeded):
    cache.clear()
    page = Page.objects.get(slug="mentions-legales").specific
    page.expire_at = timezone.now() + datetime.timedelta(hours=1)
    page.save_revision().publish()
    assert client.get("/mentions-legales/").status_code == 200
    Page.objects.filter(pk=page.pk).update(expire_at=timezone.now() - datetime.timedelta(seconds=1))
    cache.clear()
    assert client.get("/mentions-legales/").status_code == 404


def test_scheduling_a_page_is_seen_without_waiting_for_the_cache(client, seeded):
    """The cached next due time is forgotten when an editor schedules something sooner."""
    cache.clear()
    client.get("/")  # caches « nothing due »
    home = Page.objects.get(depth=2)
    page = ContentPage(title="Imminent", slug="imminent", live=False)
    home.add_child(instance=page)
    page.go_live_at = timezone.now() + datetime.timedelta(seconds=1)
    page.save_revision().publish()
    assert client.get("/imminent/").status_code == 404
    with time_machine.travel(datetime.timedelta(seconds=2)):
        assert client.get("/imminent/").status_code == 200


def test_with_redis_away_scheduled_pages_still_go_live_and_expire(client, scheduled_page, settings):
    settings.CACHES = {**settings.CACHES, **REDIS_AWAY}
    pass_the_time(scheduled_page)
    assert client.get("/conseil-8-decembre/").status_code == 200
    Page.objects.filter(pk=scheduled_page.pk).update(
        expire_at=timezone.now() - datetime.timedelta(seconds=1)
    )
    assert client.get("/conseil-8-decembre/").status_code == 404
