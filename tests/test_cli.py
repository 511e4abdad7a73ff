"""The command line: formats, skip lines on stderr, exit codes, --strict, --jobs, reconcile wiring.

Most tests inject ``FakeExtractor`` (every run of digits is a claim) so the command line is
tested on its own; the ``real`` variants run the real extractor and skip while it is a
placeholder.
"""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
from pathlib import Path

import pytest
import regex

import factcheck
from factcheck import cli, cli_jobs
from factcheck.cli import EXIT_ERROR, EXIT_OK, EXIT_SKIPPED, format_value, main
from factcheck.errors import DataError, FactcheckError
from factcheck.extraction import Extractor as RealExtractor
from factcheck.langdata import supported_languages
from factcheck.models import Article, Attribution, Claim, Evidence, SkippedInput
from factcheck.progress import Progress
from factcheck.values import Exact

DATA = Path(__file__).parent / "data" / "io"
MIXED = DATA / "mixed"
FORMATS = DATA / "formats"
GOOD_EN = "Officials said that about 3,000 more soldiers were deployed, the ministry said."
SKIP_LINE = regex.compile(r"^factcheck: skipped (\S+)(?: \(article '[^']*'\))?: \S.*$")


class FakeExtractor:
    """Every run of ASCII digits is a claim; 'BOOM' in a text raises (an extraction bug)."""

    def __init__(self, settings=None, measures=None) -> None:
        self.settings = settings

    def extract(self, article: Article) -> list[Claim]:
        if "BOOM" in article.text:
            raise RuntimeError("simulated extraction bug")
        if "DATAERR" in article.text:
            raise FactcheckError("simulated documented error")
        out = []
        for m in regex.finditer(r"\d+", article.text):
            ev = Evidence(article_id=article.id, start=m.start(), end=m.end(), text=m.group(),
                          sentence_start=0, sentence_end=len(article.text), sentence="")
            out.append(Claim(article_id=article.id, measure="troops_deployed", subject="north_korea",
                             value=Exact(value=int(m.group())), unit="soldier", evidence=ev,
                             attribution=Attribution(source="NIS", chain=("IANS", "NIS")),
                             language=article.language))
        return out


def _fake(monkeypatch) -> None:
    monkeypatch.setattr(cli, "Extractor", FakeExtractor)


def _run(capsys, argv: list[str]) -> tuple[int, str, str]:
    status = main(argv)
    out, err = capsys.readouterr()
    return status, out, err


def _real_extraction_or_skip() -> None:
    try:
        RealExtractor().extract(Article(id="probe", text=GOOD_EN, language="en"))
    except NotImplementedError as e:
        pytest.skip(f"real extraction has not landed: {e}")


def _write(folder: Path, files: dict[str, str | bytes]) -> Path:
    for name, content in files.items():
        p = folder / name
        p.parent.mkdir(parents=True, exist_ok=True)
        p.write_bytes(content.encode() if isinstance(content, str) else content)
    return folder


# --- the acceptance test of issue 7 ---


@pytest.mark.parametrize("folder", [MIXED])
def test_cli_extract_folder_with_bad_files_prints_good_claims_and_names_bad_files(capsys, monkeypatch, folder):
    _fake(monkeypatch)
    status, out, err = _run(capsys, ["extract", str(folder)])
    records = [json.loads(line) for line in out.splitlines()]
    assert records and {r["article"] for r in records} == {"good.txt"}
    skipped = [SKIP_LINE.match(line) for line in err.splitlines() if line.startswith("factcheck: skipped")]
    assert all(skipped), err
    assert sorted(Path(m.group(1)).name for m in skipped) == ["binary.png", "empty.txt", "latin1.txt"]
    assert status == EXIT_SKIPPED


@pytest.mark.parametrize("folder", [MIXED])
def test_cli_extract_folder_with_bad_files_real(capsys, folder):
    _real_extraction_or_skip()
    status, out, err = _run(capsys, ["extract", str(folder)])
    records = [json.loads(line) for line in out.splitlines()]
    assert records and {r["article"] for r in records} == {"good.txt"}
    for name in ("binary.png", "empty.txt", "latin1.txt"):
        assert f"factcheck: skipped {folder / name}: " in err
    assert status == EXIT_SKIPPED


# --- exit codes ---


