"""One search over the site's pages, with a filter by kind, tolerant of bad input."""

import difflib
import re
from functools import cache

from django import forms
from django.apps import apps
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from wagtail.models import Page

from petr.core.listing import paginate
from petr.territory.lookup import Places, find_places, fold
from petr.web.shared_lookups import public

from .kinds import content_types, kind_label, search_kinds

MAX_QUERY = 200  # characters; longer queries are cut, not refused
PER_PAGE = 10


def kind_choices():
    return [("", "Tout le site"), *[(slug, label) for slug, (label, _) in search_kinds().items()]]


class SearchForm(forms.Form):
    q = forms.CharField(label="Rechercher", required=False, strip=True)
    type = forms.ChoiceField(label="Type de contenu", required=False, choices=kind_choices)
    # « Trouver ma commune » (home page): a commune named exactly leads straight to its page.
    lieu = forms.BooleanField(required=False)


def search(request):
    form = SearchForm(request.GET or None)
    query, kind, truncated = "", "", False
    if form.is_valid():
        query = form.cleaned_data["q"]
        kind = form.cleaned_data["type"]
        truncated = len(query) > MAX_QUERY
        # A plain-text search gives double quotes no meaning, and the SQLite backend
        # (modelsearch's Lexeme) wraps each term in them without escaping: « "mobilité » would
        # be an FTS5 syntax error.
        query = query[:MAX_QUERY].replace('"', " ").strip()
    results, places, people = None, Places(), []
    if query and not kind:
        people = [found for model in people_models() for found in model.site_search(query)]
        places = find_places(query)
        exact = [place for place in places if fold(place.name) == fold(query)]
        single = places.total == 1 and not places.approximate
        if form.cleaned_data.get("lieu") and (len(exact) == 1 or single):
            return redirect((exact or places.shown)[0].url)
    if query:
        # The home page is where one starts, never a result.
        pages = public(Page.objects.live().filter(depth__gt=2))
        if kind:
            pages = pages.filter(content_type__in=content_types(kind))
        results = paginate(request, pages.search(query), PER_PAGE)
        # One query per page type shown, whatever the number of results.
        specific = {p.pk: p for p in Page.objects.filter(pk__in=[r.pk for r in results]).specific()}
        results.object_list = [specific[r.pk] for r in results if r.pk in specific]
        for page in results.object_list:
            page.kind = kind_label(page)
    suggestion = ""
    if results is not None and not results.paginator.count and not (places or people):
        suggestion = suggest(query)
    context = {
        "form": form,
        "suggestion": suggestion,
        "query": query,
        "results": results,
        "places": places,
        "people": people,
        "truncated": truncated,
        "kind_label": search_kinds()[kind][0] if kind else "",
    }
    return TemplateResponse(request, "search/search.html", context)


@cache
def people_models():
    """The models of people the search finds by name and function (`site_search`), declared by
    the app that owns them."""
    return [model for model in apps.get_models() if hasattr(model, "site_search")]


def suggest(query):
    """Another spelling from the words of the live pages' titles, a typo or two away from each
    word typed (« mobilte » → « mobilité »); "" when no word changes."""
    titles = public(Page.objects.live().filter(depth__gt=2)).values_list("title", flat=True)
    vocabulary = {}
    for title in titles:
        for word in re.findall(r"\w{3,}", title.lower()):
            vocabulary.setdefault(fold(word), word)
    words = []
    for word in query.split():
        close = difflib.get_close_matches(fold(word), vocabulary, n=1, cutoff=0.75)
        words.append(vocabulary[close[0]] if close else word)
    suggestion = " ".join(words)
    return suggestion if fold(suggestion) != fold(query) else ""
