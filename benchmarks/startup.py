"""Start-up time: each command in a fresh interpreter, N runs, median / min / max in seconds.

    python benchmarks/startup.py            # N = 5
    python benchmarks/startup.py -n 1       # a smoke test

Issue 15's targets: ``import factcheck`` <= 0.5 s and ``factcheck --help`` <= 0.6 s (median of
5, on a quiet machine). The bare interpreter is the floor every row includes; the last row
is the time to a first claim (imports, language data, matchers, one short text).
To see what a slow import spends its time on: ``python -X importtime -c "import factcheck"``.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path


def _program() -> list[str]:
    """The installed ``factcheck`` program beside this interpreter, else ``python -m factcheck``."""
    script = Path(sys.executable).with_name("factcheck")
    if script.exists():
        return [str(script)]
    found = shutil.which("factcheck")
    return [found] if found else [sys.executable, "-m", "factcheck"]


def commands() -> list[tuple[str, list[str]]]:
    py = sys.executable
    return [
        ("python -c pass (floor)", [py, "-c", "pass"]),
        ("import factcheck", [py, "-c", "import factcheck"]),
        ("factcheck --help", [*_program(), "--help"]),
        ("first claim (en)", [py, "-c", "import factcheck; "
                              "factcheck.extract('About 15,000 troops were sent.', language='en')"]),
    ]


def time_once(argv: list[str]) -> float:
    start = time.perf_counter()
    proc = subprocess.run(argv, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=os.environ.copy())
    took = time.perf_counter() - start
    if proc.returncode != 0:
        raise SystemExit(f"{' '.join(argv)} failed ({proc.returncode}): {proc.stderr.decode()[-500:]}")
    return took


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-n", "--runs", type=int, default=5, help="runs per command (default 5)")
    args = parser.parse_args(argv)
    if args.runs < 1:
        parser.error("--runs must be at least 1")
    rows = []
    for name, cmd in commands():
        times = [time_once(cmd) for _ in range(args.runs)]
        rows.append((name, statistics.median(times), min(times), max(times)))
    width = max(len(r[0]) for r in rows)
    print(f"{'command':<{width}}  median    min      max     (s, n={args.runs})")
    for name, med, lo, hi in rows:
        print(f"{name:<{width}}  {med:7.3f}  {lo:7.3f}  {hi:7.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
