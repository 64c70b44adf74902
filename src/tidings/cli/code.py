"""``tidings code`` and ``tidings demo``."""

from __future__ import annotations

import json
import sys
from importlib import resources

from tidings.cli.output import render_explanations, render_table, summary_line, write_jsonl
from tidings.config import load_settings
from tidings.errors import InputError
from tidings.ingest import iter_articles
from tidings.ingest.readers import parse_date, read_jsonl
from tidings.types import Article, Event


def _inputs(paths: list[str], date):
    yield from iter_articles(paths, date=date)


def code_stream(items, pipeline, *, errors: list[str], explain: bool = False):
    """Code a stream of articles and input errors; errors are collected, never raised. An
    article whose stated publication date could not be read is coded, with one warning line."""

    def articles():
        for item in items:
            if isinstance(item, InputError):
                errors.append(str(item))
                print(f"tidings: error: {item}", file=sys.stderr)
            else:
                if item.date_warning:  # coded all the same: a warning, not an error
                    print(f"tidings: warning: {item.date_warning}", file=sys.stderr)
                yield item

    for article, result in pipeline.pipe(articles(), explain=explain):
        if isinstance(result, Exception):
            errors.append(str(result))
            print(f"tidings: error: {result}", file=sys.stderr)
            continue
        yield article, result


def _split(result) -> tuple[list[Event], list]:
    """Events and dropped candidates of one result (a list of events, or a ``Coded``)."""
    return (result, []) if isinstance(result, list) else (result.events, result.dropped)


def _emit(results: list[tuple[Article, object]], fmt: str, *, failed: int, title: str | None = None) -> None:
    events = [e for _, result in results for e in _split(result)[0]]
    dropped = [d for _, result in results for d in _split(result)[1]]
    if fmt == "jsonl":
        write_jsonl(events, sys.stdout)
        for d in dropped:
            sys.stdout.write(json.dumps(d.to_dict(), ensure_ascii=False) + "\n")
    elif fmt == "json":
        json.dump([e.to_dict() for e in events] + [d.to_dict() for d in dropped], sys.stdout, ensure_ascii=False,
                  indent=2)
        sys.stdout.write("\n")
    else:
        for article, result in results:
            evs, gone = _split(result)
            heading = f"{article.title or article.id}" + (f" ({article.date.isoformat()})" if article.date else "")
            render_table(evs, title=title or heading)
            if not isinstance(result, list):
                render_explanations(evs, gone)
        print(summary_line(events, len(results), failed))


def run_code(args) -> int:
    from tidings.pipeline import Pipeline

    date = parse_date(args.date, where="--date") if args.date else None
    settings = load_settings(model=args.model, min_confidence=args.min_confidence, without=args.without)
    fmt = args.format or ("table" if sys.stdout.isatty() else "jsonl")
    errors: list[str] = []
    items = list(_inputs(args.paths, date))
    if all(isinstance(i, InputError) for i in items):
        for item in items:
            print(f"tidings: error: {item}", file=sys.stderr)
        return 2
    pipeline = Pipeline.load(settings)
    if fmt == "table":
        results = list(code_stream(items, pipeline, errors=errors, explain=args.explain))
        _emit(results, fmt, failed=len(errors))
    else:
        results = []
        for article, result in code_stream(items, pipeline, errors=errors, explain=args.explain):
            results.append((article, []))
            _emit([(article, result)], fmt, failed=0)
            sys.stdout.flush()
    if not results:
        return 2
    return 1 if errors else 0


def run_demo(args) -> int:
    from tidings.pipeline import Pipeline

    ref = resources.files("tidings.examples").joinpath("articles.jsonl")
    with resources.as_file(ref) as path, open(path, "rb") as handle:
        items = list(read_jsonl(handle, where="examples/articles.jsonl"))
    errors: list[str] = []
    pipeline = Pipeline.load(load_settings())
    results = list(code_stream(items, pipeline, errors=errors))
    _emit(results, args.format, failed=len(errors))
    if args.format != "table":
        return 1 if errors else 0
    from tidings.cli.store import run_demo_store

    return max(1 if errors else 0, run_demo_store(args.db, pipeline=pipeline))
