from wagtail import blocks

from petr.web.shared_lookups import in_served_site

from .models import NewsIndexPage


class LatestNewsBlock(blocks.StructBlock):
    """Home page section: the latest news items, from the news index."""

    title = blocks.CharBlock(label="titre", default="Actualités")
    count = blocks.IntegerBlock(label="nombre d'actualités", default=3, min_value=1, max_value=6)

    class Meta:
        icon = "doc-full"
        label = "dernières actualités"
        template = "news/blocks/latest_news.html"

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context)
        index = in_served_site(NewsIndexPage.objects.live()).first()
        context["index"] = index
        context["items"] = index.news()[: value["count"]] if index else []
        return context
