"""Value variants: intervals, bounds, validation, JSON round-trips."""

from __future__ import annotations

import math

import pytest
from hypothesis import given
from hypothesis import strategies as st
from pydantic import ValidationError

from factcheck.values import (
    BOUNDS,
    Approx,
    AtLeast,
    AtMost,
    Between,
    Exact,
    Interval,
    Vague,
    value_adapter,
)
from tests.strategies import small_counts, values


@pytest.mark.parametrize(
    ("value", "interval", "bound"),
    [
        (Exact(value=600), Interval(600, 600), "exact"),
        (Approx(value=15000), Interval(13500, 16500), "approx"),
        (Approx(value=15000, tolerance=0.2), Interval(12000, 18000), "approx"),
        (AtLeast(value=100), Interval(100, math.inf), "at_least"),
        (AtLeast(value=11000, strict=True), Interval(11000, math.inf), "more_than"),
        (AtMost(value=3000), Interval(0, 3000), "at_most"),
        (AtMost(value=3000, strict=True), Interval(0, 3000), "less_than"),
        (Between(low=10000, high=12000), Interval(10000, 12000), "range"),
        (Vague(low=2000, word="thousands"), Interval(2000, math.inf), "vague"),
        (Vague(low=24, high=99, word="dozens"), Interval(24, 99), "vague"),
    ],
)
def test_values_interval_and_bound(value, interval, bound):
    assert value.interval() == interval
    assert value.bound == bound
    assert value.bound in BOUNDS


@pytest.mark.parametrize(
    ("kind", "fields", "field"),
    [
        ("exact", {"value": -1}, "value"),
        ("exact", {"value": float("inf")}, "value"),
        ("approx", {"value": 10, "tolerance": 2}, "tolerance"),
        ("between", {"low": 12, "high": 10}, "between"),
        ("vague", {"low": 12, "high": 10}, "vague"),
        ("at_least", {"value": float("nan")}, "value"),
    ],
)
def test_values_invalid_input_names_the_field(kind, fields, field):
    with pytest.raises(ValidationError) as e:
        value_adapter.validate_python({"kind": kind, **fields})
    assert field in str(e.value)


@pytest.mark.parametrize("frozen", [Exact(value=1)])
def test_values_are_frozen(frozen):
    with pytest.raises(ValidationError):
        frozen.value = 2  # type: ignore[misc]


@given(small_counts, st.floats(min_value=0, max_value=1))
def test_values_approx_contains_its_value(v, tol):
    """Approx(v, tolerance) always contains v."""
    assert Approx(value=v, tolerance=tol).interval().contains(v)


@given(small_counts, small_counts)
def test_values_between_keeps_low_below_high(a, b):
    """Between(lo, hi) accepts ordered ends and refuses reversed ones."""
    lo, hi = min(a, b), max(a, b)
    iv = Between(low=lo, high=hi).interval()
    assert iv.low <= iv.high
    if lo < hi:
        with pytest.raises(ValidationError):
            Between(low=hi, high=lo)


@given(values())
def test_values_round_trip_through_json(v):
    """Every Value survives a JSON round-trip unchanged, tag included."""
    again = value_adapter.validate_json(value_adapter.dump_json(v))
    assert again == v and type(again) is type(v)


@given(values())
def test_values_interval_is_ordered(v):
    """Every Value's interval has low <= high."""
    iv = v.interval()
    assert iv.low <= iv.high
