from decimal import Decimal

from django import template
from django.conf import settings
from django.utils.numberformat import format as number_format

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
    return page.seo_title or page.title


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
    request = context["request"]
    if settings.SITE_URL:
        return f"{settings.SITE_URL}{request.path}"
    return request.build_absolute_uri(request.path)
