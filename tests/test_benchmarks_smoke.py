"""The benchmark script runs end to end (a smoke run; speed itself is never asserted here)."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest


@pytest.mark.parametrize("args", [["--quick", "--skip", "parallel"]])
def test_benchmarks_quick_run_prints_targets(repo_root, tmp_path, args):
    out, raw = tmp_path / "results.md", tmp_path / "results.json"
    proc = subprocess.run(
        [sys.executable, str(repo_root / "benchmarks" / "run.py"), *args, "--out", str(out), "--json", str(raw)],
        capture_output=True, text=True, timeout=600, cwd=repo_root,
    )
    assert proc.returncode == 0, proc.stderr[-2000:]
    table = out.read_text(encoding="utf-8")
    assert "target" in table.lower()
    assert json.loads(raw.read_text(encoding="utf-8"))
