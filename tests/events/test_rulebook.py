"""The coder's rules as data: every registered rule is used by the code, can be switched off,
and names its codebook section; unknown names are a clear error."""

import re
from pathlib import Path

import pytest

from tidings.errors import ConfigError
from tidings.events.rulebook import load_rulebook
from tidings.nlp.grammar import names, words

SRC = Path(__file__).resolve().parents[2] / "src" / "tidings"


def test_every_rule_is_switched_in_the_code_and_documented():
    code = "\n".join(p.read_text(encoding="utf-8") for p in SRC.rglob("*.py"))
    used = set(re.findall(r"""\bon\(\s*["']([a-z_]+)["']\s*\)""", code))
    used |= set(re.findall(r"""rules\.on\(["']([a-z_]+)["']\)""", code))
    rules = load_rulebook().rules
    assert set(rules) <= used, sorted(set(rules) - used)
    assert used <= set(rules), sorted(used - set(rules))
    for rule in rules.values():
        assert rule.section and rule.about and rule.kind


def test_ablation_switches_a_rule_off():
    book = load_rulebook().without(["intent_as_agree"])
    assert not book.on("intent_as_agree") and book.on("refusal_to_yield")
    assert load_rulebook().on("intent_as_agree")


def test_unknown_rule_is_a_config_error():
    with pytest.raises(ConfigError) as err:
        load_rulebook().without(["no_such_rule"])
    assert err.value.code == "E404"


def test_word_lists_are_read_once_and_never_empty():
    assert "stress" in words("verbs.reporting")
    assert {"will", "shall"} <= words("auxiliaries.future")
    assert all(words(name) for name in names())
    book = load_rulebook()
    assert book.pattern("patterns.weapons_of_war").search("a mortar round hit the market")
    assert book.table("intent_as_agree")["CONSULT"] == "036"
