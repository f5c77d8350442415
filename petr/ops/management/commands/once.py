import socket
from datetime import timedelta

from django.core.management import call_command, get_commands
from django.core.management.base import BaseCommand, CommandError
from django.db import IntegrityError, transaction
from django.utils import timezone

from petr.ops.models import ScheduledRun

KEPT = timedelta(days=40)  # the longest window (a month) and some


class Command(BaseCommand):
    help = (
        "Lance une commande une seule fois par période, même quand les minuteurs de plusieurs "
        "serveurs la lancent : le premier l'inscrit dans la base partagée, les autres n'ont "
        "rien à faire. Exemple : once --window 86400 backup --dir /srv/petr/backups"
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--window", type=int, required=True,
            help="La période, en secondes, calée sur l'heure locale : 300, 86400…",
        )  # fmt: skip
        parser.add_argument("name", help="La commande à lancer.")
        parser.add_argument("arguments", nargs="*", help="Ses arguments (après --).")

    def handle(self, *args, window, name, arguments, **options):
        if window <= 0:
            raise CommandError("La période (--window) doit être d'au moins une seconde.")
        if name not in get_commands():
            raise CommandError(f"Commande inconnue : « {name} ». Rien n'a été lancé.")
        now = timezone.localtime()
        slot = int(now.timestamp() + now.utcoffset().total_seconds()) // window
        try:
            with transaction.atomic():
                run = ScheduledRun.objects.create(
                    command=name, slot=slot, host=socket.gethostname()
                )
        except IntegrityError:
            other = ScheduledRun.objects.filter(command=name, slot=slot).first()
            host = other.host if other else "un autre serveur"
            self.stdout.write(f"« {name} » a déjà été lancé pour cette période ({host}) : "
                              "rien à faire.")  # fmt: skip
            return
        ScheduledRun.objects.filter(started_at__lt=now - KEPT).delete()
        try:
            call_command(name, *arguments, stdout=self.stdout, stderr=self.stderr)
        except BaseException:
            run.delete()  # failed: it may be run again in the same period
            raise
