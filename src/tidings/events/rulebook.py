"""The coder's codebook conventions and decision rules, read from ``events/rules/rules.toml``.

    rules = load_rulebook()                   # every rule on
    rules = rules.without({"intent_as_agree"})  # an ablation
    if rules.on("intent_as_agree"): ...
    rules.words("types.reciprocal"); rules.pattern("patterns.weapons_of_war"); rules.table("intent_as_agree")

A rule is a named decision with the codebook section it follows; ``tidings code --explain``
names each rule that fired and ``tidings eval --without NAME`` measures what it is worth.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cache
from typing import Any

from tidings.datafiles import read_text
from tidings.errors import ConfigError, DataError

_STAGES = ("type", "arguments", "actors", "vetoes", "conventions", "attributes")


@dataclass(frozen=True, slots=True)
class Rule:
    name: str
    stage: str
    kind: str
    section: str
    about: str


@dataclass(frozen=True)
class RuleBook:
    rules: dict[str, Rule]
    data: dict[str, Any]
    disabled: frozenset[str] = frozenset()
    _cache: dict[str, Any] = field(default_factory=dict, compare=False, repr=False)

    def on(self, name: str) -> bool:
        """Whether rule ``name`` is switched on (a name not in the registry is a bug)."""
        if name not in self.rules:
            raise KeyError(f"unknown coder rule {name!r}")
        return name not in self.disabled

    def without(self, names: Iterable[str]) -> "RuleBook":
        """The same rules with ``names`` switched off (an ablation)."""
        names = frozenset(n.strip() for n in names if n.strip())
        unknown = sorted(names - set(self.rules))
        if unknown:
            raise ConfigError(f"unknown coder rule(s) {', '.join(unknown)}; known: {', '.join(sorted(self.rules))}",
                              code="E404")
        return RuleBook(self.rules, self.data, self.disabled | names, self._cache)

    def _get(self, name: str) -> Any:
        section, _, key = name.partition(".")
        value = self.data[section]
        return value[key] if key else value

    def words(self, name: str) -> frozenset[str]:
        value = self._cache.get(name)
        if value is None:
            value = self._cache[name] = frozenset(self._get(name))
        return value

    def table(self, name: str) -> dict[str, str]:
        return dict(self._get(name))

    def pattern(self, name: str) -> re.Pattern[str]:
        value = self._cache.get(name)
        if value is None:
            value = self._cache[name] = re.compile(self._get(name), re.I)
        return value


@cache
def load_rulebook() -> RuleBook:
    try:
        data = tomllib.loads(read_text("tidings.events.rules", "rules.toml"))
    except tomllib.TOMLDecodeError as exc:
        raise DataError(f"packaged data file tidings.events.rules/rules.toml is not valid TOML: {exc}",
                        code="E305") from None
    rules: dict[str, Rule] = {}
    for name, spec in data.pop("rule").items():
        if spec.get("stage") not in _STAGES:
            raise DataError(f"rules.toml: rule {name!r} has an unknown stage {spec.get('stage')!r}", code="E306")
        rules[name] = Rule(name, spec["stage"], spec["kind"], spec["section"], spec["about"])
    return RuleBook(rules, data)
