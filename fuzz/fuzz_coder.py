"""Fuzz the coder: generated news sentences mixed with random text, odd punctuation, numbers,
dates and publication dates from year 1 to 9999. Coding must give schema-valid events whose
evidence points into the text (or a TidingsError), and the store must take the result.

    .venv/bin/python fuzz/fuzz_coder.py [SECONDS]
"""

from __future__ import annotations

import json
import sys
from importlib import resources
from pathlib import Path

import jsonschema
from hypothesis import given
from hypothesis import strategies as st

sys.path.insert(0, str(Path(__file__).resolve().parent))
from common import run_for, seconds_from_argv  # noqa: E402

from tidings.errors import TidingsError  # noqa: E402
from tidings.ingest.identity import article_id, normalize_text  # noqa: E402
from tidings.pipeline import Pipeline  # noqa: E402
from tidings.store import Store  # noqa: E402
from tidings.types import Article  # noqa: E402

PIPELINE = Pipeline.load()
SCHEMA = json.loads(resources.files("tidings.schema").joinpath("event.schema.json").read_text(encoding="utf-8"))
VALIDATOR = jsonschema.Draft202012Validator(SCHEMA)

WORDS = ["Turkish", "troops", "attacked", "Syrian", "positions", "near", "Kobani", "on", "Tuesday", "killing",
         "at least", "12", "people", "President", "Macron", "met", "Putin", "in", "Moscow", "sanctions",
         "protesters", "police", "arrested", "the", "UN", "Security Council", "condemned", "Israel", "Gaza",
         "ceasefire", "yesterday", "next week", "2019", "March 3", "1,200", "dozens", "wounded", "said", "not",
         "would", "could", "threatened", "to", "expel", "diplomats", "Iran", "and", "but", ",", ".", ";", "-",
         "\"", "(", ")", "\n", "\n\n", "WASHINGTON, Dec 17 (Reuters) -", "it", "he", "they", "Mr.", "U.S.", "'s"]
text = st.one_of(
    st.lists(st.sampled_from(WORDS), min_size=1, max_size=80).map(" ".join),
    st.text(min_size=1, max_size=300),
    st.lists(st.sampled_from(WORDS) | st.text(max_size=12), min_size=1, max_size=60).map(" ".join),
)


@given(body=text, pub=st.none() | st.dates())
def coding_never_crashes(body: str, pub) -> None:
    body = normalize_text(body)
    if not body:
        return
    article = Article(article_id(body), body, pub)
    try:
        events = PIPELINE(article)
    except TidingsError as exc:
        assert exc.code.startswith("E5"), exc
        result = exc
    else:
        for event in events:
            errors = list(VALIDATOR.iter_errors(event.to_dict()))
            assert not errors, (body, errors[0].message)
            ev = event.evidence
            assert body[ev.start:ev.end] == ev.text, (body, ev)
            assert body[ev.trigger_start:ev.trigger_end] == ev.trigger, (body, ev)
        result = events
    with Store.open(":memory:") as store:
        store.write([(article, result)])
        store.write([(article, result)])


if __name__ == "__main__":
    sys.exit(run_for(seconds_from_argv(), [coding_never_crashes], examples=100))
