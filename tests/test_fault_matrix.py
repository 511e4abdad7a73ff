"""The fault matrix (issue 14): the command line over a folder mixing good and bad inputs.

Every bad input costs exactly one skip line naming it, every good article's claims are all
there (the same as extracting that article alone), and processed + skipped = inputs. The
matrix runs once through a subprocess (the folder), and each input alone in-process (the
message and the exit status of that input by itself).

``python -m tests.test_fault_matrix`` prints the table (input, message, exit status).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from factcheck.cli import main

ROOT = Path(__file__).resolve().parent.parent

# Our own words; one claim each, so a lost claim shows.
GOOD_EN = "About 15,000 North Korean troops have been sent to Russia, NIS said on Monday."
GOOD_HI = "अधिकारियों के अनुसार उत्तर कोरिया ने रूस में लगभग 3,000 और सैनिक भेजे हैं।"
GOOD_KO = "정보당국에 따르면 북한은 러시아에 약 3,000명의 병력을 추가로 파병했다."
MIXED = (
    "अधिकारियों ने बताया कि उत्तर कोरिया के लगभग 600 सैनिक मारे गए हैं।\n"
    "In a statement, the agency said more than 11,000 North Korean soldiers were deployed to Kursk.\n"
)

#: name -> (content, expected message fragment or None for a good input, inputs it counts as)
CASES: dict[str, tuple[bytes | str, str | None, int]] = {
    "good_en.txt": (GOOD_EN, None, 1),
    "good_hi.txt": (GOOD_HI, None, 1),
    "good_ko.txt": (GOOD_KO, None, 1),
    "mixed_scripts.txt": (MIXED, None, 1),
    "empty.txt": (b"", "empty file", 1),
    "binary.dat": (bytes(range(256)) * 8, "binary file (contains NUL bytes)", 1),
    "latin1.txt": ("Le ministère a annoncé 3 000 soldats déployés.".encode("latin-1"), "not UTF-8 (invalid byte 0xe8", 1),
    "utf16_nobom.txt": (GOOD_EN.encode("utf-16-le"), "UTF-16 text without a byte-order mark", 1),
    "huge_20mb.txt": (b"x" * (20 * 1024 * 1024 + 1), "too large (20,971,521 bytes", 1),
    "rows_malformed.jsonl": (json.dumps({"id": "row-ok", "text": GOOD_EN.replace("15,000", "12,000")}) + "\n"
                             + '{"id": "row-bad", "text": "unterminated\n', "malformed JSON", 2),
    "missing_column.csv": ("id,body\nc1,About 5,000 troops were sent.\n", "no 'text' column", 1),
    "deep.json": ('{"id": "deep", "text": ' + "[" * 5000 + "]" * 5000 + "}", "JSON nested deeper than 1,024 levels", 1),
    "loop.txt": (None, "cannot read: Too many levels of symbolic links", 1),  # a symlink to itself
    "nul_bytes.txt": ("About 2,000 troops\x00 were sent.", "binary file (contains NUL bytes)", 1),
}


def build(folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for name, (content, _, _) in CASES.items():
        p = folder / name
        if content is None:
            p.symlink_to(p.name)
        else:
            p.write_bytes(content.encode("utf-8") if isinstance(content, str) else content)
    return folder


@pytest.fixture(scope="module")
def matrix(tmp_path_factory) -> Path:
    return build(tmp_path_factory.mktemp("matrix") / "in")


@pytest.fixture(scope="module")
def folder_run(matrix: Path) -> tuple[int, dict, list[str]]:
    env = dict(os.environ, PYTHONPATH=str(ROOT) + os.pathsep + os.environ.get("PYTHONPATH", ""))
    proc = subprocess.run([sys.executable, "-m", "factcheck", "extract", "--format", "json", str(matrix)],
                          capture_output=True, timeout=600, env=env)
    return proc.returncode, json.loads(proc.stdout), proc.stderr.decode().splitlines()


def test_matrix_counts_add_up(folder_run):
    status, doc, _ = folder_run
    inputs = sum(n for _, _, n in CASES.values())
    bad = sum(1 for _, msg, _ in CASES.values() if msg)  # each bad file holds one bad input
    summary = doc["summary"]
    assert summary["processed"] + summary["skipped"] == summary["inputs"] == inputs
    assert summary["skipped"] == bad
    assert status == 1


def test_matrix_one_line_per_bad_input(folder_run, matrix):
    _, _, err = folder_run
    skips = [line for line in err if line.startswith("factcheck: skipped ")]
    assert len(skips) == sum(1 for _, msg, _ in CASES.values() if msg)
    for name, (_, msg, _) in CASES.items():
        if msg:
            mine = [line for line in skips if line.startswith(f"factcheck: skipped {matrix / name}")]
            assert len(mine) == 1, (name, skips)
            assert msg in mine[0], mine[0]
    rest = [line for line in err if not line.startswith("factcheck: skipped ")]
    assert len(rest) == 1 and rest[0].startswith("factcheck: 15 input(s): 5 processed"), rest


def test_matrix_good_articles_keep_all_their_claims(folder_run, matrix):
    """The claims of each good article in the mixed run are those of that article run alone."""
    import factcheck

    _, doc, _ = folder_run
    got: dict[str, list[tuple]] = {}
    for r in doc["claims"]:
        got.setdefault(r["article"], []).append((r["measure"], r["value"], r["start"], r["end"], r["language"]))
    alone: dict[str, list[tuple]] = {}
    for item in factcheck.iter_inputs([matrix / n for n, (_, msg, _) in CASES.items() if msg is None]
                                      + [matrix / "rows_malformed.jsonl"]):
        if isinstance(item, factcheck.Article):
            alone[item.id] = [(c.measure, c.to_record()["value"], c.evidence.start, c.evidence.end, c.language)
                              for c in factcheck.extract(item)]
    assert got == {k: v for k, v in alone.items() if v}
    assert set(alone) == {"good_en.txt", "good_hi.txt", "good_ko.txt", "mixed_scripts.txt", "row-ok"}
    assert all(alone.values()), alone  # each good article has its claim
    assert {lang for *_, lang in got["mixed_scripts.txt"]} == {"hi", "en"}


def run_alone(path: Path, capsys) -> tuple[int, list[str]]:
    status = main(["extract", str(path)])
    return status, capsys.readouterr().err.splitlines()


@pytest.mark.parametrize("name", [n for n, (_, msg, _) in CASES.items() if msg and n != "rows_malformed.jsonl"])
def test_matrix_each_bad_input_alone_exits_2_with_its_line(matrix, capsys, name):
    status, err = run_alone(matrix / name, capsys)
    assert status == 2
    assert len(err) == 2 and err[0].startswith(f"factcheck: skipped {matrix / name}:")
    assert CASES[name][1] in err[0]
    assert err[1] == "factcheck: 1 input(s): 0 processed (0 claims), 1 skipped"


def table(folder: Path) -> str:
    """The fault-matrix table, run in-process one input at a time."""
    import contextlib
    import io

    rows = ["| input | message | exit status |", "|---|---|---|"]
    for name in CASES:
        err = io.StringIO()
        with contextlib.redirect_stderr(err), contextlib.redirect_stdout(io.StringIO()):
            status = main(["extract", str(folder / name)])
        lines = [line.replace(str(folder) + "/", "") for line in err.getvalue().splitlines()]
        skip = [line for line in lines if line.startswith("factcheck: skipped")]
        rows.append(f"| {name} | {' / '.join(skip) or '(processed)'} | {status} |")
    return "\n".join(rows)


if __name__ == "__main__":
    import tempfile

    print(table(build(Path(tempfile.mkdtemp()) / "in")))
