"""Bad inputs, generated into a folder: nothing big is committed.

``write_bad_corpus(folder)`` writes one file per kind of bad input and returns ``BadInput``
records saying what each file should give: how many articles it holds, how many errors, and a
text every error line about it must contain (the file name, and the line for JSONL).
``write_good(folder)`` writes a few articles that must be stored whatever else is in the folder.
"""

from __future__ import annotations

import json
import random
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path

GOOD_TEXT = ("Turkish troops shelled Kurdish militia positions near the Syrian border town of Kobani on "
             "Tuesday, killing at least four fighters, the Syrian Observatory for Human Rights said.")


@dataclass(frozen=True)
class BadInput:
    name: str                    # file name inside the folder
    articles: int = 0            # articles that must still come out of it
    errors: int = 1              # error lines it must give
    codes: tuple[str, ...] = ()  # error codes expected (any of them)
    lines: tuple[int, ...] = field(default=())  # JSONL lines that must be named in the errors
    warned: tuple[str, ...] = ()  # where (line, entry) an article is kept with a W112 date warning
    note: str = ""


def examples() -> list[dict]:
    ref = resources.files("tidings.examples").joinpath("articles.jsonl")
    return [json.loads(line) for line in ref.read_text(encoding="utf-8").splitlines() if line.strip()]


def _jsonl(records: list[object]) -> bytes:
    out = []
    for record in records:
        out.append(record if isinstance(record, bytes) else json.dumps(record, ensure_ascii=False).encode())
    return b"\n".join(out) + b"\n"


def huge_text(words: int = 3_000_000, *, seed: int = 7) -> str:
    """A plausible-looking article of ``words`` words (about 6.5 characters a word)."""
    rng = random.Random(seed)
    vocab = ("the minister said government troops forces border talks attacked capital officials "
             "protesters police election parliament sanctions ceasefire").split()
    return " ".join(rng.choice(vocab) for _ in range(words)) + "."


def long_sentence(words: int = 20_000, *, seed: int = 11) -> str:
    """One sentence of ``words`` words: coordinated clauses, no full stop until the end."""
    rng = random.Random(seed)
    actors = ["Turkish troops", "the Iraqi army", "French police", "Kenyan officials", "the rebels", "protesters"]
    verbs = ["attacked", "criticised", "met", "warned", "arrested", "praised"]
    parts = ["Officials said that"]
    n = 3
    while n < words:
        clause = f"{rng.choice(actors)} {rng.choice(verbs)} {rng.choice(actors)}"
        parts.append(clause + " and")
        n += len(clause.split()) + 1
    return " ".join(parts) + " talks resumed."


FEED_BROKEN = """<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0"><channel><title>Wire</title>
<item><title>Good entry</title><description>{good}</description><pubDate>Tue, 17 Dec 2024 10:00:00 GMT</pubDate></item>
<item><title>No text</title></item>
<item><title>Blank text</title><description>   </description></item>
<item><title>Bad date</title><description>{good2}</description><pubDate>Feb 30 2024 99:99</pubDate></item>
</channel></rss>
"""


