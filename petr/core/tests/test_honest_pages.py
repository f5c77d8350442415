"""Pages say nothing they cannot back: a timeline in date order whatever order it was typed in,
a table with its title, a link to a listing only once it has something to show."""

import pytest
from django.core.exceptions import ValidationError
from wagtail.blocks import StructBlockValidationError

from petr.core.blocks import ContentTableBlock, TimelineBlock

pytestmark = pytest.mark.django_db


def test_a_timeline_is_shown_in_date_order_and_refuses_an_end_before_its_start():
    block = TimelineBlock()
    typed = [
        {"start_year": 2021, "end_year": 2026, "title": "PTRTE", "text": ""},
        {"start_year": 2016, "end_year": None, "title": "TEPCV", "text": ""},
        {"start_year": 2019, "end_year": None, "title": "CTE", "text": ""},
    ]
    html = block.render(block.to_python({"title": "", "steps": typed}))
    assert html.index("TEPCV") < html.index("CTE") < html.index("PTRTE")
    assert "2021–2026" in html and "2016–" not in html
    step = block.child_blocks["steps"].child_block
    with pytest.raises(StructBlockValidationError):
        step.clean(step.to_python({"start_year": 2026, "end_year": 2021, "title": "À l'envers"}))


def test_a_table_needs_a_title_and_is_a_labelled_scrollable_region():
    block = ContentTableBlock()
    value = {"data": [["Commune", "Vélos"], ["Ville", "12"]], "table_header_choice": "row",
             "table_caption": ""}  # fmt: skip
    with pytest.raises(ValidationError, match="Donnez un titre au tableau"):
        block.clean(value)
    html = block.render(block.clean({**value, "table_caption": "Vélos par commune"}))
    assert 'role="region" aria-label="Vélos par commune" tabindex="0"' in html
    assert '<th scope="col">Vélos</th>' in html and "<td>12</td>" in html


def test_the_catalogue_of_projects_is_linked_only_once_it_has_one(client, seeded):
    from petr.programmes.models import ProjectIndexPage, ProjectPage
    from petr.programmes.tests.test_growth import grow

    assert not ProjectPage.objects.live().exists()  # the starter site has none
    link = f'href="{ProjectIndexPage.objects.get().url}"'

    def quick_access():
        return (
            client.get("/").content.decode().split('id="acces-rapides"')[1].split("</section>")[0]
        )

    assert link not in quick_access()
    grow(projects=1, actions=1, places=0)
    assert link in quick_access()
