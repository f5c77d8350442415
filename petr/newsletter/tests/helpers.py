import re
import time

from django.utils import timezone

from petr.news.tests.helpers import publish_news
from petr.newsletter.forms import SubscribeForm
from petr.newsletter.models import NewsletterIndexPage, NewsletterPage, Subscriber
from petr.web.shared_lookups import in_served_site

PAGE = "/abonnement-courriel/"


def token(seconds_ago=30):
    return SubscribeForm.signer().sign(str(timezone.now().timestamp() - seconds_ago))


def sign_up(client, ip="127.0.0.1", **fields):
    data = {"email": "jeanne@example.fr", "newsletter": "on", "frequency": "quotidien",
            "website": "", "token": token(), **fields}  # fmt: skip
    return client.post(PAGE, {k: v for k, v in data.items() if v is not None}, REMOTE_ADDR=ip)


def confirmed(email="jeanne@example.fr", **topics):
    subscriber = Subscriber.objects.create(email=email, **topics)
    subscriber.confirm()
    return subscriber


def link(message, path):
    """The first address of `path` a message's text carries."""
    return re.search(rf"https?://[^\s)]*{path}[^\s)]*", message).group(0)


def publish_letter(title="Lettre de décembre", **fields):
    news = publish_news(1, title="Une actualité de la lettre")[0]
    letter = NewsletterPage(
        title=title,
        intro="Les nouvelles du mois.",
        body=[
            {"type": "heading", "value": {"text": "Le mot du président", "anchor": ""}},
            {"type": "paragraph", "value": '<p>Un texte avec <a href="/contact/">un lien</a>.</p>'},
            {"type": "news", "value": {"title": "À la une", "items": [news.pk]}},
            {"type": "events", "value": {"title": "À l'agenda", "count": 3}},
            {
                "type": "action",
                "value": {
                    "label": "Toutes les actualités",
                    "url": "",
                    "page": news.get_parent().pk,
                    "document": None,
                },
            },
        ],  # fmt: skip
        **fields,
    )
    in_served_site(NewsletterIndexPage.objects).get().add_child(instance=letter)
    letter.save_revision().publish()
    return letter


def wait_for(condition, seconds=120):
    deadline = time.monotonic() + seconds
    while not condition():
        assert time.monotonic() < deadline, "délai dépassé"
        time.sleep(0.05)
