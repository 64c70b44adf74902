"""Stage "event": a decided draft becomes an ``Event`` (id, evidence, confidence), and the
article's events are made unique with one casualty figure per event (rule one_toll_per_figure).
"""

from __future__ import annotations

import dataclasses
import hashlib

from tidings.types import Actor, Event, Evidence


def confidence(score: float, sources: list[Actor], targets: list[Actor], match) -> float:
    value = 0.45 * min(1.0, score)
    value += 0.2 if any(a.country for a in sources) else 0.05 if sources else 0.0
    value += 0.15 if any(a.country for a in targets) else 0.05 if targets else 0.0
    value += 0.2 if match is not None and match.specific else 0.1 if match is not None else 0.0
    return round(min(1.0, value), 3)


def evidence(article_text: str, sent, sentence_number: int, trigger) -> Evidence:
    text = article_text[sent.start_char:sent.end_char].rstrip()
    return Evidence(sentence_number, sent.start_char, sent.start_char + len(text), text,
                    trigger.text, trigger.idx, trigger.idx + len(trigger.text))


def event_id(article_id: str, sent, trigger, type_: str, cameo: str) -> str:
    key = f"{article_id}|{sent.start_char}|{trigger.idx}|{type_}|{cameo}"
    return hashlib.sha1(key.encode("utf-8")).hexdigest()[:20]


def one_toll_per_figure(events: list[Event]) -> list[Event]:
    """A casualty figure belongs to the one event whose trigger is nearest to it in the sentence."""
    nearest: dict[tuple[int, str, str], tuple[int, str]] = {}
    for event in events:
        for name in ("fatalities", "injured"):
            count = getattr(event, name)
            if count is None or not count.text:
                continue
            at = event.evidence.text.find(count.text)
            distance = abs(at - (event.evidence.trigger_start - event.evidence.start)) if at >= 0 else 10**6
            key = (event.evidence.start, name, count.text)
            if key not in nearest or distance < nearest[key][0]:
                nearest[key] = (distance, event.id)
    out = []
    for event in events:
        changes = {}
        for name in ("fatalities", "injured"):
            count = getattr(event, name)
            if count is not None and count.text and nearest.get((event.evidence.start, name, count.text),
                                                                (0, event.id))[1] != event.id:
                changes[name] = None
        out.append(dataclasses.replace(event, **changes) if changes else event)
    return out


def unique(events: list[Event]) -> list[Event]:
    seen: set[str] = set()
    out = []
    for event in events:
        if event.id not in seen:
            seen.add(event.id)
            out.append(event)
    return out
