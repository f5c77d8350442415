"""A mission page lets people act: its calls to action, its contact (hidden while empty), its
next events, latest news and documents beside the text, and the EU emblem where it is owed."""

import pytest
from wagtail.blocks import StructBlockValidationError
from wagtail.models import Page

from petr.core.blocks import CallToActionBlock
from petr.events.tests.helpers import publish_event
from petr.library.tests.helpers import publish_document
from petr.missions.models import MissionPage
from petr.news.tests.helpers import publish_news

pytestmark = pytest.mark.django_db


def test_the_side_column_shows_what_is_coming_and_new_for_this_mission(client, seeded):
    leader = MissionPage.objects.get(slug="leader")
    publish_news(1, title="Trois projets programmés", mission=leader)
    publish_news(1, title="Vaccination en pharmacie")  # another subject
    publish_event("Comité de programmation", 12, mission=leader)
    publish_document("Fiche action 1", mission=leader)
    html = client.get(leader.url).content.decode()
    start = html.index('<aside class="mission-aside')
    aside = html[start : html.rindex("</aside>")]
    for title in ("Trois projets programmés", "Comité de programmation", "Fiche action 1"):
        assert title in aside
    assert "Vaccination en pharmacie" not in aside
    assert "Rencontrer l&#x27;équipe LEADER" in aside and 'href="/contact/"' in aside
    assert 'alt="Emblème de l\'Union européenne"' in aside
    assert "Cofinancé par l&#x27;Union européenne" in aside
    assert "Votre contact" not in aside  # nobody named yet

    from petr.people.models import Person

    officer = Person.objects.create(name="Chargée de mission LEADER", phone="03 29 00 00 00",
                                    contact_public=True, in_team=True)  # fmt: skip
    officer.missions.add(leader)
    officer.save()
    html = client.get(leader.url).content.decode()
    act = html[html.index('class="mission-aside mission-aside--act"') : html.index("</aside>")]
    # How to act and whom to call come before the text: right under the lead on a phone.
    assert (
        html.index('id="agir"') < html.index("Votre contact") < html.index("mission-layout__main")
    )
    assert 'href="tel:0329000000"' in act and "Chargée de mission LEADER" in act


def test_only_leader_carries_the_eu_emblem(client, seeded):
    health = MissionPage.objects.get(slug="contrat-local-de-sante")
    assert "Emblème de l" not in client.get(health.url).content.decode()


def test_a_call_to_action_has_exactly_one_target():
    block = CallToActionBlock()
    home = Page(pk=1, title="Accueil")
    for value in ({"label": "Agir"}, {"label": "Agir", "page": home, "url": "https://a.fr"}):
        with pytest.raises(StructBlockValidationError):
            block.clean(block.to_python({}) | value)
