"""The déclaration d'intention form, in plain French: checked field by field, with the public
forms' defences (web/antispam.py); a declaration is stored once, numbered, fingerprinted."""

import hashlib
import json
import re

from django import forms
from django.db import IntegrityError, transaction
from django.utils import timezone

from petr.core.admin.amounts import FrenchDecimalField
from petr.core.french.identifiers import siret_error
from petr.library.files import check_file, fingerprint
from petr.territory.widgets import CommuneCheckboxes
from petr.web.antispam import GuardedForm

from .models.records import Declaration, DeclarationAttachment, next_sequence

PER_HOUR = 3  # declarations per e-mail address, and per client, in an hour
ATTACHMENT_FORMATS = {"pdf", "odt", "docx"}
ATTACHMENT_BYTES = 10 * 1024 * 1024
MAX_ATTACHMENTS = 5
MARKUP = re.compile(r"<\s*/?\s*[a-zA-Z!]")
TEXT_FIELDS = ["structure_name", "address", "contact_name", "contact_role", "title", "summary",
               "other_funders"]  # fmt: skip


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    widget = MultipleFileInput

    def clean(self, data, initial=None):
        files = data if isinstance(data, list | tuple) else [data] if data else []
        return [super(MultipleFileField, self).clean(file, initial) for file in files]


class CommuneChoices(CommuneCheckboxes):
    template_name = "declarations/widgets/communes.html"


