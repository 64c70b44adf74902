"""Running the ``tidings`` command in a subprocess, as a user would."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from dataclasses import dataclass

# One error line: "tidings: error: E123 <where>: <message>"
ERROR_LINE = re.compile(r"^tidings: error: (E\d{3}) (.+?): (.+)$")


@dataclass
class Run:
    rc: int
    stdout: str
    stderr: str
    seconds: float

    def error_lines(self) -> list[str]:
        return [line for line in self.stderr.splitlines() if line.startswith("tidings: error:")]


def tidings(*args: str, timeout: float = 240, stdin: bytes | None = None, env: dict | None = None) -> Run:
    import time

    started = time.perf_counter()
    proc = subprocess.run([sys.executable, "-m", "tidings", *args], input=stdin, capture_output=True,
                          timeout=timeout, env={**os.environ, "TIDINGS_CONFIG": os.devnull, **(env or {})})
    return Run(proc.returncode, proc.stdout.decode("utf-8", "replace"), proc.stderr.decode("utf-8", "replace"),
               time.perf_counter() - started)


def assert_clean_stderr(run: Run) -> None:
    """No traceback, and every error line has a code and names where it happened."""
    assert "Traceback" not in run.stderr, run.stderr[-3000:]
    for line in run.error_lines():
        assert ERROR_LINE.match(line), line
