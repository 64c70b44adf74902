import pytest

from tidings.attributes.numbers import fatalities, injured

CASES = [
    ("A car bomb exploded in the market, killing at least 12 people and wounding 30 others.", 12, "at least", False, 30),
    ("Three soldiers were killed and five were wounded in the ambush.", 3, None, False, 5),
    ("The offensive, which has claimed more than 2,000 lives since March, continued.", 2000, "more than", True, None),
    ("The death toll from the attack rose to 56 on Monday.", 56, None, False, None),
    ("The strike left seven civilians dead, officials said.", 7, None, False, None),
    ("Dozens of people were killed in the clashes.", 24, "at least", False, None),
]


@pytest.mark.parametrize("sentence,dead,qualifier,cumulative,hurt", CASES, ids=[c[0][:40] for c in CASES])
def test_casualty_figures(sentence, dead, qualifier, cumulative, hurt):
    count = fatalities(sentence)
    assert count is not None and count.value == dead
    assert count.qualifier == qualifier
    assert count.cumulative is cumulative
    wounded = injured(sentence)
    assert (wounded.value if wounded else None) == hurt


@pytest.mark.parametrize("sentence", [
    "He was killed in 2019 according to the report.",
    "The ministers met in Geneva to discuss the 2015 agreement.",
    "Twelve countries signed the declaration.",
])
def test_no_casualties(sentence):
    assert fatalities(sentence) is None
