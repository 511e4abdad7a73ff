"""The time scan's shortcuts find exactly what the plain patterns find."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from factcheck.attribution.timexpr import time_matcher
from factcheck.langdata import load_language, supported_languages
from tests.strategies import attribution_texts, messy_texts

_TEXTS = st.one_of(attribution_texts(), messy_texts(),
                   st.text(alphabet="0123456789.,/- aAJjMmSsTtHhNnDdFfRrYyUuEeCcOoBbVv", max_size=60))


@pytest.mark.parametrize("code", supported_languages())
@settings(max_examples=300)
@given(text=_TEXTS, lo=st.integers(0, 400), width=st.integers(0, 400))
def test_time_scan_cores_equal_plain_finditer(code: str, text: str, lo: int, width: int) -> None:
    """The cores found by trying the core pattern only where one may start (digit runs of 1, 2 or 4
    digits and name words, two plain scans), and there only its digit-led or name-led parts, are
    those of the whole core pattern's own finditer (same spans, same groups)."""
    m = time_matcher(load_language(code))
    lo = min(lo, len(text))
    hi = min(lo + width, len(text))
    got = [(c.span(), _groups(c)) for c in m.cores(text, lo, hi)]
    assert got == [(c.span(), _groups(c)) for c in m._re.finditer(text, lo, hi)], (code, text, lo, hi)
    if m._start_re is not None:  # the places tried are among those of the one look-ahead pattern
        assert set(m._starts(text, lo, hi)) <= {c.start() for c in m._start_re.finditer(text, lo, hi)}


def _groups(m) -> dict[str, str]:
    return {k: v for k, v in m.groupdict().items() if v is not None}


@pytest.mark.parametrize(("code", "text", "expected"), [
    ("en", "On 13 August 2025, 13,000 people; 2.5 in 2024", ["13", "August", "2025", "13", "2", "2024"]),
    ("en", "12345 and 690 in Mar. marketing decided 7", ["Mar", "7"]),
    ("hi", "13 अगस्त 2025 को 1,200 लोग", ["13", "अगस्त", "2025", "1"]),
])
def test_time_scan_core_starts_examples(code: str, text: str, expected: list[str]) -> None:
    """Digit runs of 1, 2 or 4 digits (not the inner groups of '13,000' or '2.5') and name words are where
    cores may start."""
    m = time_matcher(load_language(code))
    starts = m._starts(text, 0, len(text))
    assert [text[s:s + len(w)] for s, w in zip(starts, expected, strict=False)] == expected, (code, text, starts)
    assert len(starts) == len(expected), (code, text, starts)


@pytest.mark.parametrize(("code", "text", "cut", "expected"), [
    ("en", "Figures have risen since\nJanuary 2024 in the north.", 25, ["since\nJanuary 2024"]),
    ("en", "Figures have risen since January. 2024 was worse.", 34, ["since January. 2024"]),
    ("en", "It was 5. In January 2024 it was 7.", 10, []),
])
def test_time_scan_span_keeps_marker_that_runs_past_its_end(code: str, text: str, cut: int,
                                                           expected: list[str]) -> None:
    """An expression whose marker starts before a span's end and whose core starts after it belongs to
    the span (as in a whole-text scan); one starting after the span does not."""
    m = time_matcher(load_language(code))
    got = m.scan(text).between(0, cut)
    assert [e.text for e in got] == expected, (code, text, cut, got)
    assert got == [e for e in m.find(text) if e.start < cut], (code, text, cut)


@pytest.mark.parametrize("code", supported_languages())
@settings(max_examples=300)
@given(text=st.one_of(_TEXTS, st.lists(st.sampled_from(["so far", "So Far", "to date", "In recent days", "recently",
                                                          "by now", "until\nnow", "farther", "in", "to", "2024",
                                                          ",", "(", "अब तक", "हाल ही में"]),
                                        max_size=12).map(" ".join)),
       lo=st.integers(0, 200), width=st.integers(0, 200))
def test_time_scan_so_far_gate_never_hides_a_phrase(code: str, text: str, lo: int, width: int) -> None:
    """A span the cheap test says holds no "so far" phrase holds none."""
    m = time_matcher(load_language(code))
    lo = min(lo, len(text))
    hi = min(lo + width, len(text))
    if m._so_far_re is not None and not m._may_hold_so_far(text, lo, hi):
        assert m._so_far_re.search(text, lo, hi) is None, (code, text, lo, hi)


@pytest.mark.parametrize(("text", "expected"), [
    ("Prices rose 5 % so far.", True),
    ("Prices rose 5 % SO FAR.", True),
    ("Prices rose 5 % this year.", False),
    ("Prices rose 5 % — अब तक.", True),  # not ASCII: no shortcut
])
def test_time_scan_so_far_gate_examples(text: str, expected: bool) -> None:
    """The cheap test passes every ASCII span holding a phrase's last word, and every non-ASCII span."""
    assert time_matcher(load_language("en"))._may_hold_so_far(text, 0, len(text)) is expected, text
