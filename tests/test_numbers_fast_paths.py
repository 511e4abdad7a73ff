"""The finder's shortcuts give what the long way gives: gates never hide a match, the
digits + scale shortcut composes what first_number composes, the word scanner finds what a
look-behind scanner finds."""

from __future__ import annotations

import pytest
import regex
from hypothesis import given, settings
from hypothesis import strategies as st

from factcheck.langdata import load_language
from factcheck.numbers.patterns import LEFT, RIGHT, patterns_for
from factcheck.numbers.runs import (
    WINDOW,
    digit_atom,
    digit_then_scale,
    first_number,
    left_flags,
    lone_word,
    right_flags,
)
from tests.strategies import claim_texts, messy_texts

LANGUAGES = ["en", "hi", "ru", "ko"]
texts = st.one_of(messy_texts(), claim_texts())


@pytest.mark.parametrize("language", LANGUAGES)
@settings(max_examples=150)
@given(text=texts)
def test_numbers_gates_never_hide_a_match(language: str, text: str) -> None:
    """Where a gate flags a pattern False, that pattern finds nothing there (any window)."""
    p = patterns_for(load_language(language).numbers)
    for pos in range(len(text) + 1):
        for name, flag in zip(RIGHT, right_flags(text, pos, p)):
            if not flag:
                assert getattr(p, name).match(text, pos) is None, (name, pos, text)
        for name, flag in zip(LEFT, left_flags(text, pos, p)):
            if not flag:
                for lo in (0, max(0, pos - WINDOW), max(0, pos - 12)):
                    assert getattr(p, name).search(text, lo, pos) is None, (name, pos, text)


@pytest.mark.parametrize("language", LANGUAGES)
@settings(max_examples=150)
@given(text=texts, scale=st.sampled_from(
    [" million", " lakh", " करोड़", " हजार", " тысяч", "만", " hundred", "-12", " and 5", ", 2025", " two", " a hundred"]
))
def test_numbers_digits_then_scale_composes_as_first_number(language: str, text: str, scale: str) -> None:
    """digit_then_scale, when it answers, gives first_number's value, scale and end."""
    p = patterns_for(load_language(language).numbers)
    text = "7" + scale + text
    for m in p.digit_scanner.finditer(text):
        if m.group("d") is None:
            continue
        v = digit_atom(m.group("d"), p)[0]
        found = digit_then_scale(text, m.end(), v, p) if v is not None else None
        if found is None:
            continue
        atoms, c = first_number(text, m.start(), p)
        assert found == (c.value, c.scale, atoms[c.last - 1].end), (m.group(), text)


@pytest.mark.parametrize("language", LANGUAGES)
@settings(max_examples=150)
@given(text=texts, word=st.sampled_from(["two ", "first ", "एक ", "दूसरे ", "пять ", "삼 ", "twenty five", "एक लाख"]))
def test_numbers_lone_word_composes_as_first_number(language: str, text: str, word: str) -> None:
    """lone_word, when it answers, gives first_number's one-atom number (value, ordinal, end)."""
    p = patterns_for(load_language(language).numbers)
    text = word + text
    for m in p.word_scanner.finditer(text):
        atom = lone_word(text, m.start(), p)
        if atom is None:
            continue
        atoms, c = first_number(text, m.start(), p)
        assert (c.first, c.last, c.value, c.ordinal, c.scale) == (0, 1, atom.value, atom.ordinal or atom.role == "ordinal", 1.0)
        assert atoms[0].end == atom.end, (m.group(), text)


@pytest.mark.parametrize("language", LANGUAGES)
@settings(max_examples=150)
@given(text=texts)
def test_numbers_word_scanner_equals_lookbehind_scanner(language: str, text: str) -> None:
    """The word scanner (a word boundary first) finds what "no word character before" finds."""
    p = patterns_for(load_language(language).numbers)
    pattern = p.word_scanner.pattern
    slow = regex.compile(r"(?<!\w)" + pattern.removeprefix(r"\b"))
    assert [m.span() for m in p.word_scanner.finditer(text)] == [m.span() for m in slow.finditer(text)]
