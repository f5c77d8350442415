"""Error views. Django's own 400, 403 and 404 views are wrapped in `requires_csrf_token`, which
reads the request's body again: a form posted with `charset=utf-16` (a 400 for that very reason)
then turned into a 500. These read nothing from the body."""

from django.http import HttpResponseBadRequest, HttpResponseServerError
from django.shortcuts import render
from django.template import loader


def bad_request(request, exception):
    return HttpResponseBadRequest(loader.get_template("400.html").render())


def permission_denied(request, exception):
    return render(request, "403.html", status=403)


def page_not_found(request, exception):
    return render(request, "404.html", status=404)


def server_error(request):
    """Render 500.html without context processors: the database may be what failed."""
    return HttpResponseServerError(loader.get_template("500.html").render())
