"""The declaration page under the LEADER mission, the mission's first call to action pointing
at it, and what the « Données personnelles » page says of declarations (once each)."""

from petr.core.starter import pack, seed_once, seed_page

from .models import DeclarationPage


def seed_declaration_page(pages):
    texts = pack().get("declarations")
    leader = pages.get("leader")
    page = seed_page("page.declaration", leader, DeclarationPage(**texts["page"]))

    def add_action():
        if leader and page:
            first = ("action", {"label": texts["action"], "page": page})
            leader.actions = [first, *((b.block_type, b.value) for b in leader.actions)]
            leader.save_revision().publish()

    def tell_privacy():
        privacy = pages.get("personal_data")
        if privacy:
            privacy.body = [*privacy.body.raw_data, *texts["privacy_body"]]
            privacy.save_revision().publish()

    seed_once("leader.declaration-action", add_action)
    seed_once("privacy.declarations", tell_privacy)
    return page
