import dataclasses
import datetime as dt
import sqlite3

import pytest

from tidings.errors import StageError, StoreError
from tidings.store import SCHEMA_VERSION, Store
from tidings.store.read import EventFilter, count_events, get_article, get_event, query_events, stats
from tests.store.conftest import table_counts


def test_schema_version_is_recorded_and_migrating_twice_is_harmless(tmp_path):
    path = tmp_path / "t.db"
    Store.open(path).close()
    with Store.open(path) as s:
        assert s.db.execute("SELECT value FROM meta WHERE key='schema_version'").fetchone()[0] == str(SCHEMA_VERSION)
        assert s.db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


def test_writing_the_same_articles_again_changes_nothing(store, coded_examples):
    first = store.write(coded_examples)
    assert first.added == len(coded_examples) and first.mentions > 100
    before = table_counts(store.db)
    again = store.write(coded_examples)
    assert again.added == 0 and again.skipped == len(coded_examples) and again.mentions == 0
    assert table_counts(store.db) == before
    assert store.db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"


def test_recode_replaces_mentions_without_duplicating_events(store, coded_examples):
    store.write(coded_examples)
    before = table_counts(store.db)
    counts = store.write(coded_examples, replace=True)
    assert counts.replaced == len(coded_examples) and counts.new_events == 0
    assert table_counts(store.db) == before
    # re-coding an article into fewer events drops the events only it reported
    article, events = coded_examples[0]
    counts = store.write([(article, events[:1])], replace=True)
    after = table_counts(store.db)
    assert after["mentions"] == before["mentions"] - (len(events) - 1)
    assert after["events"] < before["events"]
    orphans = store.db.execute("SELECT count(*) FROM events e WHERE NOT EXISTS "
                               "(SELECT 1 FROM mentions m WHERE m.event_id = e.id)").fetchone()[0]
    assert orphans == 0


def test_two_articles_reporting_one_event_make_one_event(store, coded_examples):
    article, events = next((a, e) for a, e in coded_examples if e and e[0].source and e[0].target)
    other = dataclasses.replace(article, id="a-second-report", source="Other Wire", url="https://example.org/2")
    copied = [dataclasses.replace(e, id=e.id[:-1] + "f", article_id=other.id) for e in events[:1]]
    store.write([(article, events[:1]), (other, copied)])
    rows = store.db.execute("SELECT num_mentions, num_articles, num_sources FROM events").fetchall()
    assert len(rows) == 1
    assert tuple(rows[0]) == (2, 2, 2)


def test_syndicated_copies_count_once_per_source(store, coded_examples):
    article, events = next((a, e) for a, e in coded_examples if e)
    store.write([(article, events)])
    # the same text again from another outlet, and once more from the first outlet under another url
    syndicated = dataclasses.replace(article, source="Another Outlet", url="https://another.example/x")
    same_source = dataclasses.replace(article, url="https://first.example/mirror")
    counts = store.write([(syndicated, events), (same_source, events)])
    assert counts.skipped == 2 and counts.mentions == 0
    event = store.db.execute("SELECT num_articles, num_sources FROM events LIMIT 1").fetchone()
    assert tuple(event) == (2, 2)
    assert store.db.execute("SELECT count(*) FROM copies").fetchone()[0] == 3


def test_events_far_apart_in_time_stay_apart(store, coded_examples):
    article, events = next((a, e) for a, e in coded_examples if e and e[0].date and e[0].date.precision == "day")
    event = events[0]
    later_day = (dt.date.fromisoformat(event.date.value) + dt.timedelta(days=30)).isoformat()
    later = dataclasses.replace(event, id="f" * 20, article_id="a-later",
                                date=dataclasses.replace(event.date, value=later_day))
    store.write([(article, [event]), (dataclasses.replace(article, id="a-later"), [later])])
    assert store.db.execute("SELECT count(*) FROM events").fetchone()[0] == 2


def test_a_failing_article_becomes_an_error_row_and_the_batch_goes_on(store, coded_examples):
    (bad, _), *rest = coded_examples
    error = StageError(f"article {bad.id!r}: stage 'events' failed", code="E502")
    counts = store.write([(bad, error), *rest])
    assert counts.failed == 1 and counts.added == len(rest)
    row = store.db.execute("SELECT article_id, stage, code FROM errors").fetchone()
    assert tuple(row) == (bad.id, "code", "E502")
    # the text is kept, uncoded, so a later run codes it
    assert store.coded([bad.id]) == set()
    store.write([coded_examples[0]])
    assert store.coded([bad.id]) == {bad.id}
    assert store.db.execute("SELECT count(*) FROM errors").fetchone()[0] == 0


def test_a_full_database_fails_clearly_and_keeps_what_was_committed(tmp_path, coded_examples):
    path = tmp_path / "small.db"
    with Store.open(path) as s:
        s.write(coded_examples[:1])
        kept = table_counts(s.db)
        pages = s.db.execute("PRAGMA page_count").fetchone()[0]
        s.db.execute(f"PRAGMA max_page_count = {pages + 2}")
        with pytest.raises(StoreError) as info:
            s.write(coded_examples[1:])
        assert info.value.code == "E603" and "full" in info.value.message
        assert table_counts(s.db) == kept
    with Store.open(path) as s:
        assert table_counts(s.db) == kept
        assert s.db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"


