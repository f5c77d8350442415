from django.contrib.auth.models import AbstractUser


class User(AbstractUser):
    """The project's own user model, so fields can be added later without a painful migration."""

    class Meta:
        verbose_name = "utilisateur"
        verbose_name_plural = "utilisateurs"
