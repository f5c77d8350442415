import secrets

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError


class Command(BaseCommand):
    help = "Développement : crée un compte d'administration local et affiche ses identifiants."

    def add_arguments(self, parser):
        parser.add_argument("--url", default="http://127.0.0.1:8000/admin/")

    def handle(self, *args, url, **options):
        if not settings.DEBUG:
            raise CommandError("Réservé au développement (DEBUG activé).")
        path = settings.DEV_ADMIN_CREDENTIALS_FILE
        User = get_user_model()
        if not User.objects.filter(username="admin").exists():
            password = secrets.token_urlsafe(12)
            User.objects.create_superuser("admin", "admin@example.invalid", password)
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(f"admin\n{password}\n", encoding="utf-8")
            path.chmod(0o600)
        if path.exists():
            username, password = path.read_text(encoding="utf-8").split()[:2]
            self.stdout.write(
                f"Administration : {url} — identifiant « {username} », "
                f"mot de passe « {password} » (conservé dans {path})."
            )
        else:
            self.stdout.write(
                f"Administration : {url} — compte « admin » existant ; "
                "mot de passe oublié : .venv/bin/python manage.py changepassword admin"
            )
        if not settings.TWO_FACTOR_ENFORCED:
            self.stdout.write(
                "Double authentification non demandée en développement ; "
                "elle l'est en production pour les administrateurs et les rôles qui publient."
            )
