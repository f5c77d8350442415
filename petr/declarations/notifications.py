"""After a declaration is stored: the holder gets the receipt by e-mail (the PDF attached) and
the LEADER team is told, both from the background worker. A mail failure loses nothing: the
declaration and its receipt page exist, each attempt is recorded, and the worker tries again."""

import logging

from django.apps import apps
from django.core.mail import EmailMessage
from django.utils import timezone

from petr.core.models import SiteIdentity
from petr.web.mail import background_task, deliver, retry_later
from petr.web.shared_lookups import in_served_site, serving

from .models.records import Declaration, DeclarationSettings
from .receipt import receipt_pdf

logger = logging.getLogger(__name__)


def announce(declaration):
    """Queue the e-mails: the visitor never waits on the mail server."""
    send_mails.enqueue(declaration.pk)


@background_task
def send_mails(declaration_id):
    declaration = Declaration.objects.filter(pk=declaration_id).first()
    done = declaration is None or (declaration.receipt_sent and declaration.team_notified)
    if done:
        return
    with serving(declaration.site_id):  # the site whose form it came through
        _send(declaration)


def _send(declaration):
    page = in_served_site(apps.get_model("declarations", "DeclarationPage").objects.live()).first()
    if page is None:
        return
    identity = SiteIdentity.for_site(page.get_site())
    issuer = identity.name
    receipt_url = f"{page.full_url}accuse/{declaration.receipt_token}/"
    errors = []
    if not declaration.receipt_sent:
        message = EmailMessage(
            subject=f"Accusé de réception {declaration.number} — déclaration d'intention LEADER",
            body=(
                f"Bonjour,\n\nVotre déclaration d'intention « {declaration.title} » a été reçue "
                f"le {timezone.localtime(declaration.created_at):%d/%m/%Y à %H:%M:%S} sous le "
                f"numéro {declaration.number}. L'accusé de réception est joint à ce message ; "
                f"vous pouvez aussi le retrouver, avec l'état de votre déclaration, à cette "
                f"adresse :\n{receipt_url}\n\nL'équipe LEADER vous contactera.\n\n{issuer}"
            ),
            to=[declaration.email],
        )
        message.attach(f"{declaration.number}.pdf",
                       receipt_pdf(declaration, issuer, f"{page.full_url}verifier/"),
                       "application/pdf")  # fmt: skip
        error = deliver(message)
        declaration.receipt_sent = error is None
        errors += [f"Accusé : {error}"] if error else []
    if not declaration.team_notified:
        recipient = DeclarationSettings.load().recipient or identity.email
        message = EmailMessage(
            subject=f"[LEADER] Nouvelle déclaration d'intention {declaration.number}",
            body=(
                f"{declaration.structure_name} déclare le projet « {declaration.title} » "
                f"(aide LEADER sollicitée : {declaration.leader_aid} €).\n\n"
                "Elle est à suivre dans l'administration du site, menu « Déclarations "
                "d'intention »."
            ),
            to=[recipient],
            reply_to=[declaration.email],
        )
        error = deliver(message) if recipient else "Aucune adresse d'équipe n'est configurée."
        declaration.team_notified = error is None
        errors += [f"Équipe : {error}"] if error else []
    declaration.mail_attempts += 1
    declaration.mail_error = "\n".join(errors)[:2000]
    declaration.save(update_fields=["receipt_sent", "team_notified", "mail_attempts", "mail_error"])
    if errors:
        logger.warning("Declaration %s mail failed: %s", declaration.number, errors)
        retry_later(send_mails, declaration.mail_attempts, declaration.pk)
