"""The abstract base page and the page types every site has: content, legal and service pages."""

from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.http import Http404
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin
from wagtail.fields import StreamField
from wagtail.models import Page, PageViewRestriction, get_page_models
from wagtail.search import index

from petr.core.admin.dates import FrenchPublishingPanel
from petr.core.admin.page_form import PageForm, TakenAddressPanel
from petr.core.blocks import body_stream
from petr.web.shared_lookups import public, restricted_paths
from petr.web.wagtail_internals import allow_framing_by_the_site


class BasePage(Page):
    """Carries what every public page owes: a lead paragraph, SEO, social image, sitemap flag."""

    base_form_class = PageForm

    intro = models.TextField(
        "chapeau", blank=True, help_text="Une ou deux phrases affichées sous le titre."
    )
    social_image = models.ForeignKey(
        "core.CustomImage",
        verbose_name="image de partage",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    exclude_from_sitemap = models.BooleanField(
        "exclure du plan du site et de sitemap.xml", default=False
    )

    search_fields = [*Page.search_fields, index.SearchField("intro")]
    # (slug, label) of the search page's filter by kind this page type belongs to; types that
    # share a slug share the filter. None: in « Tout le site » only, labelled « Page ».
    search_kind = None
    # Its live pages are subjects of the contact form (the missions: « Mobilité », « LEADER »…).
    is_contact_subject = False
    content_panels = [TakenAddressPanel(), *Page.content_panels, FieldPanel("intro")]
    promote_panels = [
        *Page.promote_panels,
        MultiFieldPanel(
            [FieldPanel("social_image"), FieldPanel("exclude_from_sitemap")],
            heading="Partage et référencement",
        ),
    ]

    settings_panels = [FrenchPublishingPanel(), *Page.settings_panels[1:]]

    class Meta:
        abstract = True

    @property
    def short_name(self):
        """The page's name in menus and lists (missions have a shorter one)."""
        return self.title

    def get_sitemap_urls(self, request=None):
        return [] if self.exclude_from_sitemap else super().get_sitemap_urls(request)

    def serve_preview(self, request, mode_name):
        # The admin shows previews in a frame of its own: allowed from the site itself only.
        # Public pages keep refusing any framing (frame-ancestors 'none').
        response = super().serve_preview(request, mode_name)
        allow_framing_by_the_site(response)
        return response

    def get_view_restrictions(self):
        # Wagtail asks on every page it serves: with no private section, no query.
        if not restricted_paths():
            return PageViewRestriction.objects.none()
        return super().get_view_restrictions()

    def route(self, request, path_components):
        """The page of an address found in one query, not two per level. A routable page on the
        way routes the rest of the address itself: its own routes come before its children."""
        if not path_components:
            return super().route(request, path_components)
        prefixes = [
            f"{self.url_path}{'/'.join(path_components[:n])}/"
            for n in range(1, len(path_components) + 1)
        ]
        found = (
            Page.objects.filter(path__startswith=self.path, url_path__in=prefixes)
            .order_by("depth")
            .values_list("pk", "depth", "content_type_id")
        )
        target, consumed = None, 0
        for pk, depth, content_type_id in found:
            if depth != self.depth + consumed + 1:
                break
            model = ContentType.objects.get_for_id(content_type_id).model_class()
            target, consumed = (model, pk), consumed + 1
            if issubclass(model, RoutablePageMixin) and consumed < len(path_components):
                break
        if target is None:
            raise Http404
        model, pk = target
        return model.objects.get(pk=pk).route(request, path_components[consumed:])


class ContentPage(BasePage):
    """A page of text: legal notices, personal data, or any free-standing page."""

    body = StreamField(body_stream(), blank=True, verbose_name="contenu")

    search_fields = [*BasePage.search_fields, index.SearchField("body")]
    content_panels = [*BasePage.content_panels, FieldPanel("body")]
    subpage_types = ["core.ContentPage"]

    class Meta:
        verbose_name = "page de contenu"
        verbose_name_plural = "pages de contenu"


class AccessibilityPage(BasePage):
    """The accessibility declaration; its status comes from the « Accessibilité » setting."""

    body = StreamField(body_stream(), blank=True, verbose_name="contenu")

    content_panels = [*BasePage.content_panels, FieldPanel("body")]
    parent_page_types = ["home.HomePage"]
    subpage_types = []
    max_count_per_parent = 1

    class Meta:
        verbose_name = "déclaration d'accessibilité"

    def get_context(self, request, *args, **kwargs):
        """The RGAA model's « Retour d'information et contact » names the contact form."""
        context = super().get_context(request, *args, **kwargs)
        context["contact_page"] = contact_page()
        return context


def contact_page():
    """The live contact page, whose page type says so (`is_contact_page`), or None."""
    kinds = [model for model in get_page_models() if getattr(model, "is_contact_page", False)]
    return public(Page.objects.live().type(*kinds)).first() if kinds else None


class SitemapPage(BasePage):
    """« Plan du site »: every public page, as a nested list."""

    parent_page_types = ["home.HomePage"]
    subpage_types = []
    max_count_per_parent = 1

    class Meta:
        verbose_name = "plan du site"

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["tree"] = page_tree(self.get_site().root_page, request)
        return context


def page_tree(root, request):
    """Nested (page, children) pairs of the live public pages under root, in two queries: the
    pages, and the ones each page type's own table excludes from the sitemap."""
    excluded = [
        model.objects.filter(exclude_from_sitemap=True).order_by().values_list("pk", flat=True)
        for model in get_page_models()
        if issubclass(model, BasePage)
    ]
    excluded = set(excluded[0].union(*excluded[1:])) if excluded else set()
    pages = list(public(root.get_descendants(inclusive=True).live()).order_by("path"))
    pages = [p for p in pages if p.pk not in excluded]
    children = {}
    for page in pages:
        children.setdefault(page.path[: -page.steplen], []).append(page)

    def build(page):
        return (page, [build(child) for child in children.get(page.path, [])])

    return [build(pages[0])] if pages and pages[0].pk == root.pk else []
