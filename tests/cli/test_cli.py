"""The command line as a user meets it: exit codes, one-line errors, no tracebacks."""

import json
import subprocess
import sys

import pytest


def run(*args, stdin: bytes | None = None):
    proc = subprocess.run([sys.executable, "-m", "tidings", *args], input=stdin, capture_output=True, timeout=300)
    return proc.returncode, proc.stdout.decode("utf-8"), proc.stderr.decode("utf-8")


@pytest.fixture(scope="module")
def article(tmp_path_factory):
    p = tmp_path_factory.mktemp("in") / "story.txt"
    p.write_text("Turkish President Recep Tayyip Erdogan hosted Qatari Emir Sheikh Tamim bin Hamad Al Thani "
                 "in Ankara on Tuesday.\n\nTürkiye cut off trade with Israel in April.\n", encoding="utf-8")
    return p


def test_code_jsonl(article):
    rc, out, err = run("code", str(article), "--date", "2024-12-17", "--format", "jsonl")
    assert rc == 0, err
    events = [json.loads(line) for line in out.splitlines()]
    assert {e["type"] for e in events} >= {"CONSULT", "SANCTION"}


def test_code_table_and_summary(article):
    rc, out, err = run("code", str(article), "--date", "2024-12-17", "--format", "table")
    assert rc == 0, err
    assert "CONSULT" in out and "events from 1 articles" in out


def test_stdin(article):
    rc, out, _ = run("code", "-", "--date", "2024-12-17", "--format", "json", stdin=article.read_bytes())
    assert rc == 0
    assert isinstance(json.loads(out), list)


@pytest.mark.parametrize("content", [b"", b"\x00\xff\x00\x13binary", b"Caf\xe9 au lait, disse o ministro."])
def test_bad_input_alone_exits_2(tmp_path, content):
    p = tmp_path / "bad.txt"
    p.write_bytes(content)
    rc, out, err = run("code", str(p), "--format", "jsonl")
    assert rc == 2
    assert "Traceback" not in err
    assert len(err.strip().splitlines()) == 1 and str(p) in err


def test_bad_input_with_good_input_exits_1(tmp_path, article):
    p = tmp_path / "empty.txt"
    p.write_bytes(b"")
    rc, out, err = run("code", str(p), str(article), "--date", "2024-12-17", "--format", "jsonl")
    assert rc == 1
    assert out.strip(), "the good input is still coded"
    assert "Traceback" not in err and str(p) in err


def test_invalid_date_flag(article):
    rc, _, err = run("code", str(article), "--date", "2024-02-30")
    assert rc == 2 and "--date" in err and "Traceback" not in err


def test_malformed_jsonl_lines_are_named(tmp_path):
    p = tmp_path / "a.jsonl"
    p.write_text('{"id": "ok", "text": "Police arrested 20 protesters in Tbilisi on Monday.", "date": "2024-12-02"}\n'
                 '{"id": "broken", "text": \n', encoding="utf-8")
    rc, out, err = run("code", str(p), "--format", "jsonl")
    assert rc == 1
    assert f"{p}:2" in err and "Traceback" not in err


def test_unreadable_publication_date_is_one_warning_not_an_error(tmp_path):
    p = tmp_path / "scraped.jsonl"
    p.write_text(json.dumps({"id": "a", "text": "Police arrested 20 protesters in Tbilisi on Monday.",
                             "date": "Wed Nov 23, 2016 | 4:58pm EST"}) + "\n"
                 + json.dumps({"id": "b", "text": "Rebels attacked an army base in northern Mali on Monday.",
                               "date": "Sat Foo 99"}) + "\n", encoding="utf-8")
    rc, out, err = run("code", str(p), "--format", "jsonl")
    assert rc == 0, err
    warnings = [line for line in err.splitlines() if line.startswith("tidings: warning:")]
    assert len(warnings) == 1 and f"W112 {p}:2: " in warnings[0] and "'Sat Foo 99'" in warnings[0]
    assert "tidings: error" not in err
    events = [json.loads(line) for line in out.splitlines()]
    assert {e["article_id"] for e in events} == {"a", "b"}  # both coded
    assert all(e["date"]["value"] <= "2016-11-23" for e in events if e["article_id"] == "a" and e["date"])


def test_no_command_prints_help():
    rc, out, _ = run()
    assert rc == 2 and "code" in out


def test_places_jsonl(article):
    rc, out, err = run("places", str(article), "--format", "jsonl")
    assert rc == 0, err
    rows = [json.loads(line) for line in out.splitlines()]
    assert set(rows[0]) == {"article_id", "text", "start", "end", "name", "country", "admin1", "lat", "lon",
                            "geonameid", "feature"}
    text = article.read_text(encoding="utf-8")
    assert all(text[r["start"]:r["end"]] == r["text"] for r in rows)
    ankara = next(r for r in rows if r["text"] == "Ankara")
    assert ankara["country"] == "TUR" and abs(ankara["lat"] - 39.92) < 0.1


def test_demo_runs():
    rc, out, err = run("demo", "--format", "jsonl")
    assert rc == 0, err
    assert len(out.splitlines()) > 50
