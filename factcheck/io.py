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

import csv
import datetime as dt
import io
import json
import os
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

import orjson
import regex
from pydantic import ValidationError

from factcheck.detect import detect_language, normalise_language
from factcheck.errors import FactcheckError, InputError, UnsupportedLanguageError
from factcheck.langdata import supported_languages
from factcheck.models import Article, SkippedInput

#: Articles longer than this many characters are skipped with a reason: a 20 MB "article"
#: is a dump of many pages, and one article's pipeline holds its whole text in memory.
MAX_ARTICLE_CHARS = 5_000_000

#: JSON nested deeper than this is refused (orjson's fixed limit): a one-line skip.
MAX_JSON_DEPTH = 1024

#: .csv and .json files are parsed whole; bigger ones are refused (JSONL is read by line).
MAX_DOCUMENT_BYTES = 200_000_000

#: The keys that mark a row as a claim record of ``factcheck extract`` (not an article).
CLAIM_RECORD_KEYS = frozenset({"article", "measure", "bound"})

#: The keys/columns an article row may carry; others are ignored.
FIELDS = ("id", "text", "published", "publisher", "url", "language")

STDIN = "-"
_ROW_SUFFIXES = {".jsonl": "jsonl", ".ndjson": "jsonl", ".csv": "csv", ".json": "json"}
_SNIFF_BYTES = 8192
_SURROGATE = regex.compile(r"[\ud800-\udfff]")
_CONVERT_HINT = "convert it to UTF-8 first (try: iconv -f latin1 -t utf-8 FILE > FILE.utf8)"

PathLike = str | os.PathLike[str]


class _Skip(Exception):
    """Internal: one input cannot be used (``where``: ``reason``); ``cause`` keeps a typed error."""

    def __init__(self, where: str, reason: str, cause: FactcheckError | None = None) -> None:
        super().__init__(f"{where}: {reason}")
        self.where, self.reason, self.cause = where, reason, cause


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
    kind = _ROW_SUFFIXES.get(path.suffix.lower(), "text")
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


