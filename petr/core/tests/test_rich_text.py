"""Links to pages inside rich text: resolved from the shared cache, so a page's queries do not grow
with the paragraphs that link, and never stale once the linked page moves or changes address."""

from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Page

from petr.news.tests.helpers import publish_news


def paragraphs_linking(page, count):
    return [
        {
            "type": "paragraph",
            "value": f'<p>Voir <a linktype="page" id="{page.id}">ici</a> {n}.</p>',
        }
        for n in range(count)
    ]


def queries_for(client, path):
    client.get(path)  # the cache warmed
    with CaptureQueriesContext(connection) as queries:
        assert client.get(path).status_code == 200
    return len(queries)


def test_links_cost_no_query_per_paragraph_and_follow_the_page(seeded, client):
    target = Page.objects.get(slug="mobilite").specific
    one, many = publish_news(2)
    for item, count in ((one, 1), (many, 12)):
        item.body = paragraphs_linking(target, count)
        item.save_revision().publish()
    assert queries_for(client, many.url) == queries_for(client, one.url)
    assert client.get(many.url).content.decode().count(f'<a href="{target.url}">ici</a>') == 12

    target.slug = "se-deplacer"
    target.save_revision().publish()
    html = client.get(many.url).content.decode()
    assert html.count('<a href="/missions/se-deplacer/">ici</a>') == 12
    target.unpublish()
    target.delete()
    assert '<a href="/missions/se-deplacer/">' not in client.get(many.url).content.decode()
