"""A figure's time scope from the time expressions of its sentence.

Rules (each relation comes from the language's ``attribution.time`` data):

- ``since`` ("पिछले साल अक्टूबर से", "since October last year") sets ``start``.
- ``during`` ("2024 में", "in 2024", "last week") sets ``start``/``end``; ``as_of`` is the
  period's last day (day precision), or the statement date if the period is not over.
- ``end_of`` ("2024 के अंत में") sets ``as_of`` to the period's last day (day precision).
- ``start_of`` ("early 2025") sets ``as_of`` to the period's first month.
- ``until`` ("as of December", "2024 तक") and ``event_in`` ("अप्रैल में आई रिपोर्ट")
  set ``as_of`` at the precision written (``2024-12``, ``2025-04``).
- ``so_far``/``recent`` ("अब तक", "so far") and everything else: ``as_of`` is the statement
  date — a ``point`` expression ("मंगलवार को", "on Tuesday": the latest such weekday on or
  before the article date), one inherited from the statement the sentence continues, or the
  article's date.
- Unknown stays unknown: ``as_of`` None and ``reason`` says why.

>>> import datetime as dt
>>> from factcheck.attribution.dates import GIVEN, ArticleDate
>>> from factcheck.attribution.timexpr import TimeExpr
>>> e = TimeExpr(0, 8, "2024 में", "2024", "during", year=2024)
>>> scope([e], 20, 25, ArticleDate(dt.date(2025, 6, 12), "day", "given")).as_of_text()
'2024-12-31'
"""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Sequence
from dataclasses import dataclass

from factcheck.attribution.dates import GIVEN, ArticleDate
from factcheck.attribution.timexpr import Period, TimeExpr, resolve
from factcheck.models import TimeScope

_SCOPING = ("until", "end_of", "start_of", "during", "event_in")


@dataclass(frozen=True)
class StatementDate:
    """When a statement was made: a date, its precision and the phrase that says so."""

    date: dt.date
    precision: str
    why: str


def statement_date(exprs: Sequence[TimeExpr], near: int, article: ArticleDate) -> StatementDate | None:
    """The date of the nearest ``point`` expression ("मंगलवार को"), if it resolves."""
    points = [e for e in exprs if e.relation == "point"]
    for e in sorted(points, key=lambda e: _distance(e, near, near)):
        per = resolve(e, article.date)
        if per is not None:
            return StatementDate(per.low, per.precision, f"statement date {e.text!r}")
    return None


def scope(
    exprs: Sequence[TimeExpr],
    start: int,
    end: int,
    article: ArticleDate,
    inherited: StatementDate | None = None,
) -> TimeScope:
    """The TimeScope of the figure at ``[start, end)`` given its sentence's expressions."""
    kept = tuple(e for e in exprs if e.end <= start or e.start >= end)
    if len(kept) < 2:  # most figures: no expression or one (nothing to rank)
        return _scope(kept, (), (), article, inherited)
    # the answer depends on the figure's place only through which expression is nearest:
    # the ranks by distance (ties: the earlier first, as min() and a stable sort pick)
    n = range(len(kept))
    by_span = tuple(sorted(n, key=lambda k: (_distance(kept[k], start, end), k)))
    by_start = tuple(sorted(n, key=lambda k: (_distance(kept[k], start, start), k)))
    return _scope(kept, by_span, by_start, article, inherited)