class _Loader:
    """Expands paths into sources and turns their rows into validated articles."""

    def __init__(
        self,
        supported: list[str],
        language: str | None,
        max_chars: int | None,
        stdin: io.BufferedIOBase | None,
    ) -> None:
        self.supported = supported
        self.language = language
        self.max_chars = max_chars
        self.stdin = stdin
        self.seen: dict[str, str] = {}  # article id -> where it was first used

    def items(self, paths: Iterable[PathLike]) -> Iterator[tuple[str, Article] | _Skip]:
        for raw in paths:
            if os.fspath(raw) == STDIN:
                yield from self._stdin(self.stdin or sys.stdin.buffer)
                continue
            p = Path(raw)
            if p.is_dir():
                yield from self._folder(p)
            else:
                yield from self._file(p, str(p), p.name)

    def _folder(self, root: Path) -> Iterator[tuple[str, Article] | _Skip]:
        found: list[tuple[tuple[str, ...], Path]] = []
        problems: list[_Skip] = []

        def onerror(e: OSError) -> None:
            problems.append(_Skip(str(e.filename or root), f"cannot read folder: {e.strerror}"))

        for dirpath, dirnames, filenames in os.walk(root, onerror=onerror):
            dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
            for name in filenames:
                if not name.startswith("."):
                    full = Path(dirpath) / name
                    found.append((full.relative_to(root).parts, full))
        yield from problems
        if not found and not problems:
            yield _Skip(str(root), "folder has no article files")
        for parts, full in sorted(found):
            yield from self._file(full, str(full), "/".join(parts))

    def _stdin(self, stream: Any) -> Iterator[tuple[str, Article] | _Skip]:
        """stdin: JSONL (streamed) when the first non-blank line starts with ``{``, else one text."""
        limit = 4 * self.max_chars + 4096 if self.max_chars else -1
        head: list[bytes] = []
        while raw := stream.readline(limit):
            head.append(raw)
            if raw.strip() or sum(map(len, head)) > limit > 0:
                break
        first = head[-1].lstrip() if head else b""
        if first.startswith(b"\xef\xbb\xbf"):
            first = first[3:].lstrip()
        if first.startswith(b"{"):
            yield from self._rows(_jsonl_rows(_Prepended(head, stream), "<stdin>", "<stdin>", self.max_chars))
            return
        data = b"".join(head)
        data += stream.read(limit - len(data) + 1) if limit > 0 else stream.read()
        if not data:
            yield _Skip("<stdin>", "empty input on stdin")
            return
        if limit > 0 and len(data) > limit:
            yield _Skip("<stdin>", self._too_large(f"over {limit:,} bytes"))
            return
        yield from self._text(data, "<stdin>", "<stdin>", "text")

    def _file(self, path: Path, where: str, name: str) -> Iterator[tuple[str, Article] | _Skip]:
        """One file: ``where`` names it in messages, ``name`` is its id (or id prefix)."""
        try:
            st = path.stat()
        except FileNotFoundError:
            yield _Skip(where, "no such file or directory")
            return
        except OSError as e:
            yield _Skip(where, f"cannot read: {e.strerror}")
            return
        if not path.is_file():
            yield _Skip(where, "not a regular file (a device, socket or pipe)")
            return
        if st.st_size == 0:
            yield _Skip(where, "empty file")
            return
        kind = _ROW_SUFFIXES.get(path.suffix.lower(), "text")
        # Every character takes 1-4 bytes: a text file over 4x the limit is too large unread.
        if kind == "text" and self.max_chars and st.st_size > 4 * self.max_chars:
            yield _Skip(where, self._too_large(f"{st.st_size:,} bytes"))
            return
        if kind in ("csv", "json") and self.max_chars and st.st_size > MAX_DOCUMENT_BYTES:
            yield _Skip(
                where,
                f"too large to read whole ({st.st_size:,} bytes; .csv and .json files are parsed whole, "
                f"up to {MAX_DOCUMENT_BYTES:,} bytes); convert it to JSONL, which is read line by line",
            )
            return
        try:
            with open(path, "rb") as f:
                if kind == "jsonl":
                    head = f.peek(_SNIFF_BYTES)[:_SNIFF_BYTES] if hasattr(f, "peek") else b""
                    if reason := _binary_reason(head):
                        yield _Skip(where, reason)
                        return
                    yield from self._rows(_jsonl_rows(f, where, name, self.max_chars))
                    return
                data = f.read()
        except OSError as e:
            yield _Skip(where, f"cannot read: {e.strerror}")
            return
        yield from self._text(data, where, name, kind)

    def _text(self, data: bytes, where: str, name: str, kind: str) -> Iterator[tuple[str, Article] | _Skip]:
        """The articles of a whole file's bytes (``kind``: text, csv or json)."""
        if reason := _binary_reason(data[:_SNIFF_BYTES]):
            yield _Skip(where, reason)
            return
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError as e:
            yield _Skip(where, _decode_reason(data, e))
            return
        if kind == "csv":
            yield from self._rows(_csv_rows(text, where, name))
        elif kind == "json":
            yield from self._rows(_json_rows(text, where, name))
        elif not text.strip():
            yield _Skip(where, "file has only whitespace")
        elif "\x00" in text:
            yield _Skip(where, "binary data (NUL bytes) in the text; not a text article")
        else:
            yield from self._rows(iter([(where, name, {"text": text})]))

    def _rows(self, rows: Iterator[tuple[str, str, Any] | _Skip]) -> Iterator[tuple[str, Article] | _Skip]:
        for row in rows:
            if isinstance(row, _Skip):
                yield row
                continue
            where, default_id, obj = row
            try:
                yield where, self._article(where, default_id, obj)
            except _Skip as s:
                yield s

    def _article(self, where: str, default_id: str, obj: Any) -> Article:
        if not isinstance(obj, dict):
            raise _Skip(where, f"expected a JSON object with a 'text' key, got {_json_type(obj)}")
        fields = {k: v for k, v in obj.items() if k in FIELDS and v is not None and v != ""}
        if "text" not in fields:
            raise _Skip(where, "no text (the 'text' key or column is missing or empty)")
        if isinstance(fields.get("id"), int) and not isinstance(fields["id"], bool):
            fields["id"] = str(fields["id"])  # numeric ids are common in exports
        fields.setdefault("id", default_id)
        if isinstance(fields.get("published"), str):
            fields["published"] = _date_of(fields["published"])
        try:
            article = Article.model_validate(fields)
        except ValidationError as e:
            raise _Skip(where, _validation_reason(e)) from None
        for field in FIELDS:
            value = getattr(article, field)
            # JSON can escape half a surrogate pair ("\ud800"): not Unicode, cannot be printed.
            if isinstance(value, str) and (m := _SURROGATE.search(value)):
                raise _Skip(
                    where,
                    f"field {field!r} holds a lone surrogate (U+{ord(m.group()):04X} at character "
                    f"{m.start()}), which is not valid Unicode; fix the JSON escape",
                )
        if not article.text.strip():
            raise _Skip(where, "empty text")
        if self.max_chars and len(article.text) > self.max_chars:
            raise _Skip(where, self._too_large(f"{len(article.text):,} characters"))
        if article.id in self.seen:
            raise _Skip(
                where,
                f"duplicate id {article.id!r} (first used by {self.seen[article.id]}); "
                "give each article a unique id",
            )
        code = self._language(where, article)
        self.seen[article.id] = where
        return article.model_copy(update={"language": code})

    def _language(self, where: str, article: Article) -> str:
        if article.language is not None:
            code = normalise_language(article.language, self.supported)
            if code is None:
                err = UnsupportedLanguageError(article.language, self.supported, where=where)
                raise _Skip(where, _without_prefix(str(err), where), err)
            return code
        if self.language is not None:
            return self.language
        try:
            return detect_language(article.text, where=where)
        except UnsupportedLanguageError as err:
            raise _Skip(where, _without_prefix(str(err), where), err) from None

    def _too_large(self, size: str) -> str:
        return (
            f"too large ({size}; the limit is {self.max_chars:,} characters per article); "
            "split it into separate articles, or raise the limit with --max-chars"
        )


