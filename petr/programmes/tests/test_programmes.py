"""Programmes, axes and fiches actions: seeded from known facts only, progress computed from the
measurements, bad input refused in French, listings in a fixed number of queries."""

import datetime
import re
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from wagtail.blocks import StructBlockValidationError

from petr.programmes.blocks import IndicatorBlock, progress
from petr.programmes.models import ActionPage, ProgrammePage
from petr.users.models import User

pytestmark = pytest.mark.django_db


def add_action(programme, title, **fields):
    action = ActionPage(title=title, **fields)
    programme.add_child(instance=action)
    action.save_revision().publish()
    return action


def indicator(baseline, target, *measures):
    return {
        "label": "Ateliers menés",
        "unit": "ateliers",
        "baseline": Decimal(baseline),
        "target": Decimal(target),
        "measurements": [
            {"date": datetime.date(2026, month, 1), "value": Decimal(value)}
            for month, value in measures
        ],
    }


def test_the_packs_programmes_come_with_their_axes_and_no_invented_figure(client, seeded):
    cls3 = ProgrammePage.objects.get(slug="cls-3")
    assert [axis.number for axis in cls3.axes.all()] == ["1", "2", "3", "4"]
    assert cls3.signed_on == datetime.date(2025, 7, 21) and (cls3.start_year, cls3.end_year) == (
        2025,
        2030,
    )
    assert "ARS Grand Est" in cls3.signatory_list and not ActionPage.objects.exists()
    leader = ProgrammePage.objects.get(slug="programme-leader-2023-2027")
    assert leader.envelope is None
    assert "Enveloppe FEADER" not in client.get(leader.url).content.decode()  # hidden while unknown
    health = cls3.get_parent()
    html = client.get(health.url).content.decode()
    assert "Contrat local de santé 2025-2030 (CLS 3)" in html and "Axe 4 : Coordonner" in html


def test_progress_is_computed_from_the_last_measurement():
    assert progress(indicator(0, 20, (6, 8), (3, 2))).percent == 40  # the June one counts
    assert progress(indicator(100, 80, (5, 90))).percent == 50  # a target below the start
    assert progress(indicator(0, 20, (5, 30))).percent == 100  # beyond the target
    assert progress(indicator(0, 20)).percent is None


def test_an_action_shows_its_progress_in_words_and_as_a_bar(client, seeded):
    cls3 = ProgrammePage.objects.get(slug="cls-3")
    action = add_action(
        cls3, "Ateliers nutrition", number="3.1", axis=cls3.axes.get(number="3"),
        indicators=[("indicator", indicator(0, 20, (6, 8)))],
    )  # fmt: skip
    html = client.get(action.url).content.decode()
    assert "8 ateliers au 1 juin 2026, pour une cible de 20 ateliers" in html
    assert "40 % du chemin" in html and '<rect class="indicator__done" width="40"' in html
    assert "Tout le territoire" in html  # no commune ticked
    programme = client.get(cls3.url).content.decode()
    assert programme.index("Axe 3") < programme.index("3.1. Ateliers nutrition")


def test_bad_input_is_refused_in_french(seeded):
    cls3 = ProgrammePage.objects.get(slug="cls-3")
    cls3.end_year, cls3.feader_rate = 2020, Decimal("120")
    with pytest.raises(ValidationError) as refused:
        cls3.full_clean()
    assert "La dernière année précède la première." in str(refused.value)
    action = ActionPage(title="Action", budget=Decimal("-5"), slug="action", path="x", depth=5)
    with pytest.raises(ValidationError, match="ne peut pas être négatif"):
        action.full_clean(exclude=["path", "depth"])
    block = IndicatorBlock()
    with pytest.raises(StructBlockValidationError):
        block.clean(indicator(10, 10))


def test_an_action_is_attached_to_an_axis_of_its_own_programme(client, seeded):
    client.force_login(User.objects.create_superuser("claire", "c@petr.example", "x" * 16))
    cls3 = ProgrammePage.objects.get(slug="cls-3")
    ptrte = ProgrammePage.objects.get(slug="ptrte")
    ptrte.axes.create(number="A", title="Axe du pacte")
    html = client.get(f"/admin/pages/add/programmes/actionpage/{cls3.pk}/").content.decode()
    select = re.search(r'<select name="axis".*?</select>', html, re.DOTALL)[0]
    assert select.count("<option") == 5 and "Axe du pacte" not in select  # 4 axes and « --- »


def test_a_programme_page_keeps_a_fixed_number_of_queries(seeded, query_counts):
    cls3 = ProgrammePage.objects.get(slug="cls-3")
    axis = cls3.axes.get(number="1")
    for n in range(2):
        add_action(cls3, f"Action {n}", axis=axis, indicators=[("indicator", indicator(0, 5))])
    urls = [cls3.url, cls3.get_parent().url]
    before = query_counts(urls)
    for n in range(2, 7):
        add_action(cls3, f"Action {n}", axis=axis)
    assert query_counts(urls) == before


def test_the_overview_counts_actions_by_status_and_shows_indicators(client, seeded):
    cls3 = ProgrammePage.objects.get(slug="cls-3")
    axis = cls3.axes.get(number="2")
    done = ActionPage.Status.DONE
    add_action(cls3, "Maison de santé", number="2.1", axis=axis, status=done,
               indicators=[("indicator", indicator(0, 20, (3, 4), (6, 8)))])  # fmt: skip
    add_action(cls3, "Télémédecine", number="2.2", axis=axis, status=done)
    add_action(cls3, "Prévention", number="2.3", axis=axis, status=ActionPage.Status.ONGOING)
    assert f'href="{cls3.url}synthese/"' in client.get(cls3.url).text
    html = client.get(f"{cls3.url}synthese/").text
    assert "3 fiches actions, par état" in html
    assert "<strong>2</strong> réalisées" in html and "<strong>1</strong> en cours" in html
    assert "<strong>0</strong> à lancer" in html
    assert "Ateliers menés : 8 / 20 ateliers (40&nbsp;%)" in html
    assert html.index("2.1. Maison de santé") < html.index("2.3. Prévention")
    assert 'aria-current="page">Synthèse</a>' in html
