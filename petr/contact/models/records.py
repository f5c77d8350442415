"""What the contact form stores: each message first, its e-mail notification second, and the
settings staff choose (who is notified, how long messages are kept)."""

from django.contrib import admin
from django.db import models
from django.utils import timezone
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.settings.models import register_setting

from petr.core.models.of_a_site import OfASite, ServedSiteSetting


@register_setting(icon="mail")
class ContactSettings(ServedSiteSetting):
    recipient = models.EmailField(
        "adresse qui reçoit les messages",
        blank=True,
        help_text="Vide : l'adresse électronique des coordonnées du site.",
    )
    retention_days = models.PositiveIntegerField(
        "durée de conservation (jours)",
        default=365,
        help_text="Les messages plus anciens sont supprimés par la commande "
        "« purge_contact_submissions ». Indiquez la même durée sur la page Données personnelles.",
    )
    privacy_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name="page « Données personnelles »",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="Le formulaire y renvoie pour le détail du traitement et l'exercice des droits.",
    )

    panels = [FieldPanel("recipient"), FieldPanel("retention_days"), FieldPanel("privacy_page")]

    class Meta:
        verbose_name = "formulaire de contact"


class ContactSubmission(OfASite):
    """A message sent through a site's form: that site's settings say who is told."""

    created_at = models.DateTimeField("reçu le", auto_now_add=True, db_index=True)
    name = models.CharField("nom", max_length=150)
    email = models.EmailField("adresse électronique")
    subject = models.CharField("objet", max_length=200)
    message = models.TextField("message")
    client_hash = models.CharField(max_length=64, editable=False, db_index=True)
    token_hash = models.CharField(max_length=64, editable=False, blank=True, db_index=True)
    notified = models.BooleanField("notifié par courriel", default=False)
    notification_attempts = models.PositiveSmallIntegerField("tentatives d'envoi", default=0)
    next_attempt_at = models.DateTimeField("prochain essai", null=True, blank=True)
    notification_error = models.TextField("erreur d'envoi", blank=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = "message reçu"
        verbose_name_plural = "messages reçus"

    def __str__(self):
        return f"{self.name} — {self.subject}"

    @property
    @admin.display(description="envoi par courriel")
    def notification_status(self):
        """What staff read in « Messages reçus »."""
        if self.notified:
            return "Envoyé"
        if not self.notification_attempts:
            return "En attente"
        if self.next_attempt_at:
            moment = timezone.localtime(self.next_attempt_at)
            return f"Échec n° {self.notification_attempts}, nouvel essai à {moment:%H:%M}"
        return f"Échec : {self.notification_error}"
