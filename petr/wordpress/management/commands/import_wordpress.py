import sys
from pathlib import Path

import yaml
from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone
from wagtail.models import Site

from petr.missions.models import MissionPage
from petr.wordpress.importer import Importer
from petr.wordpress.sources import Files, RestSource, WordPressError, read_wxr


class Command(BaseCommand):
    help = (
        "Importe un site WordPress : ses articles en actualités, ses pages, ses images et ses "
        "documents, avec une redirection permanente de chaque ancienne adresse. Relancé, il met "
        "à jour ce qu'il a importé sans doublon et garde ce que l'équipe a modifié depuis."
    )

    def add_arguments(self, parser):
        source = parser.add_mutually_exclusive_group(required=True)
        source.add_argument("--wxr", type=Path, help="Le fichier d'export (Outils › Exporter).")
        source.add_argument("--url", help="L'adresse du site, lu par son API REST publique.")
        parser.add_argument(
            "--categories",
            type=Path,
            help="Fichier YAML « catégorie: mission » (slugs) ; sans lui, la commande demande.",
        )
        parser.add_argument(
            "--uploads",
            type=Path,
            help="Copie locale du dossier wp-content/uploads de l'ancien site.",
        )
        parser.add_argument(
            "--csv", type=Path, help="Où écrire la table ancienne → nouvelle adresse."
        )
        parser.add_argument(
            "--dry-run", action="store_true", help="Affiche ce qui changerait sans rien écrire."
        )
        parser.add_argument("--no-input", action="store_true", help="Ne pose aucune question.")

    def handle(self, *args, **options):
        site = Site.objects.filter(is_default_site=True).first()
        if site is None:
            raise CommandError("Aucun site : lancez d'abord `make run` ou `manage.py seed_site`.")
        try:
            export = self.read(options)
        except WordPressError as error:
            raise CommandError(str(error)) from error
        if not export.base_url:
            raise CommandError("L'export ne dit pas l'adresse de l'ancien site (base_site_url).")
        missions = self.missions(export, options)
        uploads = options["uploads"]
        if uploads and not uploads.is_dir():
            raise CommandError(f"Dossier introuvable : {uploads}")
        importer = Importer(
            export,
            site=site,
            files=Files(uploads),
            missions=missions,
            dry_run=options["dry_run"],
            stream=self.stderr._out,
        )
        try:
            report = importer.run()
        except WordPressError as error:
            raise CommandError(str(error)) from error
        for line in report.lines():
            self.stdout.write(line)
        if options["dry_run"]:
            self.stdout.write(self.style.WARNING("Simulation : rien n'a été écrit."))
            return
        stamp = timezone.localtime().strftime("%Y%m%d-%H%M%S")
        path = options["csv"] or settings.VAR_DIR / "imports" / f"wordpress-{stamp}.csv"
        report.write_csv(path)
        self.stdout.write(f"Anciennes et nouvelles adresses : {path}")

    def read(self, options):
        if options["url"]:
            return RestSource(options["url"]).read()
        try:
            data = options["wxr"].read_bytes()
        except OSError as error:
            raise CommandError(
                f"Fichier illisible : {options['wxr']} ({error.strerror})."
            ) from error
        return read_wxr(data)

    def missions(self, export, options):
        """Category slug → mission page, from the file, else asked, else none."""
        pages = {page.slug: page for page in MissionPage.objects.live().order_by("path")}
        used = sorted({c for item in export.items for c in item.categories})
        if options["categories"]:
            try:
                mapping = yaml.safe_load(options["categories"].read_text(encoding="utf-8")) or {}
            except (OSError, UnicodeDecodeError, yaml.YAMLError) as error:
                raise CommandError(f"Fichier des catégories illisible : {error}") from error
            if not isinstance(mapping, dict):
                raise CommandError("Fichier des catégories : « catégorie: mission » attendu.")
            unknown = sorted(str(m) for m in mapping.values() if m and m not in pages)
            if unknown:
                raise CommandError(
                    f"Missions inconnues : {', '.join(unknown)}. "
                    f"Les missions du site : {', '.join(sorted(pages)) or 'aucune'}."
                )
            return {category: pages[m] for category, m in mapping.items() if m}
        if not used or options["no_input"] or not sys.stdin.isatty() or options["dry_run"]:
            if used:
                self.stdout.write(
                    "Catégories sans mission (--categories pour les rattacher) : " + ", ".join(used)
                )
            return {}
        return self.ask(export, used, pages)

    def ask(self, export, used, pages):
        choices = list(pages.values())
        self.stdout.write("Rattachez chaque catégorie à une mission (Entrée : aucune).")
        for number, page in enumerate(choices, 1):
            self.stdout.write(f"  {number}. {page.title}")
        mapping = {}
        for category in used:
            while True:
                answer = input(f"« {export.categories.get(category, category)} » : ").strip()
                if not answer:
                    break
                if answer.isdigit() and 1 <= int(answer) <= len(choices):
                    mapping[category] = choices[int(answer) - 1]
                    break
                self.stdout.write(f"Tapez un numéro de 1 à {len(choices)}, ou Entrée.")
        return mapping
