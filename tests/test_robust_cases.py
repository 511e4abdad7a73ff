"""Issue 14: factcheck under careless use and hostile input — one regression test per numbered case.

Cases that were bugs of the command line run it in a subprocess (as a user would); library cases
call the library. The fault matrix over a folder of bad inputs is in ``test_fault_matrix.py``.
"""

from __future__ import annotations

import datetime as dt

import factcheck


# --- case 5: a modifier that would make a figure negative ------------------------------------


def test_case5_paune_zero_is_not_a_validation_error():
    """पौने (minus a quarter) before 0 would be -0.25: the modifier is left out, 0 is read alone."""
    mentions = factcheck.find_numbers("पौने 0", "hi")
    assert [(m.start, m.end, m.value.interval().low) for m in mentions] == [(5, 6, 0.0)]
    claims = factcheck.extract("पौने 0 सैनिक मारे गए।", language="hi")
    assert all(c.value.interval().low >= 0 for c in claims)


def test_case5_paune_still_modifies_a_positive_number():
    """The look-alike: पौने दो लाख is 1.75 लाख, as before the fix."""
    (m,) = factcheck.find_numbers("पौने दो लाख", "hi")
    assert m.value.interval().low == 175_000


# --- helpers for the command-line cases ----------------------------------------------------------

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from factcheck.errors import InputError, InputTypeError
from factcheck.models import Article

ROOT = Path(__file__).resolve().parent.parent
GOOD_EN = "About 15,000 North Korean troops have been sent to Russia, NIS said."
GOOD_HI = "उत्तर कोरिया ने रूस में लगभग 600 सैनिक मारे जाने की बात कही, अधिकारियों ने बताया।"


def _env() -> dict[str, str]:
    env = dict(os.environ)
    env["PYTHONPATH"] = str(ROOT) + os.pathsep + env.get("PYTHONPATH", "")
    env.pop("FORCE_COLOR", None)
    return env


def cli(*args: str, stdin: bytes | None = None, timeout: float = 300) -> subprocess.CompletedProcess[bytes]:
    """``python -m factcheck ARGS`` in a subprocess, as a user runs it."""
    return subprocess.run([sys.executable, "-m", "factcheck", *args], input=stdin, capture_output=True,
                          timeout=timeout, env=_env())


def _lines(b: bytes) -> list[str]:
    return [line for line in b.decode().splitlines() if line.strip()]


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    d = tmp_path / "in"
    d.mkdir()
    (d / "a.txt").write_text(GOOD_EN, encoding="utf-8")
    (d / "b.txt").write_text(GOOD_HI, encoding="utf-8")
    return d


# --- case 1: -o inside an input folder -------------------------------------------------------------


@pytest.mark.parametrize("name", ["claims.jsonl", ".hidden.jsonl", "sub/claims.jsonl"])
def test_case1_output_inside_an_input_folder_is_refused(folder, name):
    (folder / "sub").mkdir()
    target = folder / name
    proc = cli("extract", "-o", str(target), str(folder))
    assert proc.returncode == 2
    assert _lines(proc.stderr) == [
        f"factcheck: error: --output {target} lies inside the input folder {folder}; the run would read "
        "its own output — write it outside that folder"
    ]
    assert not target.exists() and proc.stdout == b""


def test_case1_output_beside_the_input_folder_is_written(folder, tmp_path):
    """The look-alike: an output next to (not inside) the folder, whose name starts the same."""
    target = tmp_path / "in.jsonl"
    proc = cli("extract", "-o", str(target), str(folder))
    assert proc.returncode == 0, proc.stderr
    assert {json.loads(line)["article"] for line in target.read_text().splitlines()} == {"a.txt", "b.txt"}


# --- case 2: -o naming an input file ---------------------------------------------------------------


