"""Every page type, discovered from the models: created only where it belongs, rendered,
editable and previewable in the admin."""

import pytest
from django.urls import reverse
from wagtail.fields import StreamField
from wagtail.models import Page, Site
from wagtail.test.utils import WagtailPageTestCase
from wagtail.test.utils.form_data import querydict_from_html

from petr.conftest import project_page_models, publish_samples
from petr.core.models import AccessibilityPage, ContentPage
from petr.home.models import HomePage
from petr.missions.models import MissionIndexPage, MissionPage
from petr.territory.models import TerritoryPage

pytestmark = pytest.mark.django_db


class PageTypesTest(WagtailPageTestCase):
    @classmethod
    def setUpTestData(cls):
        cls.home = Site.objects.get(is_default_site=True).root_page.specific
        publish_samples()

    def setUp(self):
        self.user = self.create_superuser("admin")
        self.client.force_login(self.user)  # a password login goes through the lockout checks

    def test_home_is_the_site_root(self):
        self.assertIsInstance(self.home, HomePage)
        self.assertCanCreateAt(Page, HomePage)

    def test_every_page_type_says_where_it_lives(self):
        """Only the free-standing text page may go anywhere; the home page takes every section
        that names it, without a list of its own to keep up to date."""
        for model in project_page_models():
            if model is not ContentPage:
                assert "parent_page_types" in vars(model), model.__name__
        sections = {
            model
            for model in project_page_models()
            if HomePage in model.allowed_parent_page_models()
        }
        assert {ContentPage, MissionIndexPage, TerritoryPage} <= sections
        assert set(HomePage.creatable_subpage_models()) == sections

    def test_parent_and_child_rules(self):
        self.assertAllowedParentPageTypes(MissionPage, {MissionIndexPage})
        self.assertCanNotCreateAt(HomePage, MissionPage)
        self.assertCanCreateAt(MissionPage, ContentPage)
        self.assertAllowedSubpageTypes(AccessibilityPage, set())
        self.assertAllowedSubpageTypes(TerritoryPage, set())  # its URLs belong to communes

    def test_single_instance_pages_cannot_be_created_twice(self):
        single = [m for m in project_page_models() if m.max_count_per_parent == 1]
        assert AccessibilityPage in single and TerritoryPage in single
        for model in single:
            page = model.objects.first()
            self.assertFalse(model.can_create_at(page.get_parent()), model.__name__)

    def test_every_page_type_renders_and_is_editable(self):
        for model in project_page_models():
            page = model.objects.live().order_by("path").first().specific
            self.assertPageIsRenderable(page)
            self.client.force_login(self.user)  # each assertion below logs out
            data = edit_data(self.client, page)
            self.assertPageIsEditable(page, post_data=data)
            self.assertPageIsPreviewable(page, post_data=data)

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


def edit_data(client, page):
    """The edit form as the admin shows it. StreamFields are built client-side, so the HTML
    does not hold them: they are sent empty."""
    html = client.get(reverse("wagtailadmin_pages:edit", args=[page.pk])).content.decode()
    data = querydict_from_html(html, form_id="page-edit-form")
    for field in type(page)._meta.get_fields():
        if isinstance(field, StreamField):
            data[f"{field.name}-count"] = "0"
    return data
