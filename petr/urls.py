from django.conf import settings
from django.urls import include, path
from django.views.generic import TemplateView
from wagtail import urls as wagtail_urls
from wagtail import views as wagtail_views
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.contrib.sitemaps.views import sitemap
from wagtail.documents import urls as wagtaildocs_urls
from wagtail.documents.views import serve as document_views

from petr.accounts.page_passwords import throttled
from petr.api import views as api_views
from petr.core import opendata, opendata_catalogue
from petr.core.identity_css import identity_css
from petr.ops.health import healthz
from petr.search import views as search_views
from petr.web.media import serve_media

urlpatterns = [
    # Wagtail's password forms for private pages and collections, limited per client.
    path(
        "_util/authenticate_with_password/<int:page_view_restriction_id>/<int:page_id>/",
        throttled(wagtail_views.authenticate_with_password),
        name="wagtailcore_authenticate_with_password",
    ),
    path(
        "documents/authenticate_with_password/<int:restriction_id>/",
        throttled(document_views.authenticate_with_password),
        name="wagtaildocs_authenticate_with_password",
    ),
    path("admin/double-authentification/", include("petr.accounts.urls")),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("api/", api_views.partners, name="api_partners"),
    path("api/v1/", api_views.api.urls),
    path("donnees/", opendata_catalogue.index, name="open_data_index"),
    path("donnees/<str:filename>", opendata.download, name="open_data"),
    path("recherche/", search_views.search, name="search"),
    path("abonnement/", include("petr.newsletter.urls")),
    path("identite.css", identity_css, name="identity_css"),
    path("sitemap.xml", sitemap, name="sitemap"),
    path("healthz", healthz, name="healthz"),
    path(
        "robots.txt",
        TemplateView.as_view(template_name="robots.txt", content_type="text/plain; charset=utf-8"),
    ),
]

if settings.S3_BUCKET:  # media in object storage: the site answers them (web/media.py)
    urlpatterns.append(path(f"{settings.MEDIA_URL.strip('/')}/<path:name>", serve_media))
elif settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

urlpatterns.append(path("", include(wagtail_urls)))

handler400 = "petr.web.error_views.bad_request"
handler403 = "petr.web.error_views.permission_denied"
handler404 = "petr.web.error_views.page_not_found"
handler500 = "petr.web.error_views.server_error"
