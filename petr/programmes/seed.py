"""The programmes a starter pack knows from public sources, under their missions, and the empty
« Projets soutenus » catalogue. No action, indicator or figure is invented: staff add them."""

from petr.core.starter import pack, seed_page

from .models import ProgrammeAxis, ProgrammePage, ProjectIndexPage


def seed_programmes(missions):
    """Each programme of the pack under its mission (the mission's key in missions.yaml)."""
    for key, fields in pack().get("programmes", {}).items():
        fields = dict(fields)
        mission, axes = missions.get(fields.pop("mission")), fields.pop("axes", [])
        if not mission:
            continue
        programme = ProgrammePage(**fields)
        programme.axes = [
            ProgrammeAxis(number=str(number), title=title) for number, title in enumerate(axes, 1)
        ]
        seed_page(f"page.programmes.{key}", mission, programme)


def seed_project_catalogue(home):
    """« Projets soutenus », empty: staff add the projects the programmes fund."""
    return seed_page("page.projects", home, ProjectIndexPage(**pack().get("pages.projects")))
