"""Measures as data: the bundled file, the registry's lookups and its refusals."""

from __future__ import annotations

import pytest

from factcheck.errors import DataError, RegistryError
from factcheck.extraction.measures import (
    Measure,
    MeasureRegistry,
    default_registry,
    get_measure,
    load_measures,
)
from factcheck.langdata import load_language, supported_languages

BUNDLED = [
    ("troops_deployed", "soldier", True),
    ("troops_killed", "soldier", True),
    ("troops_wounded", "soldier", True),
    ("troops_casualties", "soldier", True),
    ("troops_captured", "soldier", True),
    ("missiles_supplied", "missile", True),
    ("shells_supplied", "shell", True),
]


@pytest.mark.parametrize(("name", "unit", "cumulative"), BUNDLED)
def test_measures_bundled_definitions(name, unit, cumulative):
    m = get_measure(name)
    assert (m.unit, m.cumulative) == (unit, cumulative)
    assert m.description


@pytest.mark.parametrize("name", ["troops_sent", ""])
def test_measures_unknown_name_raises_listing_known(name):
    with pytest.raises(RegistryError, match="troops_deployed"):
        get_measure(name)


@pytest.mark.parametrize(("counts", "event", "name"), [
    ("soldier", "send", "troops_deployed"),
    ("soldier", "kill", "troops_killed"),
    ("missile", "send", "missiles_supplied"),
    ("shell", "supply", "shells_supplied"),
    ("missile", "kill", None),
])
def test_measures_decide_from_thing_and_event(counts, event, name):
    m = default_registry().decide(counts, event)
    assert (m.name if m else None) == name


@pytest.mark.parametrize("measure", [
    Measure(name="troops_deployed", unit="soldier", counts="tank", events=("supply",)),
    Measure(name="troops_sent", unit="soldier", counts="soldier", events=("send",)),
])
def test_measures_registry_refuses_collisions(measure):
    reg = MeasureRegistry(load_measures())
    with pytest.raises(RegistryError):
        reg.register(measure)


@pytest.mark.parametrize("name", ["tanks_supplied"])
def test_measures_user_measure_registers_in_own_registry(name):
    reg = MeasureRegistry(load_measures())
    reg.register(Measure(name=name, unit="tank", counts="tank", events=("supply",)))
    assert reg.get(name).unit == "tank"
    assert name not in default_registry()


@pytest.mark.parametrize(("body", "key"), [
    ("measures:\n  x:\n    unit: soldier\n", "measures.x.counts"),
    ("measures:\n  Bad Name:\n    unit: soldier\n    counts: soldier\n    events: [send]\n", "measures.Bad Name.name"),
    ("measures: [1, 2]\n", "measures"),
])
def test_measures_invalid_file_names_file_and_key(tmp_path, body, key):
    p = tmp_path / "measures.yaml"
    p.write_text(body, encoding="utf-8")
    with pytest.raises(DataError) as e:
        load_measures(p)
    assert str(p) in str(e.value) and key in str(e.value)


@pytest.mark.parametrize("code", ["hi", "en"])
def test_measures_every_thing_and_event_has_words_in_language(code):
    """Each bundled measure can be found in text: its thing and events have surface forms."""
    data = load_language(code).extraction
    for m in default_registry():
        assert data.nouns.get(m.counts), f"{code}.yaml: extraction.nouns.{m.counts} is empty"
        for e in m.events:
            assert data.events.get(e), f"{code}.yaml: extraction.events.{e} is empty"


@pytest.mark.parametrize("code", supported_languages())
def test_measures_language_keys_name_known_things_and_events(code):
    """Language files use only things and events some measure knows (typos show up here)."""
    data = load_language(code).extraction
    reg = default_registry()
    events = {e for m in reg for e in m.events}
    assert set(data.nouns) <= reg.things, code
    assert set(data.subsets) <= reg.things, code
    assert set(data.events) <= events, code
    assert set(data.event_nouns) <= events, code


@pytest.mark.parametrize("name", [m for m, _, _ in BUNDLED])
def test_measures_units_are_count_units(name):
    from factcheck.units import count_units

    assert get_measure(name).unit in count_units()


@pytest.mark.parametrize(("counts", "want"), [
    ("soldier", {"kill", "wound", "casualty", "capture"}),  # what happens to soldiers
    ("missile", set()),                                      # supplies are never an outcome
])
def test_measures_outcome_events(counts, want):
    from factcheck.extraction.measures import default_registry

    assert set(default_registry().outcome_events(counts)) == want
