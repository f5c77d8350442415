"""The fixed lists of supported projects, shared by the models and the catalogue's filters."""

from django.db import models


class Funder(models.TextChoices):
    LEADER = "leader", "LEADER (FEADER)"
    DETR = "detr", "État — DETR"
    DSIL = "dsil", "État — DSIL"
    FONDS_VERT = "fonds-vert", "État — Fonds vert"
    REGION = "region", "Région"
    DEPARTEMENT = "departement", "Département"
    OTHER = "autre", "Autre financeur"


class BeneficiaryKind(models.TextChoices):
    COMMUNE = "commune", "commune"
    EPCI = "communaute", "communauté de communes"
    ASSOCIATION = "association", "association"
    COMPANY = "entreprise", "entreprise"
    PUBLIC_BODY = "etablissement-public", "établissement public"
    PERSON = "particulier", "particulier"


class ProjectStatus(models.TextChoices):
    PROGRAMMED = "programme", "programmé"
    ONGOING = "en-cours", "en cours"
    CLOSED = "solde", "soldé"
    DROPPED = "abandonne", "abandonné"
