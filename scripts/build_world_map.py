"""Build tidings/web/static/world-110m.json: the country outlines of the dashboard map as SVG paths.

Run once by a maintainer, from the TopoJSON of the npm package world-atlas 2.0.2 (Natural Earth
1:110m, public domain; the package is ISC-licensed):

    cd /tmp && npm pack world-atlas@2.0.2 && tar xzf world-atlas-2.0.2.tgz
    python scripts/build_world_map.py /tmp/package/countries-110m.json

The output is shipped, so neither npm nor a TopoJSON decoder is needed at run time. Paths are in
plate carrée degrees (x = longitude, y = -latitude), so the dashboard places an event at
(lon, -lat) in the same SVG viewBox "-180 -90 360 180".
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

OUT = Path(__file__).resolve().parents[1] / "src/tidings/web/static/world-110m.json"


def decode_arcs(topology: dict) -> list[list[tuple[float, float]]]:
    """TopoJSON arcs are delta-encoded integers under a transform; return them in degrees."""
    (sx, sy), (tx, ty) = topology["transform"]["scale"], topology["transform"]["translate"]
    arcs = []
    for arc in topology["arcs"]:
        x = y = 0
        points = []
        for dx, dy in arc:
            x, y = x + dx, y + dy
            points.append((x * sx + tx, y * sy + ty))
        arcs.append(points)
    return arcs


def ring(indexes: list[int], arcs: list[list[tuple[float, float]]]) -> list[tuple[float, float]]:
    """Join a ring's arcs; a negative index ~i means arc i reversed. Arcs share their end points."""
    points: list[tuple[float, float]] = []
    for i in indexes:
        arc = arcs[i] if i >= 0 else arcs[~i][::-1]
        points.extend(arc if not points else arc[1:])
    return points


def path(rings: list[list[tuple[float, float]]]) -> str:
    parts = []
    for points in rings:
        coords, last = [], None
        for lon, lat in points:
            xy = f"{lon:.1f} {-lat:.1f}".replace("-0.0", "0.0")
            if xy != last:  # at this precision neighbouring points often coincide
                coords.append(xy)
            last = xy
        if len(coords) >= 3:
            parts.append("M" + "L".join(coords) + "Z")
    return "".join(parts)


def main(argv: list[str]) -> int:
    if len(argv) != 1:
        print(__doc__, file=sys.stderr)
        return 2
    topology = json.loads(Path(argv[0]).read_text(encoding="utf-8"))
    arcs = decode_arcs(topology)
    countries = []
    for geometry in topology["objects"]["countries"]["geometries"]:
        polygons = {"Polygon": [geometry.get("arcs", [])], "MultiPolygon": geometry.get("arcs", [])}.get(
            geometry["type"], [])
        d = path([ring(r, arcs) for polygon in polygons for r in polygon])
        if d:
            countries.append({"id": geometry.get("id"), "name": geometry["properties"]["name"], "d": d})
    out = {
        "source": "Natural Earth 1:110m countries (public domain, naturalearthdata.com), via the npm "
                  "package world-atlas 2.0.2 (ISC licence, Mike Bostock); built by scripts/build_world_map.py",
        "projection": "plate carree: x = longitude, y = -latitude",
        "viewBox": "-180 -90 360 180",
        "countries": countries,
    }
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_text(json.dumps(out, ensure_ascii=False, separators=(",", ":")) + "\n", encoding="utf-8")
    print(f"{OUT}: {len(countries)} countries, {OUT.stat().st_size:,} bytes")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
