"""Build tidings/attributes/data/country_points.tsv: one representative point per country.

Run once by a maintainer (needs `pip install countryinfo==1.0.1`); the output is shipped,
so Tidings never needs the package at run time.
"""

from __future__ import annotations

import sys
from pathlib import Path

import countryinfo

# Where the REST Countries point lies far (> 150 km) from the GeoNames country point that
# gazetteers and gold data use, the GeoNames point is taken instead.
OVERRIDES = {"USA": (39.76, -98.5), "AUS": (-25.0, 135.0), "IND": (22.0, 79.0), "CAN": (60.10867, -113.64258),
             "KOS": (42.5833, 21.0)}

OUT = Path(__file__).resolve().parents[1] / "src/tidings/attributes/data/country_points.tsv"


def main() -> int:
    rows = []
    for country in countryinfo.all_countries():
        try:
            iso3, latlng, name = country.iso(3), country.latlng(), country.name()
        except (KeyError, ValueError, TypeError):
            continue
        if not iso3 or not latlng or len(latlng) != 2:
            continue
        lat, lon = OVERRIDES.get(iso3, (float(latlng[0]), float(latlng[1])))
        rows.append((iso3, str(name).title(), lat, lon))
    rows.append(("KOS", "Kosovo", *OVERRIDES["KOS"]))
    with OUT.open("w", encoding="utf-8") as out:
        out.write("# One representative point (lat, lon) per country, for country-level places.\n")
        out.write("# Source: the countryinfo package 1.0.1 (MIT licence), itself from the REST Countries data.\n")
        out.write("# Built by scripts/build_country_points.py.\n")
        out.write("iso3\tname\tlat\tlon\n")
        for iso3, name, lat, lon in sorted(set(rows)):
            out.write(f"{iso3}\t{name}\t{lat:g}\t{lon:g}\n")
    print(f"wrote {len(rows)} countries to {OUT}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
