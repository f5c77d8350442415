from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from petr.ops.backup import ARCHIVE_NAME, BackupError, prune, write_backup


class Command(BaseCommand):
    help = (
        "Sauvegarde tout le site dans une archive : base de données (JSON portable entre SQLite "
        "et PostgreSQL), fichiers publics et privés, manifeste avec l'empreinte SHA-256 de chacun."
    )

    def add_arguments(self, parser):
        parser.add_argument("archive", nargs="?", help="fichier .tar.gz à écrire")
        parser.add_argument(
            "--dir", help="dossier où écrire une archive datée (au lieu d'un fichier nommé)"
        )
        parser.add_argument("--keep-daily", type=int, help="avec --dir : jours conservés")
        parser.add_argument("--keep-weekly", type=int, help="avec --dir : semaines conservées")
        parser.add_argument("--database", default="default")

    def handle(self, *args, archive=None, dir=None, database="default", **options):
        if bool(archive) == bool(dir):
            raise CommandError("Indiquez soit un fichier d'archive, soit --dir.")
        path = Path(archive) if archive else Path(dir) / timezone.localtime().strftime(ARCHIVE_NAME)
        try:
            path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
            manifest = write_backup(path, database)
        except (BackupError, OSError) as exc:
            raise CommandError(f"Sauvegarde impossible : {exc}") from exc
        self.stdout.write(f"Sauvegarde écrite : {path} ({len(manifest['files'])} fichiers).")
        if dir and (options["keep_daily"] or options["keep_weekly"]):
            removed = prune(dir, options["keep_daily"] or 0, options["keep_weekly"] or 0)
            self.stdout.write(f"{len(removed)} ancienne(s) sauvegarde(s) supprimée(s).")
