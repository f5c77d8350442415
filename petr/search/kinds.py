"""The search page's kinds, declared by the page types themselves (`search_kind`)."""

from functools import cache

from django.contrib.contenttypes.models import ContentType
from wagtail.models import get_page_models

from petr.core.french.sorting import french_sort_key


@cache
def search_kinds():
    """{slug: (label, [page models])}, sorted by label as a French reader would."""
    kinds = {}
    for model in get_page_models():
        kind = getattr(model, "search_kind", None)
        if kind:
            slug, label = kind
            kinds.setdefault(slug, (label, []))[1].append(model)
    return dict(sorted(kinds.items(), key=lambda item: french_sort_key(item[1][0])))


def kind_label(page):
    kind = getattr(page, "search_kind", None)
    return kind[1] if kind else "Page"


def content_types(slug):
    return ContentType.objects.get_for_models(*search_kinds()[slug][1]).values()
