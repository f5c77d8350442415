from django.db import models

from petr.core.models.of_a_site import OfASite, OfServedSite


class SeedMark(OfASite):
    """Records that a piece of a site's starter content was created once, so seeding never redoes
    it, even after an editor changed or deleted it."""

    key = models.CharField(max_length=100)
    object_id = models.PositiveIntegerField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    everywhere = models.Manager()
    objects = OfServedSite()  # the marks of the site being seeded

    class Meta:
        default_manager_name = "everywhere"
        constraints = [
            models.UniqueConstraint(fields=["site", "key"], name="one_mark_per_site_and_key")
        ]
        verbose_name = "contenu initial créé"
        verbose_name_plural = "contenus initiaux créés"

    def __str__(self):
        return self.key