def _jsonl_rows(
    stream: Any, where: str, name: str, max_chars: int | None = None
) -> Iterator[tuple[str, str, Any] | _Skip]:
    """Rows of a JSONL byte stream, decoded line by line so one bad line costs one article.

    The first row that is a claim record of ``factcheck extract`` ends the file with one skip.
    """
    any_line = False
    first_row = True
    limit = 4 * max_chars + 4096 if max_chars else None  # bytes: past any article the limit allows
    for n, (raw, size) in enumerate(_bounded_lines(stream, limit), 1):
        line_where = f"{where}:{n}"
        if size > len(raw):
            any_line = True
            yield _Skip(
                line_where,
                f"line too long ({size:,} bytes; the limit is {max_chars:,} characters per article); "
                "split it, or raise the limit with --max-chars",
            )
            continue
        if not raw.strip():
            continue
        any_line = True
        if b"\x00" in raw:
            yield _Skip(line_where, "binary data (NUL bytes) in this line")
            continue
        try:
            line = raw.decode("utf-8-sig" if n == 1 else "utf-8")
        except UnicodeDecodeError as e:
            yield _Skip(line_where, f"not UTF-8 (invalid byte 0x{raw[e.start]:02x}); {_CONVERT_HINT}")
            continue
        try:
            obj = parse_json(line)
        except _JsonError as e:
            yield _Skip(line_where, f"{e}; fix or remove the line")
            continue
        if first_row and isinstance(obj, dict) and CLAIM_RECORD_KEYS <= obj.keys():
            yield _Skip(where, _CLAIMS_NOT_ARTICLES)
            return
        first_row = False
        yield (line_where, f"{name}:{n}", obj)
    if not any_line:
        yield _Skip(where, "empty file (no JSON lines)")


