"""Property tests of the number normaliser (hypothesis; strategies in tests/strategies.py)."""

from __future__ import annotations

import math

import pytest
from hypothesis import given
from hypothesis import strategies as st
from num2words import num2words

from factcheck.numbers import find_numbers, parse_number
from factcheck.values import Approx, Between, Exact
from tests.strategies import (
    counts,
    indian_grouping,
    messy_texts,
    to_script_digits,
    western_grouping,
    word_counts,
    words_from_data,
    year_word_durations,
    year_word_phrases,
)

DEVANAGARI = "०१२३४५६७८९"


@pytest.mark.parametrize("language", ["hi", "en"])
@given(n=counts)
def test_numbers_western_grouping_round_trips(language: str, n: int) -> None:
    """Any integer 0..10^12 with Western grouping parses back to itself."""
    assert parse_number(western_grouping(n), language) == Exact(value=n)


@given(n=counts)
def test_numbers_indian_grouping_round_trips(n: int) -> None:
    """Any integer 0..10^12 with Indian grouping parses back to itself."""
    assert parse_number(indian_grouping(n), "hi") == Exact(value=n)


@given(n=counts, indian=st.booleans())
def test_numbers_devanagari_digits_round_trip(n: int, indian: bool) -> None:
    """Any integer 0..10^12 in Devanagari digits (either grouping) parses back to itself."""
    text = to_script_digits(indian_grouping(n) if indian else western_grouping(n), DEVANAGARI)
    assert parse_number(text, "hi") == Exact(value=n)


@given(n=word_counts)
def test_numbers_hindi_words_round_trip(n: int) -> None:
    """Any integer below 10^9 in Hindi words (written from the YAML data) parses back to itself."""
    text = words_from_data(n, "hi")
    assert parse_number(text, "hi") == Exact(value=n), text


@given(n=word_counts)
def test_numbers_english_words_round_trip(n: int) -> None:
    """Any integer below 10^9 in English words (num2words as the oracle) parses back to itself."""
    text = num2words(n, lang="en")
    assert parse_number(text, "en") == Exact(value=n), text


@given(n=word_counts)
def test_numbers_english_words_without_and_round_trip(n: int) -> None:
    """American style without "and" or commas ("one hundred one") parses back too."""
    text = num2words(n, lang="en").replace(" and ", " ").replace(",", "")
    assert parse_number(text, "en") == Exact(value=n), text


@given(v=st.floats(min_value=0, max_value=1e12), tol=st.floats(min_value=0, max_value=1))
def test_numbers_approx_contains_its_value(v: float, tol: float) -> None:
    """Approx(v) contains v, whatever the tolerance."""
    assert Approx(value=v, tolerance=tol).interval().contains(v)


@pytest.mark.parametrize("language", ["hi", "en"])
@given(a=st.integers(0, 10**9), b=st.integers(0, 10**9), sep=st.sampled_from(["-", "–"]))
def test_numbers_range_keeps_low_below_high(language: str, a: int, b: int, sep: str) -> None:
    """A written range gives Between(lo, hi) with lo <= hi, or no range when reversed."""
    text = f"{a:,}{sep}{b:,}"
    for m in find_numbers(text, language):
        if isinstance(m.value, Between):
            assert m.value.low <= m.value.high
            assert (m.value.low, m.value.high) == (a, b)
    if a <= b:
        assert parse_number(text, language) == Between(low=a, high=b)


@pytest.mark.parametrize("language", ["hi", "en"])
@given(
    n=counts,
    left=st.sampled_from(["", "कुल ", "we saw ", "(", "लगभग ", "about "]),
    right=st.sampled_from(["", " सैनिक", " troops", ".", "), ", " और"]),
)
def test_numbers_span_slices_back_to_the_number(language: str, n: int, left: str, right: str) -> None:
    """The numeral span of a figure in a sentence slices back to exactly the figure written."""
    figure = western_grouping(n)
    text = left + figure + right
    found = [m for m in find_numbers(text, language) if m.number_start == len(left)]
    assert found, text
    assert text[found[0].number_start : found[0].number_end] == figure


@pytest.mark.parametrize("language", ["hi", "en"])
@given(text=messy_texts())
def test_numbers_arbitrary_text_never_raises(language: str, text: str) -> None:
    """Arbitrary text never raises; spans are ordered, inside the text, and values finite."""
    found = find_numbers(text, language)
    last_end = 0
    for m in found:
        assert last_end <= m.start <= m.number_start < m.number_end <= m.end <= len(text)
        last_end = m.end
        lo, hi = m.value.interval()
        assert math.isfinite(lo) and not math.isnan(hi)
        if m.value.point is not None:
            assert math.isfinite(m.value.point) and m.value.point <= 1e15


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("hi", ""),
        ("en", ""),
        ("en", "1" + "0" * 400),
        ("hi", "1" + "0" * 400 + " सैनिक"),
        ("en", "1,,000"),
        ("hi", "1,,000"),
        ("hi", "१5,०००"),
        ("en", "1,5000"),
        ("en", "10^400"),
        ("en", "   "),
    ],
)
def test_numbers_bad_input_gives_no_invented_figure(language: str, text: str) -> None:
    """Empty text, 10^400, doubled separators and mixed scripts yield no count at all."""
    counts_found = [m for m in find_numbers(text, language) if m.kind == "count"]
    assert counts_found == []


@given(case=year_word_phrases())
def test_numbers_year_word_after_a_year_wins_over_a_qualifier(case: tuple[str, str, int]) -> None:
    """A year-range number followed by a year word is a year, whatever qualifier stands before it."""
    language, text, year = case
    found = find_numbers(text, language)
    assert [(m.kind, m.value) for m in found] == [("year", Exact(value=year))], text


@given(case=year_word_durations())
def test_numbers_unit_that_is_a_year_word_types_a_duration(case: tuple[str, str, int, str]) -> None:
    """Below the year range, a unit form that is also a year word makes a duration ("2 года")."""
    language, text, n, unit = case
    found = find_numbers(text, language)
    assert [(text[m.start : m.end], m.value, m.unit) for m in found] == [(text, Exact(value=n), unit)]
