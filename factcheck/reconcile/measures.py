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
