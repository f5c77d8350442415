from django import template

from petr.newsletter.blocks import upcoming_events as events_from
from petr.newsletter.footer import subscription_url

register = template.Library()


@register.simple_tag
def upcoming_events(letter, count):
    return events_from(letter, count)


@register.simple_tag
def subscription_page_url():
    """The live sign-up page's address, from the cache; empty while there is none."""
    return subscription_url()
