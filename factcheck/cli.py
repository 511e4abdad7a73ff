"""The ``factcheck`` command line: ``extract``, ``reconcile``, ``languages``.

Bad inputs are skipped with one line on stderr (``factcheck: skipped <file>[:line]: <reason>``)
and the run goes on; the exit status says what happened (docs/cli.md):

- 0: every input was processed;
- 1: some input was skipped (the rest was processed);
- 2: usage error, nothing readable, ``--strict`` stopped at a bad input, or ``--output``
  refused (it names an input, lies inside an input folder, or cannot be written);
- 130: interrupted (Ctrl-C): one line, workers ended, an ``--output`` file left as it was.

``--output FILE`` is written atomically: into a temporary file beside FILE, renamed over it
only when the run ends, so an interrupted or failed run never leaves a half-written file.
When the reader of stdout goes away (``| head``) the run stops quietly with status 0.

Parts live beside it: :mod:`factcheck.cli_jobs` (``--jobs`` worker processes),
:mod:`factcheck.cli_files` (``--output``), :mod:`factcheck.cli_output` (formats) and
:mod:`factcheck.cli_store` (``--store``, ``--scheduler``, the ``store`` command).

>>> build_parser().parse_args(["extract", "a.txt"]).format
'jsonl'
"""

from __future__ import annotations

import argparse
import importlib
import multiprocessing
import os
import signal
import sys
from typing import TYPE_CHECKING, Any, NoReturn, TextIO

from factcheck import _interrupt
from factcheck.cli_files import Output as _Output
from factcheck.cli_jobs import GuardedExtractor, extract_all, one_line as _one_line
from factcheck.cli_store import register as register_store_options
from factcheck.cli_output import WRITERS, format_value, write_report  # noqa: F401 - format_value re-exported
from factcheck.errors import FactcheckError
from factcheck.io import MAX_ARTICLE_CHARS, estimate_count, iter_located
from factcheck.langdata import load_language, supported_languages
from factcheck.models import Article, ArticleStatus, Claim, SkippedInput
from factcheck.settings import Settings

if TYPE_CHECKING:  # the engines load when a command runs (_load_engines): --help needs none
    from factcheck.extraction import Extractor
    from factcheck.progress import Progress
    from factcheck.reconcile import Reconciler

_ENGINES = {"Extractor": "factcheck.extraction", "Progress": "factcheck.progress",
            "Reconciler": "factcheck.reconcile"}


def __getattr__(name: str) -> Any:
    """``cli.Extractor``, ``cli.Progress``, ``cli.Reconciler`` before a command has run."""
    if name not in _ENGINES:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(_ENGINES[name]), name)
    globals()[name] = value
    return value


def _load_engines() -> None:
    """Import what the commands use, unless already there (a test may have replaced one)."""
    for name in _ENGINES:
        if name not in globals():
            __getattr__(name)

EXIT_OK = 0
EXIT_SKIPPED = 1
EXIT_ERROR = 2
EXIT_INTERRUPTED = 130


class _Strict(Exception):
    """--strict met a bad input (already reported)."""


def main(argv: list[str] | None = None) -> int:
    """Run the command line; returns the exit status (see the module docstring).

    >>> import contextlib, io
    >>> with contextlib.redirect_stdout(io.StringIO()) as out:
    ...     status = main(["languages"])
    >>> ["en", "English", "Latin"] in [line.split(chr(9)) for line in out.getvalue().splitlines()], status
    (True, 0)
    """
    args = build_parser().parse_args(argv)
    _utf8_stdout()
    try:
        _load_engines()  # the command's modules (the start-up handler covers Ctrl-C until here)
        _interrupt.release()  # from here Ctrl-C is handled below (workers, --output)
        return int(args.func(args))
    except _Strict:
        sys.stderr.write("factcheck: stopped at the first bad input (--strict)\n")
        return EXIT_ERROR
    except FactcheckError as e:
        sys.stderr.write(f"factcheck: error: {_one_line(str(e))}\n")
        return EXIT_ERROR
    except KeyboardInterrupt:
        # A second Ctrl-C while cleaning up ends the process at once, without a traceback.
        signal.signal(signal.SIGINT, signal.SIG_DFL)
        sys.stderr.write("factcheck: interrupted\n")
        return EXIT_INTERRUPTED
    except BrokenPipeError:
        # The reader went away (``| head``): it has what it wanted; stop quietly, status 0.
        _stdout_to_devnull()
        return EXIT_OK


def run() -> NoReturn:
    """The ``factcheck`` program: :func:`main`, then a prompt exit.

    After Ctrl-C or a closed pipe the process ends with ``os._exit`` once stderr is flushed
    and any worker left is killed: interpreter shutdown would run finalizers (pool joins,
    ``__del__`` methods) that can print tracebacks or wait on a worker that is gone.
    """
    status = main()
    if status == EXIT_INTERRUPTED or _stdout_closed:
        for child in multiprocessing.active_children():
            child.kill()
        try:
            sys.stdout.flush()
        except (BrokenPipeError, ValueError, OSError):
            pass
        sys.stderr.flush()
        os._exit(status)
    sys.exit(status)


_stdout_closed = False


