"""What later apps show on an earlier app's page, without that page naming them. The page asks for
the parts of a slot about its subject (`page_parts("mission", mission)`); each model that lists
the slot in its `page_parts` ({slot: order}) answers with its `page_part(slot, subject)`: a dict
with the `template` to include and what it shows, or None when it has nothing to show. A mission
page shows its programmes, projects, places, events, news and documents this way; a commune page
its projects and places (whose `points` join the commune's map)."""

from functools import cache

from django.apps import apps


@cache
def _models(slot):
    found = [model for model in apps.get_models() if slot in getattr(model, "page_parts", {})]
    return sorted(found, key=lambda model: model.page_parts[slot])


def page_parts(slot, subject):
    return [part for model in _models(slot) if (part := model.page_part(slot, subject))]
