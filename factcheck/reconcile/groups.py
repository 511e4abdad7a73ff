"""Grouping claims by key, in a canonical order, and judging each group.

Claims are sorted canonically before anything else — by key, time window, article id,
offsets, then the rest of the claim — so a report never depends on input order. The
claims are read once into columns (:mod:`factcheck.reconcile.columns`); pairs, verdicts
and estimates are computed on arrays, and Python objects are made only for what a
report keeps (the claims themselves, ``max_relations`` relations per group, estimates).

>>> canonical([]) == []
True
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Callable, Iterable, Sequence

import numpy as np

from factcheck.models import Claim
from factcheck.reconcile.columns import Columns, canonical_order, read_columns
from factcheck.reconcile.columns import _sort_key  # noqa: F401  (the full sort key, where it always was)
from factcheck.reconcile.doubt import article_parts, part_echoes
from factcheck.reconcile.findings import GROWTH_CODE, current_estimate, find, summary
from factcheck.reconcile.pairs import FULL_PAIRS_LIMIT, pair_arrays, witness_arrays
from factcheck.reconcile.relations import _FACTUAL, Facts, describe, explain
from factcheck.reconcile.report import Estimate, Group, Verdict
from factcheck.reconcile.timing import window
from factcheck.reconcile.vector import RULE_SEVERITY, as_running_totals, classify_pairs, distinct, outcome, parts_only
from factcheck.settings import Settings

#: Relations stored per group (the verdict still uses every pair compared): conflicts first.
MAX_RELATIONS = 50


def canonical(claims: Iterable[Claim]) -> list[Claim]:
    """``claims`` in canonical order; ties on every cheap field fall back to the full JSON.

    >>> import datetime as dt
    >>> from factcheck.models import Claim, Evidence
    >>> from factcheck.values import Exact
    >>> ev = Evidence(article_id="a", start=0, end=1, text="1", sentence_start=0, sentence_end=1)
    >>> c1 = Claim(article_id="b", measure="m", subject="s", value=Exact(value=1), unit="u", evidence=ev)
    >>> c2 = c1.model_copy(update={"article_id": "a"})
    >>> [c.article_id for c in canonical([c1, c2])]
    ['a', 'b']
    """
    claims = list(claims)
    perm = canonical_order(claims, read_columns(claims))
    return [claims[k] for k in perm.tolist()]


def independent_sources(claims: Iterable[Claim]) -> tuple[str, ...]:
    """The distinct originators of the asserted/estimated figures, sorted.

    Outlets relaying one originator count once (the originator is ``attribution.source``);
    all ``unattributed`` figures together count as one voice — nothing shows they are
    independent of each other.

    >>> independent_sources([])
    ()
    """
    return tuple(sorted({c.attribution.source for c in claims if c.modality in _FACTUAL}))


def build_group(
    claims: Sequence[Claim],
    *,
    settings: Settings,
    cumulative: bool,
    max_relations: int = MAX_RELATIONS,
    full_limit: int = FULL_PAIRS_LIMIT,
    cols: Columns | None = None,
) -> Group:
    """Judge one group: relations, verdict, sources and estimate.

    Args:
        claims: the group's claims, already in canonical order, all with one key.
        settings: windows for "same period" and undated claims.
        cumulative: whether the measure is a running total.
        max_relations: relations stored (conflicts, then each originator's series, then the rest;
            each worst first); the verdict uses all compared.
        full_limit: groups up to this size compare every pair (see ``pairs``).
        cols: the claims' columns, when already read (:func:`read_columns`).
    """
    subject, measure, role = claims[0].subject, claims[0].measure, claims[0].role.value
    if cols is None:
        cols = read_columns(claims)
    parts = role != "total"  # increments and subsets: listed beside the totals, never compared as totals
    cumulative = cumulative and not parts
    if cumulative:  # a running total given for a year (or a long period) is the count at its end
        cols = cols._replace(facts=as_running_totals(cols.facts, settings.long_window_days))
    if not parts:  # a total below a larger figure of its originator in its own article: a part of it
        below = article_parts(cols.facts, settings.same_period_days)
        if below.any():
            cols = cols._replace(facts=cols.facts._replace(doubt=cols.facts.doubt | below))
    f = cols.facts
    first, second = pair_arrays(f, settings, cumulative, full_limit=full_limit)
    compared = len(first)
    codes, earlier, assumed = classify_pairs(f, first, second, settings, cumulative)
    if parts:
        codes = parts_only(codes)
    # findings come from the bounded pair set in every group, so they are the same whether the
    # group compared all pairs or not (a large group's pairs are that set already)
    if compared and len(claims) <= full_limit:
        w_first, w_second = witness_arrays(f, settings, cumulative)
        w_codes = classify_pairs(f, w_first, w_second, settings, cumulative)[0]
        if parts:
            w_codes = parts_only(w_codes)
    else:
        w_first, w_second, w_codes = first, second, codes
    sev = RULE_SEVERITY[codes]
    worst = int(sev.max()) if compared else -1
    # ``max_relations`` stored, shown in index order; pairs come sorted. First the conflicts, then
    # each originator's own series (its figures' relations with each other), then relations
    # between originators (their agreement is summed up by the current figure), each worst first
    picked = np.arange(compared)
    if compared > max_relations:  # rank by rank, the first pairs (pairs are in (first, second) order)
        own = f.origin[first] == f.origin[second]
        rank = np.where(sev == RULE_SEVERITY.max(), 0, np.where(own, 1, 1 + worst + 1)) + (worst - sev)
        parts, left = [], max_relations
        for level in range(int(rank.max()) + 1):
            parts.append(np.flatnonzero(rank == level)[:left])
            left -= len(parts[-1])
            if not left:
                break
        picked = np.sort(np.concatenate(parts))
    kept = [
        (i, j, outcome(code, ef, a))
        for i, j, code, ef, a in zip(
            first[picked].tolist(), second[picked].tolist(), codes[picked].tolist(),
            earlier[picked].tolist(), assumed[picked].tolist(),
        )
    ]
    # each claim a kept relation names gets its facts (from the columns) and description once
    fs = _facts_of(claims, cols, {i for i, _, _ in kept} | {j for _, j, _ in kept})
    names = {i: describe(claims[i], f_i) for i, f_i in fs.items()}

    # plain dicts, validated in one pass by Group (pydantic-core): far cheaper than one
    # Python-level model call per relation in large groups
    relations = [
        {
            "a": i,
            "b": j,
            "relation": out.kind,
            "reason": explain(claims[i], claims[j], fs[i], fs[j], out, settings, names=(names[i], names[j])),
        }
        for i, j, out in kept
    ]
    verdict: Verdict = "single" if len(claims) == 1 else _VERDICTS[worst]
    periods = group_periods(claims, cols, settings, cumulative)
    sources = tuple(cols.sources[k] for k in distinct(cols.source[f.factual]).tolist())
    found, found_omitted, suspects = find(claims, cols, w_first, w_second, w_codes)
    fallback = periods[-1] if periods else Estimate(note="no asserted or estimated figure")
    current = current_estimate(claims, cols, cumulative, suspects, fallback, settings)
    return Group(
        subject=subject,
        measure=measure,
        role=role,
        cumulative=cumulative,
        verdict=verdict,
        estimate=current,
        periods=periods,
        independent_sources=len(sources),
        sources=sources,
        claims=tuple(claims),
        relations=relations,  # type: ignore[arg-type]
        compared=compared,
        omitted=compared - len(kept),
        findings=found,
        findings_omitted=found_omitted,
        summary=summary(found, found_omitted, bool((w_codes == GROWTH_CODE).any()), verdict),
    )


def _facts_of(claims: Sequence[Claim], cols: Columns, which: set[int]) -> dict[int, Facts]:
    """:func:`~factcheck.reconcile.relations.facts` of the claims at ``which``, read from the columns."""
    idx = sorted(which)
    f = cols.facts
    rows = zip(idx, f.low[idx].tolist(), f.high[idx].tolist(), f.central[idx].tolist(), f.factual[idx].tolist(),
               f.unit[idx].tolist(), f.start[idx].tolist(), f.end[idx].tolist(), f.origin[idx].tolist(),
               f.doubt[idx].tolist())
    return {
        i: Facts(low, high, central, window(claims[i].time, claims[i].published), factual, cols.units[unit], start, end,
                 cols.origins[origin], claims[i].article_id, doubt)
        for i, low, high, central, factual, unit, start, end, origin, doubt in rows
    }


_VERDICTS: dict[int, Verdict] = {3: "conflict", 2: "evolving", 1: "agree", 0: "not_comparable"}


def group_periods(
    claims: Sequence[Claim], cols: Columns | None, settings: Settings, cumulative: bool
) -> tuple[Estimate, ...]:
    """One estimate per period, oldest first; the last is the group's estimate.

    Periods are cut from the latest figure backwards: the latest dated asserted figure and
    every such figure dated within ``same_period_days`` of it form a period; the rest is cut
    the same way. For a cumulative measure each period carries the highest lower bound of
    the periods before it (rule: ``factcheck.reconcile.estimate``).

    Args:
        claims: the group's claims in canonical order.
        cols: their columns (read here when None).
        settings: ``same_period_days`` cuts the periods.
        cumulative: whether the measure is a running total.
    """
    if cols is None:
        cols = read_columns(claims)
    f = cols.facts
    factual = np.flatnonzero(f.factual)
    if not len(factual):
        return ()
    dated = factual[f.has_window[factual]]
    if not len(dated):
        note = "no figure has a date: all asserted figures form one period"
        return _estimates(claims, cols, factual, [0], None, [note], False)
    days = settings.same_period_days
    # by end date: a period's members are a suffix (a figure ending no earlier than
    # ``days`` before the anchor starts is within ``days`` of it)
    order = dated[np.lexsort((-dated, f.start[dated], f.end[dated]))]
    ends = f.end[order]
    starts = f.start[order].tolist()
    firsts: list[int] = []
    top = len(order)
    while top > 0:
        top = int(np.searchsorted(ends[:top], starts[top - 1] - days, side="left"))
        firsts.append(top)
    firsts.reverse()
    anchors = [int(order[k - 1]) for k in firsts[1:] + [len(order)]]
    labels = [window(claims[i].time, claims[i].published).label for i in anchors]  # type: ignore[union-attr]
    notes = [f"figures dated within {days} days of the latest ({label})" for label in labels]
    return _estimates(claims, cols, order, firsts, anchors, notes, cumulative)


def _estimates(
    claims: Sequence[Claim],
    cols: Columns,
    order: np.ndarray,
    firsts: list[int],
    anchors: list[int] | None,
    notes: list[str],
    cumulative: bool,
) -> tuple[Estimate, ...]:
    """The estimates of consecutive periods: ``order[firsts[p]:firsts[p + 1]]`` is period ``p``.

    :func:`~factcheck.reconcile.estimate.estimate_figures` for every period at once:
    per-period maxima and minima are ``reduceat`` over the contiguous runs of ``order``;
    ``anchors`` are the periods' latest figures (None: one undated period).
    """
    f = cols.facts
    idx = np.array(firsts, dtype=np.int64)
    sizes = np.diff(np.append(idx, len(order)))
    low_o, high_o = f.low[order], f.high[order]
    low_max = np.maximum.reduceat(low_o, idx)
    high_min = np.minimum.reduceat(high_o, idx)
    # contradictory figures (low > high): the envelope instead
    broken = low_max > high_min
    low = np.where(broken, np.minimum.reduceat(low_o, idx), low_max)
    high = np.where(broken, np.maximum.reduceat(high_o, idx), high_min)
    carried = np.full(len(idx), np.nan)
    if cumulative and len(idx) > 1:  # the highest lower bound of the periods before (never shrinks)
        carried[1:] = np.maximum.accumulate(low_max)[:-1]
    carry = ~broken & (low < carried) & (carried <= high)
    low = np.where(carry, carried, low)
    # best: the smallest figure as given inside [low, high]; else the smallest clamped; else low
    given = cols.given[order]
    points = np.where(given, f.central[order], np.inf)
    inside = given & (points >= np.repeat(low, sizes)) & (points <= np.repeat(high, sizes))
    best_inside = np.minimum.reduceat(np.where(inside, points, np.inf), idx)
    smallest = np.minimum.reduceat(points, idx)
    best = np.where(
        np.add.reduceat(inside, idx) > 0,
        best_inside,
        np.where(np.add.reduceat(given, idx) > 0, np.minimum(np.maximum(smallest, low), high), low),
    )
    # distinct sources per period: count changes in (period, source) order
    period_of = np.repeat(np.arange(len(idx)), sizes)
    src = cols.source[order]
    by = np.lexsort((src, period_of))
    new = np.ones(len(order), dtype=bool)
    new[1:] = (src[by][1:] != src[by][:-1]) | (period_of[by][1:] != period_of[by][:-1])
    n_sources = np.add.reduceat(new, idx)  # ``by`` keeps periods contiguous at the same offsets
    members = np.sort(order + period_of * len(claims)) - period_of * len(claims)  # sorted within each period
    first_day = np.minimum.reduceat(f.start[order], idx)
    last_day = np.maximum.reduceat(f.end[order], idx)
    out = []
    bounds = [*firsts, len(order)]
    rows = zip(low.tolist(), best.tolist(), high.tolist(), (~broken).tolist(), carried.tolist(), low_max.tolist(),
               n_sources.tolist(), first_day.tolist(), last_day.tolist())
    for p, (lo, be, hi, consistent, car, lmax, n_src, day0, day1) in enumerate(rows):
        note = notes[p]
        if consistent and car == car and lo == car and car > lmax:  # ``car == car``: not NaN
            note += "; low carried from an earlier figure (a running total never shrinks)"
        if not consistent:
            note += "; the period's figures contradict each other: envelope given"
        as_of = start = end = None
        if anchors is not None:
            last = claims[anchors[p]]
            as_of = last.time.as_of_text() or dt.date.fromordinal(int(f.end[anchors[p]])).isoformat()
            start = dt.date.fromordinal(day0).isoformat()
            end = dt.date.fromordinal(day1).isoformat()
        out.append(Estimate(
            low=lo,
            best=be,
            high=None if hi == math.inf else hi,
            as_of=as_of,
            period_start=start,
            period_end=end,
            # a period holds only asserted/estimated figures: their distinct sources
            independent_sources=n_src,
            claims=tuple(members[bounds[p]:bounds[p + 1]].tolist()),
            consistent=consistent,
            note=note,
        ))
    return tuple(out)


def build_groups(
    claims: Iterable[Claim],
    *,
    settings: Settings,
    cumulative: Callable[[str], bool],
    max_relations: int = MAX_RELATIONS,
    full_limit: int = FULL_PAIRS_LIMIT,
    on_read: Callable[[Columns], object] | None = None,
) -> list[Group]:
    """Sort ``claims`` canonically, split them by key and judge every group (sorted by key).

    ``on_read`` is shown the claims' columns once read (in input order), e.g. to count
    claims per article without another pass over the claims.
    """
    claims = claims if isinstance(claims, list) else list(claims)
    n = len(claims)
    if not n:
        return []
    cols = read_columns(claims)
    if on_read is not None:
        on_read(cols)
    if cols.share.any():  # a proportion ("more than half") counts nothing: never compared
        claims = [c for c, share in zip(claims, cols.share.tolist()) if not share]
        n = len(claims)
        if not n:
            return []
        cols = read_columns(claims)  # only where proportions were given: rare
    perm = canonical_order(claims, cols)
    cols = cols.take(perm)
    # a total whose article gives the same figure as a batch or part is doubtful (factcheck.reconcile.doubt)
    total_role = cols.roles.index("total") if "total" in cols.roles else -1
    echoes = part_echoes(cols.subject, cols.measure, cols.role, total_role, cols.facts.article, cols.facts.central)
    if echoes.any():
        cols = cols._replace(facts=cols.facts._replace(doubt=echoes))
    ordered = np.fromiter(claims, dtype=object, count=n)[perm]
    del perm
    key_changes = (cols.subject[1:] != cols.subject[:-1]) | (cols.measure[1:] != cols.measure[:-1])
    key_changes |= cols.role[1:] != cols.role[:-1]
    bounds = [0, *(np.flatnonzero(key_changes) + 1).tolist(), n]
    groups = []
    for a, b in zip(bounds[:-1], bounds[1:]):
        groups.append(
            build_group(
                ordered[a:b].tolist(),
                settings=settings,
                cumulative=cumulative(cols.measures[int(cols.measure[a])]),
                max_relations=max_relations,
                full_limit=full_limit,
                cols=cols.part(a, b),
            )
        )
    return groups
