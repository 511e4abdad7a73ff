"""The ``factcheck`` command line: ``extract``, ``reconcile``, ``languages``.

Bad inputs are skipped with one line on stderr (``factcheck: skipped <file>[:line]: <reason>``)
and the run goes on; the exit status says what happened (docs/cli.md):

- 0: every input was processed;
- 1: some input was skipped (the rest was processed);
- 2: usage error, nothing readable, or ``--strict`` stopped at a bad input.

>>> build_parser().parse_args(["extract", "a.txt"]).format
'jsonl'
"""

from __future__ import annotations

import argparse
import itertools
import multiprocessing
import os
import sys
from collections.abc import Callable, Iterable, Iterator
from typing import Any, TextIO

from factcheck.cli_store import register as register_store_options
from factcheck.cli_output import WRITERS, format_value, write_report  # noqa: F401 - format_value re-exported
from factcheck.errors import FactcheckError
from factcheck.extraction import Extractor
from factcheck.io import MAX_ARTICLE_CHARS, iter_located
from factcheck.langdata import load_language, supported_languages
from factcheck.models import Article, ArticleStatus, Claim, SkippedInput
from factcheck.progress import Progress
from factcheck.reconcile import Reconciler
from factcheck.settings import Settings

EXIT_OK = 0
EXIT_SKIPPED = 1
EXIT_ERROR = 2

#: With --jobs, inputs are handed to the workers in windows of this many per worker,
#: so memory stays bounded however long the input is.
_WINDOW_PER_JOB = 32

Located = tuple[str, Article | SkippedInput]
Outcome = tuple[str, Article | SkippedInput, list[Claim] | str | None]


class _Strict(Exception):
    """--strict met a bad input (already reported)."""


def main(argv: list[str] | None = None) -> int:
    """Run the command line; returns the exit status (see the module docstring).

    >>> status = main(["languages"])  # doctest: +ELLIPSIS, +NORMALIZE_WHITESPACE
    en English Latin
    ...
    >>> status
    0
    """
    args = build_parser().parse_args(argv)
    _utf8_stdout()
    try:
        return int(args.func(args))
    except _Strict:
        sys.stderr.write("factcheck: stopped at the first bad input (--strict)\n")
        return EXIT_ERROR
    except FactcheckError as e:
        sys.stderr.write(f"factcheck: error: {e}\n")
        return EXIT_ERROR
    except KeyboardInterrupt:
        sys.stderr.write("factcheck: interrupted\n")
        return 130
    except BrokenPipeError:
        # The reader went away (``| head``): stop quietly, as other Unix tools do.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return EXIT_SKIPPED


def _utf8_stdout() -> None:
    """Output is UTF-8 whatever the locale: claims quote Devanagari, Hangul, Cyrillic text."""
    # backslashreplace: a lone surrogate from a library caller prints as a JSON-valid
    # escape instead of ending the run mid-output.
    if hasattr(sys.stdout, "reconfigure"):
        sys.stdout.reconfigure(encoding="utf-8", errors="backslashreplace")


def build_parser() -> argparse.ArgumentParser:
    """The argument parser (``factcheck --help``)."""
    from factcheck import __version__

    p = argparse.ArgumentParser(
        prog="factcheck",
        description="Claim-consistency fact-checking of multilingual news: "
        "extract numeric claims, attribute them, reconcile them across articles.",
        epilog="Exit status: 0 all input processed, 1 some input skipped, "
        "2 usage error / nothing readable / --strict stopped. See docs/cli.md.",
    )
    p.add_argument("--version", action="version", version=f"factcheck {__version__}")
    sub = p.add_subparsers(dest="command", required=True, metavar="COMMAND")

    e = sub.add_parser("extract", help="print the numeric claims found in articles",
                       description="Print one record per claim found in the articles.")
    e.add_argument("--format", choices=["jsonl", "json", "csv", "table"], default="jsonl",
                   help="jsonl (default): one claim per line; json: claims and every "
                   "article's status; csv: flat rows; table: for reading")
    _add_input_options(e)
    e.add_argument("--jobs", type=_jobs, default=1, metavar="N",
                   help="extract with N worker processes (0: one per CPU; default 1)")
    e.set_defaults(func=_cmd_extract)

    r = sub.add_parser("reconcile", help="group claims and tell agreement, growth and conflict apart",
                       description="Reconcile the claims of the articles and print the report.")
    r.add_argument("--format", choices=["table", "json", "html"], default="table",
                   help="table (default): for the terminal; json: Report.to_json(); "
                   "html: a self-contained page")
    _add_input_options(r)
    r.set_defaults(func=_cmd_reconcile)
    register_store_options(sub, e, r)  # --store, --scheduler, and the store command (cli_store.py)

    lang = sub.add_parser("languages", help="list the supported languages",
                          description="List the supported languages: code, name, scripts.")
    lang.set_defaults(func=_cmd_languages)
    return p


