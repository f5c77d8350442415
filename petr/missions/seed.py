"""« Nos missions » and the missions of the starter pack (missions.yaml) or chosen from its
catalogue (catalogue.yaml: `seed_site --missions`), each with its first calls to action: writing to
the team, and for LEADER the supported projects."""

from petr.core.starter import StarterPackError, pack, seed_once, seed_page

from .models import MissionIndexPage, MissionPage

SECTIONS = ("index", "actions")  # the other keys of missions.yaml are missions


def catalogue():
    """{key: fields} of the missions a site may choose, with `tab`, their home tab's text."""
    return pack().get("catalogue.missions", {})


def missions(chosen=()):
    unknown = [key for key in chosen if key not in catalogue()]
    if unknown:
        raise StarterPackError(
            f"Mission inconnue : {', '.join(unknown)} (au choix : {', '.join(catalogue())})."
        )
    own = {key: fields for key, fields in pack().get("missions").items() if key not in SECTIONS}
    picked = {key: {k: v for k, v in catalogue()[key].items() if k != "tab"} for key in chosen}
    return {**own, **picked}


def seed_missions(home, chosen=()):
    index = seed_page("page.missions", home, MissionIndexPage(**pack().get("missions.index")))
    return {
        "missions": index,
        **{
            key: seed_page(
                f"page.missions.{fields['slug']}", index, MissionPage(show_in_menus=True, **fields)
            )
            for key, fields in missions(chosen).items()
        },
    }


def seed_mission_actions(pages, chosen=()):
    """Each mission's first call to action, once: writing to the team through the contact form."""
    labels = pack().get("missions.actions")

    def apply():
        for key in missions(chosen):
            mission, contact = pages.get(key), pages.get("contact")
            if mission and contact and not mission.actions:
                label = labels["leader_write"] if key == "leader" else labels["write"]
                mission.actions = [("action", {"label": label, "page": contact})]
                if key == "leader" and pages.get("projects"):
                    label = labels["leader_projects"]
                    mission.actions.append(("action", {"label": label, "page": pages["projects"]}))
                mission.save_revision().publish()

    seed_once("missions.actions", apply)
