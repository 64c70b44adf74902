"""Run a hypothesis test over and over for a fixed time: a small fuzzing loop without atheris.

Each round draws fresh examples (no example database); the first failure is printed with its
input, shrunk, and ends the run with exit status 1.
"""

from __future__ import annotations

import sys
import time
import traceback


def run_for(seconds: float, tests: list, *, examples: int = 100) -> int:
    from hypothesis import HealthCheck, settings

    deadline = time.monotonic() + seconds
    rounds = total = 0
    config = settings(max_examples=examples, deadline=None, database=None, derandomize=False,
                      suppress_health_check=list(HealthCheck), print_blob=True)
    runners = [(test, config(test)) for test in tests]
    while time.monotonic() < deadline:
        for test, runner in runners:
            try:
                runner()
            except Exception:  # noqa: BLE001 - a fuzzing finding: report it and stop
                traceback.print_exc()
                print(f"FAILED {test.__name__} after {rounds} rounds ({total} examples)", file=sys.stderr)
                return 1
            total += examples
        rounds += 1
    print(f"ok: {rounds} rounds, about {total} examples in {seconds:.0f} s", file=sys.stderr)
    return 0


def seconds_from_argv(default: float = 120.0) -> float:
    return float(sys.argv[1]) if len(sys.argv) > 1 else default
