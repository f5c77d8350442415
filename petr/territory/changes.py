"""What an import changes, compared with the database. Kept free of models so that the import log
(DataImport) can render its stored changes with the same wording as the command."""

from dataclasses import dataclass, field


@dataclass
class Changes:
    """What an import changes, compared with the database; stored with the run as JSON."""

    communes_before: int = 0
    communes_after: int = 0
    population_before: int = 0
    population_after: int = 0
    epcis_added: list = field(default_factory=list)
    epcis_removed: list = field(default_factory=list)
    added: list = field(default_factory=list)
    removed: list = field(default_factory=list)
    moved: list = field(default_factory=list)
    renamed: list = field(default_factory=list)
    population: list = field(default_factory=list)

    @property
    def perimeter_changed(self):
        return bool(self.epcis_added or self.epcis_removed)

    def summary(self):
        return (
            f"{self.communes_after} communes ({len(self.added)} ajoutée(s), "
            f"{len(self.removed)} retirée(s), {len(self.moved)} changée(s) de communauté), "
            f"population {self.population_before} → {self.population_after}, "
            f"{len(self.population)} population(s) communale(s) modifiée(s)."
        )

    def lines(self):
        """The details, one French line each, for the command's output and the admin."""
        yield self.summary()
        for item in self.epcis_added:
            yield f"+ communauté {item['name']} ({item['siren']})"
        for item in self.epcis_removed:
            yield f"− communauté {item['name']} ({item['siren']})"
        for item in self.added if self.communes_before else ():  # a first load lists nothing
            yield f"+ {item['name']} ({item['code']})"
        for item in self.removed:
            yield f"− {item['name']} ({item['code']})"
        for item in self.moved:
            yield f"↷ {item['name']} ({item['code']}) : {item['before']} → {item['after']}"
        for item in self.renamed:
            yield f"✎ {item['before']} → {item['after']} ({item['code']})"
        for item in self.population:
            yield f"  {item['name']} ({item['code']}) : {item['before']} → {item['after']} hab."
