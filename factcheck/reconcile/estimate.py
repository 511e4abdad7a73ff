"""Per-group estimate: low / best / high for the latest period, and who supports it.

The rule (docs/reconcile.md, "Estimate") borrows UCDP's low/best/high and ACLED's
"most conservative" figure:

1. Only asserted/estimated figures count; the *latest period* is the latest-dated such
   figure and every figure dated within ``same_period_days`` of it (undated figures
   count with their article's date; with no date anywhere, all figures form the period).
2. ``low`` is the highest lower bound in the period — every figure there says "at least
   this many". For a cumulative measure, earlier lower bounds still hold (a running total
   never shrinks) and are carried forward when they do not contradict the period.
3. ``high`` is the lowest upper bound in the period (``None``: unbounded).
4. ``best`` is the smallest figure as given in the period that lies in ``[low, high]``
   (the most conservative credible figure); if none does, the smallest figure clamped into
   ``[low, high]``; with no figure at all (only vague words), ``low``.
5. If the period's figures contradict each other (``low > high``), the estimate is the
   envelope — lowest lower bound, highest upper bound — and ``consistent`` is False.

>>> from factcheck.values import Approx
>>> e = estimate_figures([(Approx(value=15000).interval(), 15000.0)] * 2, carried_low=11000.0)
>>> (e.low, e.best, e.high, e.consistent)
(13500.0, 15000.0, 16500.0, True)
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import NamedTuple

from factcheck.values import Interval


class Figures(NamedTuple):
    """The numbers of an estimate before they are attached to a period and sources."""

    low: float
    best: float
    high: float | None
    consistent: bool


def estimate_figures(
    period: Sequence[tuple[Interval, float | None]], *, carried_low: float | None = None
) -> Figures:
    """Low / best / high from the latest period's ``(interval, figure)`` pairs.

    Args:
        period: each figure's interval and its figure as given (None for vague words).
        carried_low: for a cumulative measure, the highest lower bound of earlier periods.

    Returns:
        :class:`Figures` (``high`` None when unbounded).

    >>> from factcheck.values import AtLeast, Exact
    >>> estimate_figures([(Exact(value=3000).interval(), 3000.0),
    ...                   (AtLeast(value=4000).interval(), 4000.0)])
    Figures(low=3000.0, best=3000.0, high=None, consistent=False)
    """
    if not period:
        raise ValueError("an estimate needs at least one figure")
    lows = [iv.low for iv, _ in period]
    highs = [iv.high for iv, _ in period]
    low, high, consistent = max(lows), min(highs), True
    if low > high:
        low, high, consistent = min(lows), max(highs), False
    elif carried_low is not None and low < carried_low <= high:
        low = carried_low
    points = sorted(p for _, p in period if p is not None)
    inside = [p for p in points if low <= p <= high]
    if inside:
        best = inside[0]
    elif points:
        best = min(max(points[0], low), high)
    else:
        best = low
    return Figures(low, best, None if math.isinf(high) else high, consistent)
