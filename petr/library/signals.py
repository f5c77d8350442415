from django.dispatch import receiver
from django.utils import timezone
from wagtail.signals import page_published

from .models import ActPage


@receiver(page_published, sender=ActPage)
def record_put_online(sender, instance, **kwargs):
    """The date and time an act is first put online is recorded by the site, not typed.
    Wagtail also sends this signal when a publication is only scheduled: wait until it is live."""
    if instance.live and instance.put_online_at is None:
        instance.put_online_at = timezone.now()
        ActPage.objects.filter(pk=instance.pk, put_online_at=None).update(
            put_online_at=instance.put_online_at
        )
