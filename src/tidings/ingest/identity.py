"""Content-derived article identity: the same text always gets the same id."""

from __future__ import annotations

import hashlib
import unicodedata


def normalize_text(text: str) -> str:
    """NFC, Unix newlines, no trailing blanks: what the coder and the id both see."""
    text = unicodedata.normalize("NFC", text.replace("\r\n", "\n").replace("\r", "\n"))
    return "\n".join(line.rstrip() for line in text.split("\n")).strip()


def article_id(text: str) -> str:
    """'a' + the first 19 hex digits of the SHA-256 of the normalized text."""
    return "a" + hashlib.sha256(normalize_text(text).encode("utf-8")).hexdigest()[:19]
