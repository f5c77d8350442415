"""The contact form: validation, spam defences without a third party, storage, notification.

Spam is kept out by a honeypot field, a signed timestamp (too fast is a robot, too old is an
expired form) and a limit per e-mail address and per client. A message posted twice is stored
once. The message is saved first; its e-mail notification is a background task (`mail.py`), so
a slow mail server never delays the visitor and an SMTP failure loses nothing: staff read every
message, and the outcome of each sending attempt, in the admin."""

import hashlib
import logging
from datetime import timedelta

from django import forms
from django.conf import settings
from django.core import signing
from django.core.mail import EmailMessage
from django.utils import timezone

from .mail import background_task, deliver, retry_later
from .models.contact import ContactSettings, ContactSubmission
from .models.site_settings import SiteIdentity

MIN_SECONDS = 3  # a person does not fill the form faster
MAX_AGE = timedelta(days=1)
PER_HOUR = 5  # messages per e-mail address, and per client, in an hour
DUPLICATE_WINDOW = timedelta(minutes=10)
OTHER_SUBJECT = "Autre demande"
EXPIRED = "Le formulaire a expiré : vérifiez votre message et envoyez-le de nouveau."
signer = signing.TimestampSigner(salt="petr.contact")
logger = logging.getLogger(__name__)


class ContactForm(forms.Form):
    name = forms.CharField(label="Votre nom", max_length=150)
    email = forms.EmailField(label="Votre adresse électronique", help_text="Pour vous répondre.")
    subject = forms.ChoiceField(label="Objet")
    message = forms.CharField(label="Votre message", widget=forms.Textarea, max_length=5000)
    # Invisible to people (hidden by CSS and from assistive technologies); robots fill it.
    website = forms.CharField(label="Ne pas remplir", required=False)
    token = forms.CharField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args, subjects=(), client="", **kwargs):
        super().__init__(*args, **kwargs)
        self.client_hash = hashlib.sha256(f"{settings.SECRET_KEY}:{client}".encode()).hexdigest()
        options = [*subjects, OTHER_SUBJECT]
        self.fields["subject"].choices = [("", "Choisissez un objet"), *[(s, s) for s in options]]
        self.fields["website"].widget.attrs.update(tabindex="-1", autocomplete="off")
        self.fields["email"].widget.attrs.update(autocomplete="email")
        self.fields["name"].widget.attrs.update(autocomplete="name")
        self.initial["token"] = new_token()

    def refresh_token(self):
        """After an error, the form goes back with a fresh token and everything typed kept."""
        self.data = self.data.copy()
        self.data["token"] = new_token()

    @property
    def is_robot(self):
        return bool(self.data.get("website"))

    def clean_token(self):
        try:
            started = float(signer.unsign(self.cleaned_data["token"], max_age=MAX_AGE))
        except (signing.BadSignature, ValueError) as exc:
            raise forms.ValidationError(EXPIRED) from exc
        elapsed = timezone.now().timestamp() - started
        if elapsed > MAX_AGE.total_seconds():
            raise forms.ValidationError(EXPIRED)
        if elapsed < MIN_SECONDS:
            raise forms.ValidationError(
                "Le message a été envoyé trop vite pour avoir été écrit : envoyez-le de nouveau."
            )
        self.token_hash = hashlib.sha256(self.cleaned_data["token"].encode()).hexdigest()
        return self.cleaned_data["token"]

    def clean(self):
        cleaned = super().clean()
        # A form serves once: the same page posted again (a double click) finds its message
        # stored; any other message needs a freshly displayed form.
        used = ContactSubmission.objects.filter(token_hash=getattr(self, "token_hash", None))
        if used.exclude(email__iexact=cleaned.get("email"), message=cleaned.get("message")):
            raise forms.ValidationError(
                "Ce formulaire a déjà servi à envoyer un message : il est de nouveau prêt, "
                "vérifiez votre message et envoyez-le."
            )
        hour_ago = timezone.now() - timedelta(hours=1)
        recent = ContactSubmission.objects.filter(created_at__gte=hour_ago)
        if cleaned.get("email") and (
            recent.filter(email__iexact=cleaned["email"]).count() >= PER_HOUR
            or recent.filter(client_hash=self.client_hash).count() >= PER_HOUR
        ):
            raise forms.ValidationError(
                "Trop de messages ont été envoyés depuis cette adresse en une heure : "
                "réessayez plus tard, ou écrivez-nous par courriel."
            )
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


def new_token():
    return signer.sign(str(timezone.now().timestamp()))


def notify(submission):
    """Queue the staff notification: the visitor's request never waits on the mail server."""
    notify_staff.enqueue(submission.pk)


@background_task
def notify_staff(submission_id):
    submission = ContactSubmission.objects.filter(pk=submission_id).first()
    if submission is None or submission.notified:
        return  # deleted by staff or purged meanwhile, or already sent
    recipient = (
        ContactSettings.load().recipient
        or SiteIdentity.objects.values_list("email", flat=True).first()
    )
    message = EmailMessage(
        subject=f"[Site] {submission.subject} — {submission.name}",
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