@pytest.mark.parametrize("how", ["same", "symlink", "hardlink", "dotted"])
def test_case2_output_naming_an_input_is_refused_and_the_input_kept(tmp_path, how):
    src = tmp_path / "a.jsonl"
    row = json.dumps({"id": "a", "text": GOOD_EN}) + "\n"
    src.write_text(row, encoding="utf-8")
    target = {"same": src, "dotted": tmp_path / "." / "a.jsonl", "symlink": tmp_path / "link.jsonl",
              "hardlink": tmp_path / "hard.jsonl"}[how]
    if how == "symlink":
        target.symlink_to(src)
    if how == "hardlink":
        os.link(src, target)
    proc = cli("extract", "-o", str(target), str(src))
    assert proc.returncode == 2
    (line,) = _lines(proc.stderr)
    assert line.startswith(f"factcheck: error: --output {target} is also an input ")
    assert src.read_text(encoding="utf-8") == row


def test_case2_output_written_atomically_and_unwritable_refused_before_work(tmp_path, folder):
    target = tmp_path / "out.jsonl"
    target.write_text("old\n")
    proc = cli("extract", "-o", str(target), str(folder))
    assert proc.returncode == 0
    assert len(target.read_text().splitlines()) == 2
    assert sorted(p.name for p in tmp_path.iterdir()) == ["in", "out.jsonl"]  # no temporary file left
    started = time.monotonic()
    proc = cli("reconcile", "-o", str(tmp_path / "missing" / "r.json"), str(folder))
    assert proc.returncode == 2
    (line,) = _lines(proc.stderr)
    assert line.startswith(f"factcheck: error: --output {tmp_path / 'missing' / 'r.json'}: cannot write the output")
    assert time.monotonic() - started < 60


# --- case 3: what the public API accepts -----------------------------------------------------------


class _OneClaimPerDigitRun:
    """Extraction stand-in: records what it was given."""

    def __init__(self) -> None:
        self.seen: list[Article] = []

    def extract(self, article: Article):
        self.seen.append(article)
        return []


def test_case3_a_single_str_is_one_item_never_iterated():
    ex = _OneClaimPerDigitRun()
    report = factcheck.Reconciler(extractor=ex).run("About 3,000 troops were sent.")
    assert [a.text for a in ex.seen] == ["About 3,000 troops were sent."]
    assert len(report.articles) == 1


def test_case3_a_single_path_is_one_item(folder):
    ex = _OneClaimPerDigitRun()
    report = factcheck.Reconciler(extractor=ex).run(folder)
    assert sorted(a.id for a in ex.seen) == ["a.txt", "b.txt"]
    assert sorted(a.id for a in report.articles) == ["a.txt", "b.txt"]


def test_case3_a_path_shaped_str_is_one_path_not_the_file_system():
    """"/" used to be one character of many: a str is one item, so "/" is one (folder) path — the
    reconciler is asked to read it, never to walk it character by character."""
    from factcheck.inputs import as_items

    assert as_items("/") == ["/"]
    assert as_items("examples/articles") == ["examples/articles"]


def test_case3_dataframe_rows_keep_their_dates():
    pd = pytest.importorskip("pandas")
    df = pd.DataFrame({"id": ["a", "b"], "text": ["600 soldiers", "700 soldiers"],
                       "published": pd.to_datetime(["2025-04-01", None]), "language": ["en", "en"]})
    ex = _OneClaimPerDigitRun()
    report = factcheck.Reconciler(extractor=ex).run(df)
    assert {(a.id, a.published) for a in ex.seen} == {("a", dt.date(2025, 4, 1)), ("b", None)}
    assert sorted(a.id for a in report.articles) == ["a", "b"]


def test_case3_iterable_of_mappings_are_rows():
    ex = _OneClaimPerDigitRun()
    rows = ({"id": f"r{i}", "text": f"{i} soldiers", "published": "2025-0%d-01" % (i + 1)} for i in range(3))
    factcheck.Reconciler(extractor=ex).run(rows)
    assert sorted((a.id, a.published.month) for a in ex.seen) == [("r0", 1), ("r1", 2), ("r2", 3)]


