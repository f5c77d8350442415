"""Actualités: news items under one index, filtered by mission and by commune, with feeds."""

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Prefetch
from django.utils import timezone
from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import StreamField
from wagtail.images import get_image_model
from wagtail.search import index

from petr.core.blocks import body_stream
from petr.core.listing import render_listing
from petr.core.models import BasePage
from petr.territory.lookup import commune_paths
from petr.territory.models import in_served_perimeter
from petr.territory.widgets import CommuneCheckboxes
from petr.web.shared_lookups import public

from .feeds import NewsAtomFeed, NewsRssFeed
from .filters import NewsFilter

PER_PAGE = 10
CARD_IMAGE = "fill-480x270"  # the rendition news cards show; prefetched with the list


class NewsIndexPage(RoutablePageMixin, BasePage):
    """« Actualités »: the latest first, filters by mission and commune, RSS and Atom feeds."""

    parent_page_types = ["home.HomePage"]
    subpage_types = ["news.NewsPage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = "index des actualités"

    def news(self):
        images = get_image_model().objects.prefetch_renditions(CARD_IMAGE)
        return (
            public(NewsPage.objects.live())
            .descendant_of(self)
            .select_related("mission")
            .prefetch_related(Prefetch("image", queryset=images))
            .order_by("-date", "-first_published_at")
        )

    @path("")
    def listing(self, request):
        template = "news/news_index_page.html"
        return render_listing(self, request, template, self.news(), PER_PAGE, NewsFilter)

    @path("flux/rss/", name="rss")
    def rss(self, request):
        return NewsRssFeed(self)(request)

    @path("flux/atom/", name="atom")
    def atom(self, request):
        return NewsAtomFeed(self)(request)


class NewsPage(BasePage):
    """One news item. The lead paragraph (« chapeau ») is its summary in lists and feeds."""

    shown_on_pages_of = ("mission",)  # beside its mission (web/invalidation.py)
    # The latest three, in its mission's side column and on its communes' pages (core/parts.py).
    page_parts = {"mission.aside": 2, "commune": 3}

    date = models.DateField("date", default=timezone.localdate)
    image = models.ForeignKey(
        "core.CustomImage",
        verbose_name="image",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="Renseignez son texte alternatif dans la médiathèque.",
    )
    body = StreamField(body_stream(), blank=True, verbose_name="contenu")
    mission = models.ForeignKey(
        "missions.MissionPage",
        verbose_name="mission concernée",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    communes = ParentalManyToManyField(
        "territory.Commune",
        verbose_name="communes concernées",
        blank=True,
        related_name="+",
        limit_choices_to=in_served_perimeter,
    )

    search_fields = [*BasePage.search_fields, index.SearchField("body")]
    content_panels = [
        *BasePage.content_panels,
        FieldPanel("date"),
        FieldPanel("image"),
        FieldPanel("body"),
        MultiFieldPanel(
            [FieldPanel("mission"), FieldPanel("communes", widget=CommuneCheckboxes)],
            heading="Classement",
        ),
    ]
    search_kind = ("actualites", "Actualités")
    parent_page_types = ["news.NewsIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = "actualité"
        verbose_name_plural = "actualités"

    def clean(self):
        super().clean()
        if not self.intro:
            raise ValidationError(
                {"intro": "Le chapeau résume l'actualité dans les listes et les flux."}
            )

    def shown_at(self):
        return commune_paths(self.communes.all())  # on its communes' pages

    def schema_org(self, request):
        """schema.org: a news article (core's structured_data tags)."""
        return {
            "@type": "NewsArticle",
            "headline": self.title[:110],
            "description": self.intro,
            "datePublished": self.date.isoformat(),
            "url": request.build_absolute_uri(self.url),
            "inLanguage": "fr",
        }

    @classmethod
    def page_part(cls, slot, subject):
        about = {"communes": subject} if slot == "commune" else {"mission": subject}
        news = list(public(cls.objects.live()).filter(**about).order_by("-date", "-pk")[:3])
        template = "news/commune_part.html" if slot == "commune" else "news/mission_part.html"
        return {"template": template, "news": news} if news else None
