"""The number engine is language-neutral: made-up data with Korean- and Russian-style
conventions (glued particles, additive myriad scales, space grouping, decimal comma)
works without any code change."""

from __future__ import annotations

import pytest

from factcheck.errors import DataError
from factcheck.langdata import LanguageData
from factcheck.numbers import find_numbers, parse_number
from factcheck.numbers.patterns import compile_numbers
from factcheck.numbers.schema import NumbersData
from factcheck.values import Approx, AtLeast, Exact

GLUED = LanguageData(
    code="xg",
    name="glued test language",
    numbers=NumbersData.model_validate(
        {
            "glued": True,
            "words": {1: ["일"], 2: ["이"], 3: ["삼"], 5: ["오"]},
            "scales": [
                {"value": 1000, "forms": ["천"]},
                {"value": 10000, "forms": ["만"]},
                {"value": 100000000, "forms": ["억"]},
            ],
            "qualifiers": [
                {"forms": ["약"], "position": "before", "meaning": "approx"},
                {"forms": ["여"], "position": "after", "meaning": "more_than"},
            ],
        }
    ),
)
SPACED = LanguageData(
    code="xs",
    name="space-grouped test language",
    numbers=NumbersData.model_validate(
        {
            "group_separators": [" ", "\u00a0"],
            "decimal_separators": [","],
            "words": {200: ["двести"], 20: ["двадцать"], 5: ["пять"]},
            "scales": [{"value": 1000, "forms": ["тысяч", "тыс."]}],
            "qualifiers": [{"forms": ["около"], "position": "before", "meaning": "approx"}],
            "units": [{"forms": ["мм"], "unit": "millimeter", "kind": "calibre"}],
        }
    ),
)


@pytest.mark.parametrize(
    ("language", "text", "span", "value"),
    [
        (GLUED, "약 1만5천명이 갔다", "약 1만5천", Approx(value=15000)),
        (GLUED, "2천여 명", "2천여", AtLeast(value=2000, strict=True)),
        (GLUED, "3억5천만 원", "3억5천만", Exact(value=350_000_000)),
        (GLUED, "1만명이", "1만", Exact(value=10000)),
        (SPACED, "около 11 000 военных", "около 11 000", Approx(value=11000)),
        (SPACED, "4,7 тысяч человек", "4,7 тысяч", Exact(value=4700)),
        (SPACED, "12 тыс. солдат", "12 тыс.", Exact(value=12000)),
        (SPACED, "двести двадцать пять", "двести двадцать пять", Exact(value=225)),
    ],
)
def test_numbers_engine_follows_the_data(language: LanguageData, text: str, span: str, value) -> None:
    found = find_numbers(text, language)
    assert [text[m.start : m.end] for m in found] == [span]
    assert found[0].value == value


@pytest.mark.parametrize(("text", "kind"), [("152-мм снаряды", "calibre")])
def test_numbers_engine_units_from_data(text: str, kind: str) -> None:
    assert [m.kind for m in find_numbers(text, SPACED)] == [kind]


@pytest.mark.parametrize("text", ["2024 15 000"])
def test_numbers_engine_space_grouping_splits_a_year(text: str) -> None:
    assert [m.value.point for m in find_numbers(text, SPACED)] == [2024, 15000]


@pytest.mark.parametrize(
    "data",
    [
        {"words": {1: ["one"]}, "ordinal_words": {2: ["one"]}},
        {"scales": [{"value": 100, "forms": ["hundred"]}, {"value": 1000, "forms": ["hundred"]}]},
    ],
)
def test_numbers_engine_refuses_a_form_with_two_meanings(data: dict) -> None:
    with pytest.raises(DataError, match="listed twice"):
        compile_numbers(NumbersData.model_validate(data))


@pytest.mark.parametrize(("key", "bad"), [("digits", ["0123"]), ("group_separators", [",,"]), ("months", {13: ["x"]})])
def test_numbers_schema_rejects_bad_data(key: str, bad: object) -> None:
    with pytest.raises(ValueError, match=key if key != "months" else "month"):
        NumbersData.model_validate({key: bad})


@pytest.mark.parametrize("text", ["", "   ", "no numbers here"])
def test_numbers_engine_parse_number_of_nothing_is_none(text: str) -> None:
    assert parse_number(text, GLUED) is None


@pytest.mark.parametrize("code", ["xx-unknown"])
def test_numbers_engine_unsupported_language_lists_the_supported(code: str) -> None:
    from factcheck.errors import UnsupportedLanguageError

    with pytest.raises(UnsupportedLanguageError, match="only"):
        find_numbers("15,000", code)


@pytest.mark.parametrize(("tolerance", "text"), [(0.05, "about 15,000"), (0.2, "लगभग 15,000")])
def test_numbers_engine_approx_tolerance_comes_from_settings(tolerance: float, text: str) -> None:
    from factcheck.settings import Settings

    language = "en" if text.isascii() else "hi"
    value = parse_number(text, language, settings=Settings(approx_tolerance=tolerance))
    assert value == Approx(value=15000, tolerance=tolerance)


@pytest.mark.parametrize(
    ("text", "spans"),
    [
        (
            "2024 में 11,000 से अधिक और 2025 में लगभग 15,000 सैनिक, 600 मारे गए",
            [("2024", "year"), ("11,000 से अधिक", "count"), ("2025", "year"), ("लगभग 15,000", "count"), ("600", "count")],
        ),
    ],
)
def test_numbers_engine_mentions_are_ordered_and_disjoint(text: str, spans: list) -> None:
    found = find_numbers(text, "hi")
    assert [(text[m.start : m.end], m.kind) for m in found] == spans
    assert all(a.end <= b.start for a, b in zip(found, found[1:]))
    assert all(m.start <= m.number_start < m.number_end <= m.end for m in found)


@pytest.mark.parametrize("language", ["hi", "en"])
def test_numbers_engine_accepts_language_data(language: str) -> None:
    from factcheck.langdata import load_language

    assert find_numbers("15,000", load_language(language)) == find_numbers("15,000", language)
