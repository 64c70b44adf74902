import datetime as dt

import pytest

from tidings.attributes.time import resolve_date

PUB = dt.date(2024, 12, 17)  # a Tuesday

CASES = [
    ("on Tuesday", "2024-12-17", "day"),
    ("on Monday", "2024-12-16", "day"),
    ("last Tuesday", "2024-12-10", "day"),
    ("yesterday", "2024-12-16", "day"),
    ("today", "2024-12-17", "day"),
    ("last month", "2024-11", "month"),
    ("this month", "2024-12", "month"),
    ("in April", "2024-04", "month"),
    ("in December", "2024-12", "month"),
    ("April 2023", "2023-04", "month"),
    ("Oct. 7, 2023", "2023-10-07", "day"),
    ("7 October 2023", "2023-10-07", "day"),
    ("on March 3", "2024-03-03", "day"),
    ("2023-10-07", "2023-10-07", "day"),
    ("in 2017", "2017", "year"),
    ("since 2017", "2017", "year"),
    ("last year", "2023", "year"),
    ("three days ago", "2024-12-14", "day"),
    ("two months ago", "2024-10", "month"),
    ("Sept. 11, 2001", "2001-09-11", "day"),
]


@pytest.mark.parametrize("phrase,value,precision", CASES, ids=[c[0] for c in CASES])
def test_resolves_against_publication_date(phrase, value, precision):
    when = resolve_date(phrase, PUB)
    assert when is not None
    assert (when.value, when.precision) == (value, precision)
    assert when.value <= PUB.isoformat()[: len(when.value)]


@pytest.mark.parametrize("phrase", ["in recent years", "for decades", "the 1990s", "soon", "the region"])
def test_no_basis_gives_none(phrase):
    assert resolve_date(phrase, PUB) is None


def test_relative_needs_publication_date():
    assert resolve_date("on Tuesday", None) is None
    assert resolve_date("Oct. 7, 2023", None).value == "2023-10-07"


def test_future_picks_next_occurrence():
    assert resolve_date("on Friday", PUB, future=True).value == "2024-12-20"
    assert resolve_date("in January", PUB, future=True).value == "2025-01"
    assert resolve_date("next month", PUB).value == "2025-01"


def test_impossible_dates_are_none():
    assert resolve_date("February 30, 2023", PUB) is None
    assert resolve_date("2023-13-45", PUB) is None


def test_a_year_written_with_its_month_is_kept_whatever_its_century():
    """A random draw of the property tests found 'on January 1, 2100' published 2101-01-01
    resolving to the publication month (2101-01): the year was not read and the month stood alone."""
    assert resolve_date("on January 1, 2100", dt.date(2101, 1, 1)).value == "2100-01-01"
    assert resolve_date("in May 2150", dt.date(2151, 1, 1)).value == "2150-05"
    # a month followed by a number it cannot read is no month relative to publication
    assert resolve_date("January 1, 3100", PUB) is None


def test_counting_from_the_date_the_story_refers_to():
    monday = dt.date(2024, 12, 16)
    assert resolve_date("the previous day", PUB).value == "2024-12-16"
    assert resolve_date("the previous day", PUB, reference=monday).value == "2024-12-15"
    assert resolve_date("two days earlier", PUB, reference=monday).value == "2024-12-14"
    assert resolve_date("the next day", PUB) is None
    assert resolve_date("the next day", PUB, reference=monday).value == "2024-12-17"
    assert resolve_date("the day before the vote", PUB) is None  # counted from an event we do not date


def test_weeks_and_weekends():
    assert (resolve_date("earlier this week", PUB).value, resolve_date("earlier this week", PUB).precision) == \
        ("2024-12-16", "week")
    assert resolve_date("last week", PUB).value == "2024-12-09"
    assert resolve_date("next week", PUB).value == "2024-12-23"
    assert resolve_date("over the weekend", PUB).value == "2024-12-09"  # 14-15 December
    assert resolve_date("this weekend", PUB, future=True).value == "2024-12-16"  # 21-22 December


def test_months_written_in_lower_case_are_words():
    assert resolve_date("in mid-March", PUB).value == "2024-03"
    assert resolve_date("may", PUB) is None and resolve_date("march", PUB) is None
