from django import template

from petr.places.models import CARPOOL_CATEGORIES

register = template.Library()


@register.filter
def carpool_places(places):
    """Those a list of places holds that the national carpool base takes."""
    return [place for place in places if place.category in CARPOOL_CATEGORIES]
