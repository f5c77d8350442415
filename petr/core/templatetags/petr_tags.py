from decimal import Decimal

from django import template
from django.conf import settings
from django.utils.numberformat import format as number_format

from petr.core.models import SiteIdentity

register = template.Library()


@register.filter
def fr_number(value, decimals=0):
    """French grouping (narrow no-break space) and decimal comma, whatever the active locale."""
    if value in (None, ""):
        return ""
    value = round(Decimal(str(value)), int(decimals))
    return number_format(
        value,
        ",",
        decimal_pos=int(decimals),
        grouping=3,
        thousand_sep="\u202f",
        force_grouping=True,
    )


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
def fr_value(value):
    """`fr_number` with the cents only when there are some: « 12 », « 12,50 »."""
    if value in (None, ""):
        return ""
    whole = Decimal(str(value)) == Decimal(str(value)).to_integral_value()
    return fr_number(value, 0 if whole else 2)


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
