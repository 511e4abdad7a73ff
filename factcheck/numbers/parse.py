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

from factcheck.numbers.patterns import Patterns, patterns_for  # noqa: F401  (doctest)
from factcheck.numbers.schema import NumbersData  # noqa: F401  (doctest)
from factcheck.values import Approx, AtLeast, AtMost, Between, Exact, Value

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


def to_value(v: float, meaning: str | None, tolerance: float) -> Value:
    """The Value of figure ``v`` hedged by a qualifier ``meaning`` (None: exact)."""
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
    return Between(low=lo, high=hi)
