"""A LEADER déclaration d'intention as received: numbered without gaps per year, timestamped,
fingerprinted (SHA-256 of what was received), then followed by the LEADER team through its
statuses, each change recorded with who, when and why."""

import secrets

from django.conf import settings
from django.db import models, transaction
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.settings.models import register_setting

from petr.core.models.of_a_site import OfASite, ServedSiteSetting
from petr.library.models.private_file import private_storage
from petr.programmes.choices import BeneficiaryKind
from petr.territory.models import in_served_perimeter


@register_setting(icon="form")
class DeclarationSettings(ServedSiteSetting):
    recipient = models.EmailField(
        "adresse de l'équipe LEADER",
        blank=True,
        help_text="Reçoit chaque nouvelle déclaration. Vide : l'adresse des coordonnées du site.",
    )
    retention_years = models.PositiveSmallIntegerField(
        "durée de conservation (années)",
        default=5,
        help_text="Une déclaration qui n'est pas devenue un projet soutenu est supprimée après "
        "cette durée (l'horizon habituel des contrôles européens). Celles devenues projets sont "
        "gardées avec le projet. Indiquez la même durée sur la page Données personnelles.",
    )

    panels = [FieldPanel("recipient"), FieldPanel("retention_years")]

    class Meta:
        verbose_name = "déclarations d'intention LEADER"


class Status(models.TextChoices):
    RECEIVED = "recue", "reçue"
    CONTACTED = "contact-pris", "contact pris"
    MET = "rencontre-faite", "rencontre faite"
    OPINION = "avis-opportunite", "avis d'opportunité"
    COMPLETE = "dossier-complet", "dossier complet"
    PROGRAMMED = "programme", "programmé"
    AGREED = "conventionne", "conventionné"
    CLOSED = "solde", "soldé"
    DROPPED = "abandonne", "abandonné"
    REFUSED = "refuse", "refusé"


class DeclarationCounter(models.Model):
    """The last number given each year; its row is locked while the next one is taken."""

    year = models.PositiveSmallIntegerField(primary_key=True)
    last = models.PositiveIntegerField(default=0)

    def __str__(self):
        return f"{self.year} : {self.last}"


def next_sequence(year):
    """The next number of `year`, without gaps: call inside the transaction that stores the
    declaration, so a rollback gives the number back."""
    assert transaction.get_connection().in_atomic_block
    counter, _ = DeclarationCounter.objects.select_for_update().get_or_create(year=year)
    counter.last += 1
    counter.save(update_fields=["last"])
    return counter.last


def new_receipt_token():
    return secrets.token_urlsafe(32)


class Declaration(OfASite):
    """Received through one site's form: that site's settings say who is told."""

    Kind = BeneficiaryKind

    # Received
    number = models.CharField("numéro", max_length=20, unique=True, editable=False)
    year = models.PositiveSmallIntegerField("année", editable=False)
    sequence = models.PositiveIntegerField(editable=False)
    created_at = models.DateTimeField("reçue le", editable=False, db_index=True)
    receipt_token = models.CharField(max_length=64, unique=True, default=new_receipt_token,
                                     editable=False)  # fmt: skip
    received = models.JSONField("contenu reçu", editable=False)
    digest = models.CharField("empreinte SHA-256", max_length=64, editable=False)
    # The structure
    structure_name = models.CharField("structure", max_length=200)
    structure_kind = models.CharField("nature", max_length=24, choices=Kind.choices)
    siret = models.CharField("SIRET", max_length=14, blank=True)
    address = models.TextField("adresse", max_length=500)
    # The contact person
    contact_name = models.CharField("personne à contacter", max_length=150)
    contact_role = models.CharField("fonction", max_length=150, blank=True)
    email = models.EmailField("adresse électronique")
    phone = models.CharField("téléphone", max_length=30)
    # The project
    title = models.CharField("projet", max_length=200)
    summary = models.TextField("résumé", max_length=5000)
    communes = models.ManyToManyField(
        "territory.Commune", verbose_name="communes", related_name="+",
        limit_choices_to=in_served_perimeter,
    )  # fmt: skip
    action = models.ForeignKey(
        "programmes.ActionPage", verbose_name="fiche action", null=True, blank=True,
        on_delete=models.SET_NULL, related_name="+",
    )  # fmt: skip
    total_cost = models.DecimalField("coût total estimé (€)", max_digits=12, decimal_places=2)
    leader_aid = models.DecimalField("aide LEADER sollicitée (€)", max_digits=12,
                                     decimal_places=2)  # fmt: skip
    other_funders = models.TextField("autres financeurs sollicités", max_length=2000, blank=True)
    start_date = models.DateField("début prévu")
    # Followed by the team
    status = models.CharField("état", max_length=20, choices=Status.choices,
                              default=Status.RECEIVED)  # fmt: skip
    assigned_to = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name="chargé·e de suivi", null=True, blank=True,
        on_delete=models.SET_NULL, related_name="+",
    )  # fmt: skip
    project = models.ForeignKey(
        "programmes.ProjectPage", verbose_name="projet soutenu", null=True, blank=True,
        on_delete=models.SET_NULL, related_name="+",
    )  # fmt: skip
    # Abuse defences and mail
    client_hash = models.CharField(max_length=64, editable=False, db_index=True)
    token_hash = models.CharField(max_length=64, editable=False, unique=True)
    receipt_sent = models.BooleanField("accusé envoyé par courriel", default=False)
    team_notified = models.BooleanField("équipe prévenue", default=False)
    mail_attempts = models.PositiveSmallIntegerField("tentatives d'envoi", default=0)
    mail_error = models.TextField("erreur d'envoi", blank=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        constraints = [
            models.UniqueConstraint(fields=["year", "sequence"], name="declaration_number")
        ]
        verbose_name = "déclaration d'intention"
        verbose_name_plural = "déclarations d'intention"

    def __str__(self):
        return f"{self.number} — {self.title}"


class DeclarationAttachment(models.Model):
    declaration = models.ForeignKey(Declaration, on_delete=models.CASCADE,
                                    related_name="attachments")  # fmt: skip
    file = models.FileField("fichier", storage=private_storage, upload_to="declarations/%Y/")
    name = models.CharField("nom", max_length=255)
    size = models.PositiveIntegerField("taille")
    sha256 = models.CharField("empreinte SHA-256", max_length=64)

    class Meta:
        verbose_name = "pièce jointe"
        verbose_name_plural = "pièces jointes"

    def __str__(self):
        return self.name


class StatusChange(models.Model):
    declaration = models.ForeignKey(Declaration, on_delete=models.CASCADE,
                                    related_name="history")  # fmt: skip
    at = models.DateTimeField("le", auto_now_add=True)
    by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name="par", null=True,
                           on_delete=models.SET_NULL, related_name="+")  # fmt: skip
    before = models.CharField("avant", max_length=20, choices=Status.choices, blank=True)
    after = models.CharField("après", max_length=20, choices=Status.choices)
    comment = models.TextField("commentaire", blank=True)

    class Meta:
        ordering = ["at", "pk"]
        verbose_name = "changement d'état"
        verbose_name_plural = "historique"

    def __str__(self):
        return f"{self.get_before_display()} → {self.get_after_display()}"
