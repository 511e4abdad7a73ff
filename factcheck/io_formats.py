"""Row formats of article files: JSONL (line by line), CSV, JSON, and why bytes are unreadable.

Split from :mod:`factcheck.io` to keep modules small (the rules of each format are
documented there and in docs/cli.md). Each reader yields rows ``(where, default id,
mapping)`` or a :class:`_Skip` naming the file, line or index and what to do; turning rows
into articles is :mod:`factcheck.io_loader`'s work.

>>> [r for r in _json_rows('[{"text": "a"}]', "f.json", "f.json")]
[('f.json[0]', 'f.json[0]', {'text': 'a'})]
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterator
from typing import Any

import orjson

from factcheck.errors import FactcheckError

#: JSON nested deeper than this is refused (orjson's fixed limit): a one-line skip.
MAX_JSON_DEPTH = 1024

#: The keys that mark a row as a claim record of ``factcheck extract`` (not an article).
CLAIM_RECORD_KEYS = frozenset({"article", "measure", "bound"})

#: The keys/columns an article row may carry; others are ignored.
FIELDS = ("id", "text", "published", "publisher", "url", "language")

CONVERT_HINT = "convert it to UTF-8 first (try: iconv -f latin1 -t utf-8 FILE > FILE.utf8)"


class _Skip(Exception):
    """Internal: one input cannot be used (``where``: ``reason``); ``cause`` keeps a typed error."""

    def __init__(self, where: str, reason: str, cause: FactcheckError | None = None) -> None:
        super().__init__(f"{where}: {reason}")
        self.where, self.reason, self.cause = where, reason, cause


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
            yield _Skip(line_where, f"not UTF-8 (invalid byte 0x{raw[e.start]:02x}); {CONVERT_HINT}")
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
    factcheck.io_formats._JsonError: JSON nested deeper than 1,024 levels (at column 1026); not an article
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
    return f"not UTF-8 (invalid byte 0x{data[e.start]:02x} on line {line}); {CONVERT_HINT}"


def _json_type(obj: Any) -> str:
    return {dict: "an object", list: "a list", str: "a string", bool: "a boolean",
            int: "a number", float: "a number", type(None): "null"}.get(type(obj), type(obj).__name__)
