"""Each page type can be created where allowed, renders, and is editable in the admin."""

import pytest
from wagtail.models import Page, Site
from wagtail.test.utils import WagtailPageTestCase
from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

from petr.core.models import AccessibilityPage, ContactPage, ContentPage, SitemapPage
from petr.events.models import EventIndexPage
from petr.home.models import HomePage
from petr.library.models import ActIndexPage, DocumentIndexPage
from petr.missions.models import MissionIndexPage, MissionPage
from petr.news.models import NewsIndexPage
from petr.territory.models import PetrPage, TerritoryPage

pytestmark = pytest.mark.django_db


class PageTypesTest(WagtailPageTestCase):
    @classmethod
    def setUpTestData(cls):
        cls.home = Site.objects.get(is_default_site=True).root_page.specific

    def setUp(self):
        self.login()

    def test_home_is_the_site_root(self):
        self.assertIsInstance(self.home, HomePage)
        self.assertCanCreateAt(Page, HomePage)

    def test_parent_and_child_rules(self):
        self.assertAllowedSubpageTypes(
            HomePage,
            {
                ContentPage,
                AccessibilityPage,
                SitemapPage,
                ContactPage,
                MissionIndexPage,
                PetrPage,
                TerritoryPage,
                NewsIndexPage,
                EventIndexPage,
                ActIndexPage,
                DocumentIndexPage,
            },
        )
        self.assertAllowedSubpageTypes(MissionIndexPage, {MissionPage})
        self.assertAllowedParentPageTypes(MissionPage, {MissionIndexPage})
        self.assertCanNotCreateAt(HomePage, MissionPage)
        self.assertAllowedSubpageTypes(AccessibilityPage, set())
        self.assertAllowedSubpageTypes(TerritoryPage, set())  # its URLs belong to communes

    def test_single_instance_pages_cannot_be_created_twice(self):
        for model in (
            AccessibilityPage,
            SitemapPage,
            ContactPage,
            MissionIndexPage,
            PetrPage,
            TerritoryPage,
            NewsIndexPage,
            EventIndexPage,
            ActIndexPage,
            DocumentIndexPage,
        ):
            self.assertFalse(model.can_create_at(self.home), model.__name__)

    def test_every_seeded_page_renders_and_is_editable(self):
        pages = Page.objects.live().filter(depth__gte=2).specific()
        models = {type(page) for page in pages}
        assert models == {
            HomePage,
            ContentPage,
            AccessibilityPage,
            SitemapPage,
            ContactPage,
            MissionIndexPage,
            MissionPage,
            PetrPage,
            TerritoryPage,
            NewsIndexPage,
            EventIndexPage,
            ActIndexPage,
            DocumentIndexPage,
        }
        for page in pages:
            self.assertPageIsRenderable(page)
            self.assertPageIsEditable(page, post_data=edit_data(page))
            self.assertPageIsPreviewable(page, post_data=edit_data(page))

    def test_a_content_page_can_be_created_from_the_admin_form(self):
        self.assertCanCreate(
            self.home,
            ContentPage,
            {
                "title": "Nouvelle page",
                "slug": "nouvelle-page",
                "intro": "Chapeau",
                "body-count": "1",
                "body-0-type": "paragraph",
                "body-0-value": '{"blocks":[{"key":"a","type":"unstyled","text":"Bonjour",'
                '"depth":0,"inlineStyleRanges":[],"entityRanges":[]}],"entityMap":{}}',
                "body-0-order": "0",
                "body-0-deleted": "",
            },
        )


def edit_data(page):
    """StreamField forms are built client-side, so the edit form cannot be scraped from HTML."""
    if not hasattr(page, "body"):
        return None
    body = [] if isinstance(page, HomePage) else [("paragraph", rich_text("<p>Texte modifié.</p>"))]
    return nested_form_data(
        {"title": page.title, "slug": page.slug, "intro": page.intro, "body": streamfield(body)}
    )
