"""The store's tables, its schema version, and the migrations between versions.

A store records its schema version in ``meta``. Opening a store written by an older
factcheck runs the registered migrations in order, in one transaction; a store written by
a newer factcheck is refused (its layout is unknown here) with a message saying so.

Tables (docs/newsroom.md, "Schema"):

- ``meta(key, value)``: ``schema_version``, ``created_by`` (the factcheck version).
- ``articles``: one row per input, keyed by ``id`` (a skipped input by where it was read);
  ``content_hash`` is the SHA-256 of the text and the metadata that reach its claims;
  ``status`` processed/skipped and ``reason``; ``factcheck_version`` and ``data_version``
  (a hash of the language data) that read it.
- ``claims``: one row per claim (:data:`factcheck.store.rows.CLAIM_COLUMNS`).

>>> SCHEMA_VERSION >= 1
True
>>> "CREATE TABLE articles" in ddl()
True
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from factcheck.errors import FactcheckError
from factcheck.store.rows import CLAIM_COLUMNS

SCHEMA_VERSION = 1

#: (column, DuckDB type, meaning) of ``articles``.
ARTICLE_COLUMNS: tuple[tuple[str, str, str], ...] = (
    ("id", "VARCHAR", "the article's id (a skipped input: where it was read)"),
    ("content_hash", "VARCHAR", "SHA-256 of the text and the metadata its claims carry"),
    ("text", "VARCHAR", "the article text (NULL for an unreadable input)"),
    ("published", "DATE", "publication date"),
    ("publisher", "VARCHAR", "publisher"),
    ("url", "VARCHAR", "address"),
    ("language", "VARCHAR", "language given or detected"),
    ("status", "VARCHAR", "processed or skipped"),
    ("reason", "VARCHAR", "why it was skipped"),
    ("claims", "INTEGER", "claims found"),
    ("factcheck_version", "VARCHAR", "the factcheck version that read it"),
    ("data_version", "VARCHAR", "hash of the language data that read it"),
    ("added_at", "TIMESTAMP", "when this version of the article was added (UTC)"),
)


class StoreError(FactcheckError):
    """The store cannot be used as it is (newer schema, not a factcheck store, …)."""


class StoreLockedError(StoreError):
    """Another process is writing the store."""


def _columns(cols: tuple[tuple[str, str, str], ...]) -> str:
    return ",\n  ".join(f'"{name}" {kind}' for name, kind, _ in cols)


def ddl() -> str:
    """The statements creating an empty store of :data:`SCHEMA_VERSION`.

    No key constraints: uniqueness of ``articles.id`` is kept by :class:`~factcheck.store.Store`
    (delete and insert in one transaction); DuckDB indexes would slow every bulk insert.
    """
    return (
        "CREATE TABLE meta (key VARCHAR NOT NULL, value VARCHAR NOT NULL);\n"
        f"CREATE TABLE articles (\n  {_columns(ARTICLE_COLUMNS)}\n);\n"
        f"CREATE TABLE claims (\n  {_columns(CLAIM_COLUMNS)}\n);\n"
    )


#: version -> the migration from it to version + 1 (takes an open connection, in a transaction).
MIGRATIONS: dict[int, Callable[[Any], None]] = {}


def create(con: Any, created_by: str) -> None:
    """Create the tables of an empty store on ``con`` (inside the caller's transaction)."""
    con.execute(ddl())
    con.execute("INSERT INTO meta VALUES ('schema_version', ?), ('created_by', ?)",
                [str(SCHEMA_VERSION), created_by])


def version_of(con: Any) -> int | None:
    """The schema version recorded in the store; None for an empty database."""
    tables = {r[0] for r in con.execute("SELECT table_name FROM information_schema.tables").fetchall()}
    if not tables:
        return None
    if "meta" not in tables:
        raise StoreError(f"not a factcheck store (tables {sorted(tables)}, no 'meta'); give another path")
    rows = con.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchall()
    row = rows[0] if rows else None
    if row is None:
        raise StoreError("not a factcheck store (no schema_version in 'meta'); give another path")
    return int(row[0])


def migrate(con: Any, where: str) -> int:
    """Bring the store on ``con`` to :data:`SCHEMA_VERSION`; returns the version it had.

    Raises:
        StoreError: the store is newer than this factcheck, or no migration exists.
    """
    found = version_of(con)
    if found is None or found == SCHEMA_VERSION:
        return SCHEMA_VERSION if found is None else found
    if found > SCHEMA_VERSION:
        raise StoreError(
            f"{where}: the store has schema version {found}, newer than this factcheck's "
            f"{SCHEMA_VERSION}; upgrade factcheck to read it"
        )
    con.execute("BEGIN TRANSACTION")
    try:
        for v in range(found, SCHEMA_VERSION):
            step = MIGRATIONS.get(v)
            if step is None:
                raise StoreError(f"{where}: no migration from schema version {v} to {v + 1}")
            step(con)
            con.execute("UPDATE meta SET value = ? WHERE key = 'schema_version'", [str(v + 1)])
        con.execute("COMMIT")
    except BaseException:
        con.execute("ROLLBACK")
        raise
    return found
