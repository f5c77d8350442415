"""Pagination shared by the listing pages: a page number that is not one is a 404, never a 500."""

from django.core.paginator import InvalidPage, Paginator
from django.http import Http404


def paginate(request, items, per_page):
    paginator = Paginator(items, per_page)
    number = request.GET.get("page") or 1
    try:
        return paginator.page(number)
    except (InvalidPage, ValueError) as exc:
        raise Http404("Cette page de résultats n'existe pas.") from exc
