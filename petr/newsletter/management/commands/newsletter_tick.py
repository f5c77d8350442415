from datetime import timedelta

from django.core.management.base import BaseCommand
from django.utils import timezone
from wagtail.models import Site

from petr.newsletter.models import Mailing, SignupRequest, Subscriber
from petr.newsletter.models.subscribers import CONFIRMATION_DAYS
from petr.newsletter.sending import create_digest_mailing, resume_stalled
from petr.web.shared_lookups import serving

DIGEST_RECORDS_DAYS = 90  # the alerts' records (who was sent what) are then deleted


class Command(BaseCommand):
    help = (
        "Envois par courriel : prépare les alertes du jour, lance les envois programmés, reprend "
        "ceux qu'un arrêt a interrompus, efface les inscriptions non confirmées après 7 jours. "
        "À lancer toutes les quelques minutes (petr-newsletter.timer)."
    )

    def handle(self, *args, **options):
        now = timezone.now()
        _, deleted = Subscriber.objects.filter(
            confirmed_at=None, created_at__lt=now - timedelta(days=CONFIRMATION_DAYS)
        ).delete()
        SignupRequest.objects.filter(created_at__lt=now - timedelta(days=1)).delete()
        Mailing.objects.filter(
            kind=Mailing.Kind.DIGEST, send_after__lt=now - timedelta(days=DIGEST_RECORDS_DAYS)
        ).delete()
        started = resume_stalled(now)  # before the day's alerts, which start themselves
        digests = 0
        for site in Site.objects.all():  # each site's subscribers get its own alerts
            with serving(site):
                digests += create_digest_mailing(now) is not None
        prepared = f"préparées ({digests} site(s))" if digests else "rien à préparer"
        self.stdout.write(
            f"Inscriptions non confirmées effacées : {deleted.get('newsletter.Subscriber', 0)}. "
            f"Alertes du jour : {prepared}. "
            f"Envois lancés ou repris : {started}."
        )
