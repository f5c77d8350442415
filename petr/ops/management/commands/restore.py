from datetime import datetime

from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError

from petr.ops.backup import BackupError, restore


class Command(BaseCommand):
    help = (
        "Reconstruit le site à partir d'une archive de « backup » : vérifie chaque empreinte, "
        "et la signature, puis recrée la base (SQLite ou PostgreSQL) et les fichiers, et collecte "
        "les fichiers statiques. Refuse une archive altérée "
        "ou incomplète, et une instance qui n'est pas vide sans --replace."
    )

    def add_arguments(self, parser):
        parser.add_argument("archive")
        parser.add_argument("--database", default="default")
        parser.add_argument(
            "--replace", action="store_true", help="écrase le site et les fichiers présents"
        )

    def handle(self, *args, archive, database, replace, **options):
        try:
            manifest = restore(archive, database, replace)
        except BackupError as exc:
            raise CommandError(f"Restauration refusée, rien n'a été modifié. {exc}") from exc
        # The static files come with the code, not the archive: collected again, or every page
        # would fail on a new server.
        call_command("collectstatic", interactive=False, verbosity=0)
        made = datetime.fromisoformat(manifest["created_at"])
        self.stdout.write(
            f"Site restauré depuis la sauvegarde du {made:%d/%m/%Y à %H:%M} "
            f"(version {manifest['portal_version']}, base {manifest['database_vendor']}) ; "
            "fichiers statiques collectés : le site peut servir."
        )
