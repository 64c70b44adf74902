"""Load benchmark (not a test): ``tidings serve`` on a loopback port, 32 concurrent clients on
``GET /api/events?limit=50`` while ``tidings ingest`` writes into the same database.

    .venv/bin/python bench/load.py [--clients 32] [--seconds 20] [--max-requests 50000]

Prints one JSON object (requests/s, latency percentiles, errors) and writes it to
bench/results/load.json. Target: no errors, p99 under 500 ms. Loopback only; nothing leaves the
machine.
"""

from __future__ import annotations

import argparse
import asyncio
import datetime as dt
import json
import os
import platform
import random
import re
import shutil
import socket
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from importlib import resources
from pathlib import Path

HERE = Path(__file__).resolve().parent
EXTRA = ["{a} accused {b} of sending weapons to rebels in the north.",
         "The foreign minister of {a} met his counterpart from {b} on Wednesday.",
         "{a} announced new sanctions against {b} on Thursday.",
         "Troops from {a} shelled positions held by {b} near the border, killing {n} people."]
COUNTRIES = ["Turkey", "Syria", "France", "Russia", "Ukraine", "Kenya", "China", "Iran", "Israel", "Mali"]


def write_corpus(path: Path, *, variants: int, start: int, seed: int) -> int:
    """Varied copies of the bundled examples (own ids, shifted dates, an added paragraph)."""
    rng = random.Random(seed)
    text = resources.files("tidings.examples").joinpath("articles.jsonl").read_text(encoding="utf-8")
    examples = [json.loads(line) for line in text.splitlines() if line.strip()]
    out = []
    for k in range(start, start + variants):
        for record in examples:
            a, b = rng.sample(COUNTRIES, 2)
            date = dt.date.fromisoformat(record["date"]) + dt.timedelta(days=5 * k)
            out.append(dict(record, id=f"{record['id']}-load{k}", date=date.isoformat(),
                            text=record["text"] + "\n\n" + rng.choice(EXTRA).format(a=a, b=b, n=rng.randint(2, 60))))
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in out), encoding="utf-8")
    return len(out)


def tidings(*args: str) -> list[str]:
    return [sys.executable, "-m", "tidings", *args]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def articles(db: Path) -> int:
    with sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=5) as con:
        return con.execute("SELECT count(*) FROM articles").fetchone()[0]


async def wait_up(base: str, *, timeout: float = 60) -> None:
    import httpx

    deadline = time.monotonic() + timeout
    async with httpx.AsyncClient(base_url=base, timeout=2) as client:
        while time.monotonic() < deadline:
            try:
                if (await client.get("/api/stats")).status_code == 200:
                    return
            except httpx.TransportError:
                pass
            await asyncio.sleep(0.2)
    raise SystemExit("the server did not come up")


async def drive(base: str, *, clients: int, seconds: float, max_requests: int) -> dict:
    import httpx

    latencies: list[float] = []
    errors: dict[str, int] = {}
    stop_at = time.monotonic() + seconds
    issued = 0

    async def client_loop(client: httpx.AsyncClient, k: int) -> None:
        nonlocal issued
        rng = random.Random(k)
        while time.monotonic() < stop_at and issued < max_requests:
            issued += 1
            offset = rng.choice([0, 0, 0, 50, 100, 200])
            started = time.perf_counter()
            try:
                response = await client.get("/api/events", params={"limit": 50, "offset": offset})
                # a page starts {"ok":true; parsing all 50 events here would take the client's CPU
                # from the server on a small machine and count the client's time as latency
                if response.status_code != 200 or not response.content.startswith(b'{"ok":true'):
                    errors[f"HTTP {response.status_code}"] = errors.get(f"HTTP {response.status_code}", 0) + 1
                    continue
            except (httpx.HTTPError, ValueError) as exc:
                errors[type(exc).__name__] = errors.get(type(exc).__name__, 0) + 1
                continue
            latencies.append(time.perf_counter() - started)

    limits = httpx.Limits(max_connections=clients, max_keepalive_connections=clients)
    started = time.perf_counter()
    async with httpx.AsyncClient(base_url=base, timeout=10, limits=limits) as client:
        await asyncio.gather(*(client_loop(client, k) for k in range(clients)))
    elapsed = time.perf_counter() - started
    ms = sorted(x * 1000 for x in latencies)

    def pct(p: float) -> float | None:
        return round(ms[min(len(ms) - 1, int(p / 100 * len(ms)))], 1) if ms else None

    return {"requests": len(ms) + sum(errors.values()), "ok": len(ms), "errors": sum(errors.values()),
            "error_kinds": errors, "seconds": round(elapsed, 2),
            "requests_per_s": round((len(ms) + sum(errors.values())) / elapsed, 1),
            "latency_ms": {"p50": pct(50), "p90": pct(90), "p99": pct(99), "max": ms[-1] if ms else None,
                           "mean": round(statistics.fmean(ms), 1) if ms else None}}


_WRK_UNITS = {"us": 0.001, "ms": 1.0, "s": 1000.0, "m": 60_000.0}


