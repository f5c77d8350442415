"""`/identite.css`: the colours staff chose (Paramètres › Identité), as the stylesheet's custom
properties. Pages link it with the colours' version in the address, so browsers and nginx may
keep it for a year: new colours, new address."""

from django.http import HttpResponse
from django.views.decorators.http import require_safe
from wagtail.models import Site

from petr.core import colours
from petr.core.models import SiteIdentity


@require_safe
def identity_css(request):
    site = Site.find_for_request(request)
    identity = SiteIdentity.for_site(site) if site else None
    css = colours.stylesheet(identity.primary_colour, identity.accent_colour) if identity else ""
    response = HttpResponse(css, content_type="text/css; charset=utf-8")
    if request.GET.get("v") == (identity.colours_version if identity else None):
        response["Cache-Control"] = "public, max-age=31536000, immutable"
    return response
