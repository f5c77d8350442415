"""Reads the mairies of the perimeter from the « Annuaire de l'administration » (DILA, Licence
Ouverte 2.0) in its published JSON shape: `{"service": [...]}` as data.gouv.fr distributes it, or
the records' list of its API (api-lannuaire.service-public.gouv.fr), whose nested fields arrive as
JSON text. All or nothing: one faulty mairie of the perimeter and nothing is written."""

import json
from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.core.validators import EmailValidator, URLValidator
from django.db import transaction
from django.utils import timezone

from petr.web.invalidation import gathered

from .models import Commune, TownHall
from .models.town_halls import IMPORTED_FIELDS

ATTRIBUTION = "Annuaire de l'administration (DILA, service-public.gouv.fr), Licence Ouverte 2.0"
SECONDARY = ("délégu", "annexe")  # a commune's other mairies: the main one is shown
DAYS = ["lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche"]


class TownHallDataError(Exception):
    """The file cannot be imported; the message says why, in French."""


@dataclass
class Report:
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    kept: list = field(default_factory=list)  # (commune, field) corrections kept
    without: list = field(default_factory=list)  # communes the file has no mairie for

    def lines(self):
        yield (f"Mairies ajoutées : {self.created} ; mises à jour : {self.updated} ; "
               f"inchangées : {self.unchanged}.")  # fmt: skip
        for commune, name in self.kept:
            yield f"Correction de l'équipe conservée : {commune}, {name}."
        if self.without:
            yield f"Sans mairie dans le fichier : {', '.join(self.without)}."


def _nested(value):
    """The API sends nested lists as JSON text; the downloaded file as lists."""
    if isinstance(value, str):
        try:
            value = json.loads(value) if value.strip() else []
        except ValueError:
            return []
    return value if isinstance(value, list) else [value] if isinstance(value, dict) else []


def _records(raw):
    try:
        data = json.loads(raw)
    except UnicodeDecodeError as exc:
        raise TownHallDataError("Le fichier n'est pas encodé en UTF-8.") from exc
    except ValueError as exc:
        raise TownHallDataError(f"Le fichier n'est pas du JSON valide ({exc}).") from exc
    if isinstance(data, dict):
        data = data.get("service", data.get("results"))
    if not isinstance(data, list) or not all(isinstance(item, dict) for item in data):
        raise TownHallDataError(
            "Le fichier n'a pas la forme de l'Annuaire de l'administration : une liste "
            "« service » de fiches est attendue."
        )
    return data


def _insee_codes(record):
    """The communes a record serves as their mairie (its pivot), else its own commune."""
    codes = []
    for pivot in _nested(record.get("pivot")):
        if isinstance(pivot, dict) and pivot.get("type_service_local") == "mairie":
            found = pivot.get("code_insee_commune") or []
            codes += [found] if isinstance(found, str) else found
    if not codes and str(record.get("nom", "")).lower().startswith("mairie"):
        codes = [record.get("code_insee_commune")]
    return [str(code) for code in codes if code]


def _hour(value):
    hours, minutes = (str(value or "").split(":") + ["0"])[:2]
    if not hours.isdigit():
        return ""
    return f"{int(hours)} h" + (f" {minutes}" if minutes.isdigit() and int(minutes) else "")


def _hours(record):
    lines = []
    for slot in _nested(record.get("plage_ouverture")):
        first, last = (str(slot.get(key, "")).lower() for key in ("nom_jour_debut", "nom_jour_fin"))
        if first not in DAYS:
            continue
        days = first.capitalize() if last in ("", first) else f"Du {first} au {last}"
        times = [f"{_hour(slot.get(f'valeur_heure_debut_{n}'))} – "
                 f"{_hour(slot.get(f'valeur_heure_fin_{n}'))}"
                 for n in (1, 2) if _hour(slot.get(f"valeur_heure_debut_{n}"))]  # fmt: skip
        line = f"{days} : {' et '.join(times)}" if times else days
        comment = str(slot.get("commentaire") or "").strip()
        lines.append(f"{line} ({comment})" if comment else line)
    return "\n".join(lines)