def _wrk_ms(value: str) -> float:
    number = float(value.rstrip("usm"))
    return round(number * _WRK_UNITS[value[len(value.rstrip("usm")):]], 1)


def drive_wrk(base: str, *, clients: int, seconds: float) -> dict:
    """The same load from wrk (Debian's C load generator): it costs the small machine far less CPU
    than a Python client, so the figures are the server's, not the client's."""
    out = subprocess.run(["wrk", "-t", "2", "-c", str(clients), "-d", f"{int(seconds)}s", "--latency",
                          "--timeout", "10s", f"{base}/api/events?limit=50"],
                         check=True, capture_output=True, text=True).stdout
    pct = dict(re.findall(r"^\s+(50|75|90|99)%\s+(\S+)$", out, re.M))
    requests = int(re.search(r"(\d+) requests in", out).group(1))
    non_2xx = int(m.group(1)) if (m := re.search(r"Non-2xx or 3xx responses: (\d+)", out)) else 0
    sockets = sum(int(n) for n in re.findall(r"(?:connect|read|write|timeout) (\d+)", out))
    return {"driver": "wrk", "requests": requests, "ok": requests - non_2xx, "errors": non_2xx + sockets,
            "error_kinds": {"non-2xx": non_2xx, "socket": sockets},
            "seconds": seconds, "requests_per_s": float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1)),
            "latency_ms": {f"p{k}": _wrk_ms(v) for k, v in pct.items()}, "wrk_output": out.strip()}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--clients", type=int, default=32)
    parser.add_argument("--seconds", type=float, default=20.0)
    parser.add_argument("--max-requests", type=int, default=50_000)
    parser.add_argument("--seed-variants", type=int, default=4, help="x12 articles stored before the load")
    parser.add_argument("--ingest-variants", type=int, default=20, help="x12 articles ingested during it")
    parser.add_argument("--out", default=str(HERE / "results" / "load.json"))
    parser.add_argument("--driver", choices=("auto", "wrk", "python"), default="auto",
                        help="load generator: wrk when installed (apt-get install wrk), else an httpx client")
    args = parser.parse_args(argv)

    env = {**os.environ, "TIDINGS_CONFIG": os.devnull}
    with tempfile.TemporaryDirectory(prefix="tidings-load-") as tmp:
        root = Path(tmp)
        db = root / "load.db"
        seed_n = write_corpus(root / "seed.jsonl", variants=args.seed_variants, start=0, seed=1)
        more_n = write_corpus(root / "more.jsonl", variants=args.ingest_variants, start=args.seed_variants, seed=2)
        subprocess.run(tidings("ingest", str(root / "seed.jsonl"), "--db", str(db), "--quiet", "--workers", "1"),
                       check=True, env=env, capture_output=True)
        port = free_port()
        base = f"http://127.0.0.1:{port}"
        server = subprocess.Popen(tidings("serve", "--db", str(db), "--host", "127.0.0.1", "--port", str(port)),
                                  env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        ingest = None
        try:
            asyncio.run(wait_up(base))
            ingest = subprocess.Popen(tidings("ingest", str(root / "more.jsonl"), "--db", str(db), "--quiet",
                                              "--workers", "1"), env=env, stdout=subprocess.DEVNULL,
                                      stderr=subprocess.PIPE, text=True)
            before = articles(db)
            deadline = time.monotonic() + 120
            while articles(db) == before and ingest.poll() is None and time.monotonic() < deadline:
                time.sleep(0.2)  # the ingest has loaded its model and is writing
            at_start = articles(db)
            use_wrk = args.driver == "wrk" or (args.driver == "auto" and shutil.which("wrk"))
            if use_wrk:
                result = drive_wrk(base, clients=args.clients, seconds=args.seconds)
            else:
                result = asyncio.run(drive(base, clients=args.clients, seconds=args.seconds,
                                           max_requests=args.max_requests))
                result["driver"] = "python (httpx)"
            at_end = articles(db)
            ingest_running = ingest.poll() is None
            _, ingest_err = ingest.communicate(timeout=600)
        finally:
            for proc in (ingest, server):
                if proc is not None and proc.poll() is None:
                    proc.terminate()
                    proc.wait(timeout=30)
        result.update({
            "endpoint": "GET /api/events?limit=50", "clients": args.clients,
            "articles_when_load_began": at_start, "articles_written_during_load": at_end - at_start,
            "ingest_still_running_at_end_of_load": ingest_running, "ingest_exit": ingest.returncode,
            "ingest_summary": ingest_err.strip().splitlines()[-1] if ingest_err.strip() else "",
            "seed_articles": seed_n, "ingested_articles": more_n,
            "target": {"errors": 0, "p99_ms": 500},
            "machine": {"cpus": os.cpu_count(), "python": platform.python_version(), "platform": platform.platform()},
            "when": dt.datetime.now(dt.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ"),
        })
        result["meets_target"] = result["errors"] == 0 and (result["latency_ms"]["p99"] or 1e9) < 500
    text = json.dumps(result, indent=2)
    print(text)
    out = Path(args.out)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(text + "\n", encoding="utf-8")
    return 0 if result["meets_target"] else 1


if __name__ == "__main__":
    sys.exit(main())
