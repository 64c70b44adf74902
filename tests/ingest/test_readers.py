import datetime as dt
import io
import json

import pytest

from tidings.errors import DateError, InputError
from tidings.ingest.identity import article_id
from tidings.ingest.readers import parse_date, read_jsonl, read_path


def items(path, **kw):
    return list(read_path(str(path), **kw))


def test_text_file(tmp_path):
    p = tmp_path / "a.txt"
    p.write_text("Türkiye cut off trade with Israel.\n", encoding="utf-8")
    [article] = items(p, date=dt.date(2024, 12, 17))
    assert article.text == "Türkiye cut off trade with Israel."
    assert article.date == dt.date(2024, 12, 17)
    assert article.id == article_id("Türkiye cut off trade with Israel.")


def test_id_is_content_derived():
    assert article_id("A text.") == article_id("A text.\r\n")
    assert article_id("A text.") != article_id("Another text.")


@pytest.mark.parametrize("content,code", [
    (b"", "E101"), (b"   \n\t\n", "E101"), (b"\x00\x01\x02binary\x00", "E102"),
    ("Caf\xe9 au lait".encode("latin-1"), "E103"),
])
def test_bad_text_files_name_the_input(tmp_path, content, code):
    p = tmp_path / "bad.txt"
    p.write_bytes(content)
    [error] = items(p)
    assert isinstance(error, InputError)
    assert error.code == code
    assert str(p) in str(error)


def test_missing_file(tmp_path):
    [error] = items(tmp_path / "nope.txt")
    assert isinstance(error, InputError) and "no such file" in str(error)


def test_jsonl_bad_lines_do_not_stop_the_rest(tmp_path):
    p = tmp_path / "a.jsonl"
    lines = [
        json.dumps({"id": "x1", "text": "Russia attacked Ukraine.", "date": "2022-02-24"}),
        "{not json",
        json.dumps(["a list"]),
        json.dumps({"id": "x2"}),
        json.dumps({"id": "x3", "text": "Iran condemned the strike.", "date": "2024-13-45"}),
        json.dumps({"id": "x4", "text": "   "}),
        json.dumps({"id": "x5", "text": "Egypt hosted talks.", "date": None}),
    ]
    p.write_text("\n".join(lines) + "\n", encoding="utf-8")
    got = items(p)
    ok = [g for g in got if not isinstance(g, InputError)]
    bad = [g for g in got if isinstance(g, InputError)]
    assert [a.id for a in ok] == ["x1", "x5"]
    assert ok[1].date is None
    assert [e.code for e in bad] == ["E105", "E106", "E107", "E112", "E104"]
    assert all(f"{p}:" in str(e) for e in bad)
    assert f"{p}:2:" in str(bad[0])


def test_stdin_text_and_jsonl():
    [a] = list(read_path("-", stdin=io.BytesIO(b"Protesters marched in Tbilisi."), date=None))
    assert a.text.startswith("Protesters")
    got = list(read_path("-", stdin=io.BytesIO(b'{"id": "s1", "text": "Police arrested 20."}\n'), date=None))
    assert got[0].id == "s1"


@pytest.mark.parametrize("value", ["2024-02-30", "yesterday", "17/12/2024", "0000-00-00"])
def test_invalid_dates(value):
    with pytest.raises(DateError) as info:
        parse_date(value, where="--date")
    assert "--date" in str(info.value)


def test_wrong_type_fields():
    got = list(read_jsonl(io.BytesIO(b'{"text": "Hello there world.", "title": {"a": 1}}\n'), where="f.jsonl"))
    assert isinstance(got[0], InputError) and "title" in str(got[0])
