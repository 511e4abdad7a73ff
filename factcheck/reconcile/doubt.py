"""Totals whose own article casts doubt on them: most likely a part, so compared with nothing.

A figure read as a total (``role="total"``) is doubtful when its article says otherwise:

* **part echo** — the article also gives the same figure, for the same subject and
  measure, as a batch or a part (``increment``/``subset``): a headline "1,500 soldiers
  sent" over a body's "the first group of 1,500 special forces" is one figure, and the
  body says it is a batch;
* **article part** — the same originator gives, in the same article and for the same
  period, a larger figure that does not overlap it: an article naming "about 13,000 sent"
  and "about 1,000 of the engineering units" is giving a whole and a part of it far more
  often than contradicting itself (the rule ``same_article`` of
  :mod:`factcheck.reconcile.relations`, carried to the smaller figure's other pairs).

A doubtful total keeps its place in its group and in the report, but every pair it is in
is ``not_comparable`` (rule ``doubtful``) and it does not enter the current figure: one
misread role must not turn a quantity into a conflict.

Both are decided from columns, claim by claim, never from the pairs a group happens to
compare, so a large group's bounded pair set and all pairs see the same doubtful claims.

>>> import numpy as np
>>> from factcheck.reconcile.vector import FactArrays
>>> z = np.zeros(2, dtype=np.int64)
>>> f = FactArrays(np.array([900., 11700.]), np.array([1100., 14300.]), np.array([1000., 13000.]),
...                np.array([10, 10]), np.array([10, 10]), np.ones(2, bool), np.ones(2, bool), np.zeros(2, bool),
...                z, z, z, np.zeros(2, bool))
>>> article_parts(f, 31).tolist()
[True, False]
"""

from __future__ import annotations

import numpy as np

from factcheck.reconcile.vector import FactArrays

#: Runs of one article and originator up to this size are paired in one vectorised step.
_SMALL_RUN = 64


def part_echoes(
    subject: np.ndarray, measure: np.ndarray, role: np.ndarray, total_role: int,
    article: np.ndarray, central: np.ndarray,
) -> np.ndarray:
    """Which claims are totals whose article gives the same figure as a batch or a part.

    Args:
        subject, measure, role: the claims' codes; ``total_role`` is the code of ``total``.
        article: article codes (-1: unknown, never matched).
        central: the figures as given.

    Returns:
        A boolean mask over the claims.

    >>> z = np.zeros(3, dtype=np.int64)
    >>> part_echoes(z, z, np.array([1, 0, 1]), 1, np.array([4, 4, 5]), np.array([1500., 1500., 1500.])).tolist()
    [True, False, False]
    """
    n = len(role)
    out = np.zeros(n, dtype=bool)
    total = role == total_role
    part = ~total & (article >= 0)
    if not part.any() or not total.any():
        return out
    # (subject, measure, article) in one integer: articles are the widest code
    width_m = int(measure.max()) + 1
    width_a = int(article.max()) + 2
    key = (subject.astype(np.int64) * width_m + measure) * width_a + (article + 1)
    # first a hash of (key, figure) marks the few candidates in linear time (no sort of all
    # claims), then an exact comparison settles them
    slot = _hash_slots(key, central, len(role))
    table = np.zeros(int(slot.max()) + 1, dtype=bool)
    table[slot[part]] = True
    cand = np.flatnonzero(total & table[slot])
    if not len(cand):
        return out
    table[:] = False
    table[slot[cand]] = True
    parts = np.flatnonzero(part & table[slot])
    both = np.concatenate([parts, cand])
    is_part = np.r_[np.ones(len(parts), bool), np.zeros(len(cand), bool)]
    order = np.lexsort((~is_part, central[both], key[both]))  # parts first within equal (key, figure)
    k, c, p = key[both][order], central[both][order], is_part[order]
    new = np.r_[True, (k[1:] != k[:-1]) | (c[1:] != c[:-1])]
    run = np.cumsum(new) - 1
    has_part = np.zeros(int(run[-1]) + 1, dtype=bool)
    has_part[run[p]] = True
    hit = ~p & has_part[run]
    out[both[order][hit]] = True
    return out


def _hash_slots(key: np.ndarray, figure: np.ndarray, n: int) -> np.ndarray:
    """A slot in a table of about ``4 n`` entries for each (key, figure); equal pairs share a slot."""
    size = 1 << max(4, (4 * n).bit_length())
    with np.errstate(over="ignore"):
        h = key.astype(np.uint64) * np.uint64(0x9E3779B97F4A7C15)
        h ^= (figure + 0.0).view(np.uint64) * np.uint64(0xC2B2AE3D27D4EB4F)  # + 0.0: -0.0 is 0.0
        h ^= h >> np.uint64(31)
    return (h & np.uint64(size - 1)).astype(np.int64)


def article_parts(f: FactArrays, same_period_days: int) -> np.ndarray:
    """Which claims of one group lie below a larger figure of their originator in their article.

    Only asserted/estimated, dated claims count (a plan or a possibility is no whole), and
    the two must be of one period (at most ``same_period_days`` apart).
    """
    n = len(f.low)
    out = np.zeros(n, dtype=bool)
    idx = np.flatnonzero(f.factual & f.has_window & ~f.doubt & (f.article >= 0))
    if len(idx) < 2:
        return out
    key = f.article[idx].astype(np.int64) * (int(f.origin.max()) + 1) + f.origin[idx]
    order = np.argsort(key, kind="stable")
    k = key[order]
    same = k[1:] == k[:-1]
    if not same.any():
        return out
    edges = np.diff(np.r_[0, same.astype(np.int8), 0])
    starts, ends = np.flatnonzero(edges == 1), np.flatnonzero(edges == -1) + 1
    sizes = ends - starts
    small = sizes <= _SMALL_RUN
    first, second = [], []
    if small.any():  # every ordered pair of each small run, in one step
        s, z = starts[small], sizes[small]
        member = np.concatenate([np.arange(a, a + m) for a, m in zip(s.tolist(), z.tolist())])
        reps = np.repeat(z, z)
        base = np.repeat(s, z)
        a = np.repeat(member, reps)
        offset = np.arange(len(a)) - np.repeat(np.cumsum(reps) - reps, reps)
        b = np.repeat(base, reps) + offset
        first.append(a)
        second.append(b)
    for a0, m in zip(starts[~small].tolist(), sizes[~small].tolist()):  # rare: a long run, pair by pair in rows
        member = np.arange(a0, a0 + m)
        first.append(np.repeat(member, m))
        second.append(np.tile(member, m))
    i = idx[order[np.concatenate(first)]]
    j = idx[order[np.concatenate(second)]]
    gap = np.maximum(0, np.maximum(f.start[j] - f.end[i], f.start[i] - f.end[j]))
    below = (f.high[i] < f.low[j]) & (gap <= same_period_days)
    out[i[below]] = True
    return out
