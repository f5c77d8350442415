from django.db import models


class SeedMark(models.Model):
    """Records that a piece of starter content was created once, so seeding never redoes it,
    even after an editor changed or deleted it."""

    key = models.CharField(max_length=100, unique=True)
    object_id = models.PositiveIntegerField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = "contenu initial créé"
        verbose_name_plural = "contenus initiaux créés"

    def __str__(self):
        return self.key