def write_bad_corpus(folder: Path) -> list[BadInput]:
    """One file per kind of bad input (big ones generated); returns what each must give."""
    folder.mkdir(parents=True, exist_ok=True)
    cases: list[BadInput] = []

    def put(name: str, data: bytes | str, **expect) -> None:
        (folder / name).write_bytes(data if isinstance(data, bytes) else data.encode("utf-8"))
        cases.append(BadInput(name, **expect))

    put("empty.txt", b"", codes=("E101",), note="empty file")
    put("blank.txt", b"  \n\t\n   \n", codes=("E101", "E104"), note="whitespace only")
    put("binary.txt", bytes(range(256)) * 40, codes=("E102", "E103"), note="binary bytes")
    put("png-named.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(500), codes=("E102",), note="a PNG")
    put("latin1.txt", "Le ministre français a critiqué la décision à Genève, déclarant qu'elle était "
        "« inacceptable ».".encode("latin-1"), codes=("E103",), note="Latin-1 text")
    put("mixed-encoding.txt", "Officials in Zürich said ".encode() + "the café was closed — ".encode("cp1252")
        + "by police.".encode(), codes=("E103",), note="UTF-8 mixed with cp1252")
    put("huge.txt", huge_text(), codes=("E113",), note="3-million-word article")
    put("empty.jsonl", b"\n\n  \n", codes=("E101",), note="JSONL with no records")
    good_record = {"id": "jsonl-good-1", "date": "2024-12-17", "text": GOOD_TEXT}
    put("broken.jsonl", _jsonl([
        good_record,                                               # 1 ok
        b'{"id": "cut", "text": "Turkish troops shel',             # 2 truncated
        b"this is not json",                                       # 3
        ["a", "list"],                                             # 4 not an object
        {"id": "no-text", "date": "2024-12-17"},                   # 5 missing text
        {"id": "int-text", "text": 42},                            # 6 wrong type
        # 7-10: a date that cannot be read loses the date, not the article (one warning each)
        {"id": "bad-date", "date": "2024-02-30", "text": GOOD_TEXT + " (a)"},   # 7 impossible date
        {"id": "far-date", "date": "99999-01-01", "text": GOOD_TEXT + " (b)"},  # 8 impossible date
        {"id": "word-date", "date": "yesterday", "text": GOOD_TEXT + " (c)"},   # 9 not a date
        {"id": "num-date", "date": 20241217, "text": GOOD_TEXT + " (d)"},       # 10 wrong type
        {"id": {"nested": 1}, "text": GOOD_TEXT + " (e)"},                      # 11 id of the wrong type
        {"id": "list-title", "title": ["x"], "text": GOOD_TEXT + " (f)"},       # 12 title of the wrong type
        {"id": "blank", "text": "   \n  "},                                      # 13 blank text
        b"\xff\xfe{\"text\": \"latin\"}",                          # 14 not UTF-8
        {"id": "jsonl-good-2", "date": "2024-12-18", "text": GOOD_TEXT.replace("four", "five")},  # 15 ok
    ]), articles=6, errors=9, lines=(2, 3, 4, 5, 6, 11, 12, 13, 14), warned=(":7:", ":8:", ":9:", ":10:"),
        codes=("E103", "E105", "E106", "E107", "E108", "E104"), note="broken JSONL lines")
    # (a page of navigation links alone is read as a two-word article: trafilatura keeps link text)
    put("no-article.html", "<html><head><title>Menu</title></head><body><nav><a href='/'><img src='l.png'>"
        "</a></nav><div class='ad'></div><footer></footer></body></html>", codes=("E116",),
        note="HTML with no article text")
    put("script-only.html", "<html><body><script>var x = 1;</script><style>p{}</style></body></html>",
        codes=("E116",), note="HTML with only scripts")
    put("broken-feed.rss", FEED_BROKEN.format(good=GOOD_TEXT, good2=GOOD_TEXT.replace("four", "six")),
        articles=2, errors=2, codes=("E1",), warned=(": entry 4 ",), note="RSS with broken entries")
    put("not-a-feed.xml", b"<?xml version='1.0'?><rss><channel><item><title>unclosed", codes=("E1",),
        note="truncated feed")
    return cases


# Good articles: each must be stored whatever is in the folder around it. Other languages are
# not errors: they are read, and coded as well as an English coder can (usually no events).
FOREIGN = {
    "french.txt": "Le président français a rencontré le chancelier allemand à Berlin mardi pour discuter "
                  "de la guerre en Ukraine et des sanctions contre la Russie.",
    "arabic.txt": "التقى الرئيس المصري بنظيره الأردني في القاهرة يوم الثلاثاء لبحث الأوضاع في غزة.",
    "chinese.txt": "中国外交部长星期二在北京会见了俄罗斯外长，双方讨论了乌克兰局势。",
}


def write_good(folder: Path) -> list[str]:
    """Good inputs (one English, one 20,000-word sentence, three other languages); returns their names."""
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "good.txt").write_text(GOOD_TEXT.replace("four", "three"), encoding="utf-8")
    (folder / "long-sentence.txt").write_text(long_sentence(), encoding="utf-8")
    for name, text in FOREIGN.items():
        (folder / name).write_text(text, encoding="utf-8")
    return ["good.txt", "long-sentence.txt", *FOREIGN]
