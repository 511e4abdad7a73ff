"""Property tests for attribution and time: never crash, stay inside the text, never guess."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from factcheck.attribution import analyse_article, default_registry
from factcheck.attribution._sentences import split_sentences
from factcheck.langdata import load_language, supported_languages
from factcheck.models import UNATTRIBUTED, Article
from tests.strategies import attribution_texts, messy_texts

KNOWN = {s.id for s in default_registry()} | {UNATTRIBUTED}


def _check(text: str, code: str, published: dt.date | None, start: int, width: int) -> None:
    ctx = analyse_article(Article(id="p", text=text, published=published), load_language(code),
                          split_sentences(text), [(0, len(text), "body")])
    start = min(start, len(text))
    end = min(start + width, len(text))
    att = ctx.attribute(start, end)
    assert att.source in KNOWN
    assert set(att.chain) <= KNOWN - {UNATTRIBUTED}
    if att.source != UNATTRIBUTED:
        assert att.chain[-1] == att.source
    if att.start is not None:
        assert 0 <= att.start < att.end <= len(text)
    ts = ctx.time_scope(start, end)
    assert ts.as_of is not None or ts.reason
    if published is None and ctx.published is None:
        assert ts.as_of is None or ts.reason


@pytest.mark.parametrize("code", supported_languages())
@given(text=st.one_of(attribution_texts(), messy_texts()), start=st.integers(0, 400),
       width=st.integers(0, 20), published=st.one_of(st.none(), st.dates(dt.date(1990, 1, 1), dt.date(2090, 1, 1))))
def test_attribution_props_known_sources_and_spans_inside_text(code, text, start, width, published):
    """Any text: the source is a registry id or unattributed, chains end at the source,
    source spans lie inside the text, and an unknown as_of always says why."""
    _check(text, code, published, start, width)


@pytest.mark.parametrize("code", ["hi", "en"])
@given(text=attribution_texts(), start=st.integers(0, 300), width=st.integers(1, 10))
def test_attribution_props_unrelated_paragraph_changes_nothing(code, text, start, width, reference_date):
    """Prepending a paragraph without cues, sources or dates does not change any attribution."""
    prefix = "zzz qqq\n\n"
    lang = load_language(code)
    a = analyse_article(Article(id="a", text=text, published=reference_date), lang, split_sentences(text), [])
    shifted = prefix + text
    b = analyse_article(Article(id="b", text=shifted, published=reference_date), lang,
                        split_sentences(shifted), [])
    start = min(start, len(text))
    end = min(start + width, len(text))
    # figures lie inside sentences (the extractor guarantees it)
    assume(any(s <= start and end <= e for s, e in split_sentences(text)) and text[start:end].strip())
    got_a = a.attribute(start, end)
    got_b = b.attribute(start + len(prefix), end + len(prefix))
    assert (got_a.source, got_a.chain) == (got_b.source, got_b.chain)
    assert a.time_scope(start, end).as_of == b.time_scope(start + len(prefix), end + len(prefix)).as_of


_FORMATS = {"ymd": "{y:04d}{s}{m:02d}{s}{d:02d}", "dmy": "{d:02d}{s}{m:02d}{s}{y:04d}",
            "mdy": "{m:02d}{s}{d:02d}{s}{y:04d}"}


@pytest.mark.parametrize("code", [c for c in supported_languages() if load_language(c).attribution.time.date_orders])
@given(day=st.dates(dt.date(1950, 1, 1), dt.date(2090, 12, 31)), sep=st.sampled_from([".", "/"]),
       zero_pad=st.booleans())
def test_attribution_props_numeric_date_in_listed_order_is_read(code, day, sep, zero_pad):
    """A numeric date written in an order the language lists (date_orders) reads as that day."""
    from factcheck.attribution.timexpr import time_matcher

    lang = load_language(code)
    for order in lang.attribution.time.date_orders:
        written = _FORMATS[order].format(y=day.year, m=day.month, d=day.day, s=sep)
        if not zero_pad:
            written = sep.join(p.lstrip("0") if len(p) == 2 else p for p in written.split(sep))
        text = f"x {written} y"
        found = [e for e in time_matcher(lang).find(text) if e.is_full_date]
        assert [(e.year, e.month, e.day) for e in found] == [(day.year, day.month, day.day)], (code, text)
