"""Hand-built parses for tests that must not depend on a statistical model.

    doc = parse('''
        Turkey      Turkey   PROPN NNP nsubj  1 B-GPE
        cut         cut      VERB  VBD ROOT   1
        off         off      ADP   RP  prt    1
        trade       trade    NOUN  NN  dobj   1
        with        with     ADP   IN  prep   3
        Israel      Israel   PROPN NNP pobj   4 B-GPE
        .           .        PUNCT .   punct  1
    ''')

One token a line: word, lemma, POS, tag, dependency label, head (0-based index of the head
token; a root is its own head) and, optionally, an IOB entity tag. A parser upgrade cannot move
what such a test covers (spaCy's own tests build Docs this way).
"""

from __future__ import annotations

from functools import cache

import spacy
from spacy.tokens import Doc


@cache
def _vocab():
    return spacy.blank("en").vocab  # English lexical attributes (lower_, is_alpha ...), no model


def parse(table: str) -> Doc:
    words, lemmas, pos, tags, deps, heads, ents = [], [], [], [], [], [], []
    for line in table.strip().splitlines():
        cells = line.split()
        if not cells:
            continue
        word, lemma, p, tag, dep, head = cells[:6]
        words.append(word.replace("_", " ") if word != "_" else word)
        lemmas.append(lemma)
        pos.append(p)
        tags.append(tag)
        deps.append(dep)
        heads.append(int(head))
        ents.append(cells[6] if len(cells) > 6 else "O")
    spaces = [not (i + 1 < len(words) and words[i + 1] in (".", ",", "'s", ")", ":")) for i in range(len(words))]
    spaces[-1] = False
    doc = Doc(_vocab(), words=words, spaces=spaces, lemmas=lemmas, pos=pos, tags=tags, deps=deps, heads=heads,
              ents=ents)
    doc.user_data["tidings_text"] = doc.text
    return doc


def token(doc: Doc, word: str, nth: int = 0):
    """The nth token spelled ``word``."""
    return [t for t in doc if t.text == word][nth]
