"""Each sending (a newsletter, or one day's alerts) and each recipient's delivery, recorded as
it goes: a sending interrupted anywhere resumes with the recipients not yet served."""

from django.conf import settings
from django.contrib import admin
from django.db import models

from petr.core.models.of_a_site import OfASite


class Mailing(OfASite):
    """One site's sending, to that site's subscribers, in its name."""

    class Kind(models.TextChoices):
        NEWSLETTER = "lettre", "Lettre d'information"
        DIGEST = "alertes", "Alertes"

    kind = models.CharField("type", max_length=10, choices=Kind.choices)
    page = models.OneToOneField(
        "newsletter.NewsletterPage",
        verbose_name="lettre",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="mailing",
    )
    subject = models.CharField("objet", max_length=255)
    # Alerts: one sending a day per site, whatever the number of servers (unique), covering
    # what was published until `period_end`.
    digest_day = models.DateField("jour des alertes", null=True, blank=True)
    period_end = models.DateTimeField(null=True, blank=True, editable=False)
    created_at = models.DateTimeField("créé le", auto_now_add=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="demandé par",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    send_after = models.DateTimeField("envoi à partir du")
    finished_at = models.DateTimeField("terminé le", null=True, blank=True)
    # The one batch allowed to send, until then (several workers, a worker killed mid-send).
    lease_token = models.CharField(max_length=32, blank=True, editable=False)
    lease_until = models.DateTimeField(null=True, blank=True, editable=False)

    class Meta:
        ordering = ["-send_after", "-pk"]
        constraints = [
            models.UniqueConstraint(fields=["site", "digest_day"], name="one_digest_per_site_a_day")
        ]
        verbose_name = "envoi"
        verbose_name_plural = "envois"

    def __str__(self):
        return self.subject

    def counts(self):
        found = dict(
            self.deliveries.values_list("status").annotate(n=models.Count("pk")).order_by()
        )
        return {status: found.get(status, 0) for status in Delivery.Status.values}

    @property
    @admin.display(description="avancement")
    def progress(self):
        counts = self.counts()
        done = counts["envoye"] + counts["rien"]
        text = f"{done} sur {sum(counts.values())} traités"
        if counts["echec"]:
            text += f", {counts['echec']} en échec"
        return text


class Delivery(models.Model):
    class Status(models.TextChoices):
        PENDING = "attente", "En attente"
        SENT = "envoye", "Envoyé"
        NOTHING = "rien", "Rien de nouveau"
        FAILED = "echec", "Échec"

    mailing = models.ForeignKey(Mailing, on_delete=models.CASCADE, related_name="deliveries")
    subscriber = models.ForeignKey(
        "newsletter.Subscriber", on_delete=models.CASCADE, related_name="deliveries"
    )
    status = models.CharField(
        "état", max_length=10, choices=Status.choices, default=Status.PENDING, db_index=True
    )
    attempts = models.PositiveSmallIntegerField("tentatives", default=0)
    sent_at = models.DateTimeField("envoyé le", null=True, blank=True)
    error = models.TextField("erreur", blank=True)

    class Meta:
        ordering = ["pk"]
        constraints = [
            models.UniqueConstraint(fields=["mailing", "subscriber"], name="one_delivery_each")
        ]
        verbose_name = "envoi à un abonné"
        verbose_name_plural = "envois aux abonnés"

    def __str__(self):
        return f"{self.mailing} → {self.subscriber}"