def _stdout_to_devnull() -> None:
    global _stdout_closed
    _stdout_closed = True
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError, AttributeError):  # a test's captured stdout has no fd
        pass


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
        epilog="Exit status: 0 all input processed (or the reader of stdout went away), "
        "1 some input skipped, 2 usage error / nothing readable / --strict stopped / --output "
        "refused (an input, inside an input folder, or unwritable), 130 interrupted. See docs/cli.md.",
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
                   help="files (.txt, .jsonl, .ndjson, .csv, .json), folders, or - for stdin "
                   "(JSONL when its first line is a JSON object, else one article's text)")
    p.add_argument("--language", metavar="CODE",
                   help="language of articles that do not state one (default: detect)")
    p.add_argument("--strict", action="store_true",
                   help="stop at the first bad input (exit status 2)")
    p.add_argument("--max-chars", type=_non_negative, default=MAX_ARTICLE_CHARS, metavar="N",
                   help=f"skip articles longer than N characters (default {MAX_ARTICLE_CHARS:,}; 0: no limit)")
    p.add_argument("--include-boilerplate", action="store_true",
                   help="also read teasers, sidebars and widgets (other stories, off by default)")
    p.add_argument("--output", "-o", metavar="FILE",
                   help="write to FILE instead of stdout (atomically: FILE is replaced only when the "
                   "run ends; refused when FILE is an input or lies inside an input folder)")
    p.add_argument("--quiet", "-q", action="store_true",
                   help="no progress bar and no summary line (skipped inputs are still named)")


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
    statuses: list[ArticleStatus] = []
    # The output is checked (and its temporary file made) before any work.
    with _Output(args.output, args.paths) as out, _progress(args, out, streams=args.format in ("jsonl", "csv")) as progress:
        inputs = iter_located(args.paths, language=args.language, max_chars=args.max_chars)
        writer = WRITERS[args.format](out)
        for where, item, result in extract_all(inputs, settings, args.jobs, Extractor):
            status = _status(item, result)
            statuses.append(status)
            progress.advance()
            if status.status == "skipped":
                progress.note(_skip_line(where, status))
                if args.strict:
                    raise _Strict
            writer.add(status, result if isinstance(result, list) else [])
        progress.close()  # the bar is gone before the table (or document) is printed
        writer.close(statuses)
    return _exit_status(statuses, progress, quiet=args.quiet)


def _progress(args: argparse.Namespace, out: TextIO, *, streams: bool) -> Progress:
    """The progress bar: on a terminal only, never with --quiet, and not when records are
    streamed to the same terminal (the bar would be drawn between them)."""
    enabled = not args.quiet and _isatty(sys.stderr) and not (streams and _isatty(out))
    total = estimate_count(args.paths) if enabled else None
    return Progress(enabled=enabled, total=total)


def _isatty(stream: Any) -> bool:
    isatty = getattr(stream, "isatty", None)
    try:
        return bool(isatty and isatty())
    except ValueError:  # closed
        return False


def _status(item: Article | SkippedInput, result: list[Claim] | str | None) -> ArticleStatus:
    if isinstance(item, SkippedInput):
        return ArticleStatus(id=item.where, status="skipped", reason=item.reason)
    if isinstance(result, str):
        return ArticleStatus(id=item.id, status="skipped", reason=result)
    return ArticleStatus(id=item.id, status="processed", claims=len(result or []))


def _skip_line(where: str, status: ArticleStatus) -> str:
    """``factcheck: skipped <file>[:line]: <reason>`` (with the id when it differs), on one line:
    control characters in a file name or reason (a newline in a name) are written escaped."""
    label = where if status.id in (where, "") else f"{where} (article {status.id!r})"
    return f"factcheck: skipped {_printable(label)}: {_printable(_one_line(status.reason or ''))}"


_CONTROL = {c: f"\\x{c:02x}" for c in [*range(0x20), 0x7F]}


def _printable(s: str) -> str:
    r"""``s`` with control characters escaped, so one message stays one line.

    >>> _printable("a" + chr(10) + "b.txt")
    'a\\x0ab.txt'
    """
    return s.translate(_CONTROL)


def _exit_status(statuses: list[ArticleStatus], progress: Progress, *, quiet: bool = False) -> int:
    skipped = sum(s.status == "skipped" for s in statuses)
    processed = len(statuses) - skipped
    claims = sum(s.claims for s in statuses)
    if skipped and not quiet:
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
    # The output is checked (and its temporary file made) before any work.
    with _Output(args.output, args.paths) as out, _progress(args, out, streams=False) as progress:
        for where, item in iter_located(args.paths, language=args.language, max_chars=args.max_chars):
            items.append(item)
            if isinstance(item, Article):
                where_of[item.id] = where
            if isinstance(item, SkippedInput):
                progress.advance()
                skipped_where.add(item.where)
                progress.note(f"factcheck: skipped {_printable(item.where)}: {_printable(item.reason)}")
                if args.strict:
                    raise _Strict
        # Skipped inputs go in too: the report lists every input with its status.
        extractor = GuardedExtractor(settings, Extractor, on_done=progress.advance)  # the long part: counted
        report = Reconciler(settings, extractor=extractor).run(items)
        statuses = _report_statuses(report, items)
        for s in statuses:
            if s.status == "skipped" and s.id not in skipped_where:
                progress.note(_skip_line(where_of.get(s.id, s.id), s))
                if args.strict:
                    raise _Strict
        progress.close()  # the bar is gone before the report is printed
        write_report(report, args.format, out)
        return _exit_status(statuses, progress, quiet=args.quiet)


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
