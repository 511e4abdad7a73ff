"""``Store(path)``: a claim store on DuckDB (an embedded database file, no server).

Articles are keyed by id and a hash of their content: adding the same article again
changes nothing, a changed article replaces its claims, and every :meth:`Store.add` is one
transaction (an interrupted add leaves the store as it was). A connection is open only
while an operation runs, so a notebook holding a ``Store`` never blocks the nightly add;
two writers at once get :class:`StoreLockedError` ("store is locked"), never a corrupt file.

>>> import tempfile, pathlib
>>> from factcheck.models import Article
>>> store = Store(pathlib.Path(tempfile.mkdtemp()) / "claims.duckdb")
>>> store.add([Article(id="a1", text="No figures here.", language="en")])
AddResult(added=1, replaced=0, unchanged=0, skipped=0, claims=0)
>>> store.add([Article(id="a1", text="No figures here.", language="en")]).unchanged
1
"""

from __future__ import annotations

import datetime as dt
import hashlib
import os
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any

from pydantic import BaseModel, ConfigDict

from factcheck.errors import InputError
from factcheck.models import Article, ArticleStatus, Claim, SkippedInput
from factcheck.settings import Settings
from factcheck.store import schema
from factcheck.store._sql import (
    Extracted,
    _article_of,
    _articles_table,
    _batches,
    _detected,
    _filters,
    _inputs,
    _insert,
    _open,
    _stream_claims,
    extract_one,
)
from factcheck.store.rows import claims_table
from factcheck.store.schema import StoreError, StoreLockedError
from factcheck.store.versions import data_version, factcheck_version

if TYPE_CHECKING:  # pragma: no cover
    import pandas

    from factcheck.reconcile import Report

BatchExtract = Callable[[Sequence[Article]], list[Extracted]]
"""Reads a batch of articles: for each, its claims or why it was skipped (never raises)."""

#: Articles read and written per step of an add (bounds memory; one transaction still).
BATCH = 256


class AddResult(BaseModel):
    """What one :meth:`Store.add` (or refresh) did: inputs added, replaced, unchanged, skipped."""

    model_config = ConfigDict(frozen=True)

    added: int = 0
    replaced: int = 0
    unchanged: int = 0
    skipped: int = 0
    claims: int = 0

    def __repr__(self) -> str:
        return (f"AddResult(added={self.added}, replaced={self.replaced}, unchanged={self.unchanged}, "
                f"skipped={self.skipped}, claims={self.claims})")


def content_hash(item: Article | SkippedInput) -> str:
    """SHA-256 of what decides an input's claims: the text and the metadata claims carry.

    >>> content_hash(Article(id="a", text="x")) == content_hash(Article(id="a", text="x"))
    True
    """
    h = hashlib.sha256()
    if isinstance(item, SkippedInput):
        h.update(b"skipped\0" + item.reason.encode("utf-8", "surrogatepass"))
    else:
        for part in (item.text, item.published.isoformat() if item.published else "", item.publisher or "",
                     item.url or "", item.language or ""):
            h.update(part.encode("utf-8", "surrogatepass") + b"\0")
    return h.hexdigest()


