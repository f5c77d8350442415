"""The read-only API for partners (a communauté's site, the département): /api/v1/<list>,
paginated, filtered by mission and commune, documented by its OpenAPI file (/api/v1/openapi.json)
and a French page (/api/). django-ninja, which Wagtail itself depends on, because the lists mix
pages and records (places, communes) and need the site's own privacy rules, which Wagtail's API
v2 would have to be bent to follow."""

from django.core.paginator import EmptyPage, Paginator
from django.http import JsonResponse
from django.shortcuts import render
from ninja import NinjaAPI, Query, Schema
from ninja.errors import ValidationError

from petr.web.pagecache import cache_until_purged

from .lists import LISTS, commune_of, mission_of

MAX_PER_PAGE = 100
FILTERS = {"page", "par_page", "mission", "commune"}

api = NinjaAPI(
    title="API du portail",
    version="1",
    description="Contenus publiés du site, en lecture seule, sous Licence Ouverte 2.0.",
    docs_url=None,  # the Swagger page would load scripts from elsewhere: /api/ explains instead
    urls_namespace="api",
)


class Filters(Schema):
    page: int = 1
    par_page: int = 20
    mission: str | None = None
    commune: str | None = None


class Answer(Schema):
    nombre: int
    page: int
    pages: int
    suivante: str | None
    precedente: str | None
    resultats: list[dict]


def error(request, message, status):
    return cache_until_purged(JsonResponse({"erreur": message}, status=status))


@api.exception_handler(ValidationError)
def invalid(request, exc):
    return error(request, "Paramètre non valide : page et par_page sont des nombres entiers.", 400)


def answer(request, name, filters):
    unknown = set(request.GET) - FILTERS
    if unknown:
        return error(request, f"Filtre inconnu : {', '.join(sorted(unknown))}.", 400)
    if not 1 <= filters.par_page <= MAX_PER_PAGE or filters.page < 1:
        return error(request, f"par_page va de 1 à {MAX_PER_PAGE}, page commence à 1.", 400)
    mission = mission_of(filters.mission) if filters.mission else None
    commune = commune_of(filters.commune) if filters.commune else None
    if (filters.mission and mission is None) or (filters.commune and commune is None):
        return error(request, "Mission ou commune inconnue (donnez son adresse courte).", 404)
    rows, serialize = LISTS[name](request, mission, commune)
    paginator = Paginator(rows, filters.par_page)
    try:
        page = paginator.page(filters.page)
    except EmptyPage:
        return error(request, "Cette page de résultats n'existe pas.", 404)

    def link(number):
        query = request.GET.copy()
        query["page"] = number
        return request.build_absolute_uri(f"{request.path}?{query.urlencode()}")

    body = {
        "nombre": paginator.count,
        "page": page.number,
        "pages": paginator.num_pages,
        "suivante": link(page.next_page_number()) if page.has_next() else None,
        "precedente": link(page.previous_page_number()) if page.has_previous() else None,
        "resultats": [serialize(row) for row in page.object_list],
    }
    return cache_until_purged(JsonResponse(body, json_dumps_params={"ensure_ascii": False}))


def route(name):
    def endpoint(request, filters: Query[Filters]):
        return answer(request, name, filters)

    endpoint.__name__ = name
    api.get(f"/{name}", response=Answer, summary=name.capitalize())(endpoint)


for list_name in LISTS:
    route(list_name)


def partners(request):
    """The French page for partners: what each list gives, with examples."""
    return cache_until_purged(
        render(
            request, "api/partners.html", {"lists": LISTS, "view_title": "API pour les partenaires"}
        )
    )  # fmt: skip)
