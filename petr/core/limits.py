"""Request bodies are refused before they are read when larger than the path allows: an
anonymous 200 MB POST to the contact form is not spooled to disk first. The public site's forms
need a few kilobytes; the admin takes the library's largest upload. nginx's
`client_max_body_size` should match the admin's limit."""

from django.conf import settings
from django.template.response import TemplateResponse


class RequestBodyLimitMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        try:
            length = int(request.META.get("CONTENT_LENGTH") or 0)
        except ValueError:
            length = 0
        admin = request.path.startswith("/admin/")
        limit = settings.ADMIN_MAX_BODY_BYTES if admin else settings.PUBLIC_MAX_BODY_BYTES
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
