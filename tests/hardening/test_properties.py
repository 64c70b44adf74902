"""Properties over generated inputs: events from generated news text validate against the schema
and point into the text; dates of current and historical events are never after publication;
the writer is idempotent whatever the order and duplication of what it is given; JSONL exports
read back as the stored events."""

from __future__ import annotations

import datetime as dt
import io
import json

import jsonschema
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.hardening.dbcheck import snapshot
from tidings.attributes.time import resolve_date
from tidings.types import Article

SETTINGS = settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture,
                                                                            HealthCheck.too_slow])


def test_property_tests_draw_the_same_examples_on_every_run():
    """tests/conftest.py loads the derandomized "ci" profile unless HYPOTHESIS_PROFILE names another
    (make fuzz: "fuzz"); the per-test settings here keep it."""
    import os

    profile = os.environ.get("HYPOTHESIS_PROFILE", "ci")
    assert SETTINGS.derandomize is (profile == "ci") and SETTINGS.database is None


# -- generated news text -------------------------------------------------------------------------

COUNTRIES = [("Turkey", "Turkish"), ("Syria", "Syrian"), ("France", "French"), ("Russia", "Russian"),
             ("Ukraine", "Ukrainian"), ("Kenya", "Kenyan"), ("China", "Chinese"), ("Iran", "Iranian"),
             ("Israel", "Israeli"), ("the United States", "American"), ("Mali", "Malian"), ("India", "Indian")]
PEOPLE = ["President Emmanuel Macron", "the prime minister", "a government spokesman", "rebel leaders",
          "the foreign minister", "opposition lawmakers", "UN Secretary-General Antonio Guterres"]
CITIES = ["Ankara", "Damascus", "Paris", "Moscow", "Kyiv", "Nairobi", "Beijing", "Tehran", "Gaza", "Bamako"]
DATES = ["on Tuesday", "yesterday", "last week", "on March 3", "in 2019", "two days ago", "on 12 May 2021",
         "", "last month", "this morning", "on Oct. 7, 2023", "next week", "in April", "three years ago",
         "on Friday night", "earlier this year", "tomorrow"]
NUMBERS = ["two", "three", "12", "at least 40", "dozens of", "more than 1,200", "hundreds of", "5"]

TEMPLATES = [
    "{adj_a} troops attacked {adj_b} positions near the border {date}, killing {num} people.",
    "The foreign minister of {a} met his counterpart from {b} in {city} {date}.",
    "{a} accused {b} of violating the ceasefire {date}.",
    "Police in {city} arrested {num} protesters during a demonstration against the government {date}.",
    "{a} imposed new sanctions on {b} {date}, the ministry said.",
    "{person} said {a} would send humanitarian aid to {b}.",
    "{a} and {b} signed an agreement on trade and security {date}.",
    "{adj_a} warplanes struck targets in {city} {date}, wounding {num} civilians.",
    "{person} threatened to expel {adj_b} diplomats if the talks failed.",
    "Thousands of people marched in {city} {date} to demand the resignation of {person}.",
    "{a} denied that its forces had shelled villages in {b}.",
    "{adj_a} officials will hold talks with {adj_b} negotiators in {city} {date}.",
]


@st.composite
def sentences(draw) -> str:
    (a, adj_a), (b, adj_b) = draw(st.lists(st.sampled_from(COUNTRIES), min_size=2, max_size=2, unique=True))
    text = draw(st.sampled_from(TEMPLATES)).format(
        a=a, b=b, adj_a=adj_a, adj_b=adj_b, city=draw(st.sampled_from(CITIES)),
        date=draw(st.sampled_from(DATES)), num=draw(st.sampled_from(NUMBERS)), person=draw(st.sampled_from(PEOPLE)))
    text = " ".join(text.split())
    return text[0].upper() + text[1:]


@st.composite
def articles(draw) -> Article:
    from tidings.ingest.identity import article_id, normalize_text

    paragraphs = draw(st.lists(st.lists(sentences(), min_size=1, max_size=3).map(" ".join), min_size=1, max_size=4))
    text = "\n\n".join(paragraphs)
    if draw(st.booleans()):
        text = f"{draw(st.sampled_from(CITIES)).upper()}, Dec 17 (Reuters) - " + text
    text = normalize_text(text)
    pub = draw(st.dates(min_value=dt.date(1995, 1, 1), max_value=dt.date(2030, 12, 31)))
    return Article(article_id(text), text, pub)


