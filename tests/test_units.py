"""Tests of the shared pint registry (factcheck/units.py)."""

from __future__ import annotations

import pytest

from factcheck.errors import DataError, DimensionalityError
from factcheck.langdata import load_language, supported_languages
from factcheck.units import canonical_unit, check_comparable, count_units, kind_of, quantity, ureg


@pytest.mark.parametrize(
    ("a", "b"),
    [("soldier", "missile"), ("troops", "shells"), ("drone", "tank"), ("soldier", "km"), ("person", "US_dollar")],
)
def test_units_different_counts_are_not_comparable(a: str, b: str) -> None:
    with pytest.raises(DimensionalityError, match="cannot compare"):
        check_comparable(a, b)


@pytest.mark.parametrize(("a", "b"), [("soldier", "troop"), ("soldiers", "troops"), ("km", "mile"), ("degC", "degF")])
def test_units_same_dimension_is_comparable(a: str, b: str) -> None:
    assert check_comparable(a, b) is None


@pytest.mark.parametrize(
    ("unit", "kind"),
    [
        ("soldier", "count"),
        ("missile", "count"),
        ("kilometer", "length"),
        ("millimeter", "length"),
        ("degree_Celsius", "temperature"),
        ("year", "duration"),
        ("day", "duration"),
        ("percent", "percent"),
        ("US_dollar", "money"),
        ("Indian_rupee", "money"),
        ("kilogram", "mass"),
    ],
)
def test_units_kind_follows_dimensionality(unit: str, kind: str) -> None:
    assert kind_of(unit) == kind


@pytest.mark.parametrize(("name", "canonical"), [("troops", "soldier"), ("km", "kilometer"), ("people", "person")])
def test_units_aliases_and_plurals_resolve(name: str, canonical: str) -> None:
    assert canonical_unit(name) == canonical


@pytest.mark.parametrize("name", ["no_such_unit", "", "10^400"])
def test_units_unknown_unit_names_the_unit(name: str) -> None:
    with pytest.raises(DataError, match="unit"):
        quantity(1, name)


@pytest.mark.parametrize("unit", sorted(count_units()))
def test_units_every_count_is_its_own_dimension(unit: str) -> None:
    others = [u for u in count_units() if u != unit]
    for other in others:
        with pytest.raises(DimensionalityError):
            check_comparable(unit, other)


@pytest.mark.parametrize("value", [0, 15000, 1.5])
def test_units_quantity_uses_the_shared_registry(value: float) -> None:
    q = quantity(value, "soldiers")
    assert q.magnitude == value and q._REGISTRY is ureg


@pytest.mark.parametrize("language", supported_languages())
def test_units_every_language_unit_is_defined(language: str) -> None:
    """Every unit named in a language's numbers.units exists and has a kind."""
    for entry in load_language(language).numbers.units:
        assert entry.kind or kind_of(entry.unit), f"{language}.yaml numbers.units {entry.unit}: no kind"
