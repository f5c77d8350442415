"""The LEADER envelope at a glance, computed from the projects, never typed: programmed and
paid FEADER aid of the programme's projects (abandoned ones aside), what remains, by action.
A project that carries out several actions counts once, under the first of them."""

from dataclasses import dataclass, field
from decimal import Decimal

from django.apps import apps

from .choices import Funder, ProjectStatus


@dataclass
class Line:
    action: object
    projects: int = 0
    programmed: Decimal = Decimal(0)
    paid: Decimal = Decimal(0)


@dataclass
class Envelope:
    envelope: Decimal | None
    programmed: Decimal = Decimal(0)
    paid: Decimal = Decimal(0)
    updated: object = None
    lines: list = field(default_factory=list)

    @property
    def remaining(self):
        return None if self.envelope is None else self.envelope - self.programmed

    @property
    def programmed_rate(self):
        if not self.envelope:
            return None
        return round(self.programmed / self.envelope * 100, 1)


def envelope_of(programme):
    """None when the programme has no envelope and funds no project with FEADER."""
    actions = list(programme.actions())
    order = {action.pk: index for index, action in enumerate(actions)}
    projects = (
        apps.get_model("programmes", "ProjectPage")
        .objects.live()
        .filter(actions__in=actions)
        .exclude(status=ProjectStatus.DROPPED)
        .distinct()
        .prefetch_related("fundings", "actions")
    )
    result = Envelope(programme.envelope)
    lines = {action.pk: Line(action) for action in actions}
    for project in projects:
        leader = [f for f in project.fundings.all() if f.funder == Funder.LEADER]
        programmed = sum((f.amount for f in leader), Decimal(0))
        paid = sum((f.paid for f in leader), Decimal(0))
        own = [a.pk for a in project.actions.all() if a.pk in order]
        line = lines[min(own, key=order.get)]
        line.projects += 1
        line.programmed += programmed
        line.paid += paid
        result.programmed += programmed
        result.paid += paid
        published = project.last_published_at
        result.updated = max(filter(None, [result.updated, published]), default=None)
    result.lines = [line for line in lines.values() if line.projects]
    if result.envelope is None and not result.programmed:
        return None
    return result
