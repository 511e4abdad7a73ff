"""The relation rules over many pairs at once, on numpy arrays.

:func:`classify_pairs` decides exactly what :func:`~factcheck.reconcile.relations.classify`
decides for each pair, but as arrays of rule codes, so a large group builds an
:class:`~factcheck.reconcile.relations.Outcome` only for the relations it keeps.

>>> from factcheck.reconcile.relations import Facts
>>> import numpy as np
>>> f = Facts(1.0, 1.0, 1.0, None, True, "soldier", 0, 0)
>>> cols = FactArrays.of([f, f])
>>> classify_pairs(cols, np.array([0]), np.array([1]), None, False)[0].tolist()
[2]
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import NamedTuple

import numpy as np

from factcheck.reconcile.relations import LONG_WINDOW_DAYS, SEVERITY, Facts, Outcome
from factcheck.settings import Settings

#: Rule codes, in the order the rules are tried: (relation, rule). Codes 6… record which claim is earlier.
RULES: tuple[tuple[str, str], ...] = (
    ("not_comparable", "units"),  # 0
    ("not_comparable", "modality"),  # 1
    ("not_comparable", "no_date"),  # 2
    ("not_comparable", "undated_far"),  # 3
    ("agree", "same_overlap"),  # 4
    ("conflict", "same_disjoint"),  # 5
    ("not_comparable", "periods"),  # 6
    ("conflict", "shrank"),  # 7
    ("evolving", "grew"),  # 8
    ("agree", "steady"),  # 9
    ("not_comparable", "same_article"),  # 10
    ("not_comparable", "magnitude"),  # 11
    ("not_comparable", "stale"),  # 12
    ("not_comparable", "part"),  # 13: batches, parts, plans — never compared as totals
    ("not_comparable", "doubtful"),  # 14: a total reading its own article casts doubt on (probably a part)
)

#: The code a conflict becomes in a group of increments or subsets (:func:`parts_only`).
PART_CODE = 13

#: The code of a pair with a doubtful total (``FactArrays.doubt``): decided right after modality.
DOUBT_CODE = 14


def parts_only(codes: np.ndarray) -> np.ndarray:
    """Rule codes for a group of increments or subsets: two batches or two parts are different
    things, so what would be a conflict between totals is ``not_comparable`` (``part``).

    >>> parts_only(np.array([5, 4, 7], dtype=np.int8)).tolist()
    [13, 4, 13]
    """
    return np.where((codes == 5) | (codes == 7), np.int8(PART_CODE), codes).astype(np.int8)

#: Codes whose outcome records which claim is earlier.
_ORDERED = np.array([6, 7, 8, 9, 12])
#: Codes whose outcome records that a date was taken from the article.
_MAY_ASSUME = np.array([3, 4, 5, 10, 11])

#: Severity of each rule code.
RULE_SEVERITY = np.array([SEVERITY[kind] for kind, _ in RULES], dtype=np.int8)

def distinct(a: np.ndarray) -> np.ndarray:
    """The distinct items of ``a``, sorted (``np.unique`` without its overheads).

    numpy 2.4's ``np.unique`` took 20x a plain sort on millions of pair codes here.

    >>> distinct(np.array([3, 1, 3, 2])).tolist()
    [1, 2, 3]
    """
    a = np.sort(a)
    if len(a) < 2:
        return a
    keep = np.empty(len(a), dtype=bool)
    keep[0] = True
    np.not_equal(a[1:], a[:-1], out=keep[1:])
    return a[keep]


class FactArrays(NamedTuple):
    """A group's :class:`Facts` as columns (``has_window`` False: no date at all).

    ``origin`` and ``article`` are codes (equal codes: the same originator / article; an
    article code of -1 is never the same article). ``doubt``: the claim's reading as a total
    is doubtful (:func:`factcheck.reconcile.doubt.doubtful_totals`), so it is compared with nothing.
    """

    low: np.ndarray
    high: np.ndarray
    central: np.ndarray
    start: np.ndarray
    end: np.ndarray
    factual: np.ndarray
    has_window: np.ndarray
    assumed: np.ndarray
    unit: np.ndarray
    origin: np.ndarray
    article: np.ndarray
    doubt: np.ndarray

    @classmethod
    def of(cls, fs: Sequence[Facts]) -> FactArrays:
        """Columns of ``fs`` (one pass over the tuples)."""
        n = len(fs)
        nums = np.array([(f.low, f.high, f.central) for f in fs], dtype=np.float64).reshape(n, 3)
        days = np.array([(f.start, f.end) for f in fs], dtype=np.int64).reshape(n, 2)
        units: dict[str, int] = {}
        origins: dict[str, int] = {}
        articles: dict[str, int] = {"": -1}
        flags = np.array(
            [
                (f.factual, f.window is not None, f.window is not None and f.window.assumed, units.setdefault(f.unit, len(units)),
                 origins.setdefault(f.origin, len(origins)), articles.setdefault(f.article, len(articles) - 1), f.doubt)
                for f in fs
            ],
            dtype=np.int64,
        ).reshape(n, 7)
        return cls(
            nums[:, 0], nums[:, 1], nums[:, 2], days[:, 0], days[:, 1],
            flags[:, 0].astype(bool), flags[:, 1].astype(bool), flags[:, 2].astype(bool), flags[:, 3],
            flags[:, 4], flags[:, 5], flags[:, 6].astype(bool),
        )


def as_running_totals(c: FactArrays, long_window_days: int = LONG_WINDOW_DAYS) -> FactArrays:
    """:func:`~factcheck.reconcile.relations.as_running_total` on columns: long windows become their last day."""
    long = (c.end - c.start) > long_window_days
    return c._replace(start=np.where(long, c.end, c.start)) if long.any() else c


def classify_pairs(
    c: FactArrays, i: np.ndarray, j: np.ndarray, settings: Settings | None, cumulative: bool
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Rule codes (into :data:`RULES`), ``earlier_first`` and ``assumed`` for pairs ``(i[k], j[k])``.

    The rules are tried in :func:`~factcheck.reconcile.relations.classify`'s order: the
    first that applies decides, so each step only fills pairs still undecided.
    """
    settings = settings or Settings()
    m = len(i)
    code = np.full(m, -1, dtype=np.int8)
    si, sj, ei, ej = c.start[i], c.start[j], c.end[i], c.end[j]
    first_earlier = (si < sj) | ((si == sj) & (ei <= ej))
    open_ = np.ones(m, dtype=bool)

    def decide(mask: np.ndarray, rule: int) -> None:
        nonlocal open_
        hit = open_ & mask
        code[hit] = rule
        open_ = open_ & ~hit

    decide(c.unit[i] != c.unit[j], 0)
    decide(~(c.factual[i] & c.factual[j]), 1)
    decide(c.doubt[i] | c.doubt[j], DOUBT_CODE)
    decide(~(c.has_window[i] & c.has_window[j]), 2)
    gap = np.maximum(0, np.maximum(sj - ei, si - ej))
    assumed = (c.assumed[i] | c.assumed[j]) & open_
    decide(assumed & (gap > settings.undated_window_days), 3)
    same = assumed | (gap <= settings.same_period_days)
    overlap = (c.low[i] <= c.high[j]) & (c.low[j] <= c.high[i])
    decide(same & overlap, 4)
    one = c.origin[i] == c.origin[j]
    decide(same & one & (c.article[i] == c.article[j]) & (c.article[i] >= 0), 10)
    li, lj, hi, hj = c.low[i], c.low[j], c.high[i], c.high[j]
    ratio = settings.magnitude_ratio
    apart = np.where(hi < lj, lj >= ratio * hi, li >= ratio * hj)
    decide(same & apart, 11)
    # the later and the earlier of each pair
    late_high = np.where(first_earlier, hj, hi)
    early_low = np.where(first_earlier, li, lj)
    late_c = np.where(first_earlier, c.central[j], c.central[i])
    early_c = np.where(first_earlier, c.central[i], c.central[j])
    shrank = late_high < early_low
    if cumulative:
        later = np.where(first_earlier, sj > ei, si > ej)
        lag = np.where(first_earlier, ej - ei, ei - ej)  # from the earlier window's end to the later's
        decide(same & later & (late_c > early_c) & (one | (lag > settings.disagree_days)), 8)
        decide(same & later & one & shrank, 7)
    decide(same, 5)
    if not cumulative:
        decide(open_, 6)
    else:
        decide(shrank & ~one, 12)
        decide(shrank & apart, 11)
        decide(shrank, 7)
        decide(late_c > early_c, 8)
        decide(open_, 9)
    ordered = np.isin(code, _ORDERED)
    return code, np.where(ordered, first_earlier, True), assumed & np.isin(code, _MAY_ASSUME)


def outcome(code: int, earlier_first: bool, assumed: bool) -> Outcome:
    """The :class:`Outcome` of one pair from :func:`classify_pairs`' columns."""
    kind, rule = RULES[code]
    return Outcome(kind, rule, earlier_first, assumed)  # type: ignore[arg-type]
