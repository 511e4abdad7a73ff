"""Measures as data: what a figure counts, in which unit, and whether it is a running total.

Definitions are frozen; a :class:`MeasureRegistry` indexes them by name and by the
(counted thing, event) pairs that decide them, and refuses collisions. The bundled
measures come from ``factcheck/data/measures.yaml``; users add their own with
:func:`register_measure` (the shared registry) or a registry of their own passed to
``Extractor(measures=...)``.

>>> get_measure("troops_killed").cumulative
True
>>> get_measure("missiles_supplied").unit
'missile'
"""

from __future__ import annotations

import functools
from collections.abc import Iterable, Iterator
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from factcheck.errors import DataError, RegistryError

MEASURES_FILE = Path(__file__).resolve().parent.parent / "data" / "measures.yaml"


class Measure(BaseModel):
    """One tracked quantity, e.g. ``troops_deployed``.

    ``counts`` names the counted thing (a key of the language files' ``extraction.nouns``),
    ``events`` the event cues (keys of ``extraction.events``) that decide this measure.

    >>> Measure(name="tanks_supplied", unit="tank", counts="tank", events=("supply",)).cumulative
    True
    """

    model_config = ConfigDict(frozen=True, extra="forbid")

    name: str = Field(pattern=r"^[a-z][a-z0-9_]*$")
    unit: str = Field(min_length=1)
    counts: str = Field(min_length=1)
    events: tuple[str, ...] = Field(min_length=1)
    cumulative: bool = True
    subject_is_agent: bool = False
    #: what happens to the counted things (killed, wounded, captured), not how they got
    #: there: its cue outranks a deployment cue that only describes the noun ("soldiers
    #: sent to Russia have been killed" counts the killed)
    outcome: bool = False
    description: str = ""


class MeasureRegistry:
    """Measures by name and by (counted thing, event); collisions raise :class:`RegistryError`.

    >>> reg = MeasureRegistry()
    >>> reg.register(Measure(name="tanks_supplied", unit="tank", counts="tank", events=("supply",)))
    >>> reg.decide("tank", "supply").name
    'tanks_supplied'
    """

    def __init__(self, measures: Iterable[Measure] = ()) -> None:
        self._by_name: dict[str, Measure] = {}
        self._by_pair: dict[tuple[str, str], Measure] = {}
        self._events: dict[str, frozenset[str]] = {}
        for m in measures:
            self.register(m)

    def register(self, measure: Measure) -> None:
        """Add ``measure``; raises RegistryError if its name or a (counts, event) pair is taken."""
        if measure.name in self._by_name:
            raise RegistryError(f"measure {measure.name!r} is already registered; choose another name")
        for event in measure.events:
            other = self._by_pair.get((measure.counts, event))
            if other is not None:
                raise RegistryError(
                    f"measure {measure.name!r}: {measure.counts!r} + event {event!r} already "
                    f"decides {other.name!r}; a figure must map to one measure"
                )
        self._by_name[measure.name] = measure
        self._events.clear()
        for event in measure.events:
            self._by_pair[(measure.counts, event)] = measure

    def get(self, name: str) -> Measure:
        """The measure called ``name``; raises RegistryError listing the known ones."""
        try:
            return self._by_name[name]
        except KeyError:
            raise RegistryError(
                f"unknown measure {name!r}; known: {sorted(self._by_name)}"
            ) from None

    def decide(self, counts: str, event: str) -> Measure | None:
        """The measure a figure counting ``counts`` with an ``event`` cue belongs to, if any."""
        return self._by_pair.get((counts, event))

    def events_for(self, counts: str) -> frozenset[str]:
        """Every event that decides a measure of ``counts``."""
        hit = self._events.get(counts)
        if hit is None:
            hit = self._events[counts] = frozenset(e for (c, e) in self._by_pair if c == counts)
        return hit

    def outcome_events(self, counts: str) -> frozenset[str]:
        """The events that decide an ``outcome`` measure of ``counts``."""
        key = "\0outcome:" + counts
        hit = self._events.get(key)
        if hit is None:
            hit = self._events[key] = frozenset(
                e for (c, e), m in self._by_pair.items() if c == counts and m.outcome)
        return hit

    @property
    def things(self) -> frozenset[str]:
        """Every counted thing some measure tracks."""
        return frozenset(m.counts for m in self._by_name.values())

    def __iter__(self) -> Iterator[Measure]:
        return iter(sorted(self._by_name.values(), key=lambda m: m.name))

    def __contains__(self, name: object) -> bool:
        return name in self._by_name

    def __len__(self) -> int:
        return len(self._by_name)


def load_measures(path: str | Path = MEASURES_FILE) -> list[Measure]:
    """Read measure definitions from a YAML file (``measures: {name: {...}}``).

    Raises:
        DataError: naming the file and the key when the file is invalid.
    """
    from factcheck.langdata import format_validation_error, load_yaml

    p = Path(path)
    raw = load_yaml(p)
    if not isinstance(raw, dict) or not isinstance(raw.get("measures"), dict):
        raise DataError(f"{p}: key measures: expected a mapping of measure names to definitions")
    out = []
    for name, body in raw["measures"].items():
        if not isinstance(body, dict):
            raise DataError(f"{p}: key measures.{name}: expected a mapping")
        try:
            out.append(Measure.model_validate({"name": name, **body}))
        except ValidationError as e:
            msg = format_validation_error(p, e).replace("key ", f"key measures.{name}.")
            raise DataError(msg) from None
    return out


@functools.lru_cache(maxsize=1)
def default_registry() -> MeasureRegistry:
    """The shared registry, holding the bundled measures (and any the user registers)."""
    return MeasureRegistry(load_measures())


def get_measure(name: str) -> Measure:
    """The measure called ``name`` in the shared registry.

    >>> get_measure("troops_deployed").unit
    'soldier'
    """
    return default_registry().get(name)


def register_measure(measure: Measure) -> None:
    """Add a user-defined measure to the shared registry (collisions raise RegistryError).

    Language files must also name its counted thing and events (``extraction.nouns``,
    ``extraction.events``) for it to be found in text.
    """
    default_registry().register(measure)