def _address(record):
    addresses = [a for a in _nested(record.get("adresse")) if isinstance(a, dict)]
    main = next((a for a in addresses if a.get("type_adresse") == "Adresse"), None)
    if main is None:
        return ""
    street = [main.get(key) for key in ("complement1", "complement2", "numero_voie",
                                        "service_distribution")]  # fmt: skip
    town = f"{main.get('code_postal') or ''} {main.get('nom_commune') or ''}".strip()
    return "\n".join(str(line).strip() for line in [*street, town] if line and str(line).strip())


def _first(values, key=None):
    for value in _nested(values) if not isinstance(values, str) or values.startswith("[") else \
            values.split(";"):  # fmt: skip
        value = value.get(key) if key and isinstance(value, dict) else value
        if isinstance(value, str) and value.strip():
            return value.strip()
    return ""


def _mayor(record):
    for assignment in _nested(record.get("affectation_personne")):
        if not isinstance(assignment, dict):
            continue
        if str(assignment.get("fonction", "")).strip().lower() == "maire":
            person = assignment.get("personne") or {}
            return " ".join(str(person.get(k) or "").strip() for k in ("prenom", "nom")).strip()
    return ""


def _values(record):
    return {
        "name": str(record.get("nom") or "").strip(),
        "address": _address(record),
        "phone": _first(record.get("telephone"), "valeur"),
        "email": _first(record.get("adresse_courriel")),
        "website": _first(record.get("site_internet"), "valeur"),
        "opening_hours": _hours(record),
        "mayor": _mayor(record),
    }


def _check(values, commune):
    errors = []
    limits = {"name": 200, "phone": 30, "mayor": 200}
    for name, limit in limits.items():
        if len(values[name]) > limit:
            errors.append(f"{commune} : « {name} » dépasse {limit} caractères.")
    for name, validator in (("email", EmailValidator()), ("website", URLValidator())):
        if values[name]:
            try:
                validator(values[name])
            except ValidationError:
                errors.append(f"{commune} : « {values[name]} » n'est pas une adresse valide.")
    return errors


def _chosen(records, communes):
    """{commune: (record, values)}: for each commune of the perimeter, its main mairie."""
    chosen = {}
    for record in records:
        for code in _insee_codes(record):
            commune = communes.get(code)
            if commune is None:
                continue
            secondary = any(word in str(record.get("nom", "")).lower() for word in SECONDARY)
            current = chosen.get(commune)
            if current is None or (current[2] and not secondary):
                chosen[commune] = (record, _values(record), secondary)
    return chosen


def import_town_halls(raw, dry_run=False):
    communes = {c.code_insee: c for c in Commune.objects.all()}
    chosen = _chosen(_records(raw), communes)
    errors = [error for commune, (_, values, _) in chosen.items()
              for error in _check(values, commune)]  # fmt: skip
    if errors:
        raise TownHallDataError("Rien n'a été importé. " + " ".join(errors))
    report = Report(without=[c.name for c in communes.values() if c not in chosen])
    with gathered(), transaction.atomic():  # one purge of the pages, however many mairies
        existing = {t.commune_id: t for t in TownHall.objects.filter(commune__in=chosen)}
        for commune, (record, values, _) in chosen.items():
            _apply(existing.get(commune.pk), commune, record, values, report)
        if dry_run:
            transaction.set_rollback(True)
    return report


def _apply(town_hall, commune, record, values, report):
    if town_hall is None:
        town_hall = TownHall(commune=commune)
        report.created += 1
        changed = True
    else:
        changed = False
    for name in IMPORTED_FIELDS:
        current, last = getattr(town_hall, name), town_hall.imported.get(name, "")
        if town_hall.pk and current != last:
            report.kept.append((commune.name, TownHall._meta.get_field(name).verbose_name))
            continue
        if current != values[name]:
            setattr(town_hall, name, values[name])
            changed = True
    if town_hall.pk:
        report.updated += changed
        report.unchanged += not changed
    town_hall.imported = values
    town_hall.source_id = str(record.get("id") or "")[:100]
    town_hall.source_updated = str(record.get("date_modification") or "")[:40]
    town_hall.imported_at = timezone.now()
    town_hall.save()
