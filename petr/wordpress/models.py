"""What an import from WordPress wrote, item by item: what makes a second run update rather than
duplicate, leave alone what did not change, and keep what staff edited since."""

from django.db import models


class ImportedItem(models.Model):
    class Kind(models.TextChoices):
        POST = "post", "Article"
        PAGE = "page", "Page"
        IMAGE = "image", "Image"
        DOCUMENT = "document", "Document"

    source = models.CharField("site d'origine", max_length=255)
    wp_id = models.PositiveBigIntegerField("identifiant WordPress")
    kind = models.CharField("nature", max_length=10, choices=Kind.choices)
    old_url = models.CharField("ancienne adresse", max_length=2000)
    # Emptied when staff delete what was imported: the next import does not bring it back.
    page = models.ForeignKey(
        "wagtailcore.Page", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    image = models.ForeignKey(
        "core.CustomImage", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    fingerprint = models.CharField(max_length=64)  # of the WordPress item last imported
    # What the import last wrote: a page's revision, an image's title and alternative text. If
    # staff changed it since, the next import leaves the item alone.
    revision_id = models.PositiveBigIntegerField(null=True, blank=True)
    written = models.JSONField(default=dict, blank=True)
    imported_at = models.DateTimeField("importé le", auto_now=True)

    class Meta:
        verbose_name = "élément importé de WordPress"
        verbose_name_plural = "éléments importés de WordPress"
        constraints = [
            models.UniqueConstraint(fields=["source", "wp_id"], name="one_import_per_item"),
        ]

    def __str__(self):
        return f"{self.get_kind_display()} {self.wp_id} ({self.source})"
