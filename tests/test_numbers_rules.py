"""The engine's general rules hold for any data, not only for the shipped languages:
optional keys may be left out, glued languages still refuse codes ("5G"), a year word
after a year beats a qualifier before it, a plural scale after a qualifier counts one,
a duration unit that is also a year word types a duration, and ``year.not_before``
turns a bare "year" back into a count. Every language here is made up."""

from __future__ import annotations

import pytest

from factcheck.langdata import LanguageData
from factcheck.numbers import find_numbers
from factcheck.numbers.schema import NumbersData
from factcheck.values import Approx, AtLeast, AtMost, Exact, Vague

# Every optional key of the schema, in a small made-up language.
FULL = {
    "words": {1: ["uno"], 2: ["dos"]},
    "scales": [{"value": 1000, "forms": ["mil"]}, {"value": 1000, "forms": ["miles"]}],
    "articles": ["un"],
    "modifiers": [{"forms": ["medio"], "add": 0.5, "alone": 0.5}],
    "word_joiners": ["y"],
    "ordinal_words": {1: ["primero"]},
    "ordinal_suffixes": ["º"],
    "qualifiers": [
        {"forms": ["unos"], "position": "before", "meaning": "approx"},
        {"forms": ["hasta"], "position": "before", "meaning": "at_most", "not_after": ["subió"]},
        {"forms": ["más de"], "position": "before", "meaning": "more_than"},
        {"forms": ["o más"], "position": "after", "meaning": "at_least"},
    ],
    "vague": [{"forms": ["miles"], "low": 2000}],
    "vague_quantifiers": [{"forms": ["varios"], "low": 2, "high": 9}],
    "ranges": {"connectors": ["-", "a"], "open": ["entre"], "open_joiners": ["y"], "not_after": ["de"]},
    "units": [
        {"forms": ["km"], "unit": "kilometer"},
        {"forms": ["años", "año"], "unit": "year"},
        {"forms": ["$"], "unit": "US_dollar", "kind": "money", "position": "before"},
    ],
    "months": {1: ["Ene"]},
    "time_suffixes": ["h"],
    "year": {"before": ["en", "hasta"], "after": ["año"], "bare": "year", "not_before": ["soldados"]},
}
OPTIONAL = sorted(FULL)


def _lang(data: dict, **extra: object) -> LanguageData:
    return LanguageData(code="xr", name="rules test language", numbers=NumbersData.model_validate({**data, **extra}))


LANG = _lang(FULL)
TEXT = "unos 5 mil y 3-4 km, entre 2 y 3, 5º, 11:30 h, 2024-05-06, Ene 5, en 2024, varios mil, $5, 5 o más"


@pytest.mark.parametrize("left_out", [(), *((k,) for k in OPTIONAL), tuple(OPTIONAL), ("vague_quantifiers", "months")])
def test_numbers_rules_optional_keys_are_optional(left_out: tuple[str, ...]) -> None:
    language = _lang({k: v for k, v in FULL.items() if k not in left_out})
    found = find_numbers(TEXT, language)
    assert found, left_out  # digits are read with any data, even none
    assert found[-1].value.point == 5.0


@pytest.mark.parametrize(
    ("text", "expected"),
    [("5G망", []), ("5G 망", []), ("3D 프린터", []), ("1만명이", [10000.0]), ("2천여 명", [2000.0])],
)
def test_numbers_rules_glued_language_refuses_cased_letters(text: str, expected: list) -> None:
    glued = _lang(
        {},
        glued=True,
        scales=[{"value": 1000, "forms": ["천"]}, {"value": 10000, "forms": ["만"]}],
        qualifiers=[{"forms": ["여"], "position": "after", "meaning": "more_than"}],
    )
    assert [m.value.point for m in find_numbers(text, glued)] == expected


@pytest.mark.parametrize(
    ("text", "span", "kind", "value"),
    [
        ("hasta 2025 año", "2025", "year", Exact(value=2025)),  # a year word after wins
        ("unos 2025 año", "2025", "year", Exact(value=2025)),
        ("hasta 2025 soldados", "hasta 2025", "count", AtMost(value=2025)),  # "hasta" alone: a qualifier
        ("en 2025", "2025", "year", Exact(value=2025)),
        ("2000 soldados", "2000", "count", Exact(value=2000)),  # year.not_before
        ("en 2000 soldados", "2000", "year", Exact(value=2000)),  # a year word before wins
        ("2000 llegaron", "2000", "year", Exact(value=2000)),  # bare: year
        ("dos años", "dos años", "duration", Exact(value=2)),  # unit and year word: a duration
        ("2 año", "2 año", "duration", Exact(value=2)),
        ("2024 año", "2024", "year", Exact(value=2024)),  # ... but a year in range stays a year
        ("más de miles", "más de miles", "count", AtLeast(value=1000, strict=True)),  # one of the scale
        ("unos miles", "unos miles", "count", Approx(value=1000)),
        ("unos mil", "unos mil", "count", Approx(value=1000)),  # any scale alone after a qualifier
        ("subió hasta 5 mil", "5 mil", "count", Exact(value=5000)),  # qualifiers[].not_after
        ("subió hasta 2000 soldados", "2000", "count", Exact(value=2000)),  # ... and no year either
        ("miles de soldados", "miles", "count", Vague(low=2000, high=None, word="miles")),
    ],
)
def test_numbers_rules_year_duration_and_plural_scale(text: str, span: str, kind: str, value) -> None:
    found = find_numbers(text, LANG)
    assert [(text[m.start : m.end], m.kind) for m in found] == [(span, kind)]
    assert found[0].value == value
