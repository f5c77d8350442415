from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .models import Person


class PersonViewSet(SnippetViewSet):
    model = Person
    icon = "user"
    menu_label = "Personnes"
    menu_order = 240
    add_to_admin_menu = True
    list_display = ["name", "function", "in_team", "contact_public", "order"]
    list_filter = ["in_team"]
    search_fields = ["name", "function"]


register_snippet(PersonViewSet)
