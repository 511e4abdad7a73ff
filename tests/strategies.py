"""Hypothesis strategies shared by the property tests (one place, per STYLE.md)."""

from __future__ import annotations

from hypothesis import strategies as st

from factcheck.values import Approx, AtLeast, AtMost, Between, Exact, Vague

counts = st.integers(min_value=0, max_value=10**12)
small_counts = st.integers(min_value=1, max_value=10**7)


@st.composite
def values(draw: st.DrawFn):
    """Any Value variant with sensible fields."""
    v = draw(small_counts)
    kind = draw(st.sampled_from(["exact", "approx", "at_least", "at_most", "between", "vague"]))
    if kind == "exact":
        return Exact(value=v)
    if kind == "approx":
        return Approx(value=v, tolerance=draw(st.sampled_from([0.05, 0.1, 0.2])))
    if kind == "at_least":
        return AtLeast(value=v, strict=draw(st.booleans()))
    if kind == "at_most":
        return AtMost(value=v, strict=draw(st.booleans()))
    if kind == "between":
        hi = draw(st.integers(min_value=v, max_value=v * 3))
        return Between(low=v, high=hi)
    return Vague(low=v, high=draw(st.one_of(st.none(), st.just(v * 10))), word="w")
