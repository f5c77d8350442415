"""The public forms: signing up (the contact form's defences: honeypot, signed time, single
use, limits per address and per client) and a subscriber changing topics with their link."""

import hashlib

from django import forms
from django.conf import settings

from petr.missions.models import MissionPage
from petr.newsletter.models.subscribers import SignupRequest, Subscriber
from petr.newsletter.subscription import send_confirmation, send_reminder
from petr.web.antispam import GuardedForm
from petr.web.shared_lookups import current_site_id

PER_HOUR = 5  # sign-ups per address, and per client, in an hour
TOPICS = ("newsletter", "news", "missions", "agenda", "acts")
NO_TOPIC = "Choisissez au moins un sujet à suivre."


class TopicsForm(forms.Form):
    newsletter = forms.BooleanField(label="La lettre d'information", required=False)
    news = forms.BooleanField(label="Toutes les actualités", required=False)
    missions = forms.ModelMultipleChoiceField(
        label="Les actualités et les événements d'une mission",
        queryset=MissionPage.objects.none(),
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )
    agenda = forms.BooleanField(label="L'agenda : tous les événements", required=False)
    acts = forms.BooleanField(label="Les actes officiels (délibérations, arrêtés)", required=False)
    frequency = forms.ChoiceField(
        label="Rythme des alertes",
        choices=Subscriber.Frequency.choices,
        initial=Subscriber.Frequency.WEEKLY,
        widget=forms.RadioSelect,
        help_text="Les alertes rassemblent en un seul courriel ce qui a été publié. "
        "La lettre d'information arrive quand elle paraît.",
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["missions"].queryset = MissionPage.objects.live().public().order_by("path")

    def clean(self):
        cleaned = super().clean()
        if not any(cleaned.get(topic) for topic in TOPICS):
            raise forms.ValidationError(NO_TOPIC)
        return cleaned

    def apply(self, subscriber):
        for name in ("newsletter", "news", "agenda", "acts", "frequency"):
            setattr(subscriber, name, self.cleaned_data[name])
        subscriber.save()
        subscriber.missions.set(self.cleaned_data["missions"])


class PreferencesForm(TopicsForm):
    @classmethod
    def initial_for(cls, subscriber):
        names = ("newsletter", "news", "agenda", "acts", "frequency")
        return {**{name: getattr(subscriber, name) for name in names},
                "missions": list(subscriber.missions.all())}  # fmt: skip


class SubscribeForm(TopicsForm, GuardedForm):
    salt = "petr.newsletter"
    email = forms.EmailField(
        label="Votre adresse électronique",
        help_text="Nous vous enverrons un lien pour confirmer votre abonnement.",
    )
    field_order = ["email", "newsletter", "news", "missions", "agenda", "acts", "frequency"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["email"].widget.attrs.update(autocomplete="email")

    def clean(self):
        cleaned = super().clean()
        self.email_hash = address_hash(cleaned.get("email") or "")
        self.check_single_use(
            SignupRequest.objects,
            "Ce formulaire a déjà servi : il est de nouveau prêt, vérifiez-le et envoyez-le.",
            email=self.email_hash,
        )
        self.check_limits(
            SignupRequest.objects, self.email_hash, PER_HOUR,
            "Trop d'inscriptions ont été demandées depuis cette adresse en une heure : "
            "réessayez plus tard.",
        )  # fmt: skip
        return cleaned

    def save(self):
        """Record the request and e-mail the address: a confirmation link, or (already
        confirmed) a reminder of how to change topics, which nobody else may change."""
        data = self.cleaned_data
        SignupRequest.objects.create(
            email=self.email_hash, client_hash=self.client_hash, token_hash=self.token_hash
        )
        subscriber = Subscriber.objects.filter(
            site_id=current_site_id(), email=data["email"].lower()
        ).first()
        if subscriber and subscriber.confirmed_at:
            send_reminder.enqueue(subscriber.pk)
            return subscriber
        subscriber = subscriber or Subscriber(email=data["email"], client_hash=self.client_hash)
        self.apply(subscriber)
        send_confirmation.enqueue(subscriber.pk)
        return subscriber


def address_hash(email):
    return hashlib.sha256(f"{settings.SECRET_KEY}:{email.strip().lower()}".encode()).hexdigest()
