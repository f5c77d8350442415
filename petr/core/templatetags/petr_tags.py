from django import template
from django.conf import settings

from petr.core.french.numbers import fr_number, fr_value
from petr.core.models import SiteIdentity

register = template.Library()


register.filter(fr_number)
register.filter(fr_value)


@register.filter
def worth_linking(page):
    """A live page with something to show: a listing still empty (its type's `is_empty`), such
    as a catalogue of projects before the first one, is not linked to."""
    if not page or not page.live:
        return False
    is_empty = getattr(page.specific_class, "is_empty", None)
    return not (is_empty and is_empty(page))


@register.filter
def page_title(page):
    return (page.seo_title or page.title) if page else ""


@register.filter
def is_within(page, section):
    """True when page is section or one of its descendants (for the menu's current section)."""
    return bool(page and section and page.path.startswith(section.path))


@register.filter
def file_size(size):
    """« 240 Ko », « 1,2 Mo »: how French sites state a download's size."""
    if size is None:
        return ""
    if size < 1024 * 1024:
        return f"{max(1, round(size / 1024))}\u00a0Ko"
    return f"{fr_number(size / (1024 * 1024), 1)}\u00a0Mo"


@register.filter
def minutes(duration):
    """A timedelta in whole minutes, for sentences (« 30 »)."""
    return int(duration.total_seconds() // 60) if duration else ""


@register.simple_tag(takes_context=True)
def canonical_url(context):
    """This address at the site's public address (SITE_URL), whatever host the request named."""
    return absolute_url(context, context["request"].path)


@register.simple_tag(takes_context=True)
def absolute_url(context, path):
    if settings.SITE_URL:
        return f"{settings.SITE_URL}{path}"
    return context["request"].build_absolute_uri(path)


@register.simple_tag(takes_context=True)
def share_image(context):
    """What social networks show of this page: its own sharing image, or the site's default
    (Paramètres › Identité), cropped to 1200 × 630; None without either."""
    page = context.get("page")
    if getattr(page, "social_image", None):
        return page.social_image.get_rendition("fill-1200x630")
    request = context.get("request")
    identity = SiteIdentity.for_request(request) if request else None
    return getattr(identity, "share_rendition", None)
