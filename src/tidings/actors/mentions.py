"""Known names in a parsed document, and the tokens and offsets of argument phrases.

``find_mentions`` finds the longest known names (countries, organisations, leaders, roles,
collectives) left to right; ``element_tokens`` and ``coordinated`` cut an argument phrase into
its coordinated elements ("Türkiye and Qatar"); ``phrase_span`` gives an element's offsets.
"""

from __future__ import annotations

from dataclasses import dataclass

from tidings.actors.knowledge import Entry, Knowledge
from tidings.nlp.grammar import words

_EXCLUDED_DEPS = {"relcl", "acl", "advcl", "ccomp", "xcomp", "punct", "cc", "conj", "appos", "prep", "det",
                  "preconj", "mark", "case"}


@dataclass(frozen=True, slots=True)
class Mention:
    start: int  # token index in the doc
    end: int
    text: str
    entries: tuple[Entry, ...]


def doc_text(doc) -> str:
    """The document's text, built once (spaCy's Doc.text joins every token on each call)."""
    text = doc.user_data.get("tidings_text")
    if text is None:
        text = doc.user_data["tidings_text"] = doc.text
    return text


def doc_ents(doc) -> tuple:
    """The document's entities, built once (spaCy's Doc.ents makes new spans on each call)."""
    ents = doc.user_data.get("tidings_ents")
    if ents is None:
        ents = doc.user_data["tidings_ents"] = doc.ents
    return ents


def span_ents(span) -> list:
    """The entities inside a span (a sentence), from the document's built-once list: spaCy's
    Span.ents rebuilds the document's entities on each call."""
    return [e for e in doc_ents(span.doc) if e.start >= span.start and e.end <= span.end]


def find_mentions(doc, knowledge: Knowledge, start: int, end: int) -> list[Mention]:
    """Longest known names in doc[start:end], left to right, without overlaps."""
    found: list[Mention] = []
    text_of = doc_text(doc)
    i = start
    while i < end:
        hit: Mention | None = None
        longest = knowledge.longest_from(doc[i].text)
        if not longest:
            i += 1
            continue
        first = doc[i]
        for n in range(min(longest, end - i), 0, -1):
            last = doc[i + n - 1]
            if last.is_punct and n > 1:
                continue
            text = text_of[first.idx: last.idx + len(last.text)]
            if n > 1 and text.lower() == text and not knowledge.has_lower_prefix(text):
                continue
            entries = knowledge.lookup(text)
            if not entries and text.lower().startswith("the "):
                continue
            if entries:
                hit = Mention(i, i + n, text, tuple(entries))
                break
        if hit and i >= 2 and doc[i - 1].text == "-" and doc[i - 2].lower_ in words("modifiers.period"):
            hit = None  # "post-Soviet history": a period, not the Soviet Union acting
        if hit:
            found.append(hit)
            i = hit.end
        else:
            i += 1
    return found


def element_tokens(head) -> list:
    """The tokens of one coordinated element of a phrase: the head and its modifiers, with
    'of' phrases, but without relative clauses, other prepositional phrases or conjuncts."""
    keep = [head]
    for child in head.children:
        if child.dep_ == "prep" and child.lower_ == "of":
            keep.append(child)
            for grand in child.children:
                if grand.dep_ == "pobj":
                    keep.extend(_phrase_tokens(grand))
        elif child.dep_ not in _EXCLUDED_DEPS:
            keep.extend(child.subtree)
        elif child.dep_ == "appos" and child.ent_type_ in ("PERSON", "GPE", "ORG"):
            keep.extend(child.subtree)
    return sorted(set(keep), key=lambda t: t.i)


def _phrase_tokens(head) -> list:
    tokens = list(element_tokens(head))
    for conj in coordinated(head)[1:]:
        tokens.extend(element_tokens(conj))
    return tokens


def coordinated(head) -> list:
    """The head and its conjuncts: 'Türkiye and Qatar' -> [Türkiye, Qatar]."""
    out = [head]
    for child in head.children:
        if child.dep_ == "conj":
            out.extend(coordinated(child))
    return out


def phrase_span(tokens) -> tuple[int, int]:
    """Character offsets covering the tokens, trimmed of leading determiners and punctuation."""
    tokens = [t for t in tokens if not t.is_space]
    while tokens and (tokens[0].is_punct or tokens[0].dep_ == "cc"):
        tokens = tokens[1:]
    while tokens and (tokens[-1].is_punct or tokens[-1].dep_ == "cc"):
        tokens = tokens[:-1]
    if not tokens:
        return (0, 0)
    return tokens[0].idx, tokens[-1].idx + len(tokens[-1].text)


