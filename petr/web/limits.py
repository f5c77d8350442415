"""Request bodies are refused before they are read when larger than the path allows: an
anonymous 200 MB POST to the contact form is not spooled to disk first. The public site's forms
need a few kilobytes; a page type whose form takes files says how much in `public_upload_bytes`,
for its own address only; the admin takes the library's largest upload. nginx's
`client_max_body_size` should match the largest limit."""

from django.conf import settings
from django.core.cache import cache
from django.db.models.signals import post_delete
from django.dispatch import receiver
from django.template.response import TemplateResponse
from wagtail.models import Page, get_page_models
from wagtail.signals import page_published, page_unpublished, post_page_move

from petr.web.invalidation import site_and_address
from petr.web.shared_lookups import forget

UPLOADS_KEY = "petr:upload-limits"


def upload_limits():
    """{address: limit} of the live pages that take files from the public, from the cache."""
    limits = cache.get(UPLOADS_KEY)
    if limits is None:
        limits = {}
        for model in get_page_models():
            limit = getattr(model, "public_upload_bytes", None)
            for url_path in (
                model.objects.live().values_list("url_path", flat=True) if limit else ()
            ):
                _site, address = site_and_address(url_path)
                if address:
                    limits[address] = limit
        cache.set(UPLOADS_KEY, limits, None)
    return limits


@receiver([page_published, page_unpublished, post_page_move])
@receiver(post_delete, sender=Page)
def forget_upload_limits(sender, instance, **kwargs):
    if getattr(instance.specific_class, "public_upload_bytes", None):
        forget(UPLOADS_KEY)


class RequestBodyLimitMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        try:
            length = int(request.META.get("CONTENT_LENGTH") or 0)
        except ValueError:
            length = 0
        if request.path.startswith("/admin/"):
            limit = settings.ADMIN_MAX_BODY_BYTES
        else:
            limit = settings.PUBLIC_MAX_BODY_BYTES
            if length > limit:  # only then is the cache asked
                limit = upload_limits().get(request.path, limit)
        if length > limit:
            response = TemplateResponse(request, "413.html", {"limit_mb": limit // 2**20})
            response.status_code = 413  # the server, not the app, decides about the connection
            return response.render()
        return self.get_response(request)


ALLOWED_METHODS = ("GET", "HEAD", "POST", "OPTIONS")


class MethodMiddleware:
    """Only GET, HEAD, POST and OPTIONS reach the site; anything else, and any view's own
    refusal of a method, gets the French 405 page with its Allow header."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.method not in ALLOWED_METHODS:
            return _method_not_allowed(request, ", ".join(ALLOWED_METHODS))
        response = self.get_response(request)
        if response.status_code == 405 and not getattr(response, "content", b"x"):
            return _method_not_allowed(request, response.get("Allow", ""))
        return response


def _method_not_allowed(request, allowed):
    response = TemplateResponse(request, "405.html", {})
    response.status_code = 405
    response["Allow"] = allowed
    return response.render()
