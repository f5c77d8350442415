"""Pagination shared by the listing pages: a page number that is not one is a 404, never a 500."""

from django.core.paginator import InvalidPage, Paginator
from django.http import Http404
from django.template.response import TemplateResponse


def paginate(request, items, per_page):
    paginator = Paginator(items, per_page)
    number = request.GET.get("page") or 1
    try:
        return paginator.page(number)
    except (InvalidPage, ValueError) as exc:
        raise Http404("Cette page de résultats n'existe pas.") from exc


def render_listing(page, request, template, items, per_page, filterset=None, summary=None, **extra):
    """A listing page's response: its items, filtered by the FilterSet class when there is one
    (its form is in the context as `form`), paginated. `published` says whether anything is
    published at all: with nothing, the page says so plainly and shows no filters. `summary`,
    given all the filtered items, returns more context (a map of them…)."""
    form, everything = None, items
    if filterset is not None:
        filters = filterset(request.GET or None, queryset=items, request=request)
        items, form = filters.qs, filters.form
    shown = paginate(request, items, per_page)
    filtered = form is not None and form.is_bound
    published = bool(shown.paginator.count) or (filtered and everything.exists())
    context = page.get_context(request)
    context.update(form=form, items=shown, published=published, **extra)
    if summary is not None and published:
        context.update(summary(items))
    return TemplateResponse(request, template, context)
