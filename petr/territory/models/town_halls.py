"""Each commune's mairie, from the national directory of public services (the « Annuaire de
l'administration », DILA): imported, then corrected by staff where it is wrong. A correction
survives the next import: the import only replaces a value still equal to what it last wrote."""

from django.db import models
from django.utils.formats import date_format
from django.utils.timezone import localtime

from petr.core.phones import tel_uri
from petr.web.invalidation import SITEMAP

from .data import Commune

IMPORTED_FIELDS = ("name", "address", "phone", "email", "website", "opening_hours", "mayor")


class TownHall(models.Model):
    # Its commune's page (under the territory page's routes) shows it.
    shown_on = (SITEMAP,)
    shown_under = ("territory.TerritoryPage",)

    commune = models.OneToOneField(
        Commune, on_delete=models.CASCADE, related_name="town_hall", verbose_name="commune"
    )
    name = models.CharField("nom", max_length=200, blank=True)
    address = models.TextField("adresse", blank=True)
    phone = models.CharField("téléphone", max_length=30, blank=True)
    email = models.EmailField("adresse électronique", blank=True)
    website = models.URLField("site internet", blank=True)
    opening_hours = models.TextField("horaires d'ouverture", blank=True)
    mayor = models.CharField(
        "maire",
        max_length=200,
        blank=True,
        help_text="Prénom et nom, par exemple « Jeanne Dupont ».",
    )
    source_id = models.CharField("identifiant dans l'Annuaire", max_length=100, blank=True,
                                 editable=False)  # fmt: skip
    source_updated = models.CharField("mise à jour dans l'Annuaire", max_length=40, blank=True,
                                      editable=False)  # fmt: skip
    imported = models.JSONField("valeurs importées", default=dict, editable=False)
    imported_at = models.DateTimeField("dernier import", null=True, editable=False)

    class Meta:
        ordering = ["commune__name"]
        verbose_name = "mairie"
        verbose_name_plural = "mairies"

    def __str__(self):
        return self.name or f"Mairie de {self.commune.name}"

    @property
    def corrected(self):
        """The fields staff changed since the import wrote them."""
        imported = self.imported
        return [name for name in IMPORTED_FIELDS
                if name in imported and getattr(self, name) != imported[name]]  # fmt: skip

    def get_imported_at_display(self):
        return (
            date_format(localtime(self.imported_at), "DATETIME_FORMAT") if self.imported_at else ""
        )

    @property
    def phone_uri(self):
        return tel_uri(self.phone)

    @property
    def has_details(self):
        return any(getattr(self, name) for name in IMPORTED_FIELDS if name != "name")