@pytest.fixture(scope="module")
def validator(event_schema):
    return jsonschema.Draft202012Validator(event_schema)


@SETTINGS
@given(article=articles())
def test_events_validate_and_point_into_the_text(pipeline, validator, article):
    for event in pipeline(article):
        errors = list(validator.iter_errors(event.to_dict()))
        assert not errors, (event.evidence.text, errors[0].message)
        ev = event.evidence
        assert 0 <= ev.start < ev.end <= len(article.text)
        assert article.text[ev.start:ev.end] == ev.text
        assert article.text[ev.trigger_start:ev.trigger_end] == ev.trigger
        assert ev.start <= ev.trigger_start < ev.trigger_end <= ev.end
        for actor in event.source + event.target:
            if actor.start is not None:
                assert article.text[actor.start:actor.end] == actor.text
        if event.location is not None and event.location.start is not None:
            assert article.text[event.location.start:event.location.end] == event.location.text
        if event.date is not None and event.status in ("current", "historical"):
            assert event.date.value <= article.date.isoformat()[: len(event.date.value)], (ev.text, event.date)


# -- date resolution ------------------------------------------------------------------------------

WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
          "October", "November", "December", "Jan.", "Feb.", "Sept.", "Oct.", "Dec."]
COUNTS = ["a", "an", "one", "two", "three", "twelve", "1", "7", "30", "52"]


@st.composite
def past_phrases(draw) -> str:
    """Date phrases that refer to the publication day or before it."""
    kind = draw(st.sampled_from(["weekday", "ago", "rel_day", "rel_unit", "month", "md", "dm"]))
    if kind == "weekday":
        phrase = f"{draw(st.sampled_from(['', 'last ', 'this ', 'past ', 'on ']))}{draw(st.sampled_from(WEEKDAYS))}"
    elif kind == "ago":
        unit = draw(st.sampled_from(["day", "days", "week", "weeks", "month", "months", "year", "years"]))
        phrase = f"{draw(st.sampled_from(COUNTS))} {unit} ago"
    elif kind == "rel_day":
        phrase = draw(st.sampled_from(["today", "tonight", "yesterday", "last night", "this morning",
                                       "this afternoon", "this evening"]))
    elif kind == "rel_unit":
        phrase = (f"{draw(st.sampled_from(['last', 'this', 'past', 'earlier this']))} "
                  f"{draw(st.sampled_from(['week', 'month', 'year']))}")
    elif kind == "month":
        phrase = f"{draw(st.sampled_from(['in ', 'In ', 'since ', '']))}{draw(st.sampled_from(MONTHS))}"
    elif kind == "md":
        phrase = f"{draw(st.sampled_from(MONTHS))} {draw(st.integers(1, 31))}"
    else:
        phrase = f"{draw(st.integers(1, 31))} {draw(st.sampled_from(MONTHS))}"
    return draw(st.sampled_from(["{}", "on {}", "{} night", "late {}", "{}, officials said"])).format(phrase)


def _start(value: str) -> dt.date:
    parts = [int(p) for p in value.split("-")]
    return dt.date(parts[0], *(parts[1:] + [1, 1])[:2])


@settings(max_examples=400, deadline=None)
@given(phrase=past_phrases(), pub=st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date(2100, 12, 31)))
def test_relative_dates_are_never_after_publication(phrase, pub):
    when = resolve_date(phrase, pub)
    if when is not None:
        assert _start(when.value) <= pub, (phrase, pub, when)


@settings(max_examples=200, deadline=None)
@given(day=st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date(2100, 12, 31)), later=st.integers(0, 4000),
       form=st.sampled_from(["on {d:%B} {d.day}, {d.year}", "{d.day} {d:%B} {d.year}", "in {d:%B} {d.year}",
                             "in {d.year}", "{d:%Y-%m-%d}"]))
def test_absolute_dates_before_publication_stay_before_it(day, later, form):
    pub = day + dt.timedelta(days=later)
    when = resolve_date(form.format(d=day), pub)
    if when is not None and day.year >= 1600:
        assert _start(when.value) <= pub
        assert when.value == day.isoformat()[: len(when.value)]


@settings(max_examples=300, deadline=None)
@given(phrase=past_phrases() | st.sampled_from(["next week", "tomorrow", "coming Friday", "next year",
                                                 "in two weeks", "later this month"]),
       pub=st.dates(), future=st.booleans())
