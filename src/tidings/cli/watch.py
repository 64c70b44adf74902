"""``tidings watch FEED... --db FILE``: poll feeds on a schedule until SIGINT or SIGTERM.

A FEED is an http(s) URL or a file listing URLs, one a line (blank lines and ``#`` comments
skipped). A signal stops the monitor between two steps: the batch being written is committed or
not written at all, and the exit code is 0.
"""

from __future__ import annotations

import signal
import sys
from pathlib import Path

from tidings.errors import InputError
from tidings.ingest.sources import is_url


def feed_urls(args: list[str]) -> list[str]:
    """The feed URLs named on the command line, reading list files."""
    urls: list[str] = []
    for arg in args:
        if is_url(arg):
            urls.append(arg)
            continue
        path = Path(arg)
        if not path.is_file():
            raise InputError(f"{arg}: neither an http(s) URL nor a file listing feed URLs", code="E123")
        try:
            lines = path.read_text(encoding="utf-8").splitlines()
        except (OSError, UnicodeDecodeError) as exc:
            raise InputError(f"{arg}: cannot be read as a list of feed URLs ({exc})", code="E123") from None
        for number, line in enumerate(lines, start=1):
            line = line.split("#", 1)[0].strip()
            if not line:
                continue
            if not is_url(line):
                raise InputError(f"{arg}:{number}: {line!r} is not an http(s) URL", code="E123")
            urls.append(line)
    if not urls:
        raise InputError("no feed URLs given", code="E123")
    return list(dict.fromkeys(urls))


def run_watch(args, *, pipeline=None) -> int:
    from tidings.config import load_settings
    from tidings.store import Store
    from tidings.watch import AlertRule, Monitor, Sender, format_duration, parse_duration

    every = parse_duration(args.every)
    if args.cycles is not None and args.cycles < 1:
        raise InputError(f"--cycles {args.cycles}: give a number of cycles of at least 1", code="E134")
    rules = [AlertRule.parse(rule) for rule in args.alert or ()]
    if args.webhook and not rules:
        raise InputError("--webhook needs at least one --alert rule to say which events to post", code="E135")
    urls = feed_urls(args.feeds)
    if pipeline is None:
        from tidings.pipeline import Pipeline

        pipeline = Pipeline.load(load_settings(model=args.model))
    sender = Sender(args.webhook) if args.webhook else None
    stop_signals = (signal.SIGINT, signal.SIGTERM)
    with Store.open(args.db) as store:
        monitor = Monitor(urls, store, every=every, pipeline=pipeline, rules=rules, sender=sender)
        previous = {sig: signal.signal(sig, lambda *_: monitor.stop.set()) for sig in stop_signals}
        try:
            print(f"tidings: watching {len(urls)} feed{'s' * (len(urls) != 1)} into {args.db} every "
                  f"{format_duration(every)}" + (f", {len(rules)} alert rule{'s' * (len(rules) != 1)}" if rules else "")
                  + (f" posted to {args.webhook}" if sender else "") + "; Ctrl-C stops", file=sys.stderr, flush=True)
            cycles = monitor.run(cycles=args.cycles)
        finally:
            for sig, handler in previous.items():
                signal.signal(sig, handler)
            monitor.close()
    print(f"tidings: watch stopped after {cycles} cycle{'s' * (cycles != 1)}", file=sys.stderr)
    return 0
