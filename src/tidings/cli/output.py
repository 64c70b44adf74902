"""Rendering events for people (a rich table) and for programs (JSON Lines, JSON)."""

from __future__ import annotations

import json
import sys
from collections import Counter
from collections.abc import Iterable
from typing import IO

from tidings.types import Actor, Event


def actor_label(actors: Iterable[Actor]) -> str:
    parts = []
    for a in actors:
        code = "-".join(p for p in (a.country, a.sector) if p) or "?"
        name = a.name if a.name and a.name != a.country else None
        parts.append(f"{code} ({name})" if name else code if code != "?" else a.text[:30])
    return "; ".join(parts)


def write_jsonl(events: Iterable[Event], out: IO[str]) -> None:
    for event in events:
        out.write(json.dumps(event.to_dict(), ensure_ascii=False) + "\n")


def render_table(events: list[Event], *, title: str | None = None, out: IO[str] | None = None) -> None:
    from rich.console import Console
    from rich.table import Table

    console = Console(file=out or sys.stdout, width=None if (out or sys.stdout).isatty() else 200)
    table = Table(title=title, show_lines=False, expand=False)
    for column, style in (("type", "bold"), ("mode", ""), ("cameo", ""), ("source", "cyan"),
                          ("target", "magenta"), ("date", ""), ("place", ""), ("dead", "red"),
                          ("status", ""), ("conf", ""), ("trigger / evidence", "dim")):
        table.add_column(column, style=style, overflow="fold")
    for e in events:
        date = f"{e.date.value}" if e.date else ""
        place = f"{e.location.name}, {e.location.country}" if e.location else ""
        dead = ""
        if e.fatalities:
            dead = f"{e.fatalities.qualifier + ' ' if e.fatalities.qualifier else ''}{e.fatalities.value:,}"
            dead += " (cum.)" if e.fatalities.cumulative else ""
        snippet = e.evidence.text if len(e.evidence.text) < 90 else e.evidence.text[:87] + "..."
        table.add_row(e.type, e.mode or "", e.cameo, actor_label(e.source), actor_label(e.target), date, place,
                      dead, e.status, f"{e.confidence:.2f}", f"[{e.evidence.trigger}] {snippet}")
    console.print(table)


def render_explanations(events: list[Event], dropped: list, *, out: IO[str] | None = None) -> None:
    """What decided each event (numbered as in the table), then the candidates that were dropped."""
    out = out or sys.stdout
    for number, event in enumerate(events, start=1):
        x = event.explanation
        if x is None:
            continue
        top = ", ".join(f"{t} {p:.2f}" for t, p in x.classifier)
        out.write(f"\n{number}. {event.type} [{event.evidence.trigger}]  classifier: {top}\n")
        for step in x.steps:
            out.write(f"   {step.stage:<11} {step.rule:<28} {step.detail}\n")
    for d in dropped:
        out.write(f"\ndropped: {d.type} [{d.trigger}] in sentence {d.sentence} by {d.stage} rule {d.rule}\n")
        for step in d.explanation.steps[-3:]:
            out.write(f"   {step.stage:<11} {step.rule:<28} {step.detail}\n")


def summary_line(events: list[Event], articles: int, failed: int) -> str:
    types = Counter(e.type for e in events)
    top = ", ".join(f"{t} {n}" for t, n in types.most_common(6))
    failed_part = f", {failed} failed" if failed else ""
    return f"{len(events)} events from {articles} articles{failed_part}" + (f" — {top}" if top else "")
