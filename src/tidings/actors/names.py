"""Names for actor codes, from the project's own tables: a country's name as news text writes it
(the first of its aliases in ``data/countries.tsv``: "Iran" and "North Korea" rather than the ISO
forms "Iran, Islamic Republic of" and "Korea, Democratic People's Republic of"), the PLOVER codes
that are not countries from ``data/codes.tsv``. Read once per process, without loading the rest
of the knowledge."""

from __future__ import annotations

from functools import cache

from tidings.datafiles import iter_tsv

_PKG = "tidings.actors.data"


@cache
def code_names() -> dict[str, str]:
    """Actor code -> name, for every country and special code the coder can give."""
    names = {row["iso3"]: row["aliases"].split("|")[0].strip() or row["name"]
             for row in iter_tsv(_PKG, "countries.tsv", required=("iso3", "name", "aliases"))}
    names.update({row["code"]: row["name"] for row in iter_tsv(_PKG, "codes.tsv", required=("code", "name"))})
    return names


def name_of(code: str | None) -> str | None:
    return code_names().get(code.upper()) if code else None
