"""One shared pint registry: count dimensions for what news counts, physical units for the rest.

Every count unit (``soldier``, ``missile``, ``shell``, ``drone``, …) is its own base
dimension, defined from ``factcheck/data/units.yaml``, so a figure of troops can never
be compared with a figure of missiles: :func:`check_comparable` raises
:class:`factcheck.errors.DimensionalityError`. Ordinary units (km, °C, year) come from
pint's defaults and type numbers that are not claims ("10 हजार KM" is a length).

>>> quantity(15000, "soldiers").units
<Unit('soldier')>
>>> kind_of("kilometer"), kind_of("missile"), kind_of("US_dollar")
('length', 'count', 'money')
>>> check_comparable("troop", "soldier")
>>> check_comparable("soldier", "missile")
Traceback (most recent call last):
...
factcheck.errors.DimensionalityError: cannot compare 'soldier' with 'missile': ...
"""

from __future__ import annotations

import functools
from pathlib import Path
from typing import TYPE_CHECKING, Any

import yaml

from factcheck.errors import DataError, DimensionalityError

if TYPE_CHECKING:  # pint (and its registry, ~0.5 s) loads on first use: see _registry
    import pint

UNITS_FILE = Path(__file__).parent / "data" / "units.yaml"

__all__ = [
    "canonical_unit",
    "check_comparable",
    "count_units",
    "kind_of",
    "quantity",
    "ureg",
]


@functools.cache
def _registry() -> tuple[pint.UnitRegistry, frozenset[str], frozenset[str], dict[str, str]]:
    """The registry and the unit sets, built on first use so ``import factcheck`` stays fast."""
    import pint

    try:
        raw = yaml.safe_load(UNITS_FILE.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as e:
        raise DataError(f"{UNITS_FILE}: cannot read the unit definitions: {e}") from None
    if not isinstance(raw, dict):
        raise DataError(f"{UNITS_FILE}: must be a mapping with keys counts, currencies, kinds")
    reg = pint.UnitRegistry(on_redefinition="raise")
    counts: set[str] = set()
    money: set[str] = set()
    for section, names in (("counts", counts), ("currencies", money)):
        for name, aliases in (raw.get(section) or {}).items():
            if name in reg:
                raise DataError(f"{UNITS_FILE}: key {section}.{name}: pint already defines {name!r}")
            for alias in aliases or ():
                if alias in reg:
                    raise DataError(f"{UNITS_FILE}: key {section}.{name}: alias {alias!r} is already a unit")
            try:
                reg.define(" = ".join([f"{name} = [{name}]", *(aliases or ())]))
            except (pint.errors.RedefinitionError, pint.errors.DefinitionSyntaxError) as e:
                raise DataError(f"{UNITS_FILE}: key {section}.{name}: {e}") from None
            names.add(name)
    kinds = {str(k): str(v) for k, v in (raw.get("kinds") or {}).items()}
    return reg, frozenset(counts), frozenset(money), kinds


def __getattr__(name: str) -> Any:
    """``ureg``: the one registry factcheck uses; pass it to pint code that must mix with ours."""
    if name == "ureg":
        return _registry()[0]
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def count_units() -> frozenset[str]:
    """Names of the count units (each its own dimension).

    >>> "missile" in count_units()
    True
    """
    return _registry()[1]


@functools.lru_cache(maxsize=1024)
def _unit(name: str) -> pint.Unit:
    import pint

    ureg = _registry()[0]
    if not isinstance(name, str) or not name.strip():
        raise DataError(f"unknown unit {name!r}: give a unit name such as 'soldier' or 'km'")
    try:
        return ureg.Unit(name)
    except (pint.errors.UndefinedUnitError, AttributeError, ValueError, TypeError) as e:
        raise DataError(
            f"unknown unit {name!r}: use a pint unit name or add it to {UNITS_FILE} ({e})"
        ) from None


def canonical_unit(name: str) -> str:
    """The registry's name of a unit, alias or plural: ``"troops"`` -> ``"soldier"``.

    >>> canonical_unit("troops"), canonical_unit("km")
    ('soldier', 'kilometer')
    """
    return str(_unit(name))


def quantity(value: float, unit: str) -> pint.Quantity:
    """A pint quantity in the shared registry.

    >>> quantity(3, "km").to("m").magnitude
    3000.0
    """
    return _registry()[0].Quantity(value, _unit(unit))


def check_comparable(unit_a: str, unit_b: str) -> None:
    """Raise unless figures in ``unit_a`` and ``unit_b`` measure the same dimension.

    Raises:
        DimensionalityError: e.g. soldiers vs missiles (wraps pint's error).
    """
    import pint

    a, b = _unit(unit_a), _unit(unit_b)
    try:
        _registry()[0].Quantity(1, a).to(b)
    except pint.errors.DimensionalityError as e:
        raise DimensionalityError(
            f"cannot compare {str(a)!r} with {str(b)!r}: they count different things "
            f"({e.dim1 or 'dimensionless'} vs {e.dim2 or 'dimensionless'}); "
            "group claims by unit before comparing them"
        ) from e


@functools.lru_cache(maxsize=1024)  # pint's unit formatting is slow; kinds never change
def kind_of(unit: str) -> str | None:
    """What a number written with ``unit`` is: count, money, length, temperature, duration…

    None when the dimensionality has no kind in ``units.yaml``.
    """
    u = _unit(unit)
    name = str(u)
    _, counts, money, kinds = _registry()
    if name in counts:
        return "count"
    if name in money:
        return "money"
    dim = str(u.dimensionality) if u.dimensionality else "dimensionless"
    return kinds.get(dim)