def test_date_resolution_never_raises_on_extreme_publication_dates(phrase, pub, future):
    """Year 1 and year 9999 are valid dates in a JSONL record: resolving must not overflow."""
    when = resolve_date(phrase, pub, future=future)
    if when is not None:
        _start(when.value)


# -- the writer -----------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def pool(pipeline):
    """Coded articles to write: the examples, a syndicated copy (same text and id, another
    publisher), the same text under another id, a re-dated copy, a failure and a bare sighting."""
    import dataclasses

    from tidings.errors import StageError
    from tidings.ingest.readers import read_jsonl

    ref = __import__("importlib.resources").resources.files("tidings.examples").joinpath("articles.jsonl")
    articles = [a for a in read_jsonl(io.BytesIO(ref.read_bytes()), where="examples")]
    first, second = articles[0], articles[1]
    extra = [
        dataclasses.replace(first, publisher="Other Wire", url="https://example.org/copy"),
        dataclasses.replace(first, id="example-01-again", source="Mirror"),
        dataclasses.replace(second, id="example-02-later", date=second.date + dt.timedelta(days=1)),
    ]
    coded = list(pipeline.pipe(articles + extra))
    failed = Article("broken-one", "Text the coder failed on.", dt.date(2024, 1, 2))
    coded.append((failed, StageError("article 'broken-one': coding failed", code="E502")))
    coded.append((articles[2], None))  # seen again, not coded here
    return Pool(coded)


class Pool(list):
    def __repr__(self) -> str:  # hypothesis prints the arguments of a failing example
        return f"<pool of {len(self)} coded articles>"


def _write(items, *, batches: int = 1):
    from tidings.store import Store

    store = Store.open(":memory:")
    size = max(1, -(-len(items) // batches))
    for i in range(0, len(items), size):
        store.write(items[i:i + size])
    return store


indices = st.lists(st.integers(0, 16), min_size=1, max_size=25)


@SETTINGS
@given(first=indices, again=indices, batches=st.integers(1, 4), data=st.data())
def test_writing_is_idempotent(pool, first, again, batches, data):
    items = [pool[i % len(pool)] for i in first]
    store = _write(items)
    before = snapshot(store.db)
    # anything already written, in any order, duplicated, in any batches: nothing changes
    repeat = [items[i % len(items)] for i in again]
    for i in range(0, len(repeat), max(1, len(repeat) // batches)):
        store.write(repeat[i:i + max(1, len(repeat) // batches)])
    assert snapshot(store.db) == before
    # the same sequence split into batches, or with each item repeated in place, gives the same tables
    assert snapshot(_write(items, batches=batches).db) == before
    doubled = [item for item in items for _ in range(data.draw(st.integers(1, 3)))]
    assert snapshot(_write(doubled).db) == before
    assert store.db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"


@SETTINGS
@given(order=st.permutations(range(17)), data=st.data())
def test_writing_the_whole_pool_in_any_order_stores_the_same_articles(pool, order, data):
    """Which articles, mentions and actors are stored does not depend on the order."""
    items = [pool[i % len(pool)] for i in order]
    a, b = snapshot(_write(pool).db), snapshot(_write(items).db)
    # the article row keeps the url and publisher of its first sighting; the copies table has all
    assert [r[:2] + r[8:] for r in a["articles"]] == [r[:2] + r[8:] for r in b["articles"]]
    for table in ("copies", "actors", "errors"):
        assert a[table] == b[table], table
    assert [m[2:10] for m in sorted(a["mentions"], key=lambda m: m[0])] == \
           [m[2:10] for m in sorted(b["mentions"], key=lambda m: m[0])]
    assert len(a["events"]) == len(b["events"])


# -- export ---------------------------------------------------------------------------------------

@SETTINGS
@given(chosen=indices, type_=st.sampled_from([None, "ASSAULT", "ACCUSE", "CONSULT", "AGREE"]))
def test_jsonl_export_reads_back_as_the_stored_events(pool, chosen, type_, tmp_path):
    from tidings.store.export import export
    from tidings.store.read import EventFilter, iter_events

    store = _write([pool[i % len(pool)] for i in chosen])
    flt = EventFilter(type=type_)
    out = tmp_path / "events.jsonl"
    n = export(store.db, "jsonl", out, flt=flt)
    lines = out.read_text(encoding="utf-8").splitlines()
    assert n == len(lines)
    assert [json.loads(line) for line in lines] == list(iter_events(store.db, flt))
