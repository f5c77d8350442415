import datetime

from django.utils import timezone

from petr.declarations.forms import DeclarationForm
from petr.declarations.models import DeclarationPage
from petr.missions.models import MissionPage
from petr.territory.models import Commune

VALID_SIRET = "21550463600006"  # its Luhn sum is a multiple of 10
LA_POSTE_SIRET = "35600000000042"  # La Poste: not Luhn, digits adding up to a multiple of 5


def declaration_page():
    page = DeclarationPage.objects.first()
    if page is None:
        page = DeclarationPage(title="Déclarer un projet LEADER", slug="declarer-un-projet")
        MissionPage.objects.get(slug="leader").add_child(instance=page)
        page.save_revision().publish()
    return page


def token(seconds_ago=30):
    return DeclarationForm.signer().sign(str(timezone.now().timestamp() - seconds_ago))


def fields(**changes):
    commune = Commune.objects.get(slug="saint-mihiel")
    return {
        "structure_name": "Association Les Vergers de Meuse",
        "structure_kind": "association",
        "siret": VALID_SIRET,
        "address": "1 rue de la Gare\n55300 Saint-Mihiel",
        "contact_name": "Jeanne Martin",
        "contact_role": "Présidente",
        "email": "jeanne@example.fr",
        "phone": "03 29 00 00 00",
        "title": "Atelier de jus de pommes itinérant",
        "summary": "Un pressoir mobile pour les vergers du territoire, avec les écoles.",
        "communes": [str(commune.pk)],
        "action": "",
        "total_cost": "45 000",
        "leader_aid": "18 000,50",
        "other_funders": "Région Grand Est",
        "start_date": (timezone.localdate() + datetime.timedelta(days=60)).isoformat(),
        "website": "",
        "token": token(),
    } | changes


def post(client, **changes):
    return client.post(declaration_page().url, fields(**changes))
