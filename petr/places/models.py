"""Points of a mission on the map: carpool areas, organised hitch-hiking stops, health centres,
charging points… Carpool places carry what the national carpool-places base (BNLC) asks, so they
can be exported back to it in its own format."""

from pathlib import Path

from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from wagtail.models import RevisionMixin
from wagtail.search import index

from petr.territory.models import in_served_perimeter
from petr.web.invalidation import OPEN_DATA

from .schema import TableSchema

CARPOOL_SCHEMA_PATH = Path(__file__).parent / "data" / "lieux-covoiturage.schema.json"
CARPOOL_SCHEMA = TableSchema(CARPOOL_SCHEMA_PATH)
HITCHHIKING_TYPE = "Auto-stop"
DEFAULT_CARPOOL_TYPE = "Aire de covoiturage"


class Category(models.TextChoices):
    CARPOOL = "covoiturage", "Lieu de covoiturage"
    HITCHHIKING = "auto-stop", "Point d'arrêt d'auto-stop organisé"
    HEALTH = "sante", "Santé (maison, centre ou cabinet)"
    CHARGING = "recharge", "Borne de recharge"
    OTHER = "autre", "Autre lieu"


CARPOOL_CATEGORIES = (Category.CARPOOL, Category.HITCHHIKING)
# Headings of the lists, one per category.
CATEGORY_HEADINGS = {
    Category.CARPOOL: "Lieux de covoiturage",
    Category.HITCHHIKING: "Points d'arrêt d'auto-stop organisé",
    Category.HEALTH: "Santé",
    Category.CHARGING: "Bornes de recharge",
    Category.OTHER: "Autres lieux",
}


class PlaceQuerySet(models.QuerySet):
    def for_map(self):
        return self.select_related("commune").order_by("category", "name", "pk")


class Place(RevisionMixin, index.Indexed, models.Model):
    # On its mission's page, its commune's page and in the open data (web/invalidation.py); the
    # projects' map, a later app's, says so itself.
    shown_on_pages_of = ("mission",)
    shown_under = ("territory.TerritoryPage", OPEN_DATA)
    page_parts = {"mission": 3, "commune": 2}  # a map and list on each (core/parts.py)

    mission = models.ForeignKey(
        "missions.MissionPage",
        verbose_name="mission",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="places",
    )
    category = models.CharField("catégorie", max_length=20, choices=Category.choices)
    carpool_type = models.CharField(
        "type de lieu de covoiturage",
        max_length=40,
        blank=True,
        choices=[(value, value) for value in CARPOOL_SCHEMA.field("type").constraints["enum"]],
        help_text="Pour un lieu de covoiturage seulement (nomenclature de la base nationale).",
    )
    name = models.CharField("nom", max_length=200)
    address = models.CharField(
        "adresse", max_length=255, blank=True, help_text="Par exemple « 3, rue de la Gare »."
    )
    locality = models.CharField("lieu-dit", max_length=200, blank=True)
    commune = models.ForeignKey(
        "territory.Commune",
        verbose_name="commune",
        on_delete=models.PROTECT,
        limit_choices_to=in_served_perimeter,
        related_name="places",
    )
    longitude = models.DecimalField("longitude", max_digits=9, decimal_places=6)
    latitude = models.DecimalField("latitude", max_digits=8, decimal_places=6)
    opening_hours = models.CharField(
        "jours et horaires",
        max_length=255,
        blank=True,
        help_text="Au format OpenStreetMap, par exemple « Mo-Fr 08:00-18:00 », ou en clair.",
    )
    is_open = models.BooleanField("en service", default=True)
    spaces = models.PositiveIntegerField("nombre de places", null=True, blank=True)
    accessible_spaces = models.PositiveIntegerField("dont places PMR", null=True, blank=True)
    max_stay_minutes = models.PositiveIntegerField(
        "durée maximale de stationnement (minutes)", null=True, blank=True
    )
    lighting = models.BooleanField("éclairé la nuit", null=True, blank=True)
    owner = models.CharField("aménageur", max_length=200, blank=True)
    comment = models.TextField("commodités et précisions", blank=True)
    local_id = models.CharField(
        "identifiant local",
        max_length=50,
        unique=True,
        null=True,
        blank=True,
        help_text="L'identifiant du lieu dans la base nationale des lieux de covoiturage. Donné "
        "automatiquement s'il est laissé vide.",
    )
    source_siren = models.CharField("SIREN du producteur de la donnée", max_length=9, blank=True)
    updated_on = models.DateField("mis à jour le", default=timezone.localdate)

    objects = PlaceQuerySet.as_manager()

    search_fields = [
        index.SearchField("name"),
        index.SearchField("address"),
        index.AutocompleteField("name"),
        index.FilterField("category"),
        index.FilterField("mission"),
        index.FilterField("commune"),
    ]

    class Meta:
        ordering = ["name", "pk"]
        verbose_name = "lieu"
        verbose_name_plural = "lieux"

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        super().save(*args, **kwargs)
        if self.category in CARPOOL_CATEGORIES and not self.local_id:
            # The national base needs a stable identifier; the pk is one.
            self.local_id = f"L{self.pk:05d}"
            type(self).objects.filter(pk=self.pk).update(local_id=self.local_id)

    def clean(self):
        """A carpool place always has its national type; « Auto-stop » is its own category."""
        if self.category == Category.HITCHHIKING:
            self.carpool_type = HITCHHIKING_TYPE
        elif self.category == Category.CARPOOL:
            if self.carpool_type == HITCHHIKING_TYPE:
                raise ValidationError(
                    {"carpool_type": "Un point d'auto-stop a sa propre catégorie : choisissez-la."}
                )
            self.carpool_type = self.carpool_type or DEFAULT_CARPOOL_TYPE
        else:
            self.carpool_type = ""
        if (
            self.spaces is not None
            and self.accessible_spaces is not None
            and self.accessible_spaces > self.spaces
        ):
            raise ValidationError(
                {"accessible_spaces": "Plus de places PMR que de places en tout."}
            )

    @property
    def symbol(self):
        """The map marker: one shape per category (territory/includes/map_symbols.html)."""
        return self.category

    @property
    def category_heading(self):
        return CATEGORY_HEADINGS[self.category]

    @property
    def symbol_label(self):
        return self.get_category_display()

    @classmethod
    def page_part(cls, slot, subject):
        places = list(cls.objects.filter(**{slot: subject}).for_map())
        if not places:
            return None
        return {
            "template": f"places/includes/{slot}_places.html",
            "places": places,
            "points": places,
        }
