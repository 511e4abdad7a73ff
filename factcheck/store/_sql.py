"""The store's plumbing: connections, filters, reading claims back, batching inputs.

Split from :mod:`factcheck.store.store` to keep modules small; nothing here is public
except :func:`extract_one`.
"""

from __future__ import annotations

import datetime as dt
import os
import re
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from factcheck.errors import FactcheckError, InputError
from factcheck.models import Article, Claim, SkippedInput
from factcheck.store import schema
from factcheck.store.rows import COLUMN_NAMES, ClaimBuilder
from factcheck.store.schema import StoreError, StoreLockedError

#: Claims rebuilt per step when loading (bounds the transient Python objects).
LOAD_BATCH = 65_536

Extracted = list[Claim] | str
"""An article's claims, or why it was skipped."""


def extract_one(extractor: Any, article: Article) -> Extracted:
    """The article's claims, or why it is skipped (as :class:`~factcheck.reconcile.Reconciler` says)."""
    try:
        return list(extractor.extract(article))
    except FactcheckError as e:
        return str(e)
    except Exception as e:  # noqa: BLE001 - a bug in one article's extraction must not end the add
        return (f"extraction failed on article {article.id!r} ({type(e).__name__}: {e}); "
                "this is a bug in factcheck, please report it (strict=True re-raises it with its traceback)")


def _stream_claims(con: Any, since: Any, measure: str | None, subject: str | None, *,
                   ordered: bool = True) -> Iterator[list[Claim]]:
    """The selected claims, a list per step of :data:`LOAD_BATCH` rows (by article and place
    when ``ordered``; a reconciliation does not need the order, and sorting a million wide
    rows costs)."""
    import pyarrow as pa

    where, params = _filters(since, measure, subject)
    cols = ", ".join(f'c."{c}"' for c in COLUMN_NAMES)
    join = " JOIN articles a ON a.id = c.article_id" if since is not None else ""  # only dates need the articles
    order = " ORDER BY c.article_id, c.seq" if ordered else ""
    reader = con.sql(f"SELECT {cols} FROM claims c{join}{where}{order}",
                     params=params or None).to_arrow_reader(LOAD_BATCH)
    builder = ClaimBuilder(trusted=True)  # the store's rows were written from validated claims
    for batch in reader:
        yield builder.build(pa.Table.from_batches([batch]))


def _filters(since: Any, measure: str | None, subject: str | None, *, article: bool = False) -> tuple[str, list[Any]]:
    conds, params = [], []
    a = "" if article else "a."
    if since is not None:
        day = since if isinstance(since, dt.date) else _date(since)
        conds.append(f"({a}published >= ? OR ({a}published IS NULL AND {a}added_at >= ?))")
        params += [day, dt.datetime.combine(day, dt.time())]
    if measure is not None:
        conds.append("c.measure = ?")
        params.append(measure)
    if subject is not None:
        conds.append("c.subject = ?")
        params.append(subject)
    return (" WHERE " + " AND ".join(conds) if conds else ""), params


def _date(s: str) -> dt.date:
    try:
        return dt.date.fromisoformat(s)
    except ValueError:
        raise InputError(f"since: {s!r} is not a date; write it as YYYY-MM-DD") from None


def _inputs(items: Iterable[Article | SkippedInput | str | os.PathLike[str]]) -> Iterator[Article | SkippedInput]:
    from factcheck.io import iter_inputs

    paths: list[str | os.PathLike[str]] = []
    for item in items:
        if isinstance(item, (Article, SkippedInput)):
            if paths:
                yield from iter_inputs(paths)
                paths = []
            yield item
        elif isinstance(item, (str, os.PathLike)):
            paths.append(item)
        else:
            raise InputError(f"Store.add cannot use an item of type {type(item).__name__}: "
                             "pass Article, SkippedInput, or a path")
    if paths:
        yield from iter_inputs(paths)


def _batches(it: Iterator[Any], n: int) -> Iterator[list[Any]]:
    batch: list[Any] = []
    for x in it:
        batch.append(x)
        if len(batch) >= n:
            yield batch
            batch = []
    if batch:
        yield batch


def _article_of(row: tuple[Any, ...]) -> Article:
    i, text, published, publisher, url, language = row
    return Article(id=i, text=text, published=published, publisher=publisher, url=url, language=language)


def _detected(text: str) -> str | None:
    from factcheck.detect import detect_language

    try:
        return detect_language(text)
    except FactcheckError:
        return None


def _articles_table(rows: list[tuple[Any, ...]]) -> Any:
    import pyarrow as pa

    kinds = {"VARCHAR": pa.string(), "INTEGER": pa.int32(), "DATE": pa.date32(), "TIMESTAMP": pa.timestamp("us")}
    fields = [(name, kinds[t]) for name, t, _ in schema.ARTICLE_COLUMNS]
    cols = list(zip(*rows))
    return pa.table([pa.array(list(c), type=t) for c, (_, t) in zip(cols, fields)], schema=pa.schema(fields))


def _insert(con: Any, table: str, data: Any) -> None:
    con.register("_factcheck_new_rows", data)
    try:
        con.execute(f"INSERT INTO {table} SELECT * FROM _factcheck_new_rows")
    finally:
        con.unregister("_factcheck_new_rows")


def _holder(message: str) -> str:
    """``PID n`` from DuckDB's lock message, when it names one."""
    m = re.search(r"PID (\d+)", message)
    return f"PID {m.group(1)}" if m else "see 'lsof' for the process"


def _open(path: Path, *, read_only: bool) -> Any:
    """A DuckDB connection to ``path``; a lock held by another process is a StoreLockedError."""
    import duckdb

    try:
        return duckdb.connect(str(path), read_only=read_only)
    except duckdb.IOException as e:
        if "lock" in str(e).lower():
            raise StoreLockedError(
                f"{path}: store is locked: another process is using it ({_holder(str(e))}); "
                "wait for it to finish and try again (DuckDB allows one writer at a time)"
            ) from None
        raise StoreError(f"{path}: cannot open the store: {e}") from None