class _Prepended:
    """A byte stream with lines already read put back in front (``readline`` and iteration)."""

    def __init__(self, head: list[bytes], stream: Any) -> None:
        self.head, self.stream = list(head), stream

    def readline(self, limit: int = -1) -> bytes:
        return self.head.pop(0) if self.head else self.stream.readline(limit)

    def __iter__(self) -> Iterator[bytes]:
        while line := self.readline():
            yield line


def _bounded_lines(stream: Any, limit: int | None) -> Iterator[tuple[bytes, int]]:
    """(line, its size in bytes) for each line; a line over ``limit`` bytes is read past in
    chunks, never held whole, and comes back empty with its size."""
    if limit is None or not hasattr(stream, "readline"):
        for raw in stream:
            yield raw, len(raw)
        return
    while raw := stream.readline(limit):
        if len(raw) < limit or raw.endswith(b"\n"):
            yield raw, len(raw)
            continue
        size = len(raw)
        while (chunk := stream.readline(1 << 20)) and not chunk.endswith(b"\n"):
            size += len(chunk)
        size += len(chunk)
        yield b"", size


_CLAIMS_NOT_ARTICLES = (
    "holds claim records written by 'factcheck extract' (keys article, measure, bound), not "
    "articles; give reconcile the articles themselves (each record's text is only the figure's phrase)"
)


class _JsonError(ValueError):
    """Malformed or too deeply nested JSON; the message is the reason (with line and column)."""

    def __init__(self, reason: str, line: int = 1) -> None:
        super().__init__(reason)
        self.line = line


def parse_json(text: str) -> Any:
    """Parse JSON with a depth limit (orjson's :data:`MAX_JSON_DEPTH`): never a RecursionError.

    What orjson refuses but the JSON module reads (``NaN``, lone-surrogate escapes, integers
    past 64 bits) is read as the JSON module does; the JSON module's message names a
    malformed document's line and column.

    >>> parse_json('{"id": 1}')
    {'id': 1}
    >>> parse_json("[" * 5000 + "]" * 5000)
    Traceback (most recent call last):
      ...
    factcheck.io._JsonError: JSON nested deeper than 1,024 levels (at column 1026); not an article
    """
    try:
        return orjson.loads(text)
    except orjson.JSONDecodeError as e:
        if "depth" in str(e).lower() or "recursion" in str(e).lower():
            raise _JsonError(
                f"JSON nested deeper than {MAX_JSON_DEPTH:,} levels (at column {e.colno}); not an article", e.lineno
            ) from None
    try:
        return json.loads(text)
    except json.JSONDecodeError as e:
        msg = e.msg[:-3] if e.msg.endswith(" at") else e.msg  # "Invalid control character at"
        raise _JsonError(f"malformed JSON ({msg} at column {e.colno})", e.lineno) from None
    except RecursionError:
        raise _JsonError(f"JSON nested deeper than {MAX_JSON_DEPTH:,} levels; not an article") from None


def _csv_rows(text: str, where: str, name: str) -> Iterator[tuple[str, str, Any] | _Skip]:
    """Rows of a CSV text with a header; ``where`` of a row is the line it starts on."""
    old_limit = csv.field_size_limit()
    csv.field_size_limit(2**31 - 1)  # article texts exceed csv's 128 KiB default field limit
    try:
        reader = csv.reader(io.StringIO(text, newline=""))
        try:
            header = next(reader)
        except StopIteration:
            yield _Skip(where, "empty file")
            return
        except csv.Error as e:
            yield _Skip(f"{where}:1", f"malformed CSV header ({e})")
            return
        columns = [h.strip().lower() for h in header]
        if CLAIM_RECORD_KEYS <= set(columns):
            yield _Skip(where, _CLAIMS_NOT_ARTICLES)
            return
        if "text" not in columns:
            yield _Skip(
                where,
                f"no 'text' column (columns: {', '.join(columns) or 'none'}); "
                f"the header row should name {', '.join(FIELDS)}",
            )
            return
        line = reader.line_num
        rows = 0
        while True:
            start = line + 1
            try:
                values = next(reader)
            except StopIteration:
                break
            except csv.Error as e:
                yield _Skip(f"{where}:{start}", f"malformed CSV row ({e})")
                if reader.line_num == line:
                    break  # no progress: the rest of the file is unreadable
                line = reader.line_num
                continue
            line = reader.line_num
            if not any(v.strip() for v in values):
                continue
            rows += 1
            yield (f"{where}:{start}", f"{name}:{start}", dict(zip(columns, values, strict=False)))
        if rows == 0:
            yield _Skip(where, "no rows after the header")
    finally:
        csv.field_size_limit(old_limit)