class Store:
    """A claim store in the DuckDB file ``path`` (created on the first add).

    Args:
        path: the database file.
        settings: extraction settings for adds and refreshes (defaults if None).
    """

    def __init__(self, path: str | os.PathLike[str], *, settings: Settings | None = None) -> None:
        self.path = Path(path)
        self.settings = settings or Settings()
        self._extractor: Any = None

    def __repr__(self) -> str:
        return f"Store({str(self.path)!r})"

    # --- connections ------------------------------------------------------------------

    @contextmanager
    def connect(self, *, write: bool = False) -> Iterator[Any]:
        """An open DuckDB connection (read-only unless ``write``), closed afterwards.

        Raises:
            StoreLockedError: another process is writing the store.
            StoreError: no store at ``path`` (reading), or an unknown layout.
        """
        if not write and not self.path.exists():
            raise StoreError(f"{self.path}: no store here; create one with "
                             f"'factcheck extract --store {self.path} PATH…' or Store(path).add(...)")
        if write and self.path.parent and not self.path.parent.exists():
            raise StoreError(f"{self.path}: folder {self.path.parent} does not exist; create it first")
        con = _open(self.path, read_only=not write)
        try:
            if write:
                if schema.version_of(con) is None:
                    con.execute("BEGIN TRANSACTION")
                    schema.create(con, factcheck_version())
                    con.execute("COMMIT")
                else:
                    schema.migrate(con, str(self.path))
            else:
                found = schema.version_of(con)
                if found != schema.SCHEMA_VERSION:
                    raise StoreError(
                        f"{self.path}: the store has schema version {found}, this factcheck reads "
                        f"{schema.SCHEMA_VERSION}; run 'factcheck store migrate {self.path}' to upgrade it"
                    )
            yield con
        finally:
            con.close()

    @contextmanager
    def _transaction(self) -> Iterator[Any]:
        with self.connect(write=True) as con:
            con.execute("BEGIN TRANSACTION")
            try:
                yield con
            except BaseException:
                con.execute("ROLLBACK")
                raise
            con.execute("COMMIT")

    def migrate(self) -> int:
        """Bring the store to this factcheck's schema; returns the version it had."""
        if not self.path.exists():
            raise StoreError(f"{self.path}: no store here")
        con = _open(self.path, read_only=False)
        try:
            return schema.migrate(con, str(self.path))
        finally:
            con.close()

    @property
    def schema_version(self) -> int | None:
        """The store's schema version (None: empty)."""
        with self.connect() as con:
            return schema.version_of(con)

    # --- adding -----------------------------------------------------------------------

    def add(
        self,
        items: Iterable[Article | SkippedInput | str | os.PathLike[str]],
        *,
        extract: BatchExtract | None = None,
        on_status: Callable[[ArticleStatus, bool], None] | None = None,
        batch_size: int = BATCH,
    ) -> AddResult:
        """Add articles (or files and folders of them) in one transaction.

        An article whose id and content hash are already stored is left as it is (not read
        again); a changed one replaces its row and claims; an id given twice keeps the last.

        Args:
            items: articles, skipped-input records, or paths (``str``/``Path``, read with
                :func:`factcheck.io.iter_inputs`).
            extract: reads a batch of articles (default: one Extractor in this process).
            on_status: called with each input's status and whether it was (re)read.
            batch_size: inputs read and written per step.

        Returns:
            Counts of what happened (:class:`AddResult`).
        """
        stats = dict.fromkeys(("added", "replaced", "unchanged", "skipped", "claims"), 0)
        with self._transaction() as con:
            for batch in _batches(_inputs(items), batch_size):
                self._add_batch(con, batch, extract or self._extract_batch, stats, on_status, replace_same=False)
        return AddResult(**stats)

    def refresh(self, *, everything: bool = False, extract: BatchExtract | None = None,
                on_status: Callable[[ArticleStatus, bool], None] | None = None) -> AddResult:
        """Re-read the articles this factcheck would read differently, in one transaction.

        Those read by another factcheck version or another version of their language's
        data (``everything``: all articles with text). Unreadable inputs are left alone.
        """
        versions: dict[str | None, str] = {}
        with self.connect() as con:
            rows = con.execute("SELECT id, language, factcheck_version, data_version FROM articles "
                               "WHERE text IS NOT NULL ORDER BY id").fetchall()
        current = factcheck_version()
        stale = [i for i, lang, fv, dv in rows
                 if everything or fv != current or dv != versions.setdefault(lang, data_version(lang))]
        stats = dict.fromkeys(("added", "replaced", "unchanged", "skipped", "claims"), 0)
        stats["unchanged"] = len(rows) - len(stale)
        with self._transaction() as con:
            for ids in _batches(iter(stale), BATCH):
                arts = [_article_of(r) for r in con.execute(
                    "SELECT id, text, published, publisher, url, language FROM articles "
                    "WHERE id IN (SELECT unnest(?::VARCHAR[])) ORDER BY id", [ids]).fetchall()]
                self._add_batch(con, arts, extract or self._extract_batch, stats, on_status, replace_same=True)
        return AddResult(**stats)

    def _add_batch(self, con: Any, batch: list[Article | SkippedInput], extract: BatchExtract,
                   stats: dict[str, int], on_status: Callable[[ArticleStatus, bool], None] | None,
                   *, replace_same: bool) -> None:
        latest: dict[str, tuple[Article | SkippedInput, str]] = {}
        for item in batch:  # an id given twice in a batch: the last wins
            key = item.where if isinstance(item, SkippedInput) else item.id
            latest.pop(key, None)
            latest[key] = (item, content_hash(item))
        known = {i: (h, st, n, r) for i, h, st, n, r in con.execute(
            "SELECT id, content_hash, status, claims, reason FROM articles WHERE id IN (SELECT unnest(?::VARCHAR[]))",
            [list(latest)]).fetchall()}
        todo: list[tuple[str, Article | SkippedInput, str]] = []
        for key, (item, h) in latest.items():
            old = known.get(key)
            if old is not None and old[0] == h and not replace_same:
                stats["unchanged"] += 1
                stats["skipped"] += old[1] == "skipped"
                if on_status is not None:
                    on_status(ArticleStatus(id=key, status=old[1], claims=old[2], reason=old[3]), False)
                continue
            stats["replaced" if old is not None else "added"] += 1
            todo.append((key, item, h))
        if not todo:
            return
        articles = [item for _, item, _ in todo if isinstance(item, Article)]
        found = iter(extract(articles) if articles else [])
        now = dt.datetime.now(dt.timezone.utc).replace(tzinfo=None)
        rows, claim_pairs = [], []
        version = factcheck_version()
        versions: dict[str | None, str] = {}
        for key, item, h in todo:
            if isinstance(item, SkippedInput):
                status = ArticleStatus(id=key, status="skipped", reason=item.reason)
                rows.append((key, h, None, None, None, None, None, "skipped", item.reason, 0, version, None, now))
            else:
                result = next(found)
                lang = item.language or (result[0].language if isinstance(result, list) and result else None)
                if lang is None:
                    lang = _detected(item.text)
                if isinstance(result, str):
                    status = ArticleStatus(id=key, status="skipped", reason=result)
                else:
                    status = ArticleStatus(id=key, status="processed", claims=len(result))
                    claim_pairs.extend((c, seq) for seq, c in enumerate(result))
                dv = versions.get(lang) or versions.setdefault(lang, data_version(lang))
                rows.append((key, h, item.text, item.published, item.publisher, item.url, lang, status.status,
                             status.reason, status.claims, version, dv, now))
            stats["skipped"] += status.status == "skipped"
            stats["claims"] += status.claims
            if on_status is not None:
                on_status(status, True)
        ids = [key for key, _, _ in todo]
        con.execute("DELETE FROM claims WHERE article_id IN (SELECT unnest(?::VARCHAR[]))", [ids])
        con.execute("DELETE FROM articles WHERE id IN (SELECT unnest(?::VARCHAR[]))", [ids])
        _insert(con, "articles", _articles_table(rows))
        if claim_pairs:
            _insert(con, "claims", claims_table(claim_pairs))

    def _extract_batch(self, articles: Sequence[Article]) -> list[Extracted]:
        if self._extractor is None:
            from factcheck.extraction import Extractor

            self._extractor = Extractor(self.settings)
        return [extract_one(self._extractor, a) for a in articles]

    # --- reading ----------------------------------------------------------------------

    def articles(self, *, since: dt.date | str | None = None) -> pandas.DataFrame:
        """The articles (without their text) as a pandas DataFrame, by id."""
        where, params = _filters(since, None, None, article=True)
        cols = ", ".join(f'"{c}"' for c, _, _ in schema.ARTICLE_COLUMNS if c != "text")
        return self.sql(f"SELECT {cols} FROM articles{where} ORDER BY id", params)

    def claims(self, *, since: dt.date | str | None = None, measure: str | None = None,
               subject: str | None = None) -> pandas.DataFrame:
        """The claims (one row per claim, :data:`~factcheck.store.rows.CLAIM_COLUMNS`) as a DataFrame."""
        where, params = _filters(since, measure, subject)
        return self.sql(f"SELECT c.* FROM claims c JOIN articles a ON a.id = c.article_id{where} "
                        "ORDER BY c.article_id, c.seq", params)

    def sql(self, query: str, params: Sequence[Any] | None = None) -> pandas.DataFrame:
        """Run a read-only SQL query on the store; the result as a pandas DataFrame."""
        with self.connect() as con:
            return con.execute(query, list(params or [])).df()

    def load_claims(self, *, since: dt.date | str | None = None, measure: str | None = None,
                    subject: str | None = None) -> list[Claim]:
        """The stored claims as :class:`~factcheck.models.Claim` objects, by article and place."""
        from factcheck.reconcile.gcpause import gc_paused

        with self.connect() as con, gc_paused():
            return [c for part in _stream_claims(con, since, measure, subject) for c in part]

    def reconcile(self, *, since: dt.date | str | None = None, measure: str | None = None,
                  subject: str | None = None, reconciler: Any = None) -> Report:
        """Reconcile the stored claims: the same report as reconciling the articles' files.

        Args:
            since: only articles published on or after this date (undated ones: added since).
            measure, subject: only claims of this measure / subject; the report then lists
                only the articles that hold such claims.
            reconciler: a configured :class:`~factcheck.reconcile.Reconciler` (default one otherwise).
        """
        from factcheck.reconcile import Reconciler, Report
        from factcheck.reconcile.gcpause import gc_paused

        claims, articles, meta = self.report_parts(since=since, measure=measure, subject=subject)
        rec = reconciler or Reconciler(self.settings)
        with gc_paused():  # a million claims alive: collections would rescan them for nothing
            groups = rec.run(claims).groups  # claims only: no per-article step
            # the article list and metadata as a reconciliation of the files gives them
            return Report(groups=groups, articles=articles, meta=meta)  # type: ignore[arg-type]

    def report_parts(self, *, since: dt.date | str | None = None, measure: str | None = None,
                     subject: str | None = None) -> tuple[list[Claim], list[dict[str, Any]], list[dict[str, Any]]]:
        """What a report of the store is made of: the selected claims, every listed input's
        status row (``id, status, claims, reason``, sorted) and each article's metadata
        (``id, url, publisher, published, language``, by id), as reconciling the files lists them."""
        from factcheck.reconcile.gcpause import gc_paused
        from factcheck.store.reading import report_parts

        # gc paused: a million claims are built while nothing can be freed (see gcpause)
        with self.connect() as con, gc_paused():
            return report_parts(con, since, measure, subject)

    def export(self, directory: str | os.PathLike[str], *, format: str = "parquet") -> list[Path]:
        """Write ``articles`` and ``claims`` as Parquet (or CSV) files into ``directory``."""
        if format not in ("parquet", "csv"):
            raise InputError(f"export format {format!r} is not supported; use parquet or csv")
        out = Path(directory)
        out.mkdir(parents=True, exist_ok=True)
        written = []
        with self.connect() as con:
            for table in ("articles", "claims"):
                path = out / f"{table}.{format}"
                escaped = str(path).replace("'", "''")
                con.execute(f"COPY (SELECT * FROM {table} ORDER BY ALL) TO '{escaped}' (FORMAT {format.upper()})")
                written.append(path)
        return written