@pytest.mark.parametrize(
    ("files", "extra", "expected"),
    [
        ({"a.txt": GOOD_EN}, [], EXIT_OK),
        ({"a.txt": GOOD_EN, "b.txt": b""}, [], EXIT_SKIPPED),
        ({"b.txt": b"", "c.bin": b"\x00\x00"}, [], EXIT_ERROR),  # nothing readable
        ({}, [], EXIT_ERROR),  # empty folder
        ({"a.txt": GOOD_EN, "b.txt": b""}, ["--strict"], EXIT_ERROR),
        ({"a.txt": GOOD_EN}, ["--language", "xx"], EXIT_ERROR),
        ({"a.txt": GOOD_EN, "b.txt": "BOOM 12"}, [], EXIT_SKIPPED),  # an extraction bug skips one
    ],
)
def test_cli_exit_status(tmp_path, capsys, monkeypatch, files, extra, expected):
    _fake(monkeypatch)
    _write(tmp_path, files)
    status, _, err = _run(capsys, ["extract", *extra, str(tmp_path)])
    assert status == expected, err


@pytest.mark.parametrize("argv", [["extract"], ["extract", "--format", "xml", "a.txt"], ["frobnicate"],
                                  ["extract", "--jobs", "-1", "a.txt"], []])
def test_cli_usage_error_exits_2(capsys, argv):
    with pytest.raises(SystemExit) as info:
        main(argv)
    assert info.value.code == EXIT_ERROR


@pytest.mark.parametrize("files", [{"a.txt": "12 soldiers", "b.txt": b"", "c.txt": "34 soldiers"}])
def test_cli_strict_stops_at_first_bad_input(tmp_path, capsys, monkeypatch, files):
    _fake(monkeypatch)
    _write(tmp_path, files)
    status, out, err = _run(capsys, ["extract", "--strict", str(tmp_path)])
    assert [json.loads(x)["article"] for x in out.splitlines()] == ["a.txt"]
    assert f"factcheck: skipped {tmp_path / 'b.txt'}: empty file" in err
    assert "stopped at the first bad input (--strict)" in err
    assert status == EXIT_ERROR


@pytest.mark.parametrize("code", ["xx"])
def test_cli_unsupported_language_option_lists_supported(tmp_path, capsys, code):
    status, _, err = _run(capsys, ["extract", "--language", code, str(tmp_path)])
    assert status == EXIT_ERROR
    assert f"language {code!r} is not supported; only {supported_languages()}" in err


@pytest.mark.parametrize("text", ["BOOM 12 soldiers", "DATAERR 12 soldiers"])
def test_cli_extraction_failure_skips_that_article_only(tmp_path, capsys, monkeypatch, text):
    _fake(monkeypatch)
    _write(tmp_path, {"a.txt": "12 soldiers", "b.txt": text, "c.txt": "34 soldiers"})
    status, out, err = _run(capsys, ["extract", "--format", "json", str(tmp_path)])
    doc = json.loads(out)
    assert [(a["id"], a["status"]) for a in doc["articles"]] == [
        ("a.txt", "processed"), ("b.txt", "skipped"), ("c.txt", "processed")]
    assert "extraction failed" in doc["articles"][1]["reason"]
    assert f"factcheck: skipped {tmp_path / 'b.txt'} (article 'b.txt'): extraction failed" in err
    assert status == EXIT_SKIPPED


# --- output formats ---


@pytest.mark.parametrize("path", [FORMATS])
def test_cli_jsonl_is_one_claim_record_per_line(capsys, monkeypatch, path):
    _fake(monkeypatch)
    status, out, _ = _run(capsys, ["extract", "--format", "jsonl", str(path)])
    records = [json.loads(line) for line in out.splitlines()]
    assert status == EXIT_OK and records
    texts = {a.id: a.text for a in factcheck.load_articles([path])}
    for r in records:
        assert texts[r["article"]][r["start"]:r["end"]] == r["text"]
        assert {"article", "measure", "subject", "value", "low", "high", "bound", "unit", "modality",
                "role", "source", "chain", "as_of", "text", "start", "end", "sentence"} <= set(r)


