"""Attribution reads lazily (only the sentences asked about); the answers must equal a full read."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from factcheck.attribution import analyse_article
from factcheck.attribution._sentences import split_sentences
from factcheck.attribution._text import alternation
from factcheck.attribution.timexpr import time_matcher
from factcheck.langdata import load_language, supported_languages
from factcheck.models import Article
from tests.strategies import attribution_texts, messy_texts

_TEXTS = st.one_of(attribution_texts(), messy_texts(),
                   st.lists(st.one_of(attribution_texts(), messy_texts()), min_size=2, max_size=4)
                   .map(lambda parts: "\n".join(parts)))


@pytest.mark.parametrize("code", supported_languages())
@given(text=_TEXTS, cuts=st.lists(st.integers(0, 2000), max_size=6))
def test_attribution_time_scan_equals_whole_text_scan(code: str, text: str, cuts: list[int]) -> None:
    """Time expressions read span by span, in any order, are those of one whole-text scan."""
    matcher = time_matcher(load_language(code))
    whole = matcher.find(text)
    bounds = sorted({0, len(text), *(min(c, len(text)) for c in cuts)})
    spans = list(zip(bounds, bounds[1:], strict=False))
    scan = matcher.scan(text)
    for lo, hi in [*reversed(spans), *spans]:  # backwards first: a later scan must not reuse a wrong state
        assert scan.between(lo, hi) == [e for e in whole if lo <= e.start < hi], (code, text, lo, hi)


@pytest.mark.parametrize("code", supported_languages())
@given(text=_TEXTS, published=st.one_of(st.none(), st.just(dt.date(2025, 9, 4))),
       picks=st.lists(st.integers(0, 2000), min_size=1, max_size=5))
def test_attribution_lazy_context_answers_as_if_read_in_full(code: str, text: str, published: dt.date | None,
                                                             picks: list[int]) -> None:
    """Asking about figures in any order gives the answers of a context that read every sentence first."""
    lang = load_language(code)
    art = Article(id="p", text=text, published=published)
    sentences, zones = split_sentences(text), [(0, len(text), "body")]
    eager = analyse_article(art, lang, sentences, zones)
    eager._ensure_prefix(len(eager._sentences))  # every sentence read first, in order, as before laziness
    positions = range(0, len(text), max(1, len(text) // 40))
    full = {p: (eager.attribute(p, p + 3), eager.time_scope(p, p + 3)) for p in positions}
    lazy = analyse_article(art, lang, sentences, zones)
    for pick in picks:
        p = list(positions)[pick % len(positions)] if positions else 0
        if p in full:
            assert (lazy.attribute(p, p + 3), lazy.time_scope(p, p + 3)) == full[p], (code, text, p)


@pytest.mark.parametrize(("phrases", "text", "expected"), [
    (["said", "according to"], "NIS said; according to KCNA; unsaid",
     ["said", "according to"]),
    (["के अनुसार", "ने कहा"], "एनआईएस के अनुसार, उसने कहा", ["के अनुसार"]),
    (["(AP)", "said"], "Seoul (AP) said", ["(AP)", "said"]),
])
def test_attribution_alternation_word_start(phrases: list[str], text: str, expected: list[str]) -> None:
    """Tries match whole words only, with or without a word-initial first character."""
    import regex

    assert [m.group() for m in regex.finditer(alternation(phrases), text, regex.IGNORECASE)] == expected


@pytest.mark.parametrize("sentences", [3000])
def test_attribution_long_chain_of_back_references(sentences: int) -> None:
    """A figure at the end of a long chain of back-references is credited as with a full read."""
    lang = load_language("en")
    text = "The NIS said 10 troops left. " + "The agency said 20 troops left. " * sentences
    art = Article(id="chain", text=text, published=dt.date(2025, 9, 4))
    spans = split_sentences(text)
    lazy = analyse_article(art, lang, spans, [(0, len(text), "body")])
    eager = analyse_article(art, lang, spans, [(0, len(text), "body")])
    eager._ensure_prefix(len(eager._sentences))
    start = len(text) - 17
    assert lazy.attribute(start, start + 2) == eager.attribute(start, start + 2)
    assert lazy.attribute(start, start + 2).source == "NIS"


@pytest.mark.parametrize(("code", "text", "figure"), [
    ("en", "Seoul is tense.\nThe NIS said on Tuesday that troops moved. About 3,000 more arrived since October, "
           "it added. Analysts disagree.", "3,000"),
    ("en", "Talks stalled. Yonhap reported the figure on 2 May. The agency said 1,200 soldiers were hurt.", "1,200"),
    ("hi", "बातचीत रुकी। एनआईएस ने मंगलवार को कहा कि सैनिक पहुंचे। इसके अलावा लगभग 500 सैनिक घायल हुए।", "500"),
])
def test_attribution_partial_sentence_list_answers_as_full(code: str, text: str, figure: str,
                                                           reference_date: dt.date) -> None:
    """Given only the figure's sentence, the answers equal those given every sentence."""
    from factcheck.extraction.lexicon import lexicon_for
    from factcheck.extraction.sentences import split_sentences as extraction_sentences

    lang = load_language(code)
    art = Article(id="part", text=text, published=reference_date)
    full = extraction_sentences(text, lexicon_for(lang))
    start = text.index(figure)
    end = start + len(figure)
    own = [s for s in full if s[0] <= start < s[1]]
    assert len(own) == 1 and own != full
    whole = analyse_article(art, lang, full, [])
    part = analyse_article(art, lang, own, [])
    assert (part.attribute(start, end), part.time_scope(start, end)) == \
        (whole.attribute(start, end), whole.time_scope(start, end)), (code, text)


