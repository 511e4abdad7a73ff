"""Grouping claims by key, in a canonical order, and judging each group.

Claims are sorted canonically before anything else — by key, time window, article id,
offsets, then the rest of the claim — so a report never depends on input order.

>>> canonical([]) == []
True
"""

from __future__ import annotations

import bisect
import datetime as dt
import operator
from collections.abc import Callable, Iterable, Sequence
from itertools import groupby

import numpy as np

from factcheck.models import Claim
from factcheck.reconcile.estimate import estimate_figures
from factcheck.reconcile.pairs import FULL_PAIRS_LIMIT, pair_arrays
from factcheck.reconcile.relations import _FACTUAL, Facts, describe, explain, facts
from factcheck.reconcile.report import Estimate, Group, Verdict
from factcheck.reconcile.timing import window
from factcheck.reconcile.vector import RULE_SEVERITY, FactArrays, classify_pairs, outcome
from factcheck.settings import Settings
from factcheck.values import Interval

#: Relations stored per group (the verdict still uses every pair compared): worst first.
MAX_RELATIONS = 50

_NO_DATE = (dt.date.max.toordinal(), dt.date.max.toordinal())


def _sort_key(c: Claim, f: Facts) -> tuple:
    """Everything that tells two claims apart, cheap fields first."""
    when = _NO_DATE if f.window is None else (f.start, f.end)
    return (
        (c.subject, c.measure, c.role),  # str enums: compare as their values, no .value lookups
        when,
        c.article_id,
        c.evidence.start,
        c.evidence.end,
        c.unit,
        f.low,
        f.high,
        c.value.kind,
        c.modality,
        c.attribution.source,
        c.attribution.chain,
        c.subset or "",
        c.publisher or "",
        c.evidence.text,
    )


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
    return [row[5] for row in _canonical_facts(claims)]


def _canonical_facts(claims: Iterable[Claim]) -> list[tuple]:
    """Claims with their facts (computed once) in canonical order.

    Each row is ``(group key, dates, article id, start, end, claim, facts)``: the rows
    the sort used, handed on as they are rather than copied into new pairs.

    Sorted first on a short prefix of :func:`_sort_key` (key, dates, article, offsets),
    which almost always decides; only runs equal on it are sorted on the full key — the
    same order as sorting everything on the full key, for a fraction of the tuples.
    """
    keyed = []
    append = keyed.append
    windows: dict[tuple[int, dt.date | None], object] = {}  # shared time scopes: one window each
    factual = _FACTUAL
    no_date = _NO_DATE
    for c in claims:  # :func:`facts` inlined: this loop runs once per claim of the archive
        v = c.value
        low, high = v.interval()
        point = v.point
        t = c.time
        wkey = (id(t), c.published)  # ``t`` stays alive in ``keyed``, so its id is not reused
        w = windows.get(wkey, _UNSEEN)
        if w is _UNSEEN:
            w = windows[wkey] = window(t, c.published)
        if w is None:
            f = Facts(low, high, low if point is None else point, None, c.modality in factual, c.unit, 0, 0)
            when = no_date
        else:
            s, e = w.start.toordinal(), w.end.toordinal()
            f = Facts(low, high, low if point is None else point, w, c.modality in factual, c.unit, s, e)
            when = (s, e)
        ev = c.evidence
        append(((c.subject, c.measure, c.role), when, c.article_id, ev.start, ev.end, c, f))
    keyed.sort(key=_PREFIX)
    i, n = 0, len(keyed)
    while i < n - 1:
        if _PREFIX(keyed[i]) != _PREFIX(keyed[i + 1]):
            i += 1
            continue
        head = _PREFIX(keyed[i])
        j = i + 2
        while j < n and _PREFIX(keyed[j]) == head:
            j += 1
        # rare: equal on the prefix — the full key, then the JSON
        run = sorted(((_sort_key(t[5], t[6]), t[5], t[6]) for t in keyed[i:j]), key=lambda t: t[0])
        keyed[i:j] = [(*head, c, f) for c, f in _by_json_on_ties(run)]
        i = j
    return keyed


