"""What a report of a store is made of: its claims, every listed input's status row and
each article's metadata, read back as reconciling the files would list them.

Split from :mod:`factcheck.store.store` to keep modules small. The claims come back in
Arrow batches rebuilt by :class:`~factcheck.store.rows.ClaimBuilder`; counting claims per
article and listing the articles are done by DuckDB, so nothing walks the million claims
again in Python.

>>> meta_row({"id": "a", "url": None, "publisher": "P", "published": "2025-01-02", "other": 1})["publisher"]
'P'
"""

from __future__ import annotations

from typing import Any

from factcheck.models import Claim
from factcheck.store._sql import _filters, _stream_claims

_META_FIELDS: frozenset[str] | None = None


def meta_row(row: dict[str, Any]) -> dict[str, Any]:
    """The fields of ``row`` a report's article metadata (``ArticleMeta``) has."""
    global _META_FIELDS
    if _META_FIELDS is None:
        from factcheck.reconcile.report import ArticleMeta

        _META_FIELDS = frozenset(ArticleMeta.model_fields)
    return {k: v for k, v in row.items() if k in _META_FIELDS}


def report_parts(con: Any, since: Any, measure: str | None, subject: str | None
                 ) -> tuple[list[Claim], list[dict[str, Any]], list[dict[str, Any]]]:
    """The selected claims, each listed input's status row (``id, status, claims, reason``,
    sorted) and each article's metadata (by id), read on the open connection ``con``."""
    claims = [c for part in _stream_claims(con, since, measure, subject, ordered=False) for c in part]
    where, params = _filters(since, measure, subject)
    join = " JOIN articles a ON a.id = c.article_id" if since is not None else ""
    counted = f"SELECT c.article_id, count(*) AS n FROM claims c{join}{where} GROUP BY c.article_id"
    a_where, a_params = _filters(since, None, None, article=True)
    rows = con.execute(
        f"SELECT id, status, reason, text IS NULL, published, publisher, url, language, n.n "
        f"FROM articles LEFT JOIN ({counted}) n ON n.article_id = articles.id{a_where} ORDER BY id",
        params + a_params).fetchall()
    narrowed = measure is not None or subject is not None
    listed: list[tuple[str, str, int, str]] = []
    meta: list[dict[str, Any]] = []
    for i, status, reason, unread, published, publisher, url, language, n in rows:
        if status == "skipped" and unread:  # an input that could not be read as an article
            if not narrowed:
                listed.append((i, "skipped", 0, reason or ""))
            continue
        if status == "skipped":  # read, and its extraction failed: skipped again, same reason
            if narrowed:
                continue
            listed.append((i, "skipped", 0, reason or ""))
        elif narrowed and n is None:
            continue
        else:
            listed.append((i, "processed", n or 0, ""))
        meta.append(meta_row({"id": i, "url": url, "publisher": publisher, "language": language,
                              "published": published.isoformat() if published else None}))
    listed.sort()
    articles = [{"id": i, "status": st, "claims": n, "reason": r or None} for i, st, n, r in listed]
    return claims, articles, meta
