"""Loading articles from files, folders and stdin — bad input is reported, never fatal.

Inputs (see docs/cli.md for the full reference):

- ``.txt`` (and any other non-JSON/CSV file): one article; its id is the file name, or
  its path relative to the folder given (``sub/a.txt``).
- ``.jsonl`` / ``.ndjson``: one JSON object per line.
- ``-``: stdin — JSONL when its first non-blank line starts with ``{``, else the whole of
  it is one article's text (id ``<stdin>``).
- ``.csv``: a header row naming the columns ``id, text, published, publisher, url, language``.
- ``.json``: one object, or a list of objects.
- folders: read recursively, in sorted order of the relative path; hidden files and
  folders (``.git``, ``.DS_Store``) are passed over; symlinked folders are not followed.

Keys other than the six above are ignored (scraped rows carry many). A row without an id
gets ``<file>:<line>`` (JSON lists: ``<file>[index]``). Every article leaves here with a
language: its own, else the ``language`` argument, else :func:`factcheck.detect.detect_language`.

The file formats (JSONL, CSV, JSON) are read in :mod:`factcheck.io_formats`; paths become
validated articles in :mod:`factcheck.io_loader`.

JSON is parsed with orjson, which refuses nesting deeper than :data:`MAX_JSON_DEPTH`
levels: a deeply nested line or file costs one skip line, never a RecursionError. A file of
claim records written by ``factcheck extract`` (JSONL or CSV whose first row has the keys
``article``, ``measure``, ``bound``; the ``--format json`` document) is refused as a whole
with one line: it holds claims, not articles.

Each bad input becomes one :class:`~factcheck.models.SkippedInput` naming the file (and
line or row) and what to do, and reading goes on: unreadable paths, non-UTF-8 files,
empty and binary files, malformed JSON lines, CSV rows without text, invalid fields,
unsupported languages, articles over ``max_chars`` and duplicate ids (the second is
skipped; ids must be unique because claims and reports refer to articles by id).

>>> import pathlib, tempfile
>>> d = pathlib.Path(tempfile.mkdtemp())
>>> _ = (d / "a.txt").write_text("North Korea sent about 15,000 troops.", encoding="utf-8")
>>> _ = (d / "b.txt").write_bytes(b"")
>>> [type(x).__name__ for x in iter_inputs([d])]
['Article', 'SkippedInput']
"""

from __future__ import annotations

import io
import os
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from factcheck.detect import normalise_language  # noqa: F401 - re-exported (tests, callers)
from factcheck.errors import InputError, UnsupportedLanguageError
# the formats' and the loader's names stay importable from here, where they were first defined
from factcheck.io_formats import CLAIM_RECORD_KEYS, FIELDS, MAX_JSON_DEPTH, _JsonError, _Skip, parse_json  # noqa: F401
from factcheck.io_loader import MAX_DOCUMENT_BYTES, ROW_SUFFIXES, STDIN, PathLike, _Loader  # noqa: F401
from factcheck.langdata import supported_languages
from factcheck.models import Article, SkippedInput

#: Articles longer than this many characters are skipped with a reason: a 20 MB "article"
#: is a dump of many pages, and one article's pipeline holds its whole text in memory.
MAX_ARTICLE_CHARS = 5_000_000


def iter_inputs(
    paths: Iterable[PathLike],
    *,
    strict: bool = False,
    language: str | None = None,
    max_chars: int | None = MAX_ARTICLE_CHARS,
    stdin: io.BufferedIOBase | None = None,
) -> Iterator[Article | SkippedInput]:
    """Every article in ``paths``, and a :class:`SkippedInput` for every bad input, in order.

    Args:
        paths: files, folders, or ``"-"`` for stdin (JSONL rows, or one plain-text article).
        strict: raise at the first bad input instead of yielding a SkippedInput.
        language: the language of articles that do not state one (detected when None).
        max_chars: articles longer than this are skipped (None or 0: no limit).
        stdin: the byte stream ``"-"`` reads (default ``sys.stdin.buffer``).

    Yields:
        ``Article`` (with ``language`` set) or ``SkippedInput(where, reason)``.

    Raises:
        UnsupportedLanguageError: ``language`` is not supported (always), or, when
            ``strict``, an article's language is not.
        InputError: when ``strict``, the first bad input (names the file and line).

    >>> list(iter_inputs(["/nonexistent/x.txt"]))[0].reason
    'no such file or directory'
    """
    for _where, item in iter_located(
        paths, strict=strict, language=language, max_chars=max_chars, stdin=stdin
    ):
        yield item