def test_a_locked_database_gives_a_clear_error(tmp_path, coded_examples):
    path = tmp_path / "locked.db"
    Store.open(path).close()
    holder = sqlite3.connect(path, isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")
    try:
        with Store.open(path, timeout=0.1) as s, pytest.raises(StoreError) as info:
            s.write(coded_examples[:1])
        assert info.value.code == "E602" and str(path) in info.value.message
    finally:
        holder.execute("ROLLBACK")
        holder.close()


def test_not_a_database_is_a_clear_error(tmp_path):
    path = tmp_path / "notes.db"
    path.write_text("these are notes, not a database\n" * 100)
    with pytest.raises(StoreError) as info:
        Store.open(path)
    assert info.value.code == "E604"


def test_readers_see_events_mentions_and_spans(store, coded_examples):
    store.write(coded_examples)
    totals = stats(store.db)
    assert totals["articles"] == len(coded_examples)
    assert totals["events"] == store.db.execute("SELECT count(*) FROM events").fetchone()[0]
    assert sum(totals["events_by_type"].values()) == totals["events"]
    turkey = query_events(store.db, EventFilter(actor="TUR"), limit=None)
    assert turkey and all(any(a["country"] == "TUR" for a in e["source"] + e["target"]) for e in turkey)
    as_source = query_events(store.db, EventFilter(source="tur"), limit=None)
    assert {e["id"] for e in as_source} <= {e["id"] for e in turkey}
    assert count_events(store.db, EventFilter(type="ASSAULT")) == totals["events_by_type"]["ASSAULT"]
    dated = query_events(store.db, EventFilter(since="2024-01-01", until="2024-12-31"), limit=None)
    assert dated and all("2024" in (e["date"] or {}).get("value", e["first_seen"]) for e in dated)
    event = get_event(store.db, turkey[0]["id"])
    mention = event["mentions"][0]
    article = get_article(store.db, mention["article_id"])
    assert article["text"][mention["start"]:mention["end"]] == mention["evidence"]
    assert any(span["event_id"] == event["id"] for span in article["spans"])


def test_full_text_filter_treats_operators_as_words(store, coded_examples):
    store.write(coded_examples)
    assert count_events(store.db, EventFilter(text="agreements")) >= 1
    total = store.db.execute("SELECT count(*) FROM events").fetchone()[0]
    for hostile in ('" OR 1=1 --', "NEAR(", "'; DROP TABLE events; --", "*", "agreements OR x"):
        assert count_events(store.db, EventFilter(text=hostile)) < total
    assert count_events(store.db, EventFilter(text="agreements OR x")) == 0  # OR is a word here
    assert store.db.execute("SELECT count(*) FROM events").fetchone()[0] == total


def test_an_older_database_is_migrated_on_open(tmp_path, coded_examples):
    import sqlite3

    from tidings.store.schema import MIGRATIONS

    path = tmp_path / "old.db"
    raw = sqlite3.connect(path, isolation_level=None)  # a version-3 database, written as version 3 wrote it
    raw.executescript("\n".join(MIGRATIONS[v]() for v in (1, 2, 3))
                      + "\nINSERT INTO meta(key, value) VALUES ('schema_version', '3');")
    raw.row_factory = sqlite3.Row
    Store(raw, str(path)).write(coded_examples[:2])
    kept = table_counts(raw)
    raw.close()
    with Store.open(path) as s:
        assert s.db.execute("SELECT value FROM meta WHERE key='schema_version'").fetchone()[0] == str(SCHEMA_VERSION)
        assert s.db.execute("SELECT 1 FROM sqlite_master WHERE name = 'events_day'").fetchone()
        assert table_counts(s.db) == kept
        # migration 3: stored articles say whether their date was given
        statuses = {(r[0] is not None, r[1]) for r in s.db.execute("SELECT published, date_status FROM articles")}
        assert statuses <= {(True, "given"), (False, "none")} and statuses
        plan = " ".join(r[3] for r in s.db.execute(
            "EXPLAIN QUERY PLAN SELECT id FROM events e ORDER BY substr(coalesce(e.date, e.first_seen) "
            "|| '-01-01', 1, 10) DESC, e.id DESC LIMIT 50"))
        assert "events_day" in plan
        # the full-text indexes were renamed for Datasette and rebuilt: what version 1 indexed is found
        word = s.db.execute("SELECT evidence FROM mentions LIMIT 1").fetchone()[0].split()[0]
        assert s.db.execute("SELECT count(*) FROM mentions_fts WHERE mentions_fts MATCH ?",
                            (f'"{word}"',)).fetchone()[0] >= 1
        title = s.db.execute("SELECT count(*) FROM articles_fts WHERE articles_fts MATCH 'the'").fetchone()[0]
        assert title == s.db.execute("SELECT count(*) FROM articles WHERE text LIKE '% the %'").fetchone()[0]
        assert not s.db.execute("SELECT 1 FROM sqlite_master WHERE name IN ('article_fts', 'mention_fts')").fetchone()


def test_an_unreadable_publication_date_is_recorded_with_the_article(store, coded_examples):
    """The article is stored and coded; its row says the date it stated could not be read."""
    article, events = coded_examples[0]
    warning = "W112 news.jsonl:3: publication date not read, coded without one: 'Sat Foo 99' is not a date"
    unread = dataclasses.replace(article, id="undated-copy", date=None, date_warning=warning)
    counts = store.write([(article, events), (unread, events)])
    assert counts.added == 2
    rows = dict(store.db.execute("SELECT id, date_status FROM articles").fetchall())
    assert rows == {article.id: "given", "undated-copy": "unreadable"}
    assert store.db.execute("SELECT date_warning FROM articles WHERE id = 'undated-copy'").fetchone()[0] == warning
    assert store.db.execute("SELECT count(*) FROM errors").fetchone()[0] == 0  # a warning, not an error
