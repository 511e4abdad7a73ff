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

from factcheck.reconcile.relations import SEVERITY, Facts, Outcome
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
)

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
    """A group's :class:`Facts` as columns (``has_window`` False: no date at all)."""

    low: np.ndarray
    high: np.ndarray
    central: np.ndarray
    start: np.ndarray
    end: np.ndarray
    factual: np.ndarray
    has_window: np.ndarray
    assumed: np.ndarray
    unit: np.ndarray

    @classmethod
    def of(cls, fs: Sequence[Facts]) -> FactArrays:
        """Columns of ``fs`` (one pass over the tuples)."""
        n = len(fs)
        nums = np.array([(f.low, f.high, f.central) for f in fs], dtype=np.float64).reshape(n, 3)
        days = np.array([(f.start, f.end) for f in fs], dtype=np.int64).reshape(n, 2)
        units: dict[str, int] = {}
        flags = np.array(
            [
                (f.factual, f.window is not None, f.window is not None and f.window.assumed, units.setdefault(f.unit, len(units)))
                for f in fs
            ],
            dtype=np.int64,
        ).reshape(n, 4)
        return cls(
            nums[:, 0], nums[:, 1], nums[:, 2], days[:, 0], days[:, 1],
            flags[:, 0].astype(bool), flags[:, 1].astype(bool), flags[:, 2].astype(bool), flags[:, 3],
        )


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
    decide(~(c.has_window[i] & c.has_window[j]), 2)
    gap = np.maximum(0, np.maximum(sj - ei, si - ej))
    assumed = (c.assumed[i] | c.assumed[j]) & open_
    decide(assumed & (gap > settings.undated_window_days), 3)
    same = assumed | (gap <= settings.same_period_days)
    overlap = (c.low[i] <= c.high[j]) & (c.low[j] <= c.high[i])
    decide(same & overlap, 4)
    decide(same, 5)
    if not cumulative:
        decide(open_, 6)
    else:
        late_high = np.where(first_earlier, c.high[j], c.high[i])
        early_low = np.where(first_earlier, c.low[i], c.low[j])
        late_c = np.where(first_earlier, c.central[j], c.central[i])
        early_c = np.where(first_earlier, c.central[i], c.central[j])
        decide(late_high < early_low, 7)
        decide(late_c > early_c, 8)
        decide(open_, 9)
    ordered = code >= 6
    return code, np.where(ordered, first_earlier, True), assumed & (code <= 5)


def outcome(code: int, earlier_first: bool, assumed: bool) -> Outcome:
    """The :class:`Outcome` of one pair from :func:`classify_pairs`' columns."""
    kind, rule = RULES[code]
    return Outcome(kind, rule, earlier_first, assumed)  # type: ignore[arg-type]