def _loader(language: str | None, max_chars: int | None, stdin: io.BufferedIOBase | None) -> _Loader:
    """A loader for the supported languages; ``language`` (a tag such as ``en-US``) is the
    default for inputs that name none. An unsupported one raises, listing the supported."""
    supported = supported_languages()
    default = None
    if language is not None:
        default = normalise_language(language, supported)
        if default is None:
            raise UnsupportedLanguageError(language, supported)
    return _Loader(supported, default, max_chars or None, stdin)


def iter_located(
    paths: Iterable[PathLike],
    *,
    strict: bool = False,
    language: str | None = None,
    max_chars: int | None = MAX_ARTICLE_CHARS,
    stdin: io.BufferedIOBase | None = None,
) -> Iterator[tuple[str, Article | SkippedInput]]:
    """Like :func:`iter_inputs`, with where each item came from (``file`` or ``file:line``).

    The command line uses ``where`` to name the file of an article that fails later.

    >>> [w for w, _ in iter_located(["/nonexistent/x.txt"])]
    ['/nonexistent/x.txt']
    """
    loader = _loader(language, max_chars, stdin)
    for item in loader.items(paths):
        if isinstance(item, _Skip):
            if strict:
                raise (item.cause or InputError(str(item))) from None
            yield item.where, SkippedInput(where=item.where, reason=item.reason)
        else:
            yield item


def iter_articles(paths: Iterable[PathLike], *, language: str | None = None) -> Iterator[Article]:
    """Every article in ``paths`` (files or folders), in a stable order; bad input raises.

    Raises:
        InputError: a bad input; the message names the file and line and says what to do.
        UnsupportedLanguageError: an article's language is not supported.

    >>> list(iter_articles([]))
    []
    """
    for item in iter_inputs(paths, strict=True, language=language):
        assert isinstance(item, Article)  # strict mode raises instead of yielding skips
        yield item


def load_articles(paths: Iterable[PathLike], *, language: str | None = None) -> list[Article]:
    """All articles in ``paths`` as a list (see :func:`iter_articles`).

    >>> load_articles([])
    []
    """
    return list(iter_articles(paths, language=language))


def iter_rows(
    rows: Iterable[tuple[str, str, Any]],
    *,
    language: str | None = None,
    max_chars: int | None = MAX_ARTICLE_CHARS,
    strict: bool = False,
) -> Iterator[Article | SkippedInput]:
    """Articles from in-memory rows ``(where, default id, mapping)``, by the rules of file rows.

    The mapping's keys are :data:`FIELDS` (others ignored); a bad row becomes a
    :class:`SkippedInput` naming ``where`` (with ``strict``, an :class:`InputError`).

    >>> [type(a).__name__ for a in iter_rows([("rows[0]", "r0", {"text": "About 3,000 troops."}),
    ...                                        ("rows[1]", "r1", {"id": "x"})])]
    ['Article', 'SkippedInput']
    """
    loader = _loader(language, max_chars, None)
    for item in loader._rows(iter(rows)):
        if isinstance(item, _Skip):
            if strict:
                raise (item.cause or InputError(str(item))) from None
            yield SkippedInput(where=item.where, reason=item.reason)
        else:
            yield item[1]


def estimate_count(paths: Iterable[PathLike]) -> int | None:
    """About how many inputs ``paths`` hold, cheaply (the progress bar's total), or None.

    A text or ``.json`` file counts 1, a JSONL file its lines, a CSV file its lines after the
    header (quoted fields spanning lines make that an overestimate); None when stdin is read.
    Never raises: what cannot be read counts 1 (it is one skipped input).

    >>> estimate_count(["/nonexistent/x.txt"])
    1
    """
    total = 0
    for raw in paths:
        if os.fspath(raw) == STDIN:
            return None
        p = Path(raw)
        try:
            if p.is_dir():
                for dirpath, dirnames, filenames in os.walk(p):
                    dirnames[:] = [d for d in dirnames if not d.startswith(".")]
                    total += sum(_count_file(Path(dirpath) / f) for f in filenames if not f.startswith("."))
                continue
        except OSError:
            pass
        total += _count_file(p)
    return total


def _count_file(path: Path) -> int:
    kind = ROW_SUFFIXES.get(path.suffix.lower(), "text")
    if kind not in ("jsonl", "csv"):
        return 1
    lines, last = 0, b"\n"
    try:
        with open(path, "rb") as f:
            while chunk := f.read(1 << 20):
                lines += chunk.count(b"\n")
                last = chunk[-1:]
    except OSError:
        return 1
    lines += last != b"\n"
    return max(1, lines - (kind == "csv"))