@pytest.mark.parametrize("bad", [42, b"bytes", 3.5, None])
def test_case3_other_types_raise_typeerror_naming_them(bad):
    with pytest.raises(TypeError, match=rf"cannot use an object of type {type(bad).__name__}: pass an Article"):
        factcheck.reconcile(bad)


def test_case3_a_series_is_refused_because_it_drops_the_dates():
    pd = pytest.importorskip("pandas")
    df = pd.DataFrame({"text": ["600 soldiers"], "published": ["2025-04-01"]})
    with pytest.raises(InputTypeError, match="pass the DataFrame itself"):
        factcheck.reconcile(df["text"])


def test_case3_extract_accepts_one_article_text_or_row():
    (c,) = factcheck.extract({"id": "r", "text": GOOD_EN, "published": "2025-04-01", "language": "en"})
    assert (c.article_id, c.published) == ("r", dt.date(2025, 4, 1))
    with pytest.raises(TypeError, match="extract cannot use an object of type list"):
        factcheck.extract([GOOD_EN])
    with pytest.raises(InputError, match="no text"):
        factcheck.extract({"id": "r"})


# --- case 4: deep JSON ------------------------------------------------------------------------------


@pytest.mark.parametrize("suffix", [".json", ".jsonl"])
def test_case4_deep_json_is_a_one_line_skip_and_the_rest_is_kept(tmp_path, suffix):
    d = tmp_path / "in"
    d.mkdir()
    (d / "a.txt").write_text(GOOD_EN, encoding="utf-8")
    deep = '{"id": "x", "text": ' + "[" * 100_000 + "]" * 100_000 + "}"
    (d / f"deep{suffix}").write_text(deep + "\n", encoding="utf-8")
    out = tmp_path / "out.jsonl"
    proc = cli("extract", "-o", str(out), str(d))
    assert proc.returncode == 1
    lines = _lines(proc.stderr)
    assert len(lines) == 2 and "nested deeper than 1,024 levels" in lines[0], lines
    assert lines[0].startswith(f"factcheck: skipped {d / ('deep' + suffix)}")
    assert [json.loads(x)["article"] for x in out.read_text().splitlines()] == ["a.txt"]


# --- case 5 is at the top (library) ---------------------------------------------------------------


def test_case5_skip_messages_are_one_line():
    from factcheck.cli import _one_line

    assert _one_line("1 validation error for Exact\nvalue\n  Input should be >= 0") == (
        "1 validation error for Exact; value; Input should be >= 0"
    )


# --- case 6: Ctrl-C --------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def many(tmp_path_factory) -> Path:
    d = tmp_path_factory.mktemp("many")
    with open(d / "big.jsonl", "w", encoding="utf-8") as f:
        for i in range(20000):
            f.write(json.dumps({"id": f"a{i}", "text": f"{GOOD_EN} {GOOD_HI} Day {i}."}, ensure_ascii=False) + "\n")
    return d


@pytest.mark.parametrize(("command", "jobs", "after"), [("extract", "1", 0.3), ("extract", "1", 6.0),
                                                     ("extract", "2", 6.0), ("extract", "2", 4.0),
                                                     ("reconcile", None, 6.0)])
def test_case6_ctrl_c_ends_the_run_in_2_s_with_one_line_and_130(many, tmp_path, command, jobs, after):
    """SIGINT to the process group (what Ctrl-C does), at start-up and mid-run, serial and --jobs."""
    target = tmp_path / "out.jsonl"
    target.write_text("old\n")
    options = ["--jobs", jobs] if jobs else []
    proc = subprocess.Popen([sys.executable, "-m", "factcheck", command, *options, "-o", str(target),
                             str(many)], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            start_new_session=True, env=_env())
    time.sleep(after)
    assert proc.poll() is None, "the run ended before it was interrupted: make the input bigger"
    sent = time.monotonic()
    os.killpg(proc.pid, signal.SIGINT)
    try:
        _, err = proc.communicate(timeout=10)
    except subprocess.TimeoutExpired:
        os.killpg(proc.pid, signal.SIGKILL)
        pytest.fail("the run hung after Ctrl-C")
    took = time.monotonic() - sent
    assert proc.returncode == 130
    assert err.decode().splitlines() == ["factcheck: interrupted"]
    assert took <= 2.0, f"{took:.2f} s"
    assert target.read_text() == "old\n"  # the old output is intact
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.jsonl"]
    time.sleep(0.2)
    with pytest.raises(ProcessLookupError):  # no worker left behind
        os.killpg(proc.pid, 0)