_PREFIX = operator.itemgetter(0, 1, 2, 3, 4)
_UNSEEN: object = object()


def _by_json_on_ties(keyed: list[tuple[tuple, Claim, Facts]]) -> list[tuple[Claim, Facts]]:
    """``keyed`` (sorted on the full key) with claims equal on every field ordered by their JSON."""
    i, n = 0, len(keyed)
    while i < n - 1:  # rare: claims equal on every cheap field are ordered by their JSON
        if keyed[i][0] != keyed[i + 1][0]:
            i += 1
            continue
        j = i + 1
        while j < n and keyed[j][0] == keyed[i][0]:
            j += 1
        keyed[i:j] = sorted(keyed[i:j], key=lambda t: t[1].model_dump_json())
        i = j
    return [(c, f) for _, c, f in keyed]


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
    fs: Sequence[Facts] | None = None,
) -> Group:
    """Judge one group: relations, verdict, sources and estimate.

    Args:
        claims: the group's claims, already in canonical order, all with one key.
        settings: windows for "same period" and undated claims.
        cumulative: whether the measure is a running total.
        max_relations: relations stored (worst first); the verdict uses all compared.
        full_limit: groups up to this size compare every pair (see ``pairs``).
        fs: the claims' facts, when already computed.
    """
    subject, measure, role = claims[0].subject, claims[0].measure, claims[0].role.value
    if fs is None:
        fs = [facts(c) for c in claims]
    first, second = pair_arrays(fs, settings, cumulative, full_limit=full_limit)
    compared = len(first)
    codes, earlier, assumed = classify_pairs(FactArrays.of(fs), first, second, settings, cumulative)
    sev = RULE_SEVERITY[codes]
    worst = int(sev.max()) if compared else -1
    # the worst ``max_relations`` (then by index), shown in index order; pairs come sorted
    picked = np.arange(compared)
    if compared > max_relations:
        picked = np.sort(np.lexsort((second, first, -sev.astype(np.int64)))[:max_relations])
    kept = [
        (i, j, outcome(code, ef, a))
        for i, j, code, ef, a in zip(
            first[picked].tolist(), second[picked].tolist(), codes[picked].tolist(),
            earlier[picked].tolist(), assumed[picked].tolist(),
        )
    ]
    names: dict[int, str] = {}  # each claim described once, however many relations name it

    def name(i: int) -> str:
        if i not in names:
            names[i] = describe(claims[i], fs[i])
        return names[i]

    # plain dicts, validated in one pass by Group (pydantic-core): far cheaper than one
    # Python-level model call per relation in large groups
    relations = [
        {
            "a": i,
            "b": j,
            "relation": out.kind,
            "reason": explain(claims[i], claims[j], fs[i], fs[j], out, settings, names=(name(i), name(j))),
        }
        for i, j, out in kept
    ]
    verdict: Verdict = "single" if len(claims) == 1 else _VERDICTS[worst]
    periods = group_periods(claims, fs, settings, cumulative)
    sources = independent_sources(claims)
    return Group(
        subject=subject,
        measure=measure,
        role=role,
        cumulative=cumulative,
        verdict=verdict,
        estimate=periods[-1] if periods else Estimate(note="no asserted or estimated figure"),
        periods=periods,
        independent_sources=len(sources),
        sources=sources,
        claims=tuple(claims),
        relations=relations,  # type: ignore[arg-type]
        compared=compared,
        omitted=compared - len(kept),
    )


_VERDICTS: dict[int, Verdict] = {3: "conflict", 2: "evolving", 1: "agree", 0: "not_comparable"}


