"""Regressions of the number finder found while speeding it up (behaviour, not timing)."""

from __future__ import annotations

import pytest

from factcheck.numbers import find_numbers


@pytest.mark.parametrize(
    ("language", "text", "span"),
    [
        ("ru", "2022-2024 года", "2022-2024"),
        ("ru", "в 2022-2024 годах", "2022-2024"),
    ],
)
def test_numbers_year_range_before_year_word(language: str, text: str, span: str) -> None:
    """A range of years followed by a year word is one "year" range (it used to raise)."""
    found = find_numbers(text, language)
    assert [(text[m.start : m.end], m.kind, m.value.interval()) for m in found] == [
        (span, "year", (2022.0, 2024.0))
    ], f"{language}: {text!r}"
