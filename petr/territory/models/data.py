"""The PETR's perimeter as official data: member communautés de communes, their communes, and
the log of the imports that wrote them."""

from django.db import models


class Epci(models.Model):
    """A member communauté de communes (EPCI à fiscalité propre)."""

    siren = models.CharField("SIREN", max_length=9, unique=True)
    name = models.CharField("nom", max_length=200)
    slug = models.SlugField(max_length=200, unique=True)
    kind = models.CharField("nature juridique", max_length=10, blank=True)
    website = models.URLField("site internet", blank=True)

    class Meta:
        ordering = ["name"]
        verbose_name = "communauté de communes"
        verbose_name_plural = "communautés de communes"

    def __str__(self):
        return self.name


class Commune(models.Model):
    code_insee = models.CharField("code INSEE", max_length=5, unique=True)
    siren = models.CharField("SIREN", max_length=9, blank=True)
    name = models.CharField("nom", max_length=200)
    slug = models.SlugField(max_length=200, unique=True)
    epci = models.ForeignKey(
        Epci, on_delete=models.PROTECT, related_name="communes", verbose_name="communauté"
    )
    postal_codes = models.CharField("codes postaux", max_length=100, blank=True)
    population = models.PositiveIntegerField("population municipale")
    surface_ha = models.DecimalField("superficie (ha)", max_digits=10, decimal_places=2)
    latitude = models.FloatField("latitude du centre", null=True, blank=True)
    longitude = models.FloatField("longitude du centre", null=True, blank=True)

    class Meta:
        ordering = ["name"]
        verbose_name = "commune"
        verbose_name_plural = "communes"

    def __str__(self):
        return self.name


class DataImport(models.Model):
    """One run of a territory import: where the data came from, which vintage, and the outcome."""

    class Source(models.TextChoices):
        SNAPSHOT = "snapshot", "Instantané livré avec le site"
        API = "api", "API Découpage administratif (geo.api.gouv.fr)"

    source = models.CharField("source", max_length=20, choices=Source.choices)
    attribution = models.TextField("attribution")
    data_version = models.CharField("version des données", max_length=100, blank=True)
    population_vintage = models.PositiveSmallIntegerField("millésime de population")
    started_at = models.DateTimeField("début", auto_now_add=True)
    succeeded = models.BooleanField("réussi", default=False)
    summary = models.TextField("résumé", blank=True)

    class Meta:
        ordering = ["-started_at", "-pk"]
        get_latest_by = "started_at"
        verbose_name = "import du territoire"
        verbose_name_plural = "imports du territoire"

    def __str__(self):
        return f"{self.get_source_display()} — {self.started_at:%d/%m/%Y %H:%M}"