def group_periods(
    claims: Sequence[Claim], fs: Sequence[Facts], settings: Settings, cumulative: bool
) -> tuple[Estimate, ...]:
    """One estimate per period, oldest first; the last is the group's estimate.

    Periods are cut from the latest figure backwards: the latest dated asserted figure and
    every such figure dated within ``same_period_days`` of it form a period; the rest is cut
    the same way. For a cumulative measure each period carries the highest lower bound of
    the periods before it (rule: ``factcheck.reconcile.estimate``).
    """
    factual = [i for i, f in enumerate(fs) if f.factual]
    if not factual:
        return ()
    dated = [i for i in factual if fs[i].window is not None]
    if not dated:
        return (_estimate(claims, fs, factual, None, None, "no figure has a date: all asserted figures form one period"),)
    days = settings.same_period_days
    # by end date: a period's members are a suffix (a figure ending no earlier than
    # ``days`` before the anchor starts is within ``days`` of it)
    order = sorted(dated, key=lambda i: (fs[i].end, fs[i].start, -i))
    ends = [fs[i].end for i in order]
    cuts: list[tuple[int, list[int]]] = []
    top = len(order)
    while top > 0:
        anchor = order[top - 1]
        first = bisect.bisect_left(ends, fs[anchor].start - days, 0, top)
        cuts.append((anchor, sorted(order[first:top])))
        top = first
    cuts.reverse()
    out: list[Estimate] = []
    carried: float | None = None
    for anchor, members in cuts:
        label = fs[anchor].window.label  # type: ignore[union-attr]
        note = f"figures dated within {days} days of the latest ({label})"
        out.append(_estimate(claims, fs, members, anchor, carried if cumulative else None, note))
        here = max(fs[i].low for i in members)
        carried = here if carried is None else max(carried, here)
    return tuple(out)


def _estimate(
    claims: Sequence[Claim],
    fs: Sequence[Facts],
    period: list[int],
    anchor: int | None,
    carried: float | None,
    note: str,
) -> Estimate:
    """The estimate of one period (``anchor``: its latest figure; None when undated)."""
    # the facts hold each value's interval already
    fig = estimate_figures([(Interval(fs[i].low, fs[i].high), claims[i].value.point) for i in period], carried_low=carried)
    if carried is not None and fig.consistent and fig.low == carried and carried > max(fs[i].low for i in period):
        note += "; low carried from an earlier figure (a running total never shrinks)"
    if not fig.consistent:
        note += "; the period's figures contradict each other: envelope given"
    as_of = start = end = None
    if anchor is not None:
        w = fs[anchor].window
        assert w is not None
        as_of = claims[anchor].time.as_of_text() or w.end.isoformat()
        start = min(fs[i].window.start for i in period).isoformat()  # type: ignore[union-attr]
        end = max(fs[i].window.end for i in period).isoformat()  # type: ignore[union-attr]
    return Estimate(
        low=fig.low,
        best=fig.best,
        high=fig.high,
        as_of=as_of,
        period_start=start,
        period_end=end,
        # a period holds only asserted/estimated figures: their distinct sources
        independent_sources=len({claims[i].attribution.source for i in period}),
        claims=tuple(period),
        consistent=fig.consistent,
        note=note,
    )


def build_groups(
    claims: Iterable[Claim],
    *,
    settings: Settings,
    cumulative: Callable[[str], bool],
    max_relations: int = MAX_RELATIONS,
    full_limit: int = FULL_PAIRS_LIMIT,
) -> list[Group]:
    """Sort ``claims`` canonically, split them by key and judge every group (sorted by key)."""
    ordered = _canonical_facts(claims)
    groups = []
    for key, run in groupby(ordered, key=_GROUP_KEY):  # rows start with (subject, measure, role)
        rows = list(run)
        groups.append(
            build_group(
                [row[5] for row in rows],
                settings=settings,
                cumulative=cumulative(key[1]),
                max_relations=max_relations,
                full_limit=full_limit,
                fs=[row[6] for row in rows],
            )
        )
    return groups


_GROUP_KEY = operator.itemgetter(0)
