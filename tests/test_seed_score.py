"""End-to-end: the seed corpus scored with ../shared/eval/score.py (skips without ../shared)."""

from __future__ import annotations

import re
import subprocess
import sys

import pytest


@pytest.fixture(scope="module")
def seed_score(shared_dir, repo_root) -> str:
    corpus = shared_dir / "corpus"
    cmd = [
        sys.executable, str(shared_dir / "eval" / "score.py"),
        "--corpus", str(corpus / "seeds"),
        "--gold", str(corpus / "seeds.gold.jsonl"),
        "--meta", str(corpus / "seeds.meta.jsonl"),
        "--distractors", str(corpus / "seeds.distractors.jsonl"),
        "--cmd", f"{sys.executable} -m factcheck extract --format jsonl",
        "-v",
    ]
    proc = subprocess.run(cmd, capture_output=True, text=True, cwd=repo_root, timeout=600)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    return proc.stdout


def _field(out: str, name: str) -> str:
    m = re.search(rf"\b{name}=(\S+)", out)
    assert m, f"score.py printed no {name}=: {out}"
    return m.group(1)


@pytest.mark.parametrize(("field", "expected"), [
    ("recall", "1.00"),
    ("precision", "1.00"),
    ("value", "10/10"),
    ("measure", "10/10"),
    ("bound", "10/10"),
    ("distractor_hits", "0"),
    # source is attribution's field; it reached 10/10 with the attribution stage in place
    ("source", "10/10"),
])
def test_seed_score_end_to_end(seed_score, field, expected):
    assert _field(seed_score, field) == expected, seed_score
