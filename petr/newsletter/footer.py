"""The sign-up page's address, kept in the cache for the footer's form on every page (one per
site of the installation, forgotten together)."""

from django.core.cache import cache
from django.db.models.signals import post_delete
from django.dispatch import receiver
from wagtail.signals import page_published, page_unpublished, post_page_move

from petr.newsletter.models import SubscriptionPage
from petr.web.pagecache import purge_all
from petr.web.shared_lookups import current_site_id, forget, public

URL_KEY = "petr:newsletter:subscription-url"


def subscription_url():
    """The served site's sign-up page, as a path on that site ("" when it has none)."""
    by_site = cache.get(URL_KEY) or {}
    site = current_site_id()
    if site not in by_site:
        page = public(SubscriptionPage.objects.live()).first()
        parts = page.get_url_parts() if page else None
        by_site[site] = parts[2] if parts else ""
        cache.set(URL_KEY, by_site, None)
    return by_site[site]


@receiver([page_published, page_unpublished, post_page_move])
@receiver(post_delete, sender=SubscriptionPage)
def forget_subscription_url(sender, instance, **kwargs):
    if issubclass(instance.specific_class or type(instance), SubscriptionPage):
        forget(URL_KEY)
        purge_all()  # every page's footer links to it