@pytest.mark.parametrize("path", [MIXED])
def test_cli_json_lists_every_input_and_counts_add_up(capsys, monkeypatch, path):
    _fake(monkeypatch)
    status, out, _ = _run(capsys, ["extract", "--format", "json", str(path)])
    doc = json.loads(out)
    articles = doc["articles"]
    assert len(articles) == 4 == doc["summary"]["inputs"]
    assert sum(a["claims"] for a in articles) == len(doc["claims"]) == doc["summary"]["claims"]
    assert {a["status"] for a in articles} == {"processed", "skipped"}
    assert all(a["reason"] for a in articles if a["status"] == "skipped")
    assert all(set(a) == {"id", "status", "claims", "reason"} for a in articles)
    assert status == EXIT_SKIPPED


@pytest.mark.parametrize("path", [FORMATS / "articles.jsonl"])
def test_cli_csv_flattens_records(capsys, monkeypatch, path):
    _fake(monkeypatch)
    status, out, _ = _run(capsys, ["extract", "--format", "csv", str(path)])
    rows = list(csv.DictReader(io.StringIO(out)))
    assert status == EXIT_OK and rows
    assert {r["chain"] for r in rows} == {"IANS > NIS"}
    assert rows[0]["article"] == "en-1" and rows[0]["value"] == "3"


@pytest.mark.parametrize("files", [{"a.txt": "no digits in this text"}])
def test_cli_csv_without_claims_still_has_a_header(tmp_path, capsys, monkeypatch, files):
    _fake(monkeypatch)
    _write(tmp_path, files)
    _, out, _ = _run(capsys, ["extract", "--format", "csv", str(tmp_path)])
    assert out.splitlines()[0].startswith("article,measure,subject,value")


@pytest.mark.parametrize("path", [FORMATS / "articles.json"])
def test_cli_table_shows_claims(capsys, monkeypatch, path):
    _fake(monkeypatch)
    status, out, _ = _run(capsys, ["extract", "--format", "table", str(path)])
    assert status == EXIT_OK
    assert "json-1" in out and "troops_deployed" in out and "claims from 2 input(s)" in out


@pytest.mark.parametrize(
    ("record", "shown"),
    [
        ({"bound": "exact", "value": 600}, "600"),
        ({"bound": "approx", "value": 15000}, "≈15,000"),
        ({"bound": "more_than", "value": 11000}, ">11,000"),
        ({"bound": "at_least", "value": None, "low": 100}, "≥100"),
        ({"bound": "range", "low": 600, "high": 2000}, "600–2,000"),
        ({"bound": "vague", "low": 1000, "high": None}, "vague (1,000–…)"),
    ],
)
def test_cli_format_value(record, shown):
    assert format_value(record) == shown


@pytest.mark.parametrize("fmt", ["jsonl", "json"])
def test_cli_output_file(tmp_path, capsys, monkeypatch, fmt):
    _fake(monkeypatch)
    target = tmp_path / "out"
    status, out, _ = _run(capsys, ["extract", "--format", fmt, "--output", str(target), str(FORMATS)])
    assert status == EXIT_OK and out == ""
    assert "troops_deployed" in target.read_text(encoding="utf-8")


# --- inputs ---


@pytest.mark.parametrize("rows", [['{"id": "s1", "text": "12 soldiers"}', "{bad", '{"text": "34 soldiers"}']])
def test_cli_reads_jsonl_from_stdin(capsys, monkeypatch, rows):
    _fake(monkeypatch)
    data = ("\n".join(rows) + "\n").encode()
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data)))
    status, out, err = _run(capsys, ["extract", "-"])
    assert [json.loads(x)["article"] for x in out.splitlines()] == ["s1", "<stdin>:3"]
    assert "factcheck: skipped <stdin>:2: malformed JSON" in err
    assert status == EXIT_SKIPPED


@pytest.mark.parametrize("chars", [2_000])
def test_cli_max_chars(tmp_path, capsys, monkeypatch, chars):
    _fake(monkeypatch)
    _write(tmp_path, {"big.txt": "12 soldiers " * chars})
    status, _, err = _run(capsys, ["extract", "--max-chars", "1000", str(tmp_path)])
    assert status == EXIT_ERROR and "too large" in err
    status, out, _ = _run(capsys, ["extract", "--max-chars", "0", str(tmp_path)])
    assert status == EXIT_OK and len(out.splitlines()) == chars


