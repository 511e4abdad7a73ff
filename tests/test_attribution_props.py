"""Property tests for attribution and time: never crash, stay inside the text, never guess."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from factcheck.attribution import analyse_article, default_registry
from factcheck.attribution._sentences import split_sentences
from factcheck.langdata import load_language
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


@pytest.mark.parametrize("code", ["hi", "en"])
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
