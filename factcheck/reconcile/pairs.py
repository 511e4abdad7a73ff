"""Which pairs of a group to compare: all of them in small groups, a bounded set in large ones.

Comparing every pair is quadratic. Up to ``full_limit`` claims a group compares all pairs;
above it, each claim is compared with

* its neighbour in time order (overall, and among comparable claims of its unit), and
* the *witnesses* that decide a verdict, found by sweeps in ``O(n log n)``:
  in the same period, the partner with the highest lower bound and the one with the
  lowest upper bound (a disjoint pair exists iff one of them is disjoint from the claim);
  for a cumulative measure, among clearly earlier figures, the one with the highest lower
  bound (a shrinking total exists iff it is above the claim's upper bound) and the one
  with the smallest figure (growth exists iff it is below the claim's figure).

So ``conflict`` and ``evolving`` are found exactly as with all pairs; ``agree`` versus
``not_comparable`` in a large group is decided on the pairs compared.

>>> list(candidate_pairs([], None, False))
[]
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence

import numpy as np

from factcheck.reconcile.relations import Facts
from factcheck.reconcile.vector import FactArrays, distinct
from factcheck.settings import Settings

#: Groups up to this many claims compare all pairs.
FULL_PAIRS_LIMIT = 200


def candidate_pairs(
    fs: Sequence[Facts],
    settings: Settings | None,
    cumulative: bool,
    *,
    full_limit: int = FULL_PAIRS_LIMIT,
) -> Iterator[tuple[int, int]]:
    """Pairs ``(i, j)``, ``i < j``, of indices into ``fs`` to compare, without repeats.

    Args:
        fs: the facts of a group's claims in canonical (time) order.
        settings: the windows (defaults if None).
        cumulative: whether the measure is a running total.
        full_limit: groups up to this size compare every pair.

    >>> from factcheck.reconcile.relations import Facts
    >>> f = Facts(1.0, 1.0, 1.0, None, True, "soldier", 0, 0)
    >>> sorted(candidate_pairs([f, f, f], None, False))
    [(0, 1), (0, 2), (1, 2)]
    """
    first, second = pair_arrays(fs, settings, cumulative, full_limit=full_limit)
    yield from zip(first.tolist(), second.tolist())


def pair_arrays(
    fs: Sequence[Facts] | FactArrays,
    settings: Settings | None,
    cumulative: bool,
    *,
    full_limit: int = FULL_PAIRS_LIMIT,
) -> tuple[np.ndarray, np.ndarray]:
    """:func:`candidate_pairs` as two index arrays (firsts, seconds), sorted by pair.

    ``fs`` may be the facts or, already in columns, a :class:`FactArrays`.

    >>> from factcheck.reconcile.relations import Facts
    >>> f = Facts(1.0, 1.0, 1.0, None, True, "soldier", 0, 0)
    >>> [a.tolist() for a in pair_arrays([f, f, f], None, False)]
    [[0, 0, 1], [1, 2, 2]]
    """
    n = len(fs.low) if isinstance(fs, FactArrays) else len(fs)
    if n <= full_limit:
        first, second = np.triu_indices(n, 1)
        return first.astype(np.int64), second.astype(np.int64)
    cols = fs if isinstance(fs, FactArrays) else FactArrays.of(fs)
    codes = _bounded_pairs(cols, settings or Settings(), cumulative).astype(np.int64)
    return codes // n, codes % n


def witness_arrays(
    fs: Sequence[Facts] | FactArrays, settings: Settings | None, cumulative: bool
) -> tuple[np.ndarray, np.ndarray]:
    """The bounded pair set (neighbours and witnesses) as two index arrays, whatever the group's size.

    Findings are built on these pairs in every group, so a group's findings do not depend
    on whether it compared all pairs or a bounded set (:func:`pair_arrays`): each figure in
    a contradiction is paired with the figures that contradict it most.

    >>> from factcheck.reconcile.relations import Facts
    >>> f = Facts(1.0, 1.0, 1.0, None, True, "soldier", 0, 0)
    >>> [a.tolist() for a in witness_arrays([f, f, f], None, False)]
    [[0, 1], [1, 2]]
    """
    cols = fs if isinstance(fs, FactArrays) else FactArrays.of(fs)
    n = len(cols.low)
    if n < 2:
        return np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.int64)
    codes = _bounded_pairs(cols, settings or Settings(), cumulative).astype(np.int64)
    return codes // n, codes % n


def _bounded_pairs(cols: FactArrays, settings: Settings, cumulative: bool) -> np.ndarray:
    """The bounded pair set of a large group as sorted codes ``i * n + j``; searches on numpy arrays.

    Ties are broken exactly as a Python ``max``/``min`` over ``(value, index)`` tuples
    would: each extreme is taken over the rank of ``(value, index)`` in a lexicographic sort.
    """
    n = len(cols.low)
    firsts: list[np.ndarray] = [np.arange(n - 1, dtype=np.int64)]
    seconds: list[np.ndarray] = [np.arange(1, n, dtype=np.int64)]
    k_all = np.flatnonzero(cols.factual & cols.has_window & ~cols.doubt).astype(np.int64)
    if len(k_all):
        start, end = cols.start[k_all], cols.end[k_all]
        low, high, central = cols.low[k_all], cols.high[k_all], cols.central[k_all]
        assumed = cols.assumed[k_all]
        unit = cols.unit[k_all]
        same, undated = settings.same_period_days, settings.undated_window_days
        for u in distinct(unit).tolist():
            pos = np.flatnonzero(unit == u)
            # by (start, end, index): positions follow indices, so the index is the last key
            pos = pos[np.lexsort((k_all[pos], end[pos], start[pos]))]
            firsts.append(k_all[pos[:-1]])
            seconds.append(k_all[pos[1:]])
            dated = pos[~assumed[pos]]
            undated_pos = pos[assumed[pos]]
            cols_u = (k_all, start, end, low, high)
            searches = [(dated, dated, same)]
            if len(undated_pos):
                searches += [(pos, undated_pos, undated), (undated_pos, dated, undated)]
            for src, dst, days in searches:
                for a, b in _same_period_witnesses(cols_u, src, dst, days):
                    firsts.append(a)
                    seconds.append(b)
            if cumulative:
                for a, b in _earlier_witnesses((k_all, start, end, low, central), dated, same):
                    firsts.append(a)
                    seconds.append(b)
    a = np.concatenate(firsts)
    b = np.concatenate(seconds)
    keep = a != b
    a, b = a[keep], b[keep]
    # 32-bit codes where they fit: the sort that removes repeats moves half the bytes
    code_type = np.int32 if n * n < 1 << 31 else np.int64
    return distinct(np.minimum(a, b).astype(code_type) * code_type(n) + np.maximum(a, b).astype(code_type))


def _range_pick(keys: np.ndarray, lo: np.ndarray, hi: np.ndarray, biggest: bool) -> np.ndarray:
    """For each query, the max (or min) of ``keys[lo:hi]`` (a sparse table; every ``lo < hi``).

    Level ``k`` of the table holds the extreme of each window of ``2**k`` keys, in one row of
    a 2-D array, so all queries are answered by one gather whatever their levels.
    """
    pick = np.maximum if biggest else np.minimum
    m = len(keys)
    table = np.empty((max(1, m.bit_length()), m), dtype=keys.dtype)  # row k: entries 0..m-2**k used
    table[0] = keys
    step = 1
    for k in range(1, len(table)):
        pick(table[k - 1, : m - step], table[k - 1, step:m], out=table[k, : m - step])
        step *= 2
    level = np.frexp((hi - lo).astype(np.float64))[1] - 1  # floor(log2(length)), exact for ints
    return pick(table[level, lo], table[level, hi - (1 << level)])


def _ranks(order: np.ndarray) -> np.ndarray:
    """``rank[p]``: where item ``p`` falls in ``order``."""
    rank = np.empty(len(order), dtype=np.int64)
    rank[order] = np.arange(len(order), dtype=np.int64)
    return rank


def _same_period_witnesses(cols, src: np.ndarray, dst: np.ndarray, days: int):  # type: ignore[no-untyped-def]
    """For each claim in ``src``: the extreme partners in ``dst`` starting within its window."""
    if not len(src) or not len(dst):
        return
    k_all, start, end, low, high = cols
    starts = start[dst]  # sorted: ``dst`` follows the unit's (start, end, index) order
    lo = np.searchsorted(starts, start[src], side="left")
    hi = np.searchsorted(starts, end[src] + days, side="right")
    ok = lo < hi
    if not ok.any():
        return
    src, lo, hi = src[ok], lo[ok], hi[ok]
    kd = k_all[dst]
    # a partner starting no earlier and within ``days`` of the claim's end shares its period
    by_low = np.lexsort((kd, low[dst]))  # max of (low, index)
    yield k_all[src], kd[by_low[_range_pick(_ranks(by_low), lo, hi, True)]]
    by_high = np.lexsort((kd, high[dst]))  # min of (high, index)
    yield k_all[src], kd[by_high[_range_pick(_ranks(by_high), lo, hi, False)]]


def _earlier_witnesses(cols, dated: np.ndarray, days: int):  # type: ignore[no-untyped-def]
    """For each dated claim: the clearly earlier claim with the highest low and the smallest figure."""
    if len(dated) < 2:
        return
    k_all, start, end, low, central = cols
    kd = k_all[dated]
    order = np.lexsort((kd, end[dated]))  # by (end, index)
    ends = end[dated][order]
    ko = kd[order]
    lo_o, c_o = low[dated][order], central[dated][order]
    # prefix max of (low, -index) and prefix min of (central, index), over ranks
    by_low = np.lexsort((-ko, lo_o))
    best = np.maximum.accumulate(_ranks(by_low))
    by_c = np.lexsort((ko, c_o))
    least = np.minimum.accumulate(_ranks(by_c))
    # claims ending more than ``days`` before this one starts lie in an earlier period
    cnt = np.searchsorted(ends, start[dated] - days, side="left")
    ok = cnt > 0
    j, cnt = kd[ok], cnt[ok] - 1
    yield ko[by_low[best[cnt]]], j
    yield ko[by_c[least[cnt]]], j
