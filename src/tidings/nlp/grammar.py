"""Word classes of general English, read once from ``nlp/data/english.toml``.

    from tidings.nlp.grammar import words
    if verb.lemma_.lower() in words("verbs.reporting"): ...

Every stage reads its word lists here, so a list is written once and two stages cannot drift
apart. Names are ``section.key`` as in the data file; an unknown name is a programming error.
"""

from __future__ import annotations

import tomllib
from functools import cache

from tidings.datafiles import read_text
from tidings.errors import DataError


@cache
def _load() -> dict[str, frozenset[str]]:
    try:
        data = tomllib.loads(read_text("tidings.nlp.data", "english.toml"))
    except tomllib.TOMLDecodeError as exc:
        raise DataError(f"packaged data file tidings.nlp.data/english.toml is not valid TOML: {exc}",
                        code="E305") from None
    return {f"{section}.{key}": frozenset(values)
            for section, table in data.items() for key, values in table.items()}


@cache
def words(name: str) -> frozenset[str]:
    """The word class ``name`` (for example ``"verbs.reporting"``)."""
    return _load()[name]


def names() -> list[str]:
    return sorted(_load())