def _add_input_options(p: argparse.ArgumentParser) -> None:
    p.add_argument("paths", nargs="+", metavar="PATH",
                   help="files (.txt, .jsonl, .ndjson, .csv, .json), folders, or - for JSONL on stdin")
    p.add_argument("--language", metavar="CODE",
                   help="language of articles that do not state one (default: detect)")
    p.add_argument("--strict", action="store_true",
                   help="stop at the first bad input (exit status 2)")
    p.add_argument("--max-chars", type=_non_negative, default=MAX_ARTICLE_CHARS, metavar="N",
                   help=f"skip articles longer than N characters (default {MAX_ARTICLE_CHARS:,}; 0: no limit)")
    p.add_argument("--include-boilerplate", action="store_true",
                   help="also read teasers, sidebars and widgets (other stories, off by default)")
    p.add_argument("--output", "-o", metavar="FILE", help="write to FILE instead of stdout")


def _non_negative(s: str) -> int:
    try:
        n = int(s)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{s!r} is not a whole number") from None
    if n < 0:
        raise argparse.ArgumentTypeError(f"{s!r} must be 0 or more")
    return n


def _jobs(s: str) -> int:
    n = _non_negative(s)
    return n or (os.cpu_count() or 1)


# --- extract -------------------------------------------------------------------------


def _cmd_extract(args: argparse.Namespace) -> int:
    settings = Settings(include_boilerplate=args.include_boilerplate)
    inputs = iter_located(args.paths, language=args.language, max_chars=args.max_chars)
    statuses: list[ArticleStatus] = []
    with _open_output(args.output) as out, Progress() as progress:
        writer = WRITERS[args.format](out)
        for where, item, result in _extract_all(inputs, settings, args.jobs):
            status = _status(item, result)
            statuses.append(status)
            progress.advance()
            if status.status == "skipped":
                progress.note(_skip_line(where, status))
                if args.strict:
                    raise _Strict
            writer.add(status, result if isinstance(result, list) else [])
        writer.close(statuses)
    return _exit_status(statuses, progress)


