"""Wire datelines: "MINSK, Oct 3 - ", "WASHINGTON (AP) -- ", "KABUL (Pajhwok): ".

The dateline names where the story was filed; it is no part of the lede's grammar, so the
parser sees the text with it blanked out (``parse_text``), offsets unchanged.
"""

from __future__ import annotations

import re

DATELINE = re.compile(r"^\s*([A-Z][A-Z.'\- ]{2,40}?)(?:,\s*[A-Za-z0-9.'\- ]{2,30})?\s*(?:\([A-Za-z.' ]{1,30}\))?\s*(?:[-\u2013\u2014:\"\u201c]+|\)\s*[-\u2013\u2014:]+)\s")


def parse_text(text: str) -> str:
    """The text the parser sees: the article with its dateline blanked out, so it is not read
    as the lede's subject. Same length, so every offset stays valid."""
    m = DATELINE.match(text[:120])
    if not m:
        return text
    return " " * m.end() + text[m.end():]
