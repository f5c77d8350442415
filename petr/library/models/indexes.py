"""« Registre des actes » and « Documents »: the listings, with their filters and feed."""

from django.http import Http404
from django.template.response import TemplateResponse
from wagtail.contrib.routable_page.models import RoutablePageMixin, path

from petr.core.listing import render_listing
from petr.core.models import BasePage
from petr.library.feeds import ActRssFeed
from petr.library.filters import ActFilter, DocumentFilter
from petr.web.shared_lookups import public

from .acts import ActPage, Meeting
from .documents import DocumentPage

PER_PAGE = 20


class ActIndexPage(RoutablePageMixin, BasePage):
    """« Registre des actes »: every act online, by year, kind and meeting, with an RSS feed."""

    parent_page_types = ["home.HomePage"]
    subpage_types = ["library.ActPage"]
    max_count_per_parent = 1

    class Meta:
        app_label = "library"
        verbose_name = "registre des actes"

    def acts(self):
        return (
            public(ActPage.objects.live())
            .descendant_of(self)
            .select_related("meeting__body")
            .order_by("-decision_date", "-number", "-pk")
        )

    @path("")
    def listing(self, request):
        template = "library/act_index_page.html"
        return render_listing(self, request, template, self.acts(), PER_PAGE, ActFilter)

    @path("seances/<int:pk>/", name="meeting")
    def meeting(self, request, pk):
        meeting = Meeting.objects.filter(pk=pk).first()
        acts = self.acts().filter(meeting=meeting) if meeting else None
        if not acts:
            raise Http404("Séance inconnue ou sans acte publié.")
        context = self.get_context(request)
        context.update(meeting=meeting, acts=acts)
        return TemplateResponse(request, "library/meeting.html", context)

    @path("flux/rss/", name="rss")
    def rss(self, request):
        return ActRssFeed(self)(request)


class DocumentIndexPage(RoutablePageMixin, BasePage):
    """« Documents »: the PETR's contracts, studies, reports and minutes, with filters."""

    parent_page_types = ["home.HomePage"]
    subpage_types = ["library.DocumentPage"]
    max_count_per_parent = 1

    class Meta:
        app_label = "library"
        verbose_name = "bibliothèque de documents"

    def documents(self):
        return (
            public(DocumentPage.objects.live())
            .descendant_of(self)
            .select_related("mission")
            .order_by("-year", "title", "pk")
        )

    @path("")
    def listing(self, request):
        template = "library/document_index_page.html"
        return render_listing(self, request, template, self.documents(), PER_PAGE, DocumentFilter)