@pytest.mark.parametrize("code", supported_languages())
@given(text=_TEXTS, cuts=st.lists(st.integers(0, 2000), max_size=4))
def test_attribution_word_index_finds_what_finditer_finds(code: str, text: str, cuts: list[int]) -> None:
    """Each matcher tried only at the WordIndex hits of its bit finds what finditer finds, in any span."""
    from factcheck.attribution._text import matches_at
    from factcheck.attribution.cues import CueMatcher, cue_matcher, source_matcher

    cues, sources = cue_matcher(load_language(code)), source_matcher()
    index = cues.word_index(sources)
    patterns = {CueMatcher.CUE: cues._cue_re, CueMatcher.BACK_REF: cues._backref_re,
                CueMatcher.CLAUSE: cues._clause_re}
    patterns.update({CueMatcher.ALIAS + k: p for k, p in enumerate(sources._alias_res)})
    bounds = sorted({0, len(text), *(min(c, len(text)) for c in cuts)})  # spans may start mid-word
    for lo, hi in zip(bounds, bounds[1:], strict=False):
        hits = index.hits(text, lo, hi)
        for bit, pattern in patterns.items():
            if pattern is None or index.firsts[bit].anywhere:
                continue
            at = [a for a, mask in hits if mask >> bit & 1]
            assert [m.span() for m in matches_at(pattern, text, at, lo, hi)] == \
                [m.span() for m in pattern.finditer(text, lo, hi)], (code, bit, text, lo, hi)


@pytest.mark.parametrize("code", supported_languages())
@given(text=_TEXTS, lead=st.sampled_from(["", "SEOUL (AP) — ", "\n-- IANS\n", "सियोल (एपी) "]))
def test_attribution_dateline_line_starts_equal_search(code: str, text: str, lead: str) -> None:
    """The dateline patterns tried at line starts find the match search finds."""
    from factcheck.attribution.context import _first_match, _line_starts
    from factcheck.attribution.cues import cue_matcher
    from factcheck.attribution.sources import default_registry

    text = lead + text
    for pattern in cue_matcher(load_language(code)).datelines(default_registry()):
        if not pattern.pattern.startswith("^"):
            continue
        found, expected = _first_match(pattern, text, _line_starts(text)), pattern.search(text)
        assert (found and found.span()) == (expected and expected.span()), (code, pattern.pattern, text)
