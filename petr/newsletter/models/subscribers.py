"""Who follows the site by e-mail, and what: each subscriber's address, topics and rhythm, kept
only once confirmed (double opt-in); sign-up requests are kept for the limits, then purged."""

import secrets

from django.contrib import admin
from django.db import models
from django.utils import timezone

from petr.core.models.of_a_site import OfASite

CONFIRMATION_DAYS = 7  # a confirmation link's life; unconfirmed sign-ups are deleted after it


def new_key():
    return secrets.token_urlsafe(24)


class Subscriber(OfASite):
    """Subscribed on one site of the installation: its letters and alerts are that site's."""

    class Frequency(models.TextChoices):
        DAILY = "quotidien", "Chaque jour où il y a du nouveau"
        WEEKLY = "hebdomadaire", "Une fois par semaine, le lundi"

    email = models.EmailField("adresse électronique")
    # The secret of this subscriber's links (manage, unsubscribe): a new one when they leave.
    key = models.CharField(max_length=40, unique=True, default=new_key, editable=False)
    newsletter = models.BooleanField("la lettre d'information", default=True)
    news = models.BooleanField("toutes les actualités", default=False)
    agenda = models.BooleanField("l'agenda", default=False)
    acts = models.BooleanField("les actes officiels", default=False)
    missions = models.ManyToManyField(
        "missions.MissionPage",
        verbose_name="missions suivies",
        blank=True,
        related_name="+",
        help_text="Leurs actualités et leurs événements.",
    )
    frequency = models.CharField(
        "rythme des alertes", max_length=20, choices=Frequency.choices, default=Frequency.WEEKLY
    )
    created_at = models.DateTimeField("inscrit le", auto_now_add=True, db_index=True)
    confirmed_at = models.DateTimeField("confirmé le", null=True, blank=True, db_index=True)
    # Alerts have covered what was published until then: nothing is ever sent twice.
    covered_until = models.DateTimeField(null=True, blank=True, editable=False)
    client_hash = models.CharField(max_length=64, editable=False, blank=True, db_index=True)
    failed_at = models.DateTimeField("adresse refusée le", null=True, blank=True)
    failure = models.TextField("refus du serveur", blank=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        constraints = [
            models.UniqueConstraint(fields=["site", "email"], name="one_subscriber_per_site")
        ]
        verbose_name = "abonné"
        verbose_name_plural = "abonnés"

    def __str__(self):
        return self.email

    def save(self, *args, **kwargs):
        self.email = self.email.strip().lower()
        super().save(*args, **kwargs)

    @property
    @admin.display(description="état")
    def status(self):
        if self.failed_at:
            return "Adresse refusée"
        return "Confirmé" if self.confirmed_at else "En attente de confirmation"

    @property
    @admin.display(description="sujets")
    def topics_label(self):
        names = [
            field.verbose_name
            for field in self._meta.fields
            if isinstance(field, models.BooleanField) and getattr(self, field.name)
        ]
        names += [mission.title for mission in self.missions.all()]
        return ", ".join(names) or "aucun"

    def confirm(self):
        now = timezone.now()
        self.confirmed_at = now
        self.covered_until = now  # alerts start with what is published from now on
        self.save(update_fields=["confirmed_at", "covered_until"])


class SignupRequest(models.Model):
    """One accepted sign-up form, for the hourly limits: the address only as a keyed hash."""

    created_at = models.DateTimeField(auto_now_add=True, db_index=True)
    email = models.CharField(max_length=64, db_index=True)
    client_hash = models.CharField(max_length=64, db_index=True)
    token_hash = models.CharField(max_length=64, blank=True, db_index=True)

    def __str__(self):
        return f"Inscription du {self.created_at:%d/%m/%Y %H:%M}"
