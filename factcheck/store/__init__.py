"""A claim store on DuckDB: keep every article's claims, re-read only what changed.

>>> from factcheck.store import Store, SCHEMA_VERSION
>>> SCHEMA_VERSION
1

Layout and versions: :mod:`factcheck.store.schema`; the claim columns:
:mod:`factcheck.store.rows`; the workflow: docs/newsroom.md.
"""

from __future__ import annotations

from factcheck.store.schema import SCHEMA_VERSION, StoreError, StoreLockedError
from factcheck.store.store import AddResult, Store, content_hash

__all__ = ["AddResult", "SCHEMA_VERSION", "Store", "StoreError", "StoreLockedError", "content_hash"]
