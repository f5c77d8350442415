"""The drawing works for any perimeter, with no constant tuned to one territory: a long
north–south valley, a perimeter across two départements with an enclave, a wide plain. Pure
geometry, no database."""

import re

from petr.territory import geometry


def square(west, south, size_x, size_y, hole=None):
    ring = [[west, south], [west + size_x, south], [west + size_x, south + size_y],
            [west, south + size_y], [west, south]]  # fmt: skip
    return {"type": "Polygon", "coordinates": [ring, *([hole] if hole else [])]}


def drawn(outlines, epci_of):
    places = [geometry.Place(code, epci_of[code], None, None) for code in outlines]
    groups = {}
    for code, outline in outlines.items():
        groups.setdefault(epci_of[code], []).append(outline)
    epcis = {siren: geometry.union_outline(group) for siren, group in groups.items()}
    return geometry.draw(places, outlines, epcis, geometry.union_outline(outlines.values()))


def inside(drawing, path):
    """Every absolute point of an SVG path (its `M` starts and the relative steps summed)."""
    x = y = 0.0
    for command, numbers in re.findall(r"([Mlz])([^Mlz]*)", path):
        values = [float(v) for v in re.findall(r"-?\d+(?:\.\d+)?", numbers)]
        pairs = list(zip(values[::2], values[1::2], strict=True))
        for dx, dy in pairs:
            x, y = (dx, dy) if command == "M" and (dx, dy) == pairs[0] else (x + dx, y + dy)
            if not (-1 <= x <= drawing.width + 1 and -1 <= y <= drawing.height + 1):
                return False
    return True


def test_a_long_north_south_valley_fits_the_box():
    outlines = {f"0500{i}": square(6.0, 44.0 + 0.3 * i, 0.02, 0.3) for i in range(3)}
    drawing = drawn(outlines, dict.fromkeys(outlines, "200000001"))
    assert drawing.height == geometry.MAP_MAX_HEIGHT and 1 <= drawing.width < 60
    assert all(inside(drawing, path) for path in drawing.commune_paths.values())


def test_two_departements_and_an_enclave_keep_the_hole():
    """Communes of the Ain and the Savoie around a commune that is not a member: the
    perimeter's outline keeps it out, as a hole."""
    outlines = {
        "01001": square(5.0, 45.0, 0.1, 0.3),
        "73001": square(5.2, 45.0, 0.1, 0.3),
        "01002": square(5.1, 45.0, 0.1, 0.1),
        "73002": square(5.1, 45.2, 0.1, 0.1),
    }
    drawing = drawn(outlines, {"01001": "200000001", "01002": "200000001",
                               "73001": "200000002", "73002": "200000002"})  # fmt: skip
    assert drawing.petr_path.count("M") == 2  # the outer ring and the enclave
    assert len(drawing.epci_paths) == 2 and max(drawing.width, drawing.height) == 600
    assert all(inside(drawing, path) for path in drawing.commune_paths.values())


def test_a_wide_plain_keeps_the_full_width():
    outlines = {f"5100{i}": square(3.0 + 0.5 * i, 48.5, 0.5, 0.1) for i in range(4)}
    drawing = drawn(outlines, dict.fromkeys(outlines, "200000003"))
    assert drawing.width == geometry.MAP_WIDTH and 0 < drawing.height < 150


def test_the_apis_outlines_are_read_simplified_and_refused_when_unusable():
    ring = [[5.0, 45.0], [5.05, 45.000001], [5.1, 45.0], [5.1, 45.1], [5.0, 45.1], [5.0, 45.0]]
    outline = geometry.outline_from_api({"type": "Polygon", "coordinates": [ring]})
    assert len(outline["coordinates"][0]) == 5  # a point 10 cm off the line is dropped
    point = {"type": "Point", "coordinates": [5, 45]}
    empty = {"type": "Polygon", "coordinates": [[]]}
    for unusable in (None, point, empty, {"type": "Polygon"}, "texte"):
        assert geometry.outline_from_api(unusable) is None
