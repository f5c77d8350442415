"""The sign-up page's address, kept in the cache for the footer's form on every page."""

from django.core.cache import cache
from django.db.models.signals import post_delete
from django.dispatch import receiver
from wagtail.signals import page_published, page_unpublished, post_page_move

from petr.newsletter.models import SubscriptionPage
from petr.web.pagecache import purge_all
from petr.web.shared_lookups import forget

URL_KEY = "petr:newsletter:subscription-url"


def subscription_url():
    url = cache.get(URL_KEY)
    if url is None:
        page = SubscriptionPage.objects.live().public().first()
        url = (page.url or "") if page else ""
        cache.set(URL_KEY, url, None)
    return url


@receiver([page_published, page_unpublished, post_page_move])
@receiver(post_delete, sender=SubscriptionPage)
def forget_subscription_url(sender, instance, **kwargs):
    if issubclass(instance.specific_class or type(instance), SubscriptionPage):
        forget(URL_KEY)
        purge_all()  # every page's footer links to it
