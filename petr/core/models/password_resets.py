"""Password-reset requests of the last hour, for their limit (core/password_reset.py): kept in the
database, so the limit holds with Redis away and across workers. Only fingerprints are kept."""

from django.db import models


class PasswordResetRequest(models.Model):
    address_hash = models.CharField(max_length=64, db_index=True)
    client_hash = models.CharField(max_length=64, db_index=True)
    created_at = models.DateTimeField(auto_now_add=True, db_index=True)

    class Meta:
        verbose_name = "demande de réinitialisation de mot de passe"

    def __str__(self):
        return f"Demande du {self.created_at:%d/%m/%Y %H:%M}"
