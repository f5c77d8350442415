"""Fail when any module's line coverage is under the floor. Usage: coverage_floor.py JSON [FLOOR]
(JSON from `pytest --cov-report=json:…`; floor in percent, 80 by default)."""

import json
import sys


def main(path, floor=80.0):
    files = json.loads(open(path, encoding="utf-8").read())["files"]  # noqa: SIM115
    low = {
        name: data["summary"]["percent_covered"]
        for name, data in files.items()
        if data["summary"]["percent_covered"] < floor
    }
    for name, percent in sorted(low.items()):
        print(f"Couverture insuffisante : {name} {percent:.0f} % (minimum {floor:.0f} %)")
    if not low:
        print(f"Couverture : aucun module sous {floor:.0f} % ({len(files)} modules).")
    return 1 if low else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1], *map(float, sys.argv[2:3])))
