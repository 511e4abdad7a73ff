"""The fast (numpy) pair search picks exactly the pairs of the plain-Python reference.

The reference below is the original pure-Python implementation (sparse tables of
``(value, index)`` tuples); the vectorised one must agree on every pair, ties included.
"""

from __future__ import annotations

import bisect
import datetime as dt
import random
from collections.abc import Iterator, Sequence

import pytest

from factcheck.reconcile.pairs import candidate_pairs
from factcheck.reconcile.relations import Facts, classify
from factcheck.reconcile.timing import Window
from factcheck.reconcile.vector import FactArrays, classify_pairs, outcome
from factcheck.settings import Settings

import numpy as np

FULL_PAIRS_LIMIT = 12


def _reference_pairs(
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

    >>> from factcheck.reconcile.relations import Facts, classify
    >>> f = Facts(1.0, 1.0, 1.0, None, True, "soldier", 0, 0)
    >>> sorted(candidate_pairs([f, f, f], None, False))
    [(0, 1), (0, 2), (1, 2)]
    """
    n = len(fs)
    if n <= full_limit:
        for i in range(n):
            for j in range(i + 1, n):
                yield (i, j)
        return
    settings = settings or Settings()
    seen: set[tuple[int, int]] = {(i, i + 1) for i in range(n - 1)}
    by_unit: dict[str, list[int]] = {}
    for i, f in enumerate(fs):
        if f.factual and f.window is not None:
            by_unit.setdefault(f.unit, []).append(i)
    found: list[tuple[int, int]] = []
    for idx in by_unit.values():
        idx.sort(key=lambda k: (fs[k].start, fs[k].end, k))
        found.extend(zip(idx, idx[1:]))
        dated = [k for k in idx if not fs[k].window.assumed]  # type: ignore[union-attr]
        assumed = [k for k in idx if fs[k].window.assumed]  # type: ignore[union-attr]
        found.extend(_same_period_witnesses(fs, dated, dated, settings.same_period_days))
        if assumed:
            found.extend(_same_period_witnesses(fs, idx, assumed, settings.undated_window_days))
            found.extend(_same_period_witnesses(fs, assumed, dated, settings.undated_window_days))
        if cumulative:
            found.extend(_earlier_witnesses(fs, dated, settings.same_period_days))
    for i, j in found:
        if i != j:
            seen.add((i, j) if i < j else (j, i))
    yield from sorted(seen)


def _same_period_witnesses(
    fs: Sequence[Facts], src: list[int], dst: list[int], days: int
) -> Iterator[tuple[int, int]]:
    """For each claim in ``src``: the extreme partners in ``dst`` starting within its window."""
    if not src or not dst:
        return
    starts = [fs[k].start for k in dst]
    lows = _SparseTable([(fs[k].low, k) for k in dst], max)
    highs = _SparseTable([(fs[k].high, k) for k in dst], min)
    for i in src:
        f = fs[i]
        lo = bisect.bisect_left(starts, f.start)
        hi = bisect.bisect_right(starts, f.end + days)
        if lo >= hi:
            continue
        # a partner starting no earlier and within ``days`` of the claim's end shares its period
        yield (i, lows.query(lo, hi)[1])
        yield (i, highs.query(lo, hi)[1])


def _earlier_witnesses(fs: Sequence[Facts], dated: list[int], days: int) -> Iterator[tuple[int, int]]:
    """For each dated claim: the clearly earlier claim with the highest low and the smallest figure."""
    if len(dated) < 2:
        return
    order = sorted(dated, key=lambda k: (fs[k].end, k))
    ends = [fs[k].end for k in order]
    best_low: list[tuple[float, int]] = []
    least: list[tuple[float, int]] = []
    for k in order:
        cand_low = (fs[k].low, -k)
        cand_c = (fs[k].central, k)
        best_low.append(max(best_low[-1], cand_low) if best_low else cand_low)
        least.append(min(least[-1], cand_c) if least else cand_c)
    for j in dated:
        # claims ending more than ``days`` before this one starts lie in an earlier period
        n = bisect.bisect_left(ends, fs[j].start - days)
        if n == 0:
            continue
        yield (-best_low[n - 1][1], j)
        yield (least[n - 1][1], j)


class _SparseTable:
    """Range max/min over a static list in O(1) per query after O(n log n) set-up."""

    def __init__(self, items: list[tuple[float, int]], pick) -> None:  # type: ignore[no-untyped-def]
        self.pick = pick
        self.levels = [items]
        step = 1
        while 2 * step <= len(items):
            prev = self.levels[-1]
            self.levels.append([pick(prev[i], prev[i + step]) for i in range(len(prev) - step)])
            step *= 2

    def query(self, lo: int, hi: int) -> tuple[float, int]:
        """The pick over ``items[lo:hi]`` (``hi > lo``)."""
        k = (hi - lo).bit_length() - 1
        level = self.levels[k]
        return self.pick(level[lo], level[hi - (1 << k)])


def _random_facts(rng: random.Random, n: int) -> list[Facts]:
    """Facts with many ties (few distinct values, days and units) so tie-breaking matters."""
    base = dt.date(2025, 1, 1).toordinal()
    out = []
    for _ in range(n):
        r = rng.random()
        if r < 0.1:
            w = None
        else:
            s = base + rng.randrange(60)
            e = s + rng.choice((0, 0, 0, 29, 364))
            w = Window(dt.date.fromordinal(s), dt.date.fromordinal(e), rng.random() < 0.2, "day")
        low = float(rng.choice((0, 100, 200, 300, 400, 2000)))
        high = low + rng.choice((0.0, 50.0, 200.0, float("inf")))
        central = rng.choice((low, high if high != float("inf") else low, (low + high) / 2 if high != float("inf") else low))
        out.append(Facts(low, high, central, w, rng.random() < 0.85, rng.choice(("soldier", "soldier", "shell")),
                         0 if w is None else w.start.toordinal(), 0 if w is None else w.end.toordinal(),
                         rng.choice(("NIS", "NIS", "Pentagon", "")), rng.choice(("a1", "a2", ""))))
    # canonical (time) order, as groups hand them over
    out.sort(key=lambda f: (f.start, f.end) if f.window is not None else (10**9, 10**9))
    return out


@pytest.mark.parametrize("seed", list(range(40)))
@pytest.mark.parametrize("cumulative", [True, False])
def test_reconcile_perf_pairs_match_reference(seed: int, cumulative: bool) -> None:
    rng = random.Random(seed)
    fs = _random_facts(rng, rng.choice((13, 40, 150, 600)))
    settings = Settings()
    got = list(candidate_pairs(fs, settings, cumulative, full_limit=FULL_PAIRS_LIMIT))
    want = list(_reference_pairs(fs, settings, cumulative))
    assert got == want, f"seed {seed}: {len(set(got) ^ set(want))} pairs differ"
    assert all(type(i) is int and type(j) is int for i, j in got)


@pytest.mark.parametrize("n", [0, 1, 12])
def test_reconcile_perf_small_groups_compare_all_pairs(n: int) -> None:
    fs = _random_facts(random.Random(n), n)
    assert list(candidate_pairs(fs, None, True, full_limit=FULL_PAIRS_LIMIT)) == [(i, j) for i in range(n) for j in range(i + 1, n)]


@pytest.mark.parametrize("seed", list(range(20)))
@pytest.mark.parametrize("cumulative", [True, False])
def test_reconcile_perf_classify_pairs_matches_classify(seed: int, cumulative: bool) -> None:
    rng = random.Random(1000 + seed)
    fs = _random_facts(rng, 30)
    settings = Settings()
    first, second = np.triu_indices(len(fs), 1)
    first, second = np.concatenate([first, second]), np.concatenate([second, first])  # both orders
    codes, earlier, assumed = classify_pairs(FactArrays.of(fs), first, second, settings, cumulative)
    for k, (i, j) in enumerate(zip(first.tolist(), second.tolist())):
        got = outcome(int(codes[k]), bool(earlier[k]), bool(assumed[k]))
        want = classify(fs[i], fs[j], settings, cumulative)
        assert got == want, f"seed {seed}, pair {(i, j)}: {got} != {want}"


def _tied_claims(seed: int) -> list:
    """Claims sharing article, offsets and dates, differing only in later sort fields."""
    from factcheck.models import Attribution, Claim, Evidence, Modality, TimeScope
    from factcheck.values import Approx, AtLeast, Exact

    rng = random.Random(seed)
    out = []
    for _ in range(60):
        start, text = rng.choice((5, 9)), rng.choice(("600", "six-00"))
        ev = Evidence(article_id=rng.choice(("a1", "a2")), start=start, end=start + len(text), text=text,
                      sentence_start=0, sentence_end=20)
        value = rng.choice((Exact(value=600), Approx(value=600), AtLeast(value=600), Exact(value=700)))
        out.append(Claim(article_id=ev.article_id, measure="troops_killed", subject=rng.choice(("north_korea", "russia")),
                         value=value, unit=rng.choice(("soldier", "person")), evidence=ev,
                         modality=rng.choice((Modality.ASSERTED, Modality.POSSIBLE)),
                         attribution=Attribution(source=rng.choice(("NIS", "TASS")), chain=rng.choice(((), ("AP",)))),
                         time=rng.choice((TimeScope(), TimeScope(as_of=dt.date(2025, 1, 5), precision="day"))),
                         published=rng.choice((None, dt.date(2025, 1, 9)))))
    return out


@pytest.mark.parametrize("seed", list(range(10)))
def test_reconcile_perf_canonical_order_matches_full_key_sort(seed: int) -> None:
    from factcheck.reconcile.groups import _sort_key, canonical
    from factcheck.reconcile.relations import facts

    claims = _tied_claims(seed)
    want = sorted(claims, key=lambda c: (_sort_key(c, facts(c)), c.model_dump_json()))
    for shuffle in range(3):
        random.Random(shuffle).shuffle(claims)
        got = canonical(claims)
        assert [c.model_dump_json() for c in got] == [c.model_dump_json() for c in want], f"seed {seed}, shuffle {shuffle}"