# --- case 9: pipes, stdin, extract's output given to reconcile ------------------------------------------


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_case9_closed_pipe_ends_quietly_with_0(many, jobs):
    cmd = f"{sys.executable} -m factcheck extract --jobs {jobs} {many} | head -n 1 >/dev/null; echo ${{PIPESTATUS[0]}}"
    proc = subprocess.run(["bash", "-c", cmd], capture_output=True, timeout=300, env=_env())
    assert proc.stdout.decode().strip() == "0"
    assert proc.stderr == b""


def test_case9_stdin_plain_text_is_one_article():
    proc = cli("extract", "-", stdin=GOOD_EN.encode())
    assert proc.returncode == 0, proc.stderr
    (rec,) = [json.loads(x) for x in proc.stdout.splitlines()]
    assert rec["article"] == "<stdin>" and rec["value"] == 15000


def test_case9_stdin_jsonl_is_still_rows():
    rows = "\n" + json.dumps({"id": "r1", "text": GOOD_EN}) + "\n"
    proc = cli("extract", "-", stdin=rows.encode())
    assert proc.returncode == 0, proc.stderr
    assert [json.loads(x)["article"] for x in proc.stdout.splitlines()] == ["r1"]


@pytest.mark.parametrize("fmt", ["jsonl", "csv", "json"])
def test_case9_reconcile_refuses_extract_output_with_one_line(tmp_path, folder, fmt):
    claims = tmp_path / f"claims.{fmt}"
    assert cli("extract", "--format", fmt, "-o", str(claims), str(folder)).returncode == 0
    proc = cli("reconcile", "--format", "json", str(claims))
    assert proc.returncode == 2
    lines = _lines(proc.stderr)
    assert lines[0] == (
        f"factcheck: skipped {claims}: holds claim records written by 'factcheck extract' (keys article, "
        "measure, bound), not articles; give reconcile the articles themselves (each record's text is only "
        "the figure's phrase)"
    )
    assert json.loads(proc.stdout)["groups"] == []


# --- case 7: the progress bar -----------------------------------------------------------------------


def _on_a_terminal(args: list[str], *, stdout_too: bool) -> tuple[int, str, bytes]:
    """Run the CLI with stderr (and stdout when ``stdout_too``) on a pseudo-terminal."""
    import pty
    import select

    master, slave = pty.openpty()
    os.set_blocking(master, False)
    env = _env()
    env.update(COLUMNS="120", LINES="40", TERM="xterm")
    out_target = slave if stdout_too else subprocess.PIPE
    proc = subprocess.Popen([sys.executable, "-m", "factcheck", *args], stdout=out_target, stderr=slave,
                            env=env)
    os.close(slave)
    seen = bytearray()
    deadline = time.monotonic() + 300
    while time.monotonic() < deadline:
        ready, _, _ = select.select([master], [], [], 0.2)
        if ready:
            try:
                chunk = os.read(master, 65536)
            except OSError:  # the terminal closed (all writers gone)
                break
            if not chunk:
                break
            seen += chunk
        elif proc.poll() is not None:
            break
    stdout = b"" if stdout_too else proc.stdout.read()
    proc.wait(timeout=60)
    os.close(master)
    return proc.returncode, seen.decode("utf-8", "replace"), stdout


@pytest.fixture(scope="module")
def forty(tmp_path_factory) -> Path:
    d = tmp_path_factory.mktemp("forty")
    for i in range(40):
        (d / f"a{i:02}.txt").write_text(f"{GOOD_EN} Day {i}.\n" * 3, encoding="utf-8")
    return d