def _extract_all(inputs: Iterable[Located], settings: Settings, jobs: int) -> Iterator[Outcome]:
    """(where, input, claims or error message) for every input, in input order."""
    if jobs <= 1:
        extractor = None
        for where, item in inputs:
            if isinstance(item, SkippedInput):
                yield where, item, None
                continue
            if extractor is None:  # built on the first article: a run of bad inputs builds none
                extractor = Extractor(settings)
            yield where, item, _extract_one(extractor, item)
        return
    # Built once here so a broken setup (invalid language data) fails fast with exit 2;
    # a worker whose initializer raised would be respawned by the pool forever.
    Extractor(settings)
    window = jobs * _WINDOW_PER_JOB
    it = iter(inputs)
    with multiprocessing.get_context().Pool(jobs, _init_worker, (Extractor, settings)) as pool:
        while batch := list(itertools.islice(it, window)):
            yield from pool.imap(_work, batch, chunksize=max(1, len(batch) // (jobs * 4)))


_WORKER: Any = None


def _init_worker(factory: Callable[[Settings], Any], settings: Settings) -> None:
    """Build each worker's Extractor once (its spaCy pipelines are costly to build)."""
    global _WORKER
    try:
        _WORKER = factory(settings)
    except Exception as e:  # noqa: BLE001 - reported per article by _work, never a respawn loop
        _WORKER = e


def _work(located: Located) -> Outcome:
    where, item = located
    if isinstance(item, SkippedInput):
        return where, item, None
    if isinstance(_WORKER, Exception):
        return where, item, f"extraction failed: the worker could not start ({type(_WORKER).__name__}: {_WORKER})"
    return where, item, _extract_one(_WORKER, item)


def _extract_one(extractor: Any, article: Article) -> list[Claim] | str:
    """The article's claims, or why it could not be processed (never raises)."""
    try:
        return list(extractor.extract(article))
    except FactcheckError as e:
        return f"extraction failed: {e}"
    except Exception as e:  # noqa: BLE001 - one article's failure must not end a night's run
        return f"extraction failed ({type(e).__name__}: {e}); please report this as a bug"


class _GuardedExtractor:
    """An Extractor (built on first use) whose unexpected errors become FactcheckErrors.

    The reconciler skips an article on a FactcheckError; any other exception is a bug in
    extraction, and one article's bug must not end the whole run.
    """

    def __init__(self, settings: Settings, on_done: Callable[[], None] | None = None) -> None:
        self.settings = settings
        self.on_done = on_done
        self._inner: Any = None

    def extract(self, article: Article) -> list[Claim]:
        if self._inner is None:
            self._inner = Extractor(self.settings)
        result = _extract_one(self._inner, article)
        if self.on_done is not None:
            self.on_done()
        if isinstance(result, str):
            raise FactcheckError(result)
        return result


def _status(item: Article | SkippedInput, result: list[Claim] | str | None) -> ArticleStatus:
    if isinstance(item, SkippedInput):
        return ArticleStatus(id=item.where, status="skipped", reason=item.reason)
    if isinstance(result, str):
        return ArticleStatus(id=item.id, status="skipped", reason=result)
    return ArticleStatus(id=item.id, status="processed", claims=len(result or []))


def _skip_line(where: str, status: ArticleStatus) -> str:
    """``factcheck: skipped <file>[:line]: <reason>`` (with the id when it differs)."""
    label = where if status.id in (where, "") else f"{where} (article {status.id!r})"
    return f"factcheck: skipped {label}: {status.reason}"


def _exit_status(statuses: list[ArticleStatus], progress: Progress) -> int:
    skipped = sum(s.status == "skipped" for s in statuses)
    processed = len(statuses) - skipped
    claims = sum(s.claims for s in statuses)
    if skipped:
        progress.note(
            f"factcheck: {len(statuses)} input(s): {processed} processed ({claims} claims), {skipped} skipped"
        )
    if processed == 0:
        if not statuses:
            progress.note("factcheck: no input found")
        return EXIT_ERROR
    return EXIT_SKIPPED if skipped else EXIT_OK


# --- reconcile -----------------------------------------------------------------------


def _cmd_reconcile(args: argparse.Namespace) -> int:
    settings = Settings(include_boilerplate=args.include_boilerplate)
    items: list[Article | SkippedInput] = []
    skipped_where: set[str] = set()
    where_of: dict[str, str] = {}
    statuses: list[ArticleStatus] = []
    with Progress() as progress:
        for where, item in iter_located(args.paths, language=args.language, max_chars=args.max_chars):
            items.append(item)
            if isinstance(item, Article):
                where_of[item.id] = where
            if isinstance(item, SkippedInput):
                progress.advance()
                skipped_where.add(item.where)
                progress.note(f"factcheck: skipped {item.where}: {item.reason}")
                if args.strict:
                    raise _Strict
        # Skipped inputs go in too: the report lists every input with its status.
        extractor = _GuardedExtractor(settings, on_done=progress.advance)  # the long part: counted
        report = Reconciler(settings, extractor=extractor).run(items)
        statuses = _report_statuses(report, items)
        for s in statuses:
            if s.status == "skipped" and s.id not in skipped_where:
                progress.note(_skip_line(where_of.get(s.id, s.id), s))
                if args.strict:
                    raise _Strict
        with _open_output(args.output) as out:
            write_report(report, args.format, out)
        return _exit_status(statuses, progress)


def _report_statuses(report: Any, items: list[Article | SkippedInput]) -> list[ArticleStatus]:
    """Every input's status: the report's own list when it has one, else from the inputs."""
    listed = getattr(report, "articles", None)
    if listed is None:
        return [_status(i, None if isinstance(i, SkippedInput) else []) for i in items]
    out = []
    for s in listed:
        if isinstance(s, ArticleStatus):
            out.append(s)
        else:
            d = s if isinstance(s, dict) else getattr(s, "model_dump", lambda: vars(s))()
            out.append(ArticleStatus(id=str(d["id"]), status=d["status"], claims=d.get("claims") or 0,
                                     reason=d.get("reason")))
    return out


# --- languages -----------------------------------------------------------------------


def _cmd_languages(args: argparse.Namespace) -> int:
    status = EXIT_OK
    for code in supported_languages():
        try:
            data = load_language(code)
        except FactcheckError as e:
            sys.stderr.write(f"factcheck: {code}: invalid language data: {e}\n")
            status = EXIT_SKIPPED
            continue
        sys.stdout.write(f"{data.code}\t{data.name}\t{', '.join(data.scripts)}\n")
    return status


class _open_output:
    """stdout, or FILE (UTF-8) for --output; closes only what it opened."""

    def __init__(self, path: str | None) -> None:
        self.path = path
        self.f: TextIO | None = None

    def __enter__(self) -> TextIO:
        if self.path is None or self.path == "-":
            return sys.stdout
        try:
            self.f = open(self.path, "w", encoding="utf-8", errors="backslashreplace", newline="")
        except OSError as e:
            raise FactcheckError(f"{self.path}: cannot write the output: {e.strerror}") from None
        return self.f

    def __exit__(self, *exc: object) -> None:
        if self.f is not None:
            self.f.close()
