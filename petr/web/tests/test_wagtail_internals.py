"""One test per wrapper of web/wagtail_internals.py, and one for the routing that replaces
Wagtail's (core/models/pages.py: BasePage.route, which must keep answering Wagtail's RouteResult):
each fails when an upgrade changes what it relies on."""

import pytest
from django.contrib.contenttypes.models import ContentType
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db.models.fields.files import FieldFile
from django.http import Http404
from django.test import RequestFactory
from wagtail.models import Page, Site

from petr.web import wagtail_internals as internals

pytestmark = pytest.mark.django_db


def test_a_page_type_is_filed_under_wagtails_page(seeded):
    from petr.news.models import NewsPage

    page_type = ContentType.objects.get_for_model(Page)
    assert internals.base_content_type(NewsPage) == page_type
    assert internals.base_content_type(Site) == ContentType.objects.get_for_model(Site)


def test_the_site_is_found_then_remembered_without_a_query(seeded, django_assert_num_queries):
    site = Site.objects.get(is_default_site=True)
    request = RequestFactory().get("/", HTTP_HOST=site.hostname)
    assert internals.find_site(request) == site
    other = RequestFactory().get("/", HTTP_HOST=site.hostname)
    internals.remember_site(other, site)
    with django_assert_num_queries(0):
        assert Site.find_for_request(other) is site


def test_an_upload_is_new_until_it_is_stored(tmp_path):
    from django.core.files.storage import FileSystemStorage

    from petr.library.models import DocumentPage

    field = DocumentPage._meta.get_field("file")
    new = FieldFile(None, field, "")
    new.file, new._committed = SimpleUploadedFile("a.pdf", b"%PDF-1.4"), False
    assert internals.is_new_upload(new)
    stored = FieldFile(None, field, "documents/a.pdf")
    stored.storage = FileSystemStorage(tmp_path)
    assert not internals.is_new_upload(stored)


def test_a_preview_may_be_framed_by_the_site_only(admin_client, seeded):
    page = Page.objects.get(depth=2).specific
    response = admin_client.get(f"/admin/pages/{page.pk}/edit/preview/?mode=")
    assert response.status_code == 200
    assert "frame-ancestors 'self'" in response["Content-Security-Policy"]
    assert "frame-ancestors 'none'" in admin_client.get("/")["Content-Security-Policy"]


def test_the_choosers_render_through_the_portals_wrapper():
    from wagtail.admin.widgets.chooser import BaseChooser

    assert BaseChooser.render.__qualname__.endswith("render_with_nonce")


def test_one_query_routing_finds_every_live_page(seeded):
    site = Site.objects.get(is_default_site=True)
    root = site.root_page.specific
    request = RequestFactory().get("/")
    pages = Page.objects.live().descendant_of(root).specific()
    assert pages.count() > 10
    for page in pages:
        parts = page.url_path.removeprefix(root.url_path).strip("/").split("/")
        found = root.route(request, parts)
        assert found.page == page, page.url_path
    with pytest.raises(Http404):
        root.route(request, ["nulle-part", "ici"])


def test_an_admin_title_and_subtitle_are_joined_the_french_way(admin_client, seeded):
    news = Page.objects.get(slug="actualites")
    html = admin_client.get(f"/admin/pages/add/news/newspage/{news.pk}/").content.decode()
    assert "<title>Création\u00a0: Actualité" in html
