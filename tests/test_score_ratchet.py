"""Ratchet: the real-news scores never fall below the floors in ``tests/score_ratchet.json``.

Runs ``../shared/eval/score.py`` on the dev and other-dev corpora and
``../shared/eval/score_reconcile.py`` on the dev reconcile gold (each skips, with the reason,
when ``../shared`` or the corpus is absent). Raise the floors in the JSON file as the scores
improve, so an accuracy gain cannot be silently lost later.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

RATCHET = Path(__file__).with_name("score_ratchet.json")
FLOORS = json.loads(RATCHET.read_text(encoding="utf-8"))
_CMD = f"{sys.executable} -m factcheck"


def _corpus(shared_dir: Path, name: str) -> Path:
    corpus = shared_dir / "corpus" / name
    if not (corpus / "articles").is_dir():
        pytest.skip(f"corpus {name!r} not found at {corpus}")
    return corpus


def _run(cmd: list[str], cwd: Path) -> str:
    proc = subprocess.run(cmd, capture_output=True, text=True, cwd=cwd, timeout=900)
    assert proc.returncode == 0, f"{' '.join(cmd)} failed:\n{proc.stdout[-3000:]}\n{proc.stderr[-3000:]}"
    return proc.stdout


def _numbers(line: str) -> dict[str, str]:
    return dict(re.findall(r"(\w+)=(\S+)", line))


@pytest.fixture(scope="module", params=["dev", "other-dev"])
def extraction_score(request, shared_dir, repo_root) -> tuple[str, str]:
    name = request.param
    corpus = _corpus(shared_dir, name)
    out = _run([
        sys.executable, str(shared_dir / "eval" / "score.py"),
        "--corpus", str(corpus / "articles"), "--gold", str(corpus / "gold.jsonl"),
        "--meta", str(corpus / "meta.jsonl"), "--distractors", str(corpus / "distractors.jsonl"),
        "--cmd", f"{_CMD} extract --format jsonl", "--by-lang",
    ], repo_root)
    return name, out


def test_score_ratchet_extraction_does_not_fall(extraction_score) -> None:
    name, out = extraction_score
    floors = FLOORS[name]
    score = _numbers([line for line in out.splitlines() if line.startswith("SCORE ")][-1])
    problems = []
    if float(score["precision"]) < floors["precision"]:
        problems.append(f"precision {score['precision']} < {floors['precision']}")
    all_fields = int(score["all_fields"].split("/")[0])
    if all_fields < floors["all_fields"]:
        problems.append(f"all_fields {all_fields} < {floors['all_fields']}")
    if int(score["distractor_hits"]) > floors["distractor_hits_max"]:
        problems.append(f"distractor_hits {score['distractor_hits']} > {floors['distractor_hits_max']}")
    for line in out.splitlines():
        if line.startswith("LANG "):
            lang = line.split()[1]
            got = int(_numbers(line)["all_fields"].split("/")[0])
            want = floors["lang_all_fields"].get(lang, 0)
            if got < want:
                problems.append(f"{lang} all_fields {got} < {want}")
    assert not problems, f"{name}: scores fell below {RATCHET.name}: " + "; ".join(problems)


def test_score_ratchet_reconcile_does_not_fall(shared_dir, repo_root, tmp_path) -> None:
    corpus = _corpus(shared_dir, "dev")
    gold = corpus / "reconcile" / "gold.json"
    if not gold.is_file():
        pytest.skip(f"reconcile gold not found at {gold}")
    out = _run([
        sys.executable, str(shared_dir / "eval" / "score_reconcile.py"),
        "--corpus", str(corpus / "articles"), "--meta", str(corpus / "meta.jsonl"),
        "--gold-json", str(gold), "--cmd", f"{_CMD} reconcile --format json",
        "--python", sys.executable, "--out", str(tmp_path), "-q",
    ], repo_root)
    got = _numbers([line for line in out.splitlines() if line.startswith("RECONCILE")][-1])
    floors = FLOORS["reconcile"]
    problems = []
    for key in ("judged_precision", "conflict_recall"):
        if float(got[key]) < floors[key]:
            problems.append(f"{key} {got[key]} < {floors[key]}")
    if int(got["false_conflicts"].split("/")[0]) > floors["false_conflicts_max"]:
        problems.append(f"false_conflicts {got['false_conflicts']} > {floors['false_conflicts_max']}")
    if int(got["estimates_ok"].split("/")[0]) < floors["estimates_ok"]:
        problems.append(f"estimates_ok {got['estimates_ok']} < {floors['estimates_ok']}")
    if int(got["issue_recall"].split("/")[0]) < floors["issues_found"]:
        problems.append(f"issue_recall {got['issue_recall']} < {floors['issues_found']} issues")
    assert not problems, f"reconcile scores fell below {RATCHET.name}: " + "; ".join(problems)
