import datetime as dt
import io
import json

import pytest

from tidings.errors import DateError, InputError
from tidings.ingest.identity import article_id
from tidings.ingest.readers import parse_date, read_date, read_jsonl, read_path


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
    # an impossible date loses the date, not the article: it is coded with a warning
    assert [a.id for a in ok] == ["x1", "x3", "x5"]
    assert ok[1].date is None and ok[1].date_warning.startswith(f"W112 {p}:5: ")
    assert ok[2].date is None and ok[2].date_warning is None
    assert [e.code for e in bad] == ["E105", "E106", "E107", "E104"]
    assert all(f"{p}:" in str(e) for e in bad)
    assert f"{p}:2:" in str(bad[0])


def test_stdin_text_and_jsonl():
    [a] = list(read_path("-", stdin=io.BytesIO(b"Protesters marched in Tbilisi."), date=None))
    assert a.text.startswith("Protesters")
    got = list(read_path("-", stdin=io.BytesIO(b'{"id": "s1", "text": "Police arrested 20."}\n'), date=None))
    assert got[0].id == "s1"


# Publication dates as feeds, scrapers and wire archives write them: the day as written, in the
# zone it was written in.
DATE_FORMS = [
    ("7:58 AM ET, Sat January 3, 2015", dt.date(2015, 1, 3)),
    ("Wed Nov 23, 2016 | 4:58pm EST", dt.date(2016, 11, 23)),
    ("Tue, 17 Dec 2024 09:30:00 +0300", dt.date(2024, 12, 17)),
    ("Mon, 16 Dec 2024 23:30:00 -0800", dt.date(2024, 12, 16)),  # not moved to the 17th in UTC
    ("2024-12-17T09:30:00Z", dt.date(2024, 12, 17)),
    ("2024-12-17T23:30:00-05:00", dt.date(2024, 12, 17)),
    ("2024-12-17 09:30:00", dt.date(2024, 12, 17)),
    ("2024-12-17", dt.date(2024, 12, 17)),
    ("17/12/2024", dt.date(2024, 12, 17)),   # day first: 17 cannot be a month
    ("12/17/2024", dt.date(2024, 12, 17)),   # month first, likewise
    ("17.12.2024", dt.date(2024, 12, 17)),
    ("1/1/2024", dt.date(2024, 1, 1)),       # either order gives the same day
    ("December 17, 2024", dt.date(2024, 12, 17)),
    ("17 December 2024 21:30 GMT", dt.date(2024, 12, 17)),
    ("Tuesday, December 17, 2024 11:45 PM", dt.date(2024, 12, 17)),
    ("Updated 9:30 p.m. EST Dec. 17, 2024", dt.date(2024, 12, 17)),
    ("Published: 17 December 2024 10:01 GMT", dt.date(2024, 12, 17)),
    ("  Tue, 17 Dec 2024\n09:30:00 GMT ", dt.date(2024, 12, 17)),
]


@pytest.mark.parametrize("value,day", DATE_FORMS, ids=[f[0] for f in DATE_FORMS])
def test_publication_date_forms(value, day):
    assert parse_date(value, where="f.jsonl:1") == day


@pytest.mark.parametrize("value", ["2024-02-30", "0000-00-00", "31 Feb 2024", "99999-01-01",
                                   "yesterday", "2 days ago", "today 09:30",    # relative: never from today
                                   "December 2024", "Dec 17", "Tuesday",        # a part missing
                                   "05/06/2024", "17/12/24",                    # day/month or century unclear
                                   "soon", "Mon, 99 Foo 99999", "x" * 500])
def test_invalid_dates(value):
    with pytest.raises(DateError) as info:
        parse_date(value, where="--date")
    assert str(info.value).startswith("E112 --date: ")


def test_a_date_that_is_not_a_string():
    with pytest.raises(DateError) as info:
        parse_date(20241217, where="--date")
    assert info.value.code == "E111"


def test_parsing_does_not_depend_on_the_local_time_zone(monkeypatch):
    import time

    if not hasattr(time, "tzset"):
        pytest.skip("no tzset on this platform")
    got = []
    for zone in ("Pacific/Kiritimati", "Pacific/Pago_Pago"):  # UTC+14 and UTC-11
        monkeypatch.setenv("TZ", zone)
        time.tzset()
        got.append([parse_date(v, where="x") for v, _ in DATE_FORMS])
    monkeypatch.undo()
    time.tzset()
    assert got[0] == got[1] == [d for _, d in DATE_FORMS]


def test_read_date_warns_and_keeps_the_default():
    assert read_date("Tue, 17 Dec 2024 09:30:00 +0300", where="f:1") == (dt.date(2024, 12, 17), None)
    assert read_date(None, where="f:1", default=dt.date(2024, 1, 2)) == (dt.date(2024, 1, 2), None)
    day, warning = read_date("2024-02-30", where="f.jsonl:7")
    assert day is None
    assert warning.startswith("W112 f.jsonl:7: ") and "'2024-02-30'" in warning and "without one" in warning
    day, warning = read_date("Sat Foo 99", where="f.jsonl:8", default=dt.date(2024, 1, 2))
    assert day == dt.date(2024, 1, 2) and "default date 2024-01-02" in warning
    assert "\n" not in warning


def test_jsonl_record_with_an_unreadable_date_is_coded_with_one_warning():
    lines = (json.dumps({"id": "a", "text": "Police arrested 20 protesters.", "date": "7:58 AM ET, Sat January 3, 2015"})
             + "\n" + json.dumps({"id": "b", "text": "Rebels seized the town.", "date": "Sat Foo 99"}) + "\n")
    a, b = read_jsonl(io.BytesIO(lines.encode()), where="news.jsonl")
    assert a.date == dt.date(2015, 1, 3) and a.date_warning is None
    assert b.date is None and b.text == "Rebels seized the town."
    assert b.date_warning.startswith("W112 news.jsonl:2: ")


def test_wrong_type_fields():
    got = list(read_jsonl(io.BytesIO(b'{"text": "Hello there world.", "title": {"a": 1}}\n'), where="f.jsonl"))
    assert isinstance(got[0], InputError) and "title" in str(got[0])
