"""Every entry of every language's ``numbers:`` data does what it says (STYLE.md: a test
over every entry catches a lost word, like spaCy's missing comma that dropped "80")."""

from __future__ import annotations

import pytest

from factcheck.errors import FactcheckError
from factcheck.langdata import load_language, supported_languages
from factcheck.numbers import find_numbers, parse_number
from factcheck.settings import Settings
from factcheck.units import kind_of
from factcheck.values import Approx, AtLeast, AtMost, Exact, Vague

BOUND = {"approx": "approx", "at_least": "at_least", "more_than": "more_than",
         "at_most": "at_most", "less_than": "less_than"}


def _entries(kind: str) -> list:
    out = []
    for code in supported_languages():
        try:
            data = load_language(code).numbers
        except FactcheckError:  # a file mid-edit by its owner is tested by their own tests
            continue
        if kind == "words":
            out += [pytest.param(code, f, v, id=f"{code}:{f}") for v, fs in data.words.items() for f in fs]
        elif kind == "ordinal_words":
            out += [pytest.param(code, f, v, id=f"{code}:{f}") for v, fs in data.ordinal_words.items() for f in fs]
        elif kind == "qualifiers":
            out += [pytest.param(code, f, q.position, q.meaning, id=f"{code}:{f}") for q in data.qualifiers for f in q.forms]
        elif kind == "vague":
            out += [pytest.param(code, f, v.low, v.high, id=f"{code}:{f}") for v in data.vague for f in v.forms]
        elif kind == "units":
            out += [pytest.param(code, f, u.unit, u.position, id=f"{code}:{f}") for u in data.units for f in u.forms]
        elif kind == "months":
            out += [pytest.param(code, f, n, id=f"{code}:{f}") for n, fs in data.months.items() for f in fs]
        elif kind.startswith("year."):
            forms = getattr(data.year, kind.removeprefix("year."))
            out += [pytest.param(code, f, data.glued, id=f"{code}:{f}") for f in forms]
        elif kind == "scales":
            out += [pytest.param(code, f, s.value, s.after_digits_only, id=f"{code}:{f}") for s in data.scales for f in s.forms]
    return out


@pytest.mark.parametrize(("language", "form", "value"), _entries("words"))
def test_numbers_data_every_number_word_parses(language: str, form: str, value: float) -> None:
    assert parse_number(form, language) == Exact(value=value), f"{language}.yaml numbers.words.{value}: {form!r}"


@pytest.mark.parametrize(("language", "form", "value"), _entries("ordinal_words"))
def test_numbers_data_every_ordinal_word_is_an_ordinal(language: str, form: str, value: int) -> None:
    found = find_numbers(form, language)
    assert [(m.kind, m.value) for m in found] == [("ordinal", Exact(value=value))], (
        f"{language}.yaml numbers.ordinal_words.{value}: {form!r}"
    )


@pytest.mark.parametrize(("language", "form", "value", "digits_only"), _entries("scales"))
def test_numbers_data_every_scale_multiplies(language: str, form: str, value: float, digits_only: bool) -> None:
    sep = "" if digits_only else " "
    assert parse_number(f"7{sep}{form}", language) == Exact(value=7 * value), (
        f"{language}.yaml numbers.scales {form!r}"
    )


@pytest.mark.parametrize(("language", "form", "position", "meaning"), _entries("qualifiers"))
def test_numbers_data_every_qualifier_is_kept(language: str, form: str, position: str, meaning: str) -> None:
    text = f"{form} 120" if position == "before" else f"120 {form}"
    value = parse_number(text, language, settings=Settings(approx_tolerance=0.05))
    assert value is not None and value.bound == BOUND[meaning], f"{language}.yaml qualifier {form!r}: {value}"
    assert isinstance(value, (Approx, AtLeast, AtMost)) and value.point == 120
    if isinstance(value, Approx):
        assert value.tolerance == 0.05


@pytest.mark.parametrize(("language", "form", "low", "high"), _entries("vague"))
def test_numbers_data_every_vague_word_gives_its_interval(language: str, form: str, low: float, high) -> None:
    value = parse_number(form, language)
    assert isinstance(value, Vague) and (value.low, value.high) == (low, high), f"{language}.yaml vague {form!r}"


def entry_kind(language: str, form: str) -> str | None:
    return next(u.kind for u in load_language(language).numbers.units if form in u.forms)


@pytest.mark.parametrize(("language", "form", "unit", "position"), _entries("units"))
def test_numbers_data_every_unit_is_typed(language: str, form: str, unit: str, position: str) -> None:
    text = f"{form} 7" if position == "before" else f"7 {form}"
    found = find_numbers(text, language)
    assert [m.unit for m in found] == [unit], f"{language}.yaml numbers.units {form!r}: {found}"
    assert found[0].kind == (entry_kind(language, form) or kind_of(unit))


@pytest.mark.parametrize(("language", "form", "month"), _entries("months"))
def test_numbers_data_every_month_makes_a_date(language: str, form: str, month: int) -> None:
    found = find_numbers(f"7 {form} 2025", language)
    assert [(m.kind, m.normalized) for m in found] == [("date", f"2025-{month:02d}-07")], f"{language}.yaml month {form!r}"


@pytest.mark.parametrize(("language", "form", "glued"), _entries("year.before") + _entries("year.after"))
def test_numbers_data_every_year_word_makes_a_year(language: str, form: str, glued: bool) -> None:
    data = load_language(language).numbers
    text = f"{form} 2024" if form in data.year.before else f"2024{'' if glued else ' '}{form}"
    if any(form in q.forms for q in data.qualifiers if q.position == "before") and data.year.after:
        # "до" is a qualifier too: only a year word after makes "до 2024 года" a year
        text += ("" if glued else " ") + data.year.after[0]
    found = find_numbers(text, language)
    assert [(m.kind, m.value.point) for m in found] == [("year", 2024)], f"{language}.yaml year word {form!r}: {found}"


@pytest.mark.parametrize(("language", "form", "glued"), _entries("year.not_before"))
def test_numbers_data_every_year_not_before_word_makes_a_count(language: str, form: str, glued: bool) -> None:
    found = find_numbers(f"2000 {form}", language)
    assert [(m.kind, m.value.point) for m in found] == [("count", 2000)], f"{language}.yaml year.not_before {form!r}"
