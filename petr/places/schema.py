"""A Frictionless Table Schema read from its file and applied to CSV rows, with French messages.

Only what the national schemas the portal uses need: types string, date, boolean, number and
integer; constraints required, pattern, enum, minimum and maximum; `missingValues`. The rules
come from the schema file, so a new version of the schema needs no code change."""

import datetime
import json
import re
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from functools import cached_property
from pathlib import Path

TYPE_NAMES = {
    "date": "une date au format AAAA-MM-JJ",
    "boolean": "« true » ou « false »",
    "number": "un nombre (point décimal)",
    "integer": "un nombre entier",
}


class CellError(ValueError):
    pass


@dataclass(frozen=True)
class Field:
    name: str
    type: str
    required: bool
    constraints: dict
    options: dict = field(default_factory=dict)

    @cached_property
    def pattern(self):
        pattern = self.constraints.get("pattern")
        return re.compile(pattern) if pattern else None

    def read(self, text):
        """The cell's value, or CellError with a French message."""
        value = self._typed(text)
        enum = self.constraints.get("enum")
        if enum and value not in enum:
            raise CellError(f"« {text} » n'est pas une valeur admise ({' ; '.join(enum)}).")
        if self.pattern and not self.pattern.fullmatch(text):
            raise CellError(f"« {text} » n'a pas la forme attendue.")
        for bound, fails, word in (("minimum", lambda b: value < b, "inférieur"),
                                   ("maximum", lambda b: value > b, "supérieur")):  # fmt: skip
            if bound in self.constraints and fails(self.constraints[bound]):
                raise CellError(f"{text} est {word} à {self.constraints[bound]}.")
        return value

    def _typed(self, text):
        try:
            if self.type == "date":
                pattern = self.options.get("format", "%Y-%m-%d")
                return datetime.datetime.strptime(text, pattern).date()
            if self.type == "boolean":
                true = self.options.get("trueValues", ["true", "True", "TRUE", "1"])
                false = self.options.get("falseValues", ["false", "False", "FALSE", "0"])
                if text in true or text in false:
                    return text in true
                raise ValueError
            if self.type == "number":
                value = Decimal(text)
                if not value.is_finite():
                    raise ValueError
                return value
            if self.type == "integer":
                if not re.fullmatch(r"[+-]?\d+", text):
                    raise ValueError
                return int(text)
        except (ValueError, InvalidOperation):
            raise CellError(f"« {text} » n'est pas {TYPE_NAMES[self.type]}.") from None
        return text


class TableSchema:
    def __init__(self, path: Path):
        document = json.loads(path.read_text(encoding="utf-8"))
        self.title = document.get("title", "")
        self.version = document.get("version", "")
        self.missing_values = set(document.get("missingValues", [""]))
        self.fields = [
            Field(
                name=f["name"],
                type=f.get("type", "string"),
                required=f.get("constraints", {}).get("required", False),
                constraints=f.get("constraints", {}),
                options={k: f[k] for k in ("format", "trueValues", "falseValues") if k in f},
            )
            for f in document["fields"]
        ]
        self.names = [f.name for f in self.fields]

    def field(self, name):
        return next(f for f in self.fields if f.name == name)

    def header_errors(self, header):
        """What is wrong with a file's first line, in French (empty when it fits)."""
        errors = []
        missing = [f.name for f in self.fields if f.required and f.name not in header]
        if missing:
            errors.append("Colonnes obligatoires absentes : " + ", ".join(missing) + ".")
        unknown = [name for name in header if name not in self.names]
        if unknown:
            errors.append(
                "Colonnes inconnues du schéma : " + ", ".join(unknown) + ". Colonnes attendues : "
                + ", ".join(self.names) + "."
            )  # fmt: skip
        if len(set(header)) != len(header):
            errors.append("Une colonne apparaît deux fois.")
        return errors

    def read_row(self, row: dict):
        """(values by field name, {field name: French message}); absent columns read as empty."""
        values, errors = {}, {}
        for f in self.fields:
            text = (row.get(f.name) or "").strip()
            if text in self.missing_values:
                values[f.name] = None
                if f.required:
                    errors[f.name] = "valeur obligatoire manquante."
                continue
            try:
                values[f.name] = f.read(text)
            except CellError as error:
                values[f.name] = None
                errors[f.name] = str(error)
        return values, errors
