"""An editor of the Direction group publishes a news item, an event and a deliberation through
the admin's own forms, then finds each on the site, in the feeds, in the search and, for the
event, in the calendar file."""

import datetime

import icalendar
import pytest
from defusedxml import ElementTree as ET
from django.contrib.auth.models import Group
from django.utils import timezone
from wagtail.models import Page
from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

from petr.events.models import EventPage
from petr.library.models import ActPage
from petr.library.tests.helpers import PDF, pdf
from petr.news.models import NewsPage
from petr.users.models import User

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor(client, seeded):
    user = User.objects.create_user("claire", "claire@petr.example", "motdepasse-solide")
    user.groups.add(Group.objects.get(name="Direction"))  # the French publishing role
    client.force_login(user)
    return client


def publish(client, model, parent_slug, fields, files=None):
    parent = Page.objects.get(slug=parent_slug)
    url = f"/admin/pages/add/{model._meta.app_label}/{model._meta.model_name}/{parent.pk}/"
    assert client.get(url).status_code == 200  # the form an editor sees
    data = nested_form_data({**fields, "action-publish": "publish"})
    response = client.post(url, {**data, **(files or {})})
    assert response.status_code == 302, response.content.decode()[:3000]
    return Page.objects.get(slug=fields["slug"]).specific


def test_editor_publishes_news_event_and_deliberation(editor, client):
    start = timezone.localdate() + datetime.timedelta(days=12)
    news = publish(
        editor,
        NewsPage,
        "actualites",
        {
            "title": "Ouverture de la maison de santé de Vigneulles",
            "slug": "maison-de-sante",
            "intro": "Six professionnels de santé accueillent les patients depuis lundi.",
            "date": "2026-11-20",
            "body": streamfield([("paragraph", rich_text("<p>Horaires et contacts.</p>"))]),
        },
    )
    event = publish(
        editor,
        EventPage,
        "agenda",
        {
            "title": "Réunion publique sur le covoiturage",
            "slug": "reunion-covoiturage",
            "intro": "Présentation des aires de covoiturage.",
            "start_date": start.isoformat(),
            "start_time": "18:30",
            "end_date": "",
            "end_time": "20:00",
            "address": "Salle des fêtes",
            "organiser": "Le PETR",
            "body": streamfield([]),
        },
    )
    act = publish(
        editor,
        ActPage,
        "actes",
        {
            "title": "Approbation du contrat local de santé",
            "slug": "deliberation-2026-042",
            "intro": "",
            "kind": "deliberation",
            "matter": "8.2",
            "number": "2026-042",
            "decision_date": "2026-11-18",
            "author_name": "Marie Dupont",
            "author_title": "Présidente du PETR",
        },
        files={"file": pdf(PDF, "deliberation-2026-042.pdf")},
    )
    client.logout()

    # On the site.
    for page, text in ((news, "Six professionnels"), (event, "18 h 30"), (act, act.sha256)):
        assert text in client.get(page.url).content.decode()
    assert act.put_online_at is not None and len(act.sha256) == 64

    # In the feeds.
    rss = ET.fromstring(client.get("/actualites/flux/rss/").content)
    assert "Ouverture de la maison de santé de Vigneulles" in [
        i.findtext("title") for i in rss.iter("item")
    ]
    acts = ET.fromstring(client.get("/actes/flux/rss/").content)
    assert any("2026-042" in i.findtext("title") for i in acts.iter("item"))

    # In the calendar file a calendar application imports, and in the subscribable feed.
    for url in (f"{event.url}ical/", "/agenda/ical/"):
        calendar = icalendar.Calendar.from_ical(client.get(url).content)
        [vevent] = [e for e in calendar.walk("VEVENT") if "covoiturage" in str(e["summary"])]
        assert vevent.decoded("dtstart").hour == 18

    # In the search.
    for query, title in (
        ("maison de santé", news.title),
        ("covoiturage", event.title),
        ("contrat local", act.title),
    ):
        assert title in client.get("/recherche/", {"q": query}).content.decode()