@functools.lru_cache(maxsize=4096)
def _scope(exprs: tuple[TimeExpr, ...], by_span: tuple[int, ...], by_start: tuple[int, ...],
           article: ArticleDate, inherited: StatementDate | None) -> TimeScope:
    """:func:`scope` from the expressions ranked by distance to the figure (``by_span``) and to
    its start (``by_start``; both empty when fewer than two): figures of one sentence, and
    every figure of an article without time expressions, share one answer."""
    ranked = [exprs[k] for k in by_span] if by_span else list(exprs)
    ref = article.date
    notes: list[str] = []
    unresolved: list[str] = []

    stmt = _statement_date([exprs[k] for k in by_start] if by_start else list(exprs), article) or inherited
    if stmt is None and ref is not None:
        why = "article date" if article.reason == GIVEN else f"article date ({article.reason})"
        stmt = StatementDate(ref, article.precision or "day", why)

    period_start = period_end = None
    phrases: list[str] = []
    since = _first(ranked, ("since",))
    if since is not None:
        per = resolve(since, ref)
        if per is None:
            unresolved.append(since.text)
        else:
            period_start = per.low
            phrases.append(since.text)
            notes.append(f"{since.text!r}: from {_fmt(per.low, per.precision)}")

    as_of = precision = None
    scoped = _first(ranked, _SCOPING)
    if scoped is not None:
        per = resolve(scoped, ref)
        if per is None:
            unresolved.append(scoped.text)
        else:
            as_of, precision, note = _as_of(scoped, per, stmt)
            phrases.append(scoped.text)
            notes.append(note)
            if scoped.relation == "during":
                period_start = period_start or per.low
                period_end = per.high

    if as_of is None and stmt is not None:
        as_of, precision = stmt.date, stmt.precision
        so_far = _first(ranked, ("so_far", "recent"))
        if so_far is not None:
            phrases.append(so_far.text)
            notes.append(f"{so_far.text!r}: as of the {stmt.why}")
        else:
            notes.append(f"as of the {stmt.why}")
    if unresolved:
        notes.append(f"cannot date {', '.join(map(repr, unresolved))}: the article's date is unknown "
                     f"({article.reason})")
    if as_of is None and not unresolved:
        notes.append(f"no date: {article.reason}")
    return _time_scope(as_of, precision, period_start, period_end, " … ".join(phrases) or None,
                       "; ".join(notes) or None)


def _statement_date(ranked: Sequence[TimeExpr], article: ArticleDate) -> StatementDate | None:
    """:func:`statement_date` with the expressions already ranked by distance."""
    for e in ranked:
        if e.relation == "point":
            per = resolve(e, article.date)
            # a month named alone and still ahead ("in July or August", said in July) dates a
            # plan, not the statement
            if per is not None and not (e.text == e.core and _ahead(e, article.date)) and not (
                    article.date is not None and per.low > article.date):
                return StatementDate(per.low, per.precision, f"statement date {e.text!r}")
    return None


def _ahead(e: TimeExpr, ref: dt.date | None) -> bool:
    """A month (or day) named without a year that is still ahead of ``ref`` this year."""
    return (ref is not None and e.year is None and e.month is not None
            and (e.month, e.day or 1) > (ref.month, ref.day))


def _first(ranked: Sequence[TimeExpr], relations: tuple[str, ...]) -> TimeExpr | None:
    return next((e for e in ranked if e.relation in relations), None)


@functools.lru_cache(maxsize=4096)
def _time_scope(as_of: dt.date | None, precision: str | None, start: dt.date | None, end: dt.date | None,
                phrase: str | None, reason: str | None) -> TimeScope:
    """One (frozen) TimeScope per distinct value: most figures of an article share a few."""
    return TimeScope(as_of=as_of, precision=precision, start=start, end=end, phrase=phrase, reason=reason)


def _as_of(e: TimeExpr, per: Period, stmt: StatementDate | None) -> tuple[dt.date, str, str]:
    if e.relation == "during":
        if stmt is not None and per.high > stmt.date:
            return stmt.date, stmt.precision, f"{e.text!r}: during a period not yet over, as of the {stmt.why}"
        return per.high, "day", f"{e.text!r}: over {_fmt(per.low, per.precision)}, as of its last day"
    if e.relation == "end_of":
        return per.high, "day", f"{e.text!r}: end of {_fmt(per.low, per.precision)}"
    if e.relation == "start_of":
        prec = "month" if per.precision == "year" else per.precision
        return per.low, prec, f"{e.text!r}: start of {_fmt(per.low, per.precision)}"
    what = "as of" if e.relation == "until" else "in"
    return per.high, per.precision, f"{e.text!r}: {what} {_fmt(per.low, per.precision)}"


def _distance(e: TimeExpr, start: int, end: int) -> int:
    return max(e.start - end, start - e.end, 0)


def _fmt(d: dt.date, precision: str) -> str:
    if precision == "year":
        return f"{d.year:04d}"
    if precision == "month":
        return f"{d.year:04d}-{d.month:02d}"
    return d.isoformat()
