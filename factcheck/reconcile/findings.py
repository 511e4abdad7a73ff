"""Findings, per-originator series and the current figure of one quantity.

Built on the pairwise relations (:mod:`factcheck.reconcile.relations`), around the
questions a fact-checker asks (docs/reconcile.md, "Findings"):

* **disagreement** — independent originators give disjoint figures for the same period;
* **shrinking total** — one originator's running total goes down;
* **suspected misreport** — a figure credited to an originator contradicts that
  originator's own series (it is in more of the originator's conflicts than the figures it
  contradicts: one outlier against a consistent series);
* growth is folded into the series, never a finding.

Every finding comes from ``conflict`` relations, so every finding is also a ``conflict``
relation of the report. Findings are computed on the bounded pair set of
:func:`factcheck.reconcile.pairs.witness_arrays` (each claim's neighbours and most extreme
partners) in every group, so they do not depend on whether the group compared all pairs.

The **current figure** (:func:`current_estimate`) is made of each originator's latest
figure: outliers (``Settings.magnitude_ratio`` times from the median of those figures),
stale restatements of a running total (below a level that two other originators had
already reported before) and figures superseded for longer than ``Settings.current_days``
before the latest are set aside, each with its reason.

>>> FINDING_KINDS
('disagreement', 'shrinking_total', 'suspected_misreport')
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Sequence
from typing import Any

import numpy as np

from factcheck.models import Claim
from factcheck.reconcile.columns import Columns
from factcheck.settings import Settings
from factcheck.reconcile.report import Estimate, Finding, _num
from factcheck.reconcile.timing import window

FINDING_KINDS = ("disagreement", "shrinking_total", "suspected_misreport")

#: Conflict rule codes (:data:`factcheck.reconcile.vector.RULES`) and the growth code.
CONFLICT_CODES = (5, 7)
GROWTH_CODE = 8

#: Findings kept per group (most pairs first); the rest are counted.
MAX_FINDINGS = 10

#: ``Settings.current_days`` (documented there): how old an originator's latest figure may be
#: and still count in the current figure; this name keeps the default.
CURRENT_DAYS: int = Settings.model_fields["current_days"].default

#: Set-aside figures listed in an estimate (the latest ones; the note counts all).
MAX_SET_ASIDE = 50

#: Figures named in one side of a finding's reason.
_NAMED = 3


def _fmt(x: float) -> str:
    n = _num(x)
    return "unbounded" if n is None else f"{n:,}"


def _day(ordinal: int) -> str:
    return dt.date.fromordinal(int(ordinal)).isoformat()


def _quote(claims: Sequence[Claim], i: int, origin: str) -> str:
    c = claims[i]
    w = window(c.time, c.published)
    when = w.label if w is not None else "date unknown"
    via = [s for s in c.attribution.chain if s != c.attribution.source]
    who = origin + (f" via {', '.join(via)}" if via else "")
    if c.publisher and c.publisher not in origin:
        who += f", in {c.publisher}"
    return f"“{c.evidence.text}” ({who}, {when})"


def _side(claims: Sequence[Claim], idx: list[int], origin: str) -> str:
    named = [_quote(claims, i, origin) for i in idx[:_NAMED]]
    more = f" and {len(idx) - _NAMED} more" if len(idx) > _NAMED else ""
    return ", ".join(named) + more


def find(
    claims: Sequence[Claim],
    cols: Columns,
    first: np.ndarray,
    second: np.ndarray,
    codes: np.ndarray,
) -> tuple[tuple[Finding, ...], int, np.ndarray]:
    """The group's findings from its compared pairs.

    Args:
        claims: the group's claims (canonical order).
        cols: their columns.
        first, second, codes: the compared pairs and their rule codes.

    Returns:
        ``(findings, omitted, suspects)``: findings most pairs first (at most
        :data:`MAX_FINDINGS`), how many more were found, and a boolean mask of the claims
        suspected to be misreports.
    """
    f = cols.facts
    n = len(claims)
    suspects = np.zeros(n, dtype=bool)
    hit = (codes == CONFLICT_CODES[0]) | (codes == CONFLICT_CODES[1])
    if not hit.any():
        return (), 0, suspects
    a, b = first[hit], second[hit]
    # the lower figure first in every pair
    swap = f.central[a] > f.central[b]
    lo, hi = np.where(swap, b, a), np.where(swap, a, b)
    o_lo, o_hi = f.origin[lo], f.origin[hi]
    one = o_lo == o_hi
    # within one originator: the claim in more of its own conflicts is the suspect
    count = np.bincount(np.concatenate([lo[one], hi[one]]), minlength=n)
    c_lo, c_hi = count[lo], count[hi]
    suspect = np.where(c_lo > c_hi, lo, np.where(c_hi > c_lo, hi, -1))
    kind = np.where(~one, 0, np.where(suspect >= 0, 2, 1))
    suspects[suspect[one & (suspect >= 0)]] = True
    n_origins = max(1, len(cols.origins))
    # one finding per (kind, low originator, high originator[, suspect])
    key = (kind * n_origins + o_lo) * n_origins + o_hi
    key = key * (n + 1) + np.where(kind == 2, suspect, n)
    order = np.lexsort((hi, lo, key))
    key, lo, hi = key[order], lo[order], hi[order]
    starts = np.flatnonzero(np.r_[True, key[1:] != key[:-1]])
    sizes = np.diff(np.r_[starts, len(key)])
    rank = np.lexsort((key[starts], -sizes))  # most pairs first, then by key
    found = []
    for r in rank[:MAX_FINDINGS].tolist():
        s, e = int(starts[r]), int(starts[r] + sizes[r])
        k = int(key[s])
        sus = k % (n + 1)
        k //= n + 1
        kind_k, rest = divmod(k, n_origins * n_origins)
        origin_lo, origin_hi = divmod(rest, n_origins)
        low_side = sorted(set(lo[s:e].tolist()))
        high_side = sorted(set(hi[s:e].tolist()))
        found.append(
            _finding(claims, cols, FINDING_KINDS[kind_k], cols.origins[origin_lo], cols.origins[origin_hi],
                     low_side, high_side, int(sizes[r]), sus if sus < n else None)
        )
    return tuple(found), max(0, len(starts) - MAX_FINDINGS), suspects


def _finding(
    claims: Sequence[Claim],
    cols: Columns,
    kind: str,
    origin_lo: str,
    origin_hi: str,
    low_side: list[int],
    high_side: list[int],
    pairs: int,
    suspect: int | None,
) -> Finding:
    f = cols.facts
    every = low_side + high_side
    start = min(f.start[every].tolist())
    end = max(f.end[every].tolist())
    lows = _side(claims, low_side, origin_lo)
    highs = _side(claims, high_side, origin_hi)
    if kind == "disagreement":
        originators: tuple[str, ...] = (origin_lo, origin_hi)
        reason = (
            f"{origin_lo} and {origin_hi} give disjoint figures for the same period: {lows} against {highs}"
        )
    elif kind == "shrinking_total":
        originators = (origin_lo,)
        reason = f"{origin_lo}'s running total goes down: {highs} then {lows}"
    else:
        originators = (origin_lo,)
        assert suspect is not None
        others = [i for i in every if i != suspect]
        reason = (
            f"{_quote(claims, suspect, origin_lo)} is credited to {origin_lo} but contradicts "
            f"{origin_lo}'s own figures of that time: {_side(claims, others, origin_lo)}"
        )
    return Finding(
        kind=kind,  # type: ignore[arg-type]
        originators=originators,
        low_side=tuple(low_side),
        high_side=tuple(high_side),
        suspect=suspect,
        pairs=pairs,
        period_start=_day(start) if start > 0 else None,
        period_end=_day(end) if end > 0 else None,
        reason=reason + ".",
    )


def summary(findings: Sequence[Finding], omitted: int, grew: bool, verdict: str) -> str:
    """The quantity's verdict in words: ``"growing; 1 disagreement; 1 suspected misreport"``.

    >>> summary((), 0, True, "evolving")
    'growing; no contradiction found'
    """
    counts = {k: 0 for k in FINDING_KINDS}
    for x in findings:
        counts[x.kind] += 1
    parts = []
    if grew:
        parts.append("growing")
    elif verdict == "agree":
        parts.append("consistent")
    elif verdict == "single":
        parts.append("one figure")
    elif verdict == "not_comparable":
        parts.append("nothing comparable")
    words = {"disagreement": "disagreement", "shrinking_total": "shrinking total",
             "suspected_misreport": "suspected misreport"}
    for k in FINDING_KINDS:
        if counts[k]:
            w = words[k]
            parts.append(f"{counts[k]} {w}{'s' if counts[k] > 1 else ''}")
    if omitted:
        parts.append(f"{omitted} more findings")
    if not any(counts.values()) and verdict not in ("single", "not_comparable"):
        parts.append("no contradiction found")
    return "; ".join(parts) if parts else verdict


def current_estimate(
    claims: Sequence[Claim],
    cols: Columns,
    cumulative: bool,
    suspects: np.ndarray,
    fallback: Estimate,
    settings: Settings | None = None,
) -> Estimate:
    """Low / best / high now, from each originator's latest figure (module docstring).

    ``best`` is, for a running total, the largest figure kept (every older count
    understates it), else their median; ``low``/``high`` the smallest and largest kept;
    ``as_of`` the date of the figure that gives ``best``. ``fallback`` is used when no
    figure has a date.
    """
    settings = settings or Settings()
    ratio, current_days = settings.magnitude_ratio, settings.current_days
    f = cols.facts
    idx = np.flatnonzero(f.factual & f.has_window & ~f.doubt & ~suspects)
    if not len(idx):
        return fallback
    # each originator's latest figure (the largest on that day)
    order = idx[np.lexsort((idx, f.central[idx], f.end[idx], f.origin[idx]))]
    last = np.r_[f.origin[order][1:] != f.origin[order][:-1], True]
    reps = order[last]
    names = cols.origins
    # plain lists: the loops below run once per originator
    R = reps.tolist()
    low_of = dict(zip(R, f.low[reps].tolist()))
    high_of = dict(zip(R, f.high[reps].tolist()))
    cen = dict(zip(R, f.central[reps].tolist()))
    start_of = dict(zip(R, f.start[reps].tolist()))
    end_of = dict(zip(R, f.end[reps].tolist()))
    org = dict(zip(R, f.origin[reps].tolist()))
    aside: dict[int, Any] = {}  # claim -> its reason: a string, or the parts of a stale one (formatted when shown)
    vals = np.sort(f.central[reps])
    m = len(vals)
    med = float(vals[m // 2] if m % 2 else (vals[m // 2 - 1] + vals[m // 2]) / 2)
    if med > 0:
        far = (f.low[reps] >= ratio * med) | (f.high[reps] * ratio <= med)
        if far.any():
            why = (f"outlier: {ratio:g} times or more from the median ({_fmt(med)}) of the originators' "
                   "latest figures")
            aside = dict.fromkeys(reps[far].tolist(), why)
    kept = [r for r in R if r not in aside] if aside else R
    if cumulative and len(kept) > 2:
        # a level two other originators had reported before a figure: a running total never falls below it
        by_end = sorted(kept, key=lambda r: (end_of[r], r))
        ends = [end_of[r] for r in by_end]
        top = second = (-math.inf, -1)  # the two highest lows seen so far, with their claims
        pos, n_kept = 0, len(by_end)
        for r in sorted(kept, key=lambda r: (start_of[r], r)):
            st = start_of[r]
            while pos < n_kept and ends[pos] < st:
                q = by_end[pos]
                cand = (low_of[q], q)
                if cand > top:
                    top, second = cand, top
                elif cand > second:
                    second = cand
                pos += 1
            if second[1] >= 0 and cen[r] < second[0]:
                aside[r] = (second[0], org[second[1]], org[top[1]])
        kept = [r for r in kept if r not in aside]
    if not kept:
        return fallback
    latest = max(end_of[r] for r in kept)
    why = f"superseded: more than {current_days} days older than the latest figure ({_day(latest)})"
    cut = latest - current_days
    for r in kept:
        if end_of[r] < cut:
            aside[r] = why
    kept = sorted((r for r in kept if end_of[r] >= cut), key=lambda r: (end_of[r], r))
    points = [cen[r] for r in kept]
    if cumulative:
        best_at = max(kept, key=lambda r: (cen[r], start_of[r] + end_of[r], -r))  # ties: the latest mid-window
        best = cen[best_at]
    else:
        best = float(np.median(points))
        best_at = min(kept, key=lambda r: (abs(cen[r] - best), -end_of[r], r))
    if len(kept) == 1:  # one figure: its own interval
        low, high = low_of[kept[0]], high_of[kept[0]]
    else:  # the range of the figures as given (a vague word: its interval)
        low = min(points)
        high = max(cen[r] if cols.given[r] else high_of[r] for r in kept)
    c = claims[best_at]
    as_of = c.time.as_of_text() or _day(end_of[best_at])
    who = ", ".join(f"{names[org[r]]} {_fmt(cen[r])} ({_day(end_of[r])})" for r in kept[-8:])
    note = f"current figure from the latest figures of: {who}" + (f" and {len(kept) - 8} more" if len(kept) > 8 else "")

    def why_of(r: int) -> str:
        w = aside[r]
        if isinstance(w, str):
            return w
        floor, o1, o2 = w
        return (f"stale: below the {_fmt(floor)} that {names[o1]} and {names[o2]} had already reported "
                "(a running total never shrinks)")

    # the latest MAX_SET_ASIDE figures set aside are listed (with reasons); the note counts all
    listed_aside = sorted(sorted(aside, key=lambda r: (-end_of[r], r))[:MAX_SET_ASIDE])
    if aside:
        told = [(r, None) for r in sorted(aside, key=lambda r: (-end_of[r], r))[:8]]
        listed = "; ".join(
            f"{names[org[r]]} “{claims[r].evidence.text}” ({_day(end_of[r])}) — {why_of(r)}" for r, _ in told[:8]
        )
        more = f"; and {len(aside) - 8} more" if len(aside) > 8 else ""
        note += f". Set aside: {listed}{more}"
    if suspects.any():
        note += f". {int(suspects.sum())} suspected misreport(s) left out"
    doubtful = int((f.doubt & f.factual).sum())
    if doubtful:
        note += (f". {doubtful} doubtful total(s) left out: the article also gives the figure as a batch or part, "
                 "or gives a larger figure of the same originator for that date")
    return Estimate(
        low=low,
        best=best,
        high=None if math.isinf(high) else high,
        as_of=as_of,
        period_start=_day(min(start_of[r] for r in kept)),
        period_end=_day(latest),
        independent_sources=len(kept),
        claims=tuple(sorted(kept)),
        consistent=max(low_of[r] for r in kept) <= min(high_of[r] for r in kept),
        note=note,
        originators=tuple(names[org[r]] for r in kept),
        set_aside=tuple(listed_aside),
        set_aside_why=tuple(
            f"{names[org[r]]} “{claims[r].evidence.text}” ({_day(end_of[r])}) — {why_of(r)}" for r in listed_aside
        ),
    )
