"""The event ontology as data: CAMEO codes, Goldstein scores, the CAMEO->PLOVER crosswalk,
PLOVER scores, and the quad classes.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from tidings.datafiles import iter_tsv, read_text
from tidings.errors import DataError
from tidings.types import PLOVER_TYPES

_PKG = "tidings.events.ontology"

# Code a type gets when the text names no more specific action (CAMEO root "not specified").
DEFAULT_CAMEO: dict[str, str] = {
    "AGREE": "030", "CONSULT": "040", "SUPPORT": "050", "CONCEDE": "080", "COOPERATE": "060",
    "AID": "070", "RETREAT": "087", "REQUEST": "020", "ACCUSE": "112", "REJECT": "120",
    "THREATEN": "130", "PROTEST": "140", "SANCTION": "160", "MOBILIZE": "150", "COERCE": "170",
    "ASSAULT": "190",
}


@dataclass(frozen=True, slots=True)
class Mapping:
    type: str
    mode: str | None
    context: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Codebook:
    names: dict[str, str]
    goldstein: dict[str, float]
    crosswalk: dict[str, Mapping]
    plover_scores: dict[tuple[str, str], float]

    def mapping(self, cameo: str) -> Mapping | None:
        """PLOVER type/mode/context for a CAMEO code, falling back to its parent codes."""
        code = cameo
        while code:
            if code in self.crosswalk:
                return self.crosswalk[code]
            code = code[:-1] if len(code) > 2 else ""
        return None

    def goldstein_of(self, cameo: str) -> float:
        code = cameo
        while code:
            if code in self.goldstein:
                return self.goldstein[code]
            code = code[:-1]
        return 0.0

    def plover_score(self, type_: str, mode: str | None) -> float | None:
        return self.plover_scores.get((type_, mode or ""), self.plover_scores.get((type_, "")))

    @staticmethod
    def quad_class(cameo: str) -> int:
        """GDELT QuadClass from the CAMEO root: 1 verbal and 2 material cooperation,
        3 verbal and 4 material conflict."""
        root = int(cameo[:2])
        if root <= 5:
            return 1
        if root <= 8:
            return 2
        if root <= 13:
            return 3
        return 4


_LINE = re.compile(r"^(\d{2,4}):\s*([A-Z]+)\s*(?:,([^,#]*))?(?:,([^#]*))?")


def _parse_crosswalk(text: str) -> dict[str, Mapping]:
    out: dict[str, Mapping] = {}
    for line in text.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        m = _LINE.match(line)
        if not m:
            raise DataError(f"cameo2plover.txt: cannot read line {line!r}", code="E303")
        code, type_, mode, context = m.groups()
        if type_ not in PLOVER_TYPES:
            raise DataError(f"cameo2plover.txt: unknown PLOVER type {type_!r}", code="E304")
        mode = (mode or "").strip().lower() or None
        contexts = tuple(c.strip() for c in (context or "").split(";") if c.strip())
        # Root lines ("08: CONCEDE") name a type; keep the first mapping of a code.
        out.setdefault(code, Mapping(type_, mode, contexts))
    return out


@cache
def load_codebook() -> Codebook:
    names: dict[str, str] = {}
    for line in read_text(_PKG, "cameo_codes.tsv").splitlines():
        if line.startswith("#") or not line.strip():
            continue
        code, _, name = line.partition("\t")
        names[code.strip()] = name.strip()
    goldstein: dict[str, float] = {}
    for line in read_text(_PKG, "goldstein.tsv").splitlines():
        if line.startswith("#") or not line.strip():
            continue
        code, _, score = line.partition("\t")
        goldstein[code.strip()] = float(score)
    scores = {
        (r["type"], r["mode"]): float(r["score"])
        for r in iter_tsv(_PKG, "plover_scores.tsv", required=("type", "mode", "score"))
    }
    return Codebook(names, goldstein, _parse_crosswalk(read_text(_PKG, "cameo2plover.txt")), scores)
