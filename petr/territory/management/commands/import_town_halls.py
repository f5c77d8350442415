from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from petr.territory.town_hall_import import ATTRIBUTION, TownHallDataError, import_town_halls


class Command(BaseCommand):
    help = (
        "Importe la mairie de chaque commune du périmètre (adresse, téléphone, courriel, site, "
        "horaires, maire) depuis un fichier de l'Annuaire de l'administration (JSON, tel que "
        "publié sur data.gouv.fr). Tout ou rien ; les corrections de l'équipe sont conservées."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", help="Le fichier JSON de l'Annuaire de l'administration.")
        parser.add_argument(
            "--dry-run", action="store_true", help="Affiche les changements sans rien écrire."
        )

    def handle(self, *args, **options):
        path = Path(options["file"])
        try:
            report = import_town_halls(path.read_bytes(), dry_run=options["dry_run"])
        except OSError as exc:
            raise CommandError(f"Fichier illisible : {path} ({exc.strerror}).") from exc
        except TownHallDataError as exc:
            raise CommandError(str(exc)) from exc
        for line in report.lines():
            self.stdout.write(line)
        self.stdout.write(f"Source : {ATTRIBUTION}.")
        if options["dry_run"]:
            self.stdout.write(self.style.WARNING("Simulation : rien n'a été écrit."))
