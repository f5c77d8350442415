import datetime

from petr.news.models import NewsIndexPage, NewsPage
from petr.web.shared_lookups import in_served_site


def publish_news(count=1, **fields):
    """Publish `count` news items under the seeded index, the newest last; returns them."""
    index = in_served_site(NewsIndexPage.objects).get()
    items = []
    for i in range(count):
        communes = fields.pop("communes", [])
        page = NewsPage(
            title=fields.get("title", f"Actualité {i}"),
            slug=f"actualite-{NewsPage.objects.count() + 1}",
            intro=fields.get("intro", f"Résumé de l'actualité {i}."),
            date=fields.get("date", datetime.date(2026, 1, 1) + datetime.timedelta(days=i)),
            mission=fields.get("mission"),
            image=fields.get("image"),
        )
        index.add_child(instance=page)
        page.communes.set(communes)
        page.save_revision().publish()
        items.append(page)
    return items


def make_image(title="Photo"):
    from wagtail.images import get_image_model
    from wagtail.images.tests.utils import get_test_image_file

    return get_image_model().objects.create(
        title=title, file=get_test_image_file(), description=f"Description de {title}"
    )
