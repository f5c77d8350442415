"""Passwords of private pages and library collections (Wagtail's privacy « mot de passe »): at
most FAILURES wrong passwords an hour per client, counted in the database; then a French page,
429, until the hour has passed."""

import functools

from django.template.response import TemplateResponse

from petr.accounts.attempts import reached, record
from petr.web.clients import client_ip

FAILURES = 10
KIND = "page-password"


def throttled(view):
    @functools.wraps(view)
    def wrapper(request, *args, **kwargs):
        if request.method != "POST":
            return view(request, *args, **kwargs)
        client = client_ip(request)
        if reached(KIND, client, FAILURES):
            return TemplateResponse(request, "errors/too_many_attempts.html", status=429)
        response = view(request, *args, **kwargs)
        if response.status_code == 200:  # the form again: the password was wrong
            record((KIND, client))
        return response

    return wrapper
