"""Defects the hardening work found, pinned."""

from __future__ import annotations

import datetime as dt

import pytest

from tidings.attributes.time import resolve_date
from tidings.types import Article

TEXT = ("Turkish troops attacked Syrian positions yesterday, killing three people. Two weeks ago France "
        "imposed sanctions on Russia. Talks will resume next week and in April.")


@pytest.mark.parametrize("phrase", ["yesterday", "two weeks ago", "3 years ago", "last month", "in April",
                                    "next week", "tomorrow", "7 months ago"])
@pytest.mark.parametrize("pub", [dt.date.min, dt.date.max], ids=["year-1", "year-9999"])
def test_relative_dates_at_the_ends_of_the_calendar(phrase, pub):
    # used to raise OverflowError / ValueError, failing the whole article with E502
    when = resolve_date(phrase, pub)
    assert when is None or when.value[:4].isdigit()


@pytest.mark.parametrize("pub", [dt.date.min, dt.date.max], ids=["year-1", "year-9999"])
def test_articles_dated_at_the_ends_of_the_calendar_are_coded(pipeline, pub):
    from tidings.store import Store

    article = Article(f"edge-{pub.year}", TEXT, pub)
    [(_, result)] = list(pipeline.pipe([article]))
    assert not isinstance(result, Exception), result
    assert {e.type for e in result} >= {"ASSAULT"}
    with Store.open(":memory:") as store:
        assert store.write([(article, result)]).added == 1
