"""Value arithmetic: digit strings to numbers, qualifiers to :data:`Value` variants.

>>> p = patterns_for(NumbersData(digits=("0123456789", "०१२३४५६७८९"), grouping=("indian",)))
>>> digits_value("१,५०,०००", p)
150000.0
>>> digits_value("1५", p) is None   # one numeral never mixes scripts
True
>>> to_value(15000.0, "approx", 0.1)
Approx(kind='approx', value=15000.0, tolerance=0.1)
"""

from __future__ import annotations

import math
from typing import Any, TypeVar

from pydantic import BaseModel

from factcheck.numbers.patterns import Patterns, patterns_for  # noqa: F401  (doctest)
from factcheck.numbers.schema import NumbersData  # noqa: F401  (doctest)
from factcheck.values import (
    Approx,
    AtLeast,
    AtMost,
    Between,
    Exact,
    SharedFieldsSet,
    Value,
    shared_fields_set,
)

#: Figures above this are not counts anyone writes; they are typos, IDs or attacks
#: ("10^400"), so no value is invented for them.
MAX_VALUE = 1e15


def digits_value(s: str, p: Patterns) -> float | None:
    """The number written by a digit string, or None (mixed scripts, too large).

    Group separators are dropped; a decimal separator becomes the decimal point.
    """
    digit_chars = [c for c in s if c in p.digit_map]
    if not any(all(c in ds for c in digit_chars) for ds in p.digit_sets):
        return None
    out = []
    for c in s:
        if c in p.digit_map:
            out.append(p.digit_map[c])
        elif c in p.decimal_seps and not (c in p.group_seps and _is_group(s, c)):
            out.append(".")
        # group separators (and whitespace groups) are dropped
    try:
        v = float("".join(out))
    except ValueError:
        return None
    if not math.isfinite(v) or v > MAX_VALUE:
        return None
    return v


def _is_group(s: str, sep: str) -> bool:
    """A character that is both a group and a decimal separator: group when every
    segment after it has exactly three digits (Russian "11 000" vs "4,7")."""
    parts = s.split(sep)
    return len(parts) > 1 and all(len(x) == 3 for x in parts[1:])


def is_grouped(s: str, p: Patterns) -> bool:
    """True when the digits are written with a group separator (2,024 or 2 024)."""
    return any(c in p.group_seps and _is_group(s, c) for c in set(s) if c not in p.digit_map)


def is_decimal(s: str, p: Patterns) -> bool:
    return any(c in p.decimal_seps and not (c in p.group_seps and _is_group(s, c)) for c in s)


_SET = object.__setattr__
M = TypeVar("M", bound=BaseModel)


def trusted(cls: type[M], given: SharedFieldsSet, fields: dict[str, Any]) -> M:
    """An instance of the frozen model ``cls`` holding ``fields``, already valid, as is.

    What ``cls.model_construct(**given_fields)`` builds — the same ``__dict__`` (every
    field, in declaration order, defaults included) and fields set ``given`` (shared, as
    :func:`factcheck.values.share_fields_set` makes it) — without its per-field Python
    loop: the finder builds thousands of values and mentions per text.

    >>> trusted(Exact, _GIVEN_VALUE, {"kind": "exact", "value": 5.0}) == Exact(value=5)
    True
    """
    m = cls.__new__(cls)
    _SET(m, "__dict__", fields)
    _SET(m, "__pydantic_fields_set__", given)
    _SET(m, "__pydantic_extra__", None)
    _SET(m, "__pydantic_private__", None)
    return m


# The fields a validated value was given (``Exact(value=v)`` leaves ``kind`` to its default).
_GIVEN_VALUE = shared_fields_set({"value"})
_GIVEN_APPROX = shared_fields_set({"value", "tolerance"})
_GIVEN_BOUND = shared_fields_set({"value", "strict"})
_GIVEN_RANGE = shared_fields_set({"low", "high"})


def exact(v: float) -> Exact:
    """``Exact(value=v)``, built without re-validation when ``v`` is already valid.

    A valid figure (finite, >= 0) is stored as the float pydantic would store; anything
    else goes through validation (and raises exactly as before).

    >>> exact(5) == Exact(value=5), type(exact(5).value)
    (True, <class 'float'>)
    """
    hit = _EXACT.get(v)
    if hit is not None:
        return hit
    if 0.0 < v < math.inf:  # not 0: 0.0 == -0.0 would share one key
        if len(_EXACT) >= 65536:  # bounded: any text may come
            _EXACT.clear()
        hit = _EXACT[v] = trusted(Exact, _GIVEN_VALUE, {"kind": "exact", "value": float(v)})
        return hit
    if v == 0.0:
        return trusted(Exact, _GIVEN_VALUE, {"kind": "exact", "value": float(v)})
    return Exact(value=v)


# Values are frozen: the same figure ("10", "2025") is one shared Exact, not one per mention.
_EXACT: dict[float, Exact] = {}


def to_value(v: float, meaning: str | None, tolerance: float) -> Value:
    """The Value of figure ``v`` hedged by a qualifier ``meaning`` (None: exact).

    >>> to_value(10, "more_than", 0.1) == AtLeast(value=10, strict=True)
    True
    """
    if meaning is None:
        return exact(v)
    if not 0.0 <= v < math.inf or not 0.0 <= tolerance <= 1.0:
        return _to_value_validated(v, meaning, tolerance)  # raises as the models do
    v = float(v)
    if meaning == "approx":
        return trusted(Approx, _GIVEN_APPROX, {"kind": "approx", "value": v, "tolerance": float(tolerance)})
    if meaning in ("at_least", "more_than"):
        return trusted(AtLeast, _GIVEN_BOUND, {"kind": "at_least", "value": v, "strict": meaning == "more_than"})
    if meaning in ("at_most", "less_than"):
        return trusted(AtMost, _GIVEN_BOUND, {"kind": "at_most", "value": v, "strict": meaning == "less_than"})
    return exact(v)


def _to_value_validated(v: float, meaning: str | None, tolerance: float) -> Value:
    if meaning == "approx":
        return Approx(value=v, tolerance=tolerance)
    if meaning in ("at_least", "more_than"):
        return AtLeast(value=v, strict=meaning == "more_than")
    if meaning in ("at_most", "less_than"):
        return AtMost(value=v, strict=meaning == "less_than")
    return Exact(value=v)


def range_value(lo: float, hi: float) -> Between | None:
    """``Between(lo, hi)`` or None when the ends are reversed (then it is no range)."""
    if lo > hi:
        return None
    if 0.0 <= lo <= hi < math.inf:
        return trusted(Between, _GIVEN_RANGE, {"kind": "between", "low": float(lo), "high": float(hi)})
    return Between(low=lo, high=hi)