class DeclarationForm(GuardedForm, forms.ModelForm):
    salt = "petr.declarations"
    # Typed as printed on a Kbis (« 732 829 320 00074 »): the spaces go before the check.
    siret = forms.CharField(
        label="SIRET", required=False, max_length=20,
        help_text="14 chiffres. Obligatoire, sauf pour un particulier.",
    )  # fmt: skip
    attachments = MultipleFileField(
        label="Pièces jointes", required=False,
        help_text=f"PDF, ODT ou DOCX, {ATTACHMENT_BYTES // 1024 // 1024} Mo au plus chacune, "
        f"{MAX_ATTACHMENTS} au plus. Après une erreur, sélectionnez-les de nouveau.",
    )  # fmt: skip
    past_start_confirmed = forms.BooleanField(
        label="Je sais que les dépenses engagées avant l'accusé de réception ne sont pas "
        "éligibles.",
        required=False,
    )

    class Meta:
        model = Declaration
        fields = [
            "structure_name", "structure_kind", "siret", "address", "contact_name",
            "contact_role", "email", "phone", "title", "summary", "communes", "action",
            "total_cost", "leader_aid", "other_funders", "start_date",
        ]  # fmt: skip
        field_classes = {"total_cost": FrenchDecimalField, "leader_aid": FrenchDecimalField}
        widgets = {
            "communes": CommuneChoices,
            "address": forms.Textarea(attrs={"rows": 3}),
            "summary": forms.Textarea(attrs={"rows": 6}),
            "other_funders": forms.Textarea(attrs={"rows": 3}),
            "start_date": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        }
        labels = {
            "structure_name": "Nom de la structure",
            "structure_kind": "Nature de la structure",
            "contact_name": "Nom et prénom",
            "contact_role": "Fonction dans la structure",
            "email": "Adresse électronique",
            "title": "Titre du projet",
            "summary": "Le projet en quelques lignes",
            "communes": "Communes où le projet a lieu",
            "action": "Fiche action du programme",
            "total_cost": "Coût total estimé (€)",
            "leader_aid": "Aide LEADER sollicitée (€)",
            "other_funders": "Autres financeurs sollicités",
            "start_date": "Date de début prévue",
        }
        help_texts = {
            "summary": "Ce que vous voulez faire, pour qui, avec qui. 5 000 caractères au plus.",
            "communes": "Ouvrez la communauté de communes, puis cochez les communes.",
            "action": "Si vous ne savez pas, l'équipe vous aidera à la trouver.",
            "total_cost": "Par exemple 45 000 ou 12 500,50.",
            "start_date": "Au format JJ/MM/AAAA si votre navigateur ne propose pas de calendrier.",
        }

    def __init__(self, *args, actions=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["action"].queryset = actions
        self.fields["action"].empty_label = "Je ne sais pas"
        self.fields["structure_kind"].choices = [("", "Choisissez"),
                                                 *Declaration.Kind.choices]  # fmt: skip
        self.fields["start_date"].input_formats = ["%Y-%m-%d", "%d/%m/%Y"]
        for name, value in (
            ("email", "email"),
            ("phone", "tel"),
            ("contact_name", "name"),
            ("structure_name", "organization"),
            ("address", "street-address"),
        ):
            self.fields[name].widget.attrs["autocomplete"] = value  # fmt: skip
        self.fields["phone"].widget.input_type = "tel"
        self.past_start = False

    def clean(self):
        cleaned = super().clean()
        for name in TEXT_FIELDS:
            if MARKUP.search(cleaned.get(name) or ""):
                self.add_error(name, "Les balises (« < … > ») ne sont pas acceptées : "
                                     "écrivez le texte seul.")  # fmt: skip
        siret = re.sub(r"[\s\u202f]", "", cleaned.get("siret") or "")
        kind = cleaned.get("structure_kind")
        if kind and kind != Declaration.Kind.PERSON:
            error = siret_error(siret) if siret else "Indiquez le SIRET de la structure."
            if error:
                self.add_error("siret", error)
        cleaned["siret"] = siret
        cost, aid = cleaned.get("total_cost"), cleaned.get("leader_aid")
        for name in ("total_cost", "leader_aid"):
            if cleaned.get(name) is not None and cleaned[name] < 0:
                self.add_error(name, "Un montant ne peut pas être négatif.")
        if cost is not None and aid is not None and aid > cost:
            self.add_error("leader_aid", "L'aide sollicitée dépasse le coût total du projet.")
        start = cleaned.get("start_date")
        self.past_start = bool(start and start < timezone.localdate())
        if self.past_start and not cleaned.get("past_start_confirmed"):
            self.add_error("start_date", "Cette date est passée : les dépenses engagées avant "
                           "l'accusé de réception ne sont pas éligibles. Cochez la case ci-dessous "
                           "pour envoyer quand même.")  # fmt: skip
        files = cleaned.get("attachments") or []
        if len(files) > MAX_ATTACHMENTS:
            self.add_error("attachments", f"{MAX_ATTACHMENTS} pièces jointes au plus.")
        for file in files:
            try:
                check_file(file, ATTACHMENT_FORMATS, ATTACHMENT_BYTES)
            except forms.ValidationError as error:
                self.add_error("attachments", f"{file.name} : {error.messages[0]}")
        self.check_single_use(
            Declaration.objects,
            "Ce formulaire a déjà servi à envoyer une déclaration : il est de nouveau prêt, "
            "vérifiez votre saisie et envoyez-la.",
            email__iexact=cleaned.get("email"), title=cleaned.get("title"),
        )  # fmt: skip
        self.check_limits(
            Declaration.objects, cleaned.get("email"), PER_HOUR,
            "Plusieurs déclarations viennent d'être envoyées depuis cette adresse : réessayez "
            "dans une heure, ou écrivez à l'équipe LEADER.",
        )  # fmt: skip
        return cleaned

    def save_declaration(self):
        """Store the declaration in one transaction: its number, its time of receipt (the
        server's, Europe/Paris), what was received and its SHA-256, the files. The same form
        posted twice (a double click) finds the declaration it stored. Returns (declaration,
        whether it is new)."""
        existing = Declaration.objects.filter(token_hash=self.token_hash).first()
        if existing:
            return existing, False
        try:
            with transaction.atomic():
                return self._store(), True
        except IntegrityError:
            twin = Declaration.objects.filter(token_hash=self.token_hash).first()
            if twin is None:
                raise
            return twin, False  # the same form, posted at the same instant

    def _store(self):
        data = self.cleaned_data
        received_at = timezone.localtime()
        sequence = next_sequence(received_at.year)
        declaration = self.save(commit=False)
        declaration.year, declaration.sequence = received_at.year, sequence
        declaration.number = f"DI-{received_at.year}-{sequence:04d}"
        declaration.created_at = received_at
        declaration.client_hash, declaration.token_hash = self.client_hash, self.token_hash
        files = []
        for upload in data.get("attachments") or []:
            sha256, size = fingerprint(upload)
            files.append((upload, sha256, size))
        declaration.received = received_content(declaration, data, files)
        declaration.digest = digest(declaration.received)
        declaration.save()
        self.save_m2m()
        for upload, sha256, size in files:
            DeclarationAttachment.objects.create(
                declaration=declaration, file=upload, name=upload.name, size=size, sha256=sha256
            )
        return declaration


def received_content(declaration, data, files):
    """What the holder sent, as it will be fingerprinted and shown on the receipt."""
    action = data.get("action")
    return {
        "numero": declaration.number,
        "recue_le": declaration.created_at.isoformat(timespec="seconds"),
        "structure": {
            "nom": data["structure_name"],
            "nature": declaration.get_structure_kind_display(),
            "siret": data["siret"],
            "adresse": data["address"],
        },
        "contact": {
            "nom": data["contact_name"],
            "fonction": data["contact_role"],
            "courriel": data["email"],
            "telephone": data["phone"],
        },
        "projet": {
            "titre": data["title"],
            "resume": data["summary"],
            "communes": [f"{c.name} ({c.code_insee})" for c in data["communes"]],
            "fiche_action": f"{action.number} {action.title}".strip() if action else "",
            "cout_total": f"{data['total_cost']:.2f}",
            "aide_leader": f"{data['leader_aid']:.2f}",
            "autres_financeurs": data["other_funders"],
            "debut_prevu": data["start_date"].isoformat(),
        },
        "pieces_jointes": [
            {"nom": f.name, "sha256": sha, "taille": size} for f, sha, size in files
        ],  # fmt: skip
    }


def digest(content):
    """SHA-256 of the received content, serialised canonically (sorted keys, UTF-8)."""
    canonical = json.dumps(content, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return hashlib.sha256(canonical.encode()).hexdigest()
