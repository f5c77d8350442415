"""The PETR's perimeter as official data: member communautés de communes, their communes, and
the log of the imports that wrote them."""

from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models.functions import Collate
from django.utils.formats import date_format
from django.utils.functional import cached_property
from django.utils.html import format_html_join
from django.utils.safestring import mark_safe
from django.utils.timezone import localtime

from petr.core.french.sorting import COLLATION
from petr.core.models import SiteIdentity
from petr.core.models.of_a_site import OfASite, OfServedSite
from petr.territory import geometry
from petr.territory.changes import Changes
from petr.web.invalidation import OPEN_DATA, SITEMAP
from petr.web.shared_lookups import current_site_id


class FrenchOrderManager(models.Manager):
    """Listed in French order (Èvres with the E's) by the database. Meta.ordering stays a plain
    field name, which modelcluster sorts in memory."""

    def get_queryset(self):
        return super().get_queryset().order_by(Collate("name", COLLATION))


class SiteEpciManager(OfServedSite, FrenchOrderManager):
    """The communautés of the perimeter of the site being served, in French order."""


class PerimeterManager(FrenchOrderManager):
    """The communes of the perimeter of the site being served, in French order."""

    def get_queryset(self):
        return super().get_queryset().filter(in_perimeter=True, epci__site_id=current_site_id())


def in_served_perimeter():
    """For the fields that choose communes (`limit_choices_to`): those of the current perimeter
    of the site being served, asked when the form is made."""
    return {"in_perimeter": True, "epci__site_id": current_site_id()}


class Epci(OfASite):
    """A member communauté de communes (EPCI à fiscalité propre), of one site's perimeter."""

    siren = models.CharField("SIREN", max_length=9, unique=True)
    name = models.CharField("nom", max_length=200)
    slug = models.SlugField(max_length=200, unique=True)
    kind = models.CharField("nature juridique", max_length=10, blank=True)
    website = models.URLField("site internet", blank=True)
    seat = models.ForeignKey(
        "Commune",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name="siège",
    )
    outline = models.JSONField("contour (GeoJSON, WGS84)", null=True, blank=True, editable=False)
    map_path = models.TextField("tracé sur la carte (SVG)", blank=True, editable=False)

    objects = SiteEpciManager()
    everywhere = FrenchOrderManager()  # every site's: backups, relations

    class Meta:
        ordering = ["name"]
        default_manager_name = "everywhere"
        verbose_name = "communauté de communes"
        verbose_name_plural = "communautés de communes"

    def __str__(self):
        return self.name

    def clean(self):
        if self.seat_id and self.seat.epci_id != self.pk:
            raise ValidationError({"seat": "Le siège doit être une commune de la communauté."})


class Commune(models.Model):
    code_insee = models.CharField("code INSEE", max_length=5, unique=True)
    siren = models.CharField("SIREN", max_length=9, blank=True)
    name = models.CharField("nom", max_length=200)
    slug = models.SlugField(max_length=200, unique=True)
    epci = models.ForeignKey(
        Epci, on_delete=models.PROTECT, related_name="communes", verbose_name="communauté",
        null=True, blank=True,  # a commune that left the perimeter
    )  # fmt: skip
    postal_codes = models.CharField("codes postaux", max_length=100, blank=True)
    population = models.PositiveIntegerField("population municipale")
    surface_ha = models.DecimalField("superficie (ha)", max_digits=10, decimal_places=2)
    latitude = models.FloatField("latitude du centre", null=True, blank=True)
    longitude = models.FloatField("longitude du centre", null=True, blank=True)
    outline = models.JSONField("contour (GeoJSON, WGS84)", null=True, blank=True, editable=False)
    map_path = models.TextField("tracé sur la carte (SVG)", blank=True, editable=False)
    in_perimeter = models.BooleanField("dans le périmètre", default=True, editable=False)

    # A commune that leaves the perimeter is kept, outside it, with the projects, places and
    # news that name it; `objects` is the perimeter, and what links to a commune (`everywhere`,
    # the default manager of related fields) still finds it.
    objects = PerimeterManager()
    everywhere = FrenchOrderManager()

    class Meta:
        ordering = ["name"]
        default_manager_name = "everywhere"
        verbose_name = "commune"
        verbose_name_plural = "communes"

    def __str__(self):
        return self.name

    @property
    def area_km2(self):
        return self.surface_ha / 100

    def contains(self, longitude, latitude):
        """Whether a point lies in the commune, give or take BORDER_M (generalised outlines)."""
        if not self.outline:
            return True  # nothing to check against
        area = geometry.prepared(self.outline)
        return geometry.near(area, float(longitude), float(latitude), BORDER_M)

    @classmethod
    def at(cls, longitude, latitude):
        """The commune of the perimeter the point lies in, if any (admin checks only: each
        outline is prepared on the spot)."""
        for commune in cls.objects.exclude(outline=None).iterator():
            if geometry.near(geometry.prepared(commune.outline), longitude, latitude, 0):
                return commune
        return None

    @property
    def density(self):
        """Inhabitants per km², as INSEE states it."""
        return self.population / self.area_km2


