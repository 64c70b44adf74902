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
