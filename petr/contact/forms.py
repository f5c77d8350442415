"""The contact form: validation, spam defences without a third party, storage, notification.

Spam is kept out by a honeypot field, a signed timestamp (too fast is a robot, too old is an
expired form) and a limit per e-mail address and per client. A message posted twice is stored
once. The message is saved first; its e-mail notification is a background task (`mail.py`), so
a slow mail server never delays the visitor and an SMTP failure loses nothing: staff read every
message, and the outcome of each sending attempt, in the admin."""

import logging
from datetime import timedelta

from django import forms
from django.core.mail import EmailMessage
from django.utils import timezone

from petr.contact.models.records import ContactSettings, ContactSubmission
from petr.core.models.site_settings import SiteIdentity
from petr.web.antispam import GuardedForm
from petr.web.mail import background_task, deliver, header_safe, retry_later
from petr.web.shared_lookups import current_site_id, serving

PER_HOUR = 5  # messages per e-mail address, and per client, in an hour
DUPLICATE_WINDOW = timedelta(minutes=10)
OTHER_SUBJECT = "Autre demande"
logger = logging.getLogger(__name__)


class ContactForm(GuardedForm):
    salt = "petr.contact"
    too_fast = "Le message a été envoyé trop vite pour avoir été écrit : envoyez-le de nouveau."
    name = forms.CharField(label="Votre nom", max_length=150)
    email = forms.EmailField(label="Votre adresse électronique", help_text="Pour vous répondre.")
    subject = forms.ChoiceField(label="Objet")
    message = forms.CharField(label="Votre message", widget=forms.Textarea, max_length=5000)
    field_order = ["name", "email", "subject", "message", "website", "token"]

    def __init__(self, *args, subjects=(), **kwargs):
        super().__init__(*args, **kwargs)
        options = [*subjects, OTHER_SUBJECT]
        self.fields["subject"].choices = [("", "Choisissez un objet"), *[(s, s) for s in options]]
        self.fields["email"].widget.attrs.update(autocomplete="email")
        self.fields["name"].widget.attrs.update(autocomplete="name")

    def clean(self):
        cleaned = super().clean()
        self.check_single_use(
            ContactSubmission.objects,
            "Ce formulaire a déjà servi à envoyer un message : il est de nouveau prêt, "
            "vérifiez votre message et envoyez-le.",
            email__iexact=cleaned.get("email"), message=cleaned.get("message"),
        )  # fmt: skip
        self.check_limits(
            ContactSubmission.objects, cleaned.get("email"), PER_HOUR,
            "Trop de messages ont été envoyés depuis cette adresse en une heure : "
            "réessayez plus tard, ou écrivez-nous par courriel.",
        )  # fmt: skip
        return cleaned

    def save(self):
        """Store the message (once, even if posted twice), then notify staff."""
        data = self.cleaned_data
        duplicate = ContactSubmission.objects.filter(
            email__iexact=data["email"],
            message=data["message"],
            created_at__gte=timezone.now() - DUPLICATE_WINDOW,
        ).first()
        if duplicate:
            return duplicate
        submission = ContactSubmission.objects.create(
            name=data["name"],
            email=data["email"],
            subject=data["subject"],
            message=data["message"],
            client_hash=self.client_hash,
            token_hash=self.token_hash,
        )
        notify(submission)
        return submission


def notify(submission):
    """Queue the staff notification: the visitor's request never waits on the mail server."""
    notify_staff.enqueue(submission.pk)


@background_task
def notify_staff(submission_id):
    submission = ContactSubmission.objects.filter(pk=submission_id).first()
    if submission is None or submission.notified:
        return  # deleted by staff or purged meanwhile, or already sent
    with serving(submission.site_id):  # the site whose form it came through
        recipient = (
            ContactSettings.load().recipient
            or SiteIdentity.objects.filter(site_id=current_site_id())
            .values_list("email", flat=True)
            .first()
        )
    message = EmailMessage(
        subject=header_safe(f"[Site] {submission.subject} — {submission.name}"),
        body=(
            f"Message reçu le {timezone.localtime(submission.created_at):%d/%m/%Y à %H:%M} "
            f"par le formulaire de contact.\n\nNom : {submission.name}\n"
            f"Adresse : {submission.email}\nObjet : {submission.subject}\n\n{submission.message}"
        ),
        to=[recipient],
        reply_to=[submission.email],
    )
    error = deliver(message) if recipient else "Aucune adresse de réception n'est configurée."
    submission.notification_attempts += 1
    submission.notified = error is None
    submission.notification_error = (error or "")[:2000]
    submission.next_attempt_at = None
    if error:
        logger.warning("Contact notification failed for submission %s: %s", submission.pk, error)
        submission.next_attempt_at = retry_later(
            notify_staff, submission.notification_attempts, submission.pk
        )
    submission.save(
        update_fields=["notification_attempts", "notified", "notification_error", "next_attempt_at"]
    )