TOLERANCE_M = 300
BORDER_M = 100  # between two communes: tighter than around the whole perimeter


@dataclass
class Office:
    """The PETR's office as a point on the map (« Identité et coordonnées »)."""

    name: str
    longitude: float
    latitude: float
    symbol: str = "autre"
    symbol_label: str = "Accueil"


class TerritoryMap(OfASite):
    """The projected frame of the SVG map, rebuilt by an import only when the perimeter or the
    outlines change (the fingerprint says what it was drawn from)."""

    page_parts = {"contact": 1}  # the office on the contact page's map (core/parts.py)

    width = models.PositiveIntegerField()
    height = models.PositiveIntegerField()
    petr_path = models.TextField(blank=True)
    outline = models.JSONField(null=True, blank=True)  # the whole perimeter, GeoJSON WGS84
    frame = models.JSONField(null=True, blank=True)  # geometry.Frame of the drawing
    fingerprint = models.CharField(max_length=64)
    built_at = models.DateTimeField(auto_now=True)

    everywhere = models.Manager()
    objects = OfServedSite()

    class Meta:
        default_manager_name = "everywhere"
        verbose_name = "carte du territoire"

    def __str__(self):
        return f"Carte du territoire ({self.built_at:%d/%m/%Y})"

    @classmethod
    def page_part(cls, slot, page):
        identity = SiteIdentity.for_site(page.get_site())
        territory_map = cls.objects.first()
        if identity.office_latitude is None or not territory_map:
            return None
        office = Office(identity.name, identity.office_longitude, identity.office_latitude)
        x, y = territory_map.to_svg(office.longitude, office.latitude) or (-1, -1)
        if not (0 <= x <= territory_map.width and 0 <= y <= territory_map.height):
            return None  # off the drawing
        return {"template": "territory/includes/office_map.html", "points": [office]}

    def to_svg(self, longitude, latitude):
        """Where a point falls on the drawing, or None if the map predates the frame."""
        if not self.frame or longitude is None or latitude is None:
            return None
        return geometry.Frame(**self.frame).project(float(longitude), float(latitude))

    def contains(self, longitude, latitude):
        """Whether a point lies in the perimeter, give or take TOLERANCE_M: the outlines are
        generalised, so a car park on the very border may fall a few metres outside them."""
        if not self.outline:
            return False
        return geometry.near(self._area, float(longitude), float(latitude), TOLERANCE_M)

    @cached_property
    def _area(self):
        return geometry.prepared(self.outline)


class DataImport(OfASite):
    """One run of a territory import: where the data came from, which vintage, and the outcome."""

    # The figures (home, « Le PETR »), the communes' pages and the open data (web/invalidation.py).
    shown_on = ("/", SITEMAP, "territory.PetrPage")
    shown_under = ("territory.TerritoryPage", OPEN_DATA)

    class Source(models.TextChoices):
        SNAPSHOT = "snapshot", "Instantané livré avec le site"
        API = "api", "API Découpage administratif (geo.api.gouv.fr)"

    source = models.CharField("source", max_length=20, choices=Source.choices)
    attribution = models.TextField("attribution")
    data_version = models.CharField("version des données", max_length=100, blank=True)
    population_vintage = models.PositiveSmallIntegerField(
        "millésime de population", null=True, blank=True
    )
    started_at = models.DateTimeField("début", auto_now_add=True)
    succeeded = models.BooleanField("réussi", default=False)
    summary = models.TextField("résumé", blank=True)
    changes = models.JSONField("changements", default=dict, blank=True)

    everywhere = models.Manager()
    objects = OfServedSite()

    class Meta:
        default_manager_name = "everywhere"
        ordering = ["-started_at", "-pk"]
        get_latest_by = "started_at"
        verbose_name = "import du territoire"
        verbose_name_plural = "imports du territoire"

    def __str__(self):
        return f"{self.get_source_display()} — {localtime(self.started_at):%d/%m/%Y %H:%M}"

    def is_shown(self):
        return self.succeeded

    # get_<field>_display: how the admin's inspect view shows these fields.
    def get_started_at_display(self):
        return date_format(localtime(self.started_at), "DATETIME_FORMAT")

    def get_succeeded_display(self):
        return "Oui" if self.succeeded else "Non : rien n'a été modifié"

    def get_changes_display(self):
        details = list(Changes(**self.changes).lines())[1:] if self.changes else []
        if not details:
            return "Aucune commune ni population modifiée."
        return format_html_join(mark_safe("<br>"), "{}", ((line,) for line in details))
