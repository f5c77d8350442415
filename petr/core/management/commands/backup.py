from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from petr.core.backup import BackupError, write_backup


class Command(BaseCommand):
    help = (
        "Sauvegarde tout le site dans une archive : base de données (JSON portable entre SQLite "
        "et PostgreSQL), fichiers publics et privés, manifeste avec l'empreinte SHA-256 de chacun."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "archive", nargs="?", help="fichier .tar.gz à écrire (par défaut : la date du jour)"
        )
        parser.add_argument("--database", default="default")

    def handle(self, *args, archive=None, database="default", **options):
        path = archive or f"petr-{timezone.localtime():%Y-%m-%d-%H%M}.tar.gz"
        try:
            manifest = write_backup(path, database)
        except (BackupError, OSError) as exc:
            raise CommandError(f"Sauvegarde impossible : {exc}") from exc
        self.stdout.write(f"Sauvegarde écrite : {path} ({len(manifest['files'])} fichiers).")
