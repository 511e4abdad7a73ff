"""Property tests of the number normaliser on Korean and Russian writing (issue 8).

Strategies live in tests/strategies.py; num2words spells Russian number words (it
declines тысяча/тысячи/тысяч by count) as an independent oracle.
"""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st
from num2words import num2words

from factcheck.numbers import find_numbers, parse_number
from factcheck.values import Exact
from tests.strategies import counts, korean_numeral, russian_grouping, word_counts


@given(data=st.data(), n=counts)
def test_numbers_korean_units_round_trip(data: st.DataObject, n: int) -> None:
    """Any integer 0..10^12 written with 만/억/조 (groups in digits or with 천/백) parses back."""
    text = data.draw(korean_numeral(n))
    assert parse_number(text, "ko") == Exact(value=n), text


@given(data=st.data(), n=counts)
def test_numbers_russian_space_grouping_round_trips(data: st.DataObject, n: int) -> None:
    """Any integer 0..10^12 grouped with a space, no-break, narrow or thin space parses back."""
    text = data.draw(russian_grouping(n))
    assert parse_number(text, "ru") == Exact(value=n), repr(text)


@given(n=word_counts)
def test_numbers_russian_words_round_trip(n: int) -> None:
    """Any integer below 10^9 in Russian words (num2words as the oracle) parses back."""
    text = num2words(n, lang="ru")
    assert parse_number(text, "ru") == Exact(value=n), text


@given(data=st.data(), n=st.integers(min_value=1, max_value=10**9),
       particle=st.sampled_from(["명이", "명을", "명의", "명은", "발을", "여 명이"]))
def test_numbers_korean_glued_particles_keep_the_figure(data: st.DataObject, n: int, particle: str) -> None:
    """A counter or particle glued to a Korean figure never changes its value or span."""
    figure = data.draw(korean_numeral(n))
    text = f"북한군 {figure}{particle} 파병됐다"
    counts_found = [m for m in find_numbers(text, "ko") if m.kind == "count"]
    assert len(counts_found) == 1, (text, counts_found)
    m = counts_found[0]
    assert text[m.number_start:m.number_end] == figure, text
    assert m.value.point == n, (text, m.value)