def test_case7_bar_on_a_terminal_with_total_and_time_left(forty):
    status, terminal, stdout = _on_a_terminal(["extract", "--format", "table", str(forty)], stdout_too=False)
    assert status == 0
    assert "/40 articles" in terminal and "left" in terminal, terminal[-500:]
    assert "claims from 40 input(s)" in stdout.decode()  # the table went to stdout, untouched
    assert "\x1b" not in stdout.decode() and "articles" not in stdout.decode()


def test_case7_bar_is_gone_before_the_output_on_the_same_terminal(forty):
    status, terminal, _ = _on_a_terminal(["reconcile", "--format", "table", str(forty)], stdout_too=True)
    assert status == 0
    assert "/40 articles" in terminal  # the bar was shown …
    title = terminal.index("factcheck reconciliation")
    assert "articles" not in terminal[title:] and "left" not in terminal[title:]  # … and never after the output


def test_case7_quiet_shows_no_bar_and_no_summary(forty, tmp_path):
    bad = tmp_path / "in"
    bad.mkdir()
    for p in forty.iterdir():
        (bad / p.name).write_bytes(p.read_bytes())
    (bad / "empty.txt").write_bytes(b"")
    status, terminal, _ = _on_a_terminal(["extract", "--quiet", "-o", str(tmp_path / "o.jsonl"), str(bad)],
                                         stdout_too=False)
    assert status == 1
    assert terminal.strip().splitlines() == [f"factcheck: skipped {bad / 'empty.txt'}: empty file"]


def test_case7_nothing_on_a_pipe(forty):
    proc = cli("extract", str(forty))
    assert proc.returncode == 0 and proc.stderr == b""


def test_case7_progress_total_grows_past_an_estimate():
    import io as _io

    from factcheck.progress import Progress

    p = Progress(_io.StringIO(), enabled=False, total=3)
    for _ in range(5):
        p.advance()
    assert (p.count, p.total) == (5, 5)


@pytest.mark.parametrize("jsonl", [False, True])
def test_case9_stdin_is_read_within_bounds(jsonl):
    """A huge stdin (text, or one huge JSONL line) is refused after reading about the limit, not all of it."""
    import io as _io

    from factcheck.io import iter_inputs

    limit = 1000
    body = (b'{"id": "a", "text": "' + b"x" * 10_000_000 + b'"}\n') if jsonl else b"x" * 10_000_000
    stream = _io.BufferedReader(_io.BytesIO(body + (b'{"id": "b", "text": "About 3,000 troops."}\n' if jsonl else b"")))
    items = list(iter_inputs(["-"], stdin=stream, max_chars=limit, language="en"))
    assert "too large" in items[0].reason or "line too long" in items[0].reason
    if jsonl:
        assert [getattr(i, "id", None) for i in items[1:]] == ["b"]  # the next line is still read
    else:
        assert len(items) == 1 and stream.tell() < 5 * limit + 8192


def test_skip_line_of_a_file_named_with_a_newline_is_one_line(tmp_path, capsys):
    from factcheck.cli import main

    (tmp_path / "c\nd.txt").write_bytes(b"")
    (tmp_path / "ok.txt").write_text(GOOD_EN, encoding="utf-8")
    assert main(["extract", "-o", str(tmp_path.parent / f"{tmp_path.name}.out"), str(tmp_path)]) == 1
    err = capsys.readouterr().err.splitlines()
    assert err[0] == f"factcheck: skipped {tmp_path}/c\\x0ad.txt: empty file"
    assert len(err) == 2


def test_output_through_a_symlink_replaces_the_file_it_points_to(tmp_path, folder, capsys):
    from factcheck.cli import main

    real = tmp_path / "real.jsonl"
    real.write_text("old\n")
    link = tmp_path / "latest.jsonl"
    link.symlink_to(real)
    assert main(["extract", "-o", str(link), str(folder)]) == 0
    assert link.is_symlink() and len(real.read_text().splitlines()) == 2
