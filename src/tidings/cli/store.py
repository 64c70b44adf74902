"""``tidings ingest``, ``query``, ``stats`` and ``export``: thin commands over tidings.store and
tidings.batch."""

from __future__ import annotations

import json
import os
import sys
from importlib import resources
from pathlib import Path

from tidings.errors import InputError
from tidings.ingest.readers import parse_date
from tidings.store.database import open_read
from tidings.store.read import EventFilter

SHOWN_ERRORS = 40  # error lines printed by ingest; the errors table has them all

QUERY_COLUMNS = ("date", "type", "source", "target", "place", "mentions", "evidence")


def _query_row(row: dict) -> tuple[str, ...]:
    side = lambda c, n: " ".join(x for x in (c, f"({n})" if n else None) if x)  # noqa: E731
    evidence = row["evidence"] if len(row["evidence"]) <= 120 else row["evidence"][:117] + "..."
    return (row["date"] or "", row["type"], side(row["source_country"], row["source_name"]),
            side(row["target_country"], row["target_name"]), row["place_name"] or "",
            str(row["num_mentions"]), evidence)


def _progress_bar(enabled: bool):
    """A rich progress bar on stderr: articles/s, events, errors, ETA. None when not a terminal."""
    if not enabled:
        return None, None
    from rich.progress import BarColumn, Progress, TextColumn, TimeRemainingColumn

    progress = Progress(TextColumn("ingest"), BarColumn(), TextColumn("{task.completed:,.0f}{task.fields[of]}"),
                        TextColumn("{task.fields[rate]:.1f} art/s"), TextColumn("{task.fields[events]:,} events"),
                        TextColumn("{task.fields[errors]:,} errors"), TimeRemainingColumn(),
                        transient=False, console=_stderr_console())
    return progress, progress.add_task("ingest", total=None, rate=0.0, events=0, errors=0, of="")


def _stderr_console():
    from rich.console import Console

    return Console(stderr=True)


def estimate_articles(paths: list[str]) -> int | None:
    """A cheap count for the ETA: one per text/HTML file, lines in JSONL files; None when a
    feed, a gzip file or a URL makes the count unknowable without reading it."""
    from tidings.ingest.sources import is_url, kind_of

    total = 0
    for path in paths:
        if is_url(path):
            return None
        p = Path(path)
        files = sorted(p.rglob("*")) if p.is_dir() else [p]
        for f in files:
            if not f.is_file() or f.name.startswith("."):
                continue
            kind, gzipped = kind_of(f)
            if gzipped or kind == "feed":
                return None
            if kind == "jsonl":
                with f.open("rb") as handle:
                    total += sum(1 for line in handle if line.strip())
            elif kind in ("text", "html"):
                total += 1
    return total or None


def run_ingest(args) -> int:
    from tidings.batch.ingest import ingest
    from tidings.config import load_settings

    date = parse_date(args.date, where="--date") if args.date else None
    if not args.paths and not args.recode:
        raise InputError("give files or folders to ingest (or --recode to re-code the stored articles)",
                         code="E131")
    workers = args.workers or os.cpu_count() or 1
    progress, task = _progress_bar(sys.stderr.isatty() and not args.quiet)
    total = estimate_articles(args.paths) if progress else None

    def update(report) -> None:
        if progress is not None:
            c = report.counts
            progress.update(task, completed=report.seen, total=total, of=f"/{total:,}" if total else "",
                            rate=report.seen / report.seconds if report.seconds else 0.0,
                            events=c.mentions, errors=report.failed)

    if progress is not None:
        progress.start()
    try:
        report = ingest(args.paths, args.db, workers=workers, cluster=args.cluster, recode=args.recode,
                        date=date, settings=load_settings(model=args.model), progress=update)
    finally:
        if progress is not None:
            progress.stop()
    for message in report.warnings[:SHOWN_ERRORS]:
        print(f"tidings: warning: {message}", file=sys.stderr)
    if report.warned > SHOWN_ERRORS:
        print(f"tidings: ... and {report.warned - SHOWN_ERRORS} more warnings; the articles are stored "
              f"(sqlite3 {args.db} \"SELECT id, date_warning FROM articles WHERE date_status = 'unreadable'\")",
              file=sys.stderr)
    messages = report.messages + report.counts.error_messages
    for message in messages[:SHOWN_ERRORS]:
        print(f"tidings: error: {message}", file=sys.stderr)
    hidden = report.failed - min(len(messages), SHOWN_ERRORS)
    if hidden > 0:
        print(f"tidings: ... and {hidden} more errors; all are in the errors table "
              f"(sqlite3 {args.db} 'SELECT input, article_id, code, message FROM errors')", file=sys.stderr)
    c = report.counts
    rate = report.seen / report.seconds if report.seconds else 0.0
    print(f"{args.db}: {c.added} articles added, {c.replaced} re-coded, {c.skipped} already stored, "
          f"{report.failed} failed; {c.mentions} event mentions, {c.new_events} new events "
          f"({report.seconds:.1f} s, {rate:.1f} articles/s)", file=sys.stderr)
    if report.failed and not (c.added or c.replaced or c.skipped):
        return 2
    return 1 if report.failed else 0


