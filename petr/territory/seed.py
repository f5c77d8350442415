"""Starter content for the territory: the perimeter (territory.yaml: each member's SIREN and the
INSEE code of its seat), the shipped snapshot when no territory is loaded, « Le PETR » and « Le
territoire » pages."""

from django.core.management import call_command

from petr.core.starter import pack, seed_once, seed_page

from .models import Commune, Epci, PetrPage, TerritoryPage, TerritorySettings


def seed_territory(stdout):
    """Perimeter setting, then the shipped snapshot if no territory is loaded, then the seats."""
    members = {str(siren): str(seat) for siren, seat in pack().get("territory.members").items()}

    def perimeter():
        settings = TerritorySettings.load()
        settings.member_sirens = "\n".join(members)
        settings.save()

    seed_once("settings.territory", perimeter)
    if not members:
        if TerritorySettings.load().sirens:
            return  # set by `new_site` or by staff
        stdout.write(
            "Périmètre inconnu : indiquez les SIREN des communautés de communes membres dans "
            "Paramètres › Territoire du PETR, puis lancez « manage.py import_territory »."
        )
        return
    call_command("import_territory", source="snapshot", if_empty=True, stdout=stdout)

    def seats():
        for siren, code in members.items():
            Epci.objects.filter(siren=siren, seat=None).update(
                seat=Commune.objects.filter(code_insee=code).first()
            )

    seed_once("territory.seats", seats)


def seed_petr_page(home):
    return seed_page("page.le-petr", home, PetrPage(**pack().get("pages.petr")))


def seed_territory_page(home):
    return seed_page("page.territoire", home, TerritoryPage(**pack().get("pages.territory")))
