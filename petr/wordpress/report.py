"""What an import did, told to the person who ran it: counts per kind, warnings with the source
address, and the CSV of old → new addresses."""

import csv
import sys
from collections import Counter
from dataclasses import dataclass, field


def _agreeing(template):
    """A participle's four forms (masculine, feminine, plural, feminine plural): `{}` marks each
    ending, so that « 1 page créée » and « 4 articles créés » both read right."""
    return tuple(template.format(*[end] * template.count("{}")) for end in ("", "e", "s", "es"))


OUTCOMES = {
    "created": _agreeing("créé{}"),
    "updated": ("mis à jour", "mise à jour", "mis à jour", "mises à jour"),
    "unchanged": _agreeing("inchangé{}"),
    "kept": _agreeing("conservé{} (modifié{} depuis par l'équipe)"),
    "skipped": _agreeing("ignoré{} (non publié{})"),
    "failed": _agreeing("non importé{}"),
}
KINDS = {"post": ("Articles", False), "page": ("Pages", True), "image": ("Images", True),
         "document": ("Documents", False)}  # fmt: skip


def counted(number, outcome, feminine):
    return f"{number} {OUTCOMES[outcome][(number > 1) * 2 + feminine]}"


@dataclass
class Report:
    counts: Counter = field(default_factory=Counter)  # (kind, outcome) -> n
    warnings: list = field(default_factory=list)  # (source URL, message)
    addresses: list = field(default_factory=list)  # (old URL, new URL, kind)
    redirects: Counter = field(default_factory=Counter)  # outcome -> n

    def count(self, kind, outcome):
        self.counts[kind, outcome] += 1

    def warn(self, url, message):
        if (url, message) not in self.warnings:
            self.warnings.append((url, message))

    def lines(self):
        for kind, (label, feminine) in KINDS.items():
            found = [counted(n, o, feminine) for o in OUTCOMES if (n := self.counts[kind, o])]
            if found:
                yield f"{label} : {', '.join(found)}."
        if self.redirects:
            made = ", ".join(counted(n, o, True) for o, n in sorted(self.redirects.items()))
            yield f"Redirections permanentes : {made}."
        if self.warnings:
            yield f"{len(self.warnings)} avertissement{'s' if len(self.warnings) > 1 else ''} :"
            for url, message in self.warnings:
                yield f"  - {message} ({url})"

    def write_csv(self, path):
        path.parent.mkdir(parents=True, exist_ok=True)
        with path.open("w", newline="", encoding="utf-8") as out:
            writer = csv.writer(out)
            writer.writerow(["ancienne_adresse", "nouvelle_adresse", "nature"])
            writer.writerows(sorted(set(self.addresses)))


class Progress:
    """A bar on a terminal; a line every tenth of the way in a log."""

    WIDTH = 30

    def __init__(self, label, total, stream=None):
        self.label, self.total, self.done = label, total, 0
        self.stream = stream or sys.stderr
        self.tty = self.stream.isatty()
        self.shown = -1

    def step(self):
        self.done += 1
        tenth = self.done * 10 // max(self.total, 1)
        if self.tty:
            filled = self.done * self.WIDTH // max(self.total, 1)
            bar = "█" * filled + "·" * (self.WIDTH - filled)
            end = "\n" if self.done == self.total else ""
            self.stream.write(f"\r{self.label} [{bar}] {self.done}/{self.total}{end}")
        elif tenth != self.shown:
            self.stream.write(f"{self.label} : {self.done}/{self.total}\n")
        self.shown = tenth
        self.stream.flush()