def _filter(args) -> EventFilter:
    for name in ("since", "until"):
        value = getattr(args, name, None)
        if value:
            parse_date(value, where=f"--{name}")
    dyad = None
    if args.dyad:
        codes = [part.strip() for part in args.dyad.split(",")]
        if len(codes) != 2 or not all(codes):
            raise InputError(f"--dyad {args.dyad!r}: expected two actor codes separated by a comma, e.g. TUR,QAT",
                             code="E132")
        dyad = (codes[0], codes[1])
    return EventFilter(source=args.source, target=args.target, actor=args.actor, type=args.type,
                       since=args.since, until=args.until, text=args.text, dyad=dyad)


def run_query(args) -> int:
    from tidings.store.export import flat, write_csv, write_jsonl
    from tidings.store.read import count_events, query_events

    db = open_read(args.db)
    flt = _filter(args)
    events = query_events(db, flt, limit=args.limit, offset=args.offset)
    fmt = args.format or ("table" if sys.stdout.isatty() else "jsonl")
    if fmt == "jsonl":
        write_jsonl(events, sys.stdout)
    elif fmt == "csv":
        write_csv(events, sys.stdout)
    else:
        from rich.console import Console
        from rich.table import Table

        total = count_events(db, flt)
        table = Table(title=f"{len(events)} of {total} events", show_lines=False)
        for name in QUERY_COLUMNS:
            table.add_column(name, overflow="fold", ratio=4 if name == "evidence" else 1)
        for event in events:
            table.add_row(*_query_row(flat(event)))
        Console().print(table)
    return 0


def run_stats(args) -> int:
    from tidings.store.dyads import top_dyads
    from tidings.store.read import stats

    db = open_read(args.db)
    data = stats(db)
    data["top_dyads"] = top_dyads(db, limit=10)
    if args.format == "json":
        json.dump(data, sys.stdout, indent=2)
        sys.stdout.write("\n")
    else:
        print(summary_text(data))
    return 0


def summary_text(data: dict) -> str:
    lines = [f"{data['articles']:,} articles, {data['events']:,} events from {data['mentions']:,} mentions, "
             f"{data['actors']:,} actors, {data['errors']:,} errors"]
    if data.get("first_date"):
        lines.append(f"events dated {data['first_date']} .. {data['last_date']}")
    lines.append("events by type: " + ", ".join(f"{t} {n}" for t, n in
                                                 sorted(data["events_by_type"].items(), key=lambda x: -x[1]) if n))
    if data.get("top_dyads"):
        lines.append("top dyads: " + ", ".join(f"{d['a']}-{d['b']} {d['events']}" for d in data["top_dyads"]))
    return "\n".join(lines)


def run_export(args) -> int:
    from tidings.store.export import export

    db = open_read(args.db)
    if args.format == "parquet" and args.out == "-":
        raise InputError("parquet needs a file: give --out PATH", code="E133")
    n = export(db, args.format, args.out, flt=_filter(args))
    if args.out != "-":
        print(f"{n} events written to {args.out}", file=sys.stderr)
    return 0


def run_demo_store(db_path: str, *, pipeline=None) -> int:
    """Ingest the bundled examples into ``db_path`` and print a summary."""
    from tidings.batch.ingest import ingest
    from tidings.store.dyads import top_dyads
    from tidings.store.read import stats

    ref = resources.files("tidings.examples").joinpath("articles.jsonl")
    with resources.as_file(ref) as path:
        report = ingest([str(path)], db_path, workers=1, pipeline=pipeline)
    db = open_read(db_path)
    data = stats(db)
    data["top_dyads"] = top_dyads(db, limit=8)
    print(f"\nStored in {db_path} ({report.counts.added} new articles, {report.counts.skipped} already there):")
    print(summary_text(data))
    print(f"Explore: tidings query --db {db_path} --actor TUR | tidings stats --db {db_path}")
    return 1 if report.failed else 0
