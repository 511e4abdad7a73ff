"""find_numbers(..., spans=S): only the spans are read, each as if it were the whole text."""

from __future__ import annotations

import pytest
from hypothesis import given, settings

from factcheck.errors import InputError
from factcheck.numbers import NumberMention, find_numbers
from factcheck.values import Approx, Exact
from tests.strategies import text_with_spans


def _shift(m: NumberMention, base: int) -> NumberMention:
    return m.model_copy(
        update={
            "start": m.start + base,
            "end": m.end + base,
            "number_start": m.number_start + base,
            "number_end": m.number_end + base,
        }
    )


def _dump(found: list[NumberMention]) -> list[dict]:
    return [m.model_dump() for m in found]


@pytest.mark.parametrize("language", ["hi", "en"])
@settings(max_examples=200)
@given(case=text_with_spans())
def test_numbers_spans_equal_the_shifted_mentions_of_each_slice(
    language: str, case: tuple[str, list[tuple[int, int]]]
) -> None:
    """With spans S, find_numbers equals find_numbers over each slice text[s:e], shifted by s."""
    text, spans = case
    expected = [_shift(m, s) for s, e in spans for m in find_numbers(text[s:e], language)]
    assert _dump(find_numbers(text, language, spans=spans)) == _dump(expected)


@pytest.mark.parametrize("language", ["hi", "en"])
@given(case=text_with_spans())
def test_numbers_spans_whole_text_equals_no_spans(language: str, case: tuple[str, list]) -> None:
    """One span over the whole text gives exactly the mentions found without spans."""
    text, _ = case
    assert _dump(find_numbers(text, language, spans=[(0, len(text))])) == _dump(find_numbers(text, language))


@pytest.mark.parametrize("language", ["hi", "en"])
@given(case=text_with_spans())
def test_numbers_spans_mentions_lie_inside_one_span(language: str, case: tuple[str, list]) -> None:
    """Every mention found with spans lies inside one span and slices back into the text."""
    text, spans = case
    for m in find_numbers(text, language, spans=spans):
        assert any(s <= m.start <= m.number_start < m.number_end <= m.end <= e for s, e in spans)


@pytest.mark.parametrize(
    ("language", "text", "spans", "expected"),
    [
        # the qualifier "about" lies in the previous span: the figure is exact
        ("en", "He said about. 500 died.", [(0, 14), (15, 24)], [("500", Exact(value=500))]),
        ("en", "He said about 500 died.", [(0, 23)], [("about 500", Approx(value=500, tolerance=0.1))]),
        # only the spans asked for are read
        ("en", "About 500 died. 2,000 fled.", [(16, 27)], [("2,000", Exact(value=2000))]),
        ("hi", "लगभग 500 मरे। 2,000 भागे।", [(13, 25)], [("2,000", Exact(value=2000))]),
        # a span edge inside a figure cuts it: "12,000" read as "12"
        ("en", "12,000 troops", [(0, 2)], [("12", Exact(value=12))]),
        ("en", "12,000 troops", [], []),
        ("en", "12,000 troops", [(3, 3)], []),
    ],
)
def test_numbers_spans_edges_are_text_edges(
    language: str, text: str, spans: list[tuple[int, int]], expected: list
) -> None:
    """A span edge ends the look-around: no qualifier, range or figure is read across it."""
    found = find_numbers(text, language, spans=spans)
    assert [(text[m.start : m.end], m.value) for m in found] == expected


@pytest.mark.parametrize(
    "spans",
    [[(5, 3)], [(0, 5), (4, 8)], [(6, 8), (0, 2)], [(0, 100)], [(-1, 2)]],
)
def test_numbers_spans_rejects_bad_spans(spans: list[tuple[int, int]]) -> None:
    """Unsorted, overlapping or out-of-text spans raise InputError naming the span."""
    with pytest.raises(InputError, match="span"):
        find_numbers("12,000 troops", "en", spans=spans)