def _json_rows(text: str, where: str, name: str) -> Iterator[tuple[str, str, Any] | _Skip]:
    """Rows of a ``.json`` file: one object, or a list of objects."""
    try:
        data = parse_json(text)
    except _JsonError as e:
        yield _Skip(f"{where}:{e.line}", str(e))
        return
    if isinstance(data, dict) and ({"claims", "summary"} <= data.keys() or CLAIM_RECORD_KEYS <= data.keys()):
        yield _Skip(where, _CLAIMS_NOT_ARTICLES)
    elif isinstance(data, list) and data and isinstance(data[0], dict) and CLAIM_RECORD_KEYS <= data[0].keys():
        yield _Skip(where, _CLAIMS_NOT_ARTICLES)
    elif isinstance(data, dict):
        yield (where, name, data)
    elif isinstance(data, list):
        if not data:
            yield _Skip(where, "empty list (no articles)")
        for i, obj in enumerate(data):
            yield (f"{where}[{i}]", f"{name}[{i}]", obj)
    else:
        yield _Skip(where, f"expected a JSON object or a list of objects, got {_json_type(data)}")


def _binary_reason(head: bytes) -> str | None:
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):
        return "UTF-16 text; convert it to UTF-8 first (try: iconv -f utf-16 -t utf-8 FILE > FILE.utf8)"
    if b"\x00" in head:
        if (order := _utf16_order(head)) is not None:
            return (
                f"UTF-16 text without a byte-order mark; convert it to UTF-8 first "
                f"(try: iconv -f utf-16{order} -t utf-8 FILE > FILE.utf8)"
            )
        return "binary file (contains NUL bytes); not a text article"
    return None


def _utf16_order(head: bytes) -> str | None:
    """``"le"``/``"be"`` when ``head`` looks like UTF-16 without a BOM (text in the Latin,
    Cyrillic or Devanagari blocks: one byte of each pair is mostly NUL or a block's high byte)."""
    if len(head) < 8:
        return None
    even, odd = head[0::2], head[1::2]
    for order, high, low in (("le", odd, even), ("be", even, odd)):
        if high.count(0) >= 0.6 * len(high) and low.count(0) <= 0.05 * len(low):
            return order
    return None


def _decode_reason(data: bytes, e: UnicodeDecodeError) -> str:
    line = data.count(b"\n", 0, e.start) + 1
    return f"not UTF-8 (invalid byte 0x{data[e.start]:02x} on line {line}); {_CONVERT_HINT}"


def _date_of(value: str) -> str | dt.date:
    """Accept ISO datetimes ("2025-08-13T10:00:00Z") for ``published``: the day is what counts."""
    s = value.strip()
    if len(s) > 10:
        try:
            return dt.datetime.fromisoformat(s.replace("Z", "+00:00")).date()
        except ValueError:
            pass
    return s


def _validation_reason(e: ValidationError) -> str:
    parts = []
    for item in e.errors():
        field = ".".join(str(p) for p in item["loc"]) or "row"
        got = item.get("input")
        shown = repr(got) if isinstance(got, str | int | float | bool) else _json_type(got)
        if isinstance(got, str) and len(got) > 40:
            shown = repr(got[:40] + "…")
        parts.append(f"invalid field {field!r}: {item['msg']} (got {shown})")
    return "; ".join(parts)


def _json_type(obj: Any) -> str:
    return {dict: "an object", list: "a list", str: "a string", bool: "a boolean",
            int: "a number", float: "a number", type(None): "null"}.get(type(obj), type(obj).__name__)


def _without_prefix(message: str, where: str) -> str:
    prefix = f"{where}: "
    return message[len(prefix):] if message.startswith(prefix) else message
