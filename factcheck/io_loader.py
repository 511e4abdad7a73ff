"""Paths to articles: folders, files and stdin expanded, rows validated into :class:`Article`.

Split from :mod:`factcheck.io` (which documents the rules and holds the public functions)
to keep modules small. Every article leaves here with a language and a unique id; each bad
input becomes a :class:`~factcheck.io_formats._Skip` naming where it was read.

>>> _date_of("2025-08-13T10:00:00Z")
datetime.date(2025, 8, 13)
"""

from __future__ import annotations

import datetime as dt
import io
import os
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

import regex
from pydantic import ValidationError

from factcheck.detect import detect_language, normalise_language
from factcheck.errors import UnsupportedLanguageError
from factcheck.io_formats import (
    FIELDS,
    _binary_reason,
    _csv_rows,
    _decode_reason,
    _json_rows,
    _json_type,
    _jsonl_rows,
    _Prepended,
    _Skip,
)
from factcheck.models import Article

#: .csv and .json files are parsed whole; bigger ones are refused (JSONL is read by line).
MAX_DOCUMENT_BYTES = 200_000_000

STDIN = "-"
ROW_SUFFIXES = {".jsonl": "jsonl", ".ndjson": "jsonl", ".csv": "csv", ".json": "json"}
_SNIFF_BYTES = 8192
_SURROGATE = regex.compile(r"[\ud800-\udfff]")

PathLike = str | os.PathLike[str]


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
        kind = ROW_SUFFIXES.get(path.suffix.lower(), "text")
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


def _without_prefix(message: str, where: str) -> str:
    prefix = f"{where}: "
    return message[len(prefix):] if message.startswith(prefix) else message
