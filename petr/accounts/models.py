"""Requests that have a limit per hour (password resets, page passwords), counted in the
database, so the limits hold with Redis away and across workers (attempts.py). Only
fingerprints of the address or client are kept, for an hour."""

from django.db import models


class Attempt(models.Model):
    kind = models.CharField(max_length=40)
    key_hash = models.CharField(max_length=64)
    created_at = models.DateTimeField(auto_now_add=True, db_index=True)

    class Meta:
        verbose_name = "tentative limitée"
        indexes = [models.Index(fields=["kind", "key_hash", "created_at"])]

    def __str__(self):
        return f"{self.kind} du {self.created_at:%d/%m/%Y %H:%M}"
