"""Outlines of the territory: the communes' outlines as the API gives them (IGN ADMIN EXPRESS),
simplified, their unions per communauté and for the whole perimeter, and their projection to SVG
path data.

The projection is equirectangular, scaled by the cosine of the middle latitude: over a territory
70 km wide it matches Lambert-93 at screen size, and needs no projection library."""

import itertools
import math
from dataclasses import dataclass

from shapely.errors import ShapelyError
from shapely.geometry import MultiPolygon, Point, Polygon, mapping, shape
from shapely.ops import unary_union
from shapely.prepared import prep

DRAWING_VERSION = 3  # bump when the drawing code changes, so the next import redraws the map
MAP_WIDTH = 600  # SVG user units; the map scales to its container.
MAP_MAX_HEIGHT = 600
PRECISION = 1  # decimals kept in SVG coordinates: 0.1 unit is below a pixel at any usual size.
GEOJSON_DECIMALS = 5  # about 1 m
SIMPLIFY_DEGREES = 1e-4  # about 10 m: the API's full-resolution outlines, light enough to draw
MIN_HOLE_AREA = 1e-5  # square degrees, about 0.07 km²: smaller holes in a union are slivers.
METRES_PER_DEGREE = 111_320  # of longitude at the equator
MARKER_RADIUS = 4  # a commune without a shipped outline is drawn as a dot at its centre.


@dataclass(frozen=True)
class Place:
    """What the map needs to know of a commune."""

    code_insee: str
    epci_siren: str
    longitude: float | None
    latitude: float | None


@dataclass(frozen=True)
class Drawing:
    width: int
    height: int
    commune_paths: dict
    epci_paths: dict
    petr_path: str
    frame: "Frame | None" = None


@dataclass(frozen=True)
class Frame:
    """The projection of the drawing, kept to place points (carpool areas…) on it later."""

    west: float
    north: float
    x_factor: float
    scale: float

    def project(self, lon, lat):
        return round((lon - self.west) * self.x_factor * self.scale, PRECISION), round(
            (self.north - lat) * self.scale, PRECISION
        )


def outline_from_api(geometry) -> dict | None:
    """A commune's outline as the API gives it (Polygon or MultiPolygon, WGS84), simplified and
    rounded; None when absent, empty or unreadable."""
    if not isinstance(geometry, dict) or geometry.get("type") not in ("Polygon", "MultiPolygon"):
        return None
    try:
        found = shape(geometry)
        if found.is_empty:
            return None
        return rounded(mapping(found.simplify(SIMPLIFY_DEGREES, preserve_topology=True)))
    except (ValueError, TypeError, KeyError, IndexError, AttributeError, ShapelyError):
        return None


def union_outline(geometries) -> dict | None:
    """One outline for a group of communes, as a GeoJSON geometry (None if none is known)."""
    shapes = [shape(g) for g in geometries if g]
    if not shapes:
        return None
    return rounded(mapping(_without_slivers(unary_union(shapes))))


def _without_slivers(geometry):
    """Generalised neighbours do not always share exactly the same border: their union keeps tiny
    holes along it, which are artefacts, not enclaves."""
    polygons = getattr(geometry, "geoms", [geometry])
    cleaned = [
        Polygon(p.exterior, [ring for ring in p.interiors if Polygon(ring).area > MIN_HOLE_AREA])
        for p in polygons
    ]
    return cleaned[0] if len(cleaned) == 1 else MultiPolygon(cleaned)


def prepared(outline: dict):
    """An outline made ready for many point tests."""
    return prep(shape(outline))


def near(area, lon: float, lat: float, tolerance_m: float) -> bool:
    """Whether (lon, lat) lies within tolerance_m of a prepared outline (metres converted to
    degrees at the point's latitude, precise enough at this scale)."""
    degrees = tolerance_m / (METRES_PER_DEGREE * math.cos(math.radians(lat)))
    return area.contains(Point(lon, lat)) or area.intersects(Point(lon, lat).buffer(degrees))


def rounded(geometry: dict) -> dict:
    def walk(coords):
        if isinstance(coords[0], (int, float)):
            return [round(value, GEOJSON_DECIMALS) for value in coords]
        return [walk(part) for part in coords]

    return {"type": geometry["type"], "coordinates": walk(geometry["coordinates"])}


def draw(places, outlines: dict, epci_outlines: dict, petr_outline: dict | None) -> Drawing:
    """Project every outline into one SVG coordinate system fitted to the territory."""
    points = [
        pt for p in places if p.code_insee in outlines for pt in _points(outlines[p.code_insee])
    ]
    points += [(p.longitude, p.latitude) for p in places if p.longitude is not None]
    if not points:
        return Drawing(MAP_WIDTH, 0, {}, {}, "")
    lons, lats = [pt[0] for pt in points], [pt[1] for pt in points]
    west, east, south, north = min(lons), max(lons), min(lats), max(lats)
    x_factor = math.cos(math.radians((north + south) / 2))
    span_x, span_y = max((east - west) * x_factor, 1e-9), max(north - south, 1e-9)
    # Whatever its shape (a long north–south valley as well as a wide plain), the territory fits
    # the same box: its longer side is drawn at the box's size.
    scale = min(MAP_WIDTH / span_x, MAP_MAX_HEIGHT / span_y)
    width = max(1, math.ceil(round(span_x * scale, 6)))
    height = math.ceil(round((north - south) * scale, 6))
    frame = Frame(west, north, x_factor, scale)
    project = frame.project

    commune_paths = {}
    for place in places:
        geometry = outlines.get(place.code_insee)
        if geometry:
            commune_paths[place.code_insee] = svg_path(geometry, project)
        elif place.longitude is not None:
            commune_paths[place.code_insee] = _dot(*project(place.longitude, place.latitude))
    epci_paths = {siren: svg_path(geom, project) for siren, geom in epci_outlines.items() if geom}
    petr_path = svg_path(petr_outline, project) if petr_outline else ""
    return Drawing(width, height, commune_paths, epci_paths, petr_path, frame)


def svg_path(geometry: dict, project) -> str:
    """Rings as `M x y` then relative `l dx dy` steps: about half the size of absolute points."""
    polygons = geometry["coordinates"]
    if geometry["type"] == "Polygon":
        polygons = [polygons]
    parts = []
    for polygon in polygons:
        for ring in polygon:
            projected = [project(lon, lat) for lon, lat in ring]
            steps = []
            for (x0, y0), (x1, y1) in itertools.pairwise(projected):
                if (x0, y0) != (x1, y1):
                    steps += [x1 - x0, y1 - y0]
            if len(steps) >= 4:
                parts.append(f"M{_numbers(projected[0])}l{_numbers(steps)}z")
    return "".join(parts)


def _numbers(values):
    """SVG number list: a minus sign separates numbers by itself, and « 0.5 » is « .5 »."""
    text = ""
    for value in values:
        number = _num(value)
        text += number if not text or number.startswith("-") else f" {number}"
    return text


def _dot(x, y):
    r = MARKER_RADIUS
    return f"M{_numbers((x - r, y))}a{r} {r} 0 1 0 {2 * r} 0a{r} {r} 0 1 0 {-2 * r} 0z"


def _num(value):
    text = f"{value:.{PRECISION}f}".rstrip("0").rstrip(".")
    if text in ("-0", ""):
        return "0"
    return text.replace("0.", ".", 1) if text.lstrip("-").startswith("0.") else text


def _points(geometry):
    polygons = geometry["coordinates"]
    if geometry["type"] == "Polygon":
        polygons = [polygons]
    for polygon in polygons:
        yield from polygon[0]
