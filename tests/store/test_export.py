import csv
import io
import json

import jsonschema
import pytest

from tidings.store.export import FLAT_COLUMNS, GDELT_COLUMNS, export
from tidings.store.read import EventFilter, iter_events


@pytest.fixture()
def filled(store, coded_examples):
    store.write(coded_examples)
    return store


def test_jsonl_export_validates_against_the_event_schema(filled, tmp_path, event_schema):
    out = tmp_path / "events.jsonl"
    n = export(filled.db, "jsonl", out)
    lines = out.read_text(encoding="utf-8").splitlines()
    assert n == len(lines) == filled.db.execute("SELECT count(*) FROM events").fetchone()[0]
    for line in lines:
        record = json.loads(line)
        jsonschema.validate(record, event_schema)
        assert record["num_mentions"] >= 1 and record["num_sources"] >= 1


def test_csv_export_has_one_flat_row_per_event(filled, tmp_path):
    out = tmp_path / "events.csv"
    n = export(filled.db, "csv", out, flt=EventFilter(actor="TUR"))
    rows = list(csv.DictReader(io.StringIO(out.read_text(encoding="utf-8"))))
    assert len(rows) == n > 0
    assert list(rows[0]) == [name for name, _ in FLAT_COLUMNS]
    assert all("TUR" in (r["source_countries"] + r["target_countries"]) for r in rows)


def test_parquet_export_reads_back_with_types(filled, tmp_path, event_schema):
    import pyarrow.parquet as pq

    out = tmp_path / "events.parquet"
    n = export(filled.db, "parquet", out)
    table = pq.read_table(out)
    assert table.num_rows == n
    assert str(table.schema.field("quad_class").type) == "int64"
    assert str(table.schema.field("lat").type) == "double"
    for record in table.column("record").to_pylist()[:20]:
        jsonschema.validate(json.loads(record), event_schema)


def test_gdelt_export_has_61_columns_in_gdelt_order(filled, tmp_path):
    out = tmp_path / "events.tsv"
    n = export(filled.db, "gdelt", out)
    rows = [line.split("\t") for line in out.read_text(encoding="utf-8").splitlines()]
    assert len(rows) == n and len(GDELT_COLUMNS) == 61
    assert all(len(r) == 61 for r in rows)
    col = {name: i for i, name in enumerate(GDELT_COLUMNS)}
    events = {e["id"]: e for e in iter_events(filled.db)}
    for row in rows:
        assert row[col["GLOBALEVENTID"]].isdigit()
        assert row[col["EventRootCode"]] == row[col["EventCode"]][:2]
        assert row[col["QuadClass"]] in {"1", "2", "3", "4"}
        assert len(row[col["SQLDATE"]]) in (0, 8)
    placed = [r for r in rows if r[col["ActionGeo_Lat"]]]
    assert placed and all(-90 <= float(r[col["ActionGeo_Lat"]]) <= 90 for r in placed)
    turkey = [r for r in rows if r[col["Actor1CountryCode"]] == "TUR"]
    assert turkey and all(r[col["Actor1Code"]].startswith("TUR") for r in turkey)
    assert len(events) == n
