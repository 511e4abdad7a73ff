"""Which measures are running totals (cumulative): the one question reconciliation asks of them.

The measure registry belongs to extraction (``factcheck.extraction.measures``). Until it is
available, or for measures it does not know, :func:`is_cumulative` answers from a small
fallback set; a :class:`~factcheck.reconcile.Reconciler` may pass its own answer instead.

>>> is_cumulative("troops_deployed")
True
>>> is_cumulative("daily_attacks", cumulative={"daily_attacks"})
True
"""

from __future__ import annotations

from collections.abc import Callable, Collection

from factcheck.errors import FactcheckError

#: Fallback when the registry is missing: totals that, as the design says, never go down.
FALLBACK_CUMULATIVE = frozenset(
    {
        "casualties",
        "troops_casualties",
        "missiles_supplied",
        "shells_supplied",
        "troops_captured",
        "troops_deployed",
        "troops_killed",
        "troops_wounded",
    }
)

CumulativeHook = Callable[[str], bool] | Collection[str]
"""How a caller says which measures are cumulative: a predicate or a set of names."""


def is_cumulative(measure: str, *, cumulative: CumulativeHook | None = None) -> bool:
    """True when ``measure`` is a running total (it never goes down).

    Args:
        measure: the measure name, e.g. ``"troops_killed"``.
        cumulative: an override — a predicate or a collection of cumulative measure names.
            When given it alone decides.

    Returns:
        The override's answer; else the extraction registry's ``cumulative`` flag; else
        membership in :data:`FALLBACK_CUMULATIVE`.

    >>> is_cumulative("troops_killed")
    True
    >>> is_cumulative("troops_killed", cumulative=lambda m: False)
    False
    """
    if cumulative is not None:
        return bool(cumulative(measure)) if callable(cumulative) else measure in cumulative
    found = _registry_flag(measure)
    return found if found is not None else measure in FALLBACK_CUMULATIVE


def _registry_flag(measure: str) -> bool | None:
    """The registry's flag, or None when the registry or the measure is unknown.

    Not cached: users may register measures between runs (called once per group).
    """
    try:
        from factcheck.extraction.measures import get_measure  # type: ignore[import-not-found]
    except ImportError:
        return None
    try:
        return bool(get_measure(measure).cumulative)
    except (LookupError, AttributeError, ValueError, FactcheckError):
        # an unknown measure: fall back rather than fail a whole reconciliation
        return None


#: Fallback when the registry is missing: the outcome measures (what happened to the counted).
FALLBACK_OUTCOME = frozenset({"casualties", "troops_casualties", "troops_captured", "troops_killed", "troops_wounded"})


def is_outcome(measure: str) -> bool:
    """True when ``measure`` counts what happened to the counted (killed, wounded, captured).

    The measure registry's ``outcome`` flag; for a measure it does not know,
    membership in :data:`FALLBACK_OUTCOME`.

    >>> is_outcome("troops_killed"), is_outcome("troops_deployed")
    (True, False)
    """
    try:
        from factcheck.extraction.measures import get_measure  # type: ignore[import-not-found]

        return bool(get_measure(measure).outcome)
    except (ImportError, LookupError, AttributeError, ValueError, FactcheckError):
        return measure in FALLBACK_OUTCOME


def source_country(source: str) -> str | None:
    """The country a source speaks for (the source registry's ``country``), None if unknown.

    >>> source_country("KCNA"), source_country("no such source")
    ('North Korea', None)
    """
    try:
        from factcheck.attribution.sources import default_registry

        found = default_registry().find(source)
    except (ImportError, FactcheckError):
        return None
    return None if found is None else found.country


def same_party(subject: str, country: str | None) -> bool:
    """Whether a claim's subject (``north_korea``, ``North Korea``) is the country ``country``.

    >>> same_party("north_korea", "North Korea"), same_party("russia", "North Korea")
    (True, False)
    """
    return country is not None and _fold(subject) == _fold(country)


def _fold(name: str) -> str:
    return " ".join(name.replace("_", " ").replace("-", " ").split()).casefold()


def own_losses(subject: str, measure: str, source: str) -> bool:
    """Whether a figure is the counted side's own count of what happened to its own forces.

    Such a figure (a government announcing its own dead, wounded or captured) is what that
    side admits: a floor, never an estimate of the whole, so reconciliation compares it as
    "at least" the figure (``[figure, ∞)``): others' larger estimates do not contradict it.

    >>> own_losses("north_korea", "troops_killed", "KCNA"), own_losses("north_korea", "troops_killed", "NIS")
    (True, False)
    >>> own_losses("north_korea", "troops_deployed", "KCNA")
    False
    """
    return is_outcome(measure) and same_party(subject, source_country(source))