@pytest.mark.parametrize("megabytes", [20])
def test_cli_twenty_megabyte_article_is_reported_not_fatal(tmp_path, capsys, monkeypatch, megabytes):
    """Over the documented limit (5,000,000 characters) an article is skipped with a reason."""
    _fake(monkeypatch)
    line = "The ministry said 12 soldiers were sent.\n"
    _write(tmp_path, {"dump.txt": line * (megabytes * 1024 * 1024 // len(line)), "a.txt": "34 soldiers"})
    status, out, err = _run(capsys, ["extract", str(tmp_path)])
    assert [json.loads(x)["article"] for x in out.splitlines()] == ["a.txt"]
    assert f"factcheck: skipped {tmp_path / 'dump.txt'}: too large" in err
    assert status == EXIT_SKIPPED


# --- parallel extraction ---


@pytest.mark.parametrize("jobs", ["2", "3"])
def test_cli_jobs_keep_input_order(tmp_path, capsys, monkeypatch, jobs):
    _fake(monkeypatch)
    files = {f"{i:03d}.txt": f"{i} soldiers were sent" for i in range(40)}
    files["017.txt"] = b""
    files["023.txt"] = "BOOM 23"
    _write(tmp_path, files)
    serial = _run(capsys, ["extract", "--format", "json", str(tmp_path)])
    parallel = _run(capsys, ["extract", "--format", "json", "--jobs", jobs, str(tmp_path)])
    assert parallel == serial
    assert serial[0] == EXIT_SKIPPED


# --- reconcile ---


class FakeReport:
    def __init__(self, items) -> None:
        self.items = list(items)

    def to_json(self) -> str:
        return json.dumps({"groups": [], "n": len(self.items)})

    def to_html(self) -> str:
        return "<!doctype html><title>fake</title>"

    def __rich__(self) -> str:
        return "FAKE TABLE"


class FakeReconciler:
    seen: list = []

    def __init__(self, settings=None, **kwargs) -> None:
        self.kwargs = kwargs

    def run(self, items):
        FakeReconciler.seen = list(items)
        return FakeReport(FakeReconciler.seen)


@pytest.mark.parametrize(("fmt", "expected"), [("json", '"n": 4'), ("html", "<!doctype html>"),
                                               ("table", "FAKE TABLE")])
def test_cli_reconcile_formats_and_gets_every_input(capsys, monkeypatch, fmt, expected):
    monkeypatch.setattr(cli, "Reconciler", FakeReconciler)
    status, out, err = _run(capsys, ["reconcile", "--format", fmt, str(MIXED)])
    assert expected in out
    kinds = sorted(type(i).__name__ for i in FakeReconciler.seen)
    assert kinds == ["Article", "SkippedInput", "SkippedInput", "SkippedInput"]
    assert err.count("factcheck: skipped") == 3
    assert status == EXIT_SKIPPED


@pytest.mark.parametrize("path", [MIXED])
def test_cli_reconcile_with_real_reconciler_lists_every_input(capsys, monkeypatch, path):
    _fake(monkeypatch)
    status, out, err = _run(capsys, ["reconcile", "--format", "json", str(path)])
    doc = json.loads(out)
    statuses = {a["id"]: a["status"] for a in doc["articles"]}
    assert statuses["good.txt"] == "processed"
    assert sorted(k for k, v in statuses.items() if v == "skipped") == sorted(
        str(path / n) for n in ("binary.png", "empty.txt", "latin1.txt"))
    assert status == EXIT_SKIPPED


@pytest.mark.parametrize("files", [{"a.txt": "12 soldiers", "b.txt": "BOOM 3"}])
def test_cli_reconcile_survives_an_extraction_bug(tmp_path, capsys, monkeypatch, files):
    _fake(monkeypatch)
    _write(tmp_path, files)
    status, out, err = _run(capsys, ["reconcile", "--format", "json", str(tmp_path)])
    statuses = {a["id"]: a["status"] for a in json.loads(out)["articles"]}
    assert statuses == {"a.txt": "processed", "b.txt": "skipped"}
    assert f"factcheck: skipped {tmp_path / 'b.txt'} (article 'b.txt'): extraction failed" in err
    assert status == EXIT_SKIPPED


# --- misc commands ---


@pytest.mark.parametrize("argv", [["languages"]])
def test_cli_languages_lists_every_supported_language(capsys, argv):
    status, out, _ = _run(capsys, argv)
    assert status == EXIT_OK
    assert [line.split("\t")[0] for line in out.splitlines()] == supported_languages()


@pytest.mark.parametrize("argv", [["--version"]])
def test_cli_version(capsys, argv):
    with pytest.raises(SystemExit) as info:
        main(argv)
    assert info.value.code == 0
    assert capsys.readouterr().out.strip() == f"factcheck {factcheck.__version__}"


@pytest.mark.parametrize("args", [["--help"]])
def test_cli_help_through_python_m(args):
    proc = subprocess.run([sys.executable, "-m", "factcheck", *args], capture_output=True, text=True,
                          timeout=300)
    assert proc.returncode == 0, proc.stderr
    assert "usage: factcheck" in proc.stdout and "Exit status" in proc.stdout


@pytest.mark.parametrize(("args", "mentions"), [(["extract", "--help"], "--jobs"),
                                                (["reconcile", "--help"], "--format"),
                                                (["languages", "--help"], "usage: factcheck languages")])
def test_cli_help_everywhere(capsys, args, mentions):
    with pytest.raises(SystemExit) as info:
        main(args)
    assert info.value.code == 0
    assert mentions in capsys.readouterr().out


@pytest.mark.parametrize("n", [3, 12])
def test_cli_progress_notes_and_bar(n):
    """Notes always reach the stream; the bar appears only when enabled and past a few articles."""
    stream = io.StringIO()
    with Progress(stream, enabled=True, show_after=5) as p:
        for i in range(n):
            p.advance()
            p.note(f"note {i}")
        started = p._bar is not None
    assert started is (n > 5)
    assert all(f"note {i}" in stream.getvalue() for i in range(n))


@pytest.mark.parametrize("n", [50])
def test_cli_progress_off_when_not_a_terminal(n):
    stream = io.StringIO()
    with Progress(stream) as p:
        for _ in range(n):
            p.advance()
        assert p._bar is None
    assert stream.getvalue() == ""


@pytest.mark.parametrize("item", [SkippedInput(where="a.txt:3", reason="empty text")])
def test_cli_skip_line_format(item):
    status = cli._status(item, None)
    assert SKIP_LINE.match(cli._skip_line(item.where, status))


class BrokenSetupExtractor:
    """An extractor that cannot be built (e.g. invalid language data)."""

    def __init__(self, settings=None, measures=None) -> None:
        raise DataError("hi.yaml: key extraction.cues: simulated invalid data")


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_cli_broken_setup_exits_2_naming_the_problem(tmp_path, capsys, monkeypatch, jobs):
    monkeypatch.setattr(cli, "Extractor", BrokenSetupExtractor)
    _write(tmp_path, {"a.txt": GOOD_EN})
    status, out, err = _run(capsys, ["extract", "--jobs", jobs, str(tmp_path)])
    assert status == EXIT_ERROR and out == ""
    assert "factcheck: error: hi.yaml: key extraction.cues" in err


@pytest.mark.parametrize("error", [RuntimeError("no memory for the pipeline")])
def test_cli_worker_that_could_not_start_skips_its_articles(monkeypatch, error):
    """A pool worker whose extractor failed to build reports each article, never respawns forever."""
    monkeypatch.setattr(cli_jobs, "_WORKER", None)
    cli_jobs._init_worker(BrokenSetupExtractor, None)
    assert isinstance(cli_jobs._WORKER, DataError)
    monkeypatch.setattr(cli_jobs, "_WORKER", error)
    article = Article(id="a", text=GOOD_EN, language="en")
    where, item, result = cli_jobs._work(("a.txt", article))
    assert (where, item) == ("a.txt", article)
    assert result.startswith("extraction failed: the worker could not start (RuntimeError")


@pytest.mark.parametrize("target", ["out", "out/."])
def test_cli_output_to_a_folder_is_a_usage_error(tmp_path, capsys, monkeypatch, target):
    _fake(monkeypatch)
    _write(tmp_path / "in", {"a.txt": GOOD_EN})
    (tmp_path / "out").mkdir()
    status, _, err = _run(capsys, ["extract", "--output", str(tmp_path / target), str(tmp_path / "in")])
    assert status == EXIT_ERROR
    assert "cannot write the output: Is a directory" in err
