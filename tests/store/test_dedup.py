"""Date matching of mentions: days within the window, periods that contain each other, weeks that overlap."""

import pytest

from tidings.store.dedup import Anchor, dates_match


def anchor(value, precision):
    return Anchor(value, precision, None, None, None, None, "2024-12-17")


@pytest.mark.parametrize("a, b, same", [
    (("2024-12-16", "day"), ("2024-12-18", "day"), True),
    (("2024-12-16", "day"), ("2024-12-19", "day"), False),
    (("2024-12", "month"), ("2024-12-30", "day"), True),
    (("2024-12", "month"), ("2024-11", "month"), False),
    # the week of Monday 16 December 2024 holds the 16th to the 22nd
    (("2024-12-16", "week"), ("2024-12-22", "day"), True),
    (("2024-12-16", "week"), ("2024-12-23", "day"), False),
    (("2024-12-16", "week"), ("2024-12-15", "day"), False),
    (("2024-12-16", "week"), ("2024-12-16", "week"), True),
    (("2024-12-16", "week"), ("2024-12-09", "week"), False),
    # the week of Monday 30 December 2024 runs into January 2025
    (("2024-12-30", "week"), ("2025-01", "month"), True),
    (("2024-12-30", "week"), ("2024", "year"), True),
    (("2024-12-30", "week"), ("2024-11", "month"), False),
])
def test_dates_match(a, b, same):
    assert dates_match(anchor(*a), anchor(*b)) is same
    assert dates_match(anchor(*b), anchor(*a)) is same
