import sys
from pathlib import Path

from django.core.management.base import BaseCommand

from petr.newsletter.bounces import record


class Command(BaseCommand):
    help = (
        "Enregistre les retours de courriels non distribués (avis de non-remise) : l'adresse est "
        "marquée refusée et ne reçoit plus rien. Lit les fichiers donnés (un message chacun), ou "
        "un message sur l'entrée standard (alias du serveur de courriel vers cette commande)."
    )

    def add_arguments(self, parser):
        parser.add_argument("files", nargs="*", help="Fichiers contenant chacun un message.")

    def handle(self, *args, files, **options):
        messages = [Path(name).read_bytes() for name in files] or [sys.stdin.buffer.read()]
        marked = [address for raw in messages for address in record(raw)]
        read = "1 message lu" if len(messages) == 1 else f"{len(messages)} messages lus"
        self.stdout.write(
            f"{read} ; adresses désormais refusées : {', '.join(marked) or 'aucune'}."
        )
