"""Property tests: extraction never crashes and its evidence always slices back to the text."""

from __future__ import annotations

import pytest
from hypothesis import given

from factcheck.extraction import Extractor
from factcheck.models import Article
from factcheck.settings import Settings
from tests.strategies import claim_texts, messy_texts

EXTRACTOR = Extractor()
WITH_BOILERPLATE = Extractor(Settings(include_boilerplate=True))


def _check(text: str, code: str, extractor: Extractor) -> None:
    claims = extractor.extract(Article(id="p", text=text, language=code))
    for c in claims:
        ev = c.evidence
        assert text[ev.start:ev.end] == ev.text
        assert text[ev.sentence_start:ev.sentence_end] == ev.sentence
        assert ev.sentence_start <= ev.start < ev.end <= ev.sentence_end
        assert c.unit and c.measure and c.subject


@pytest.mark.parametrize("code", ["hi", "en"])
@given(text=claim_texts())
def test_extraction_claim_dense_text_never_crashes_and_slices_back(code, text):
    """For any text built from claim words, every Evidence span slices back to its phrase."""
    _check(text, code, EXTRACTOR)


@pytest.mark.parametrize("code", ["hi", "en"])
@given(text=messy_texts())
def test_extraction_messy_text_never_crashes(code, text):
    """Arbitrary Unicode with broken numbers and marks never makes extraction raise."""
    _check(text, code, EXTRACTOR)


@pytest.mark.parametrize("code", ["hi", "en"])
@given(text=claim_texts())
def test_extraction_boilerplate_setting_only_adds_claims(code, text):
    """Including boilerplate never loses a claim found without it."""
    a = Article(id="p", text=text, language=code)
    base = {(c.evidence.start, c.measure) for c in EXTRACTOR.extract(a)}
    more = {(c.evidence.start, c.measure) for c in WITH_BOILERPLATE.extract(a)}
    assert base <= more


@pytest.mark.parametrize("code", ["hi", "en"])
@given(text=messy_texts())
def test_extraction_zones_cover_text_and_sentences_are_ordered(code, text):
    """Zones tile the whole text in order; sentences are ordered, disjoint and trimmed."""
    from factcheck.extraction.lexicon import lexicon_for
    from factcheck.extraction.sentences import split_sentences
    from factcheck.extraction.zones import find_zones
    from factcheck.langdata import load_language

    lex = lexicon_for(load_language(code))
    zones = find_zones(text, lex)
    if text:
        assert zones[0][0] == 0 and zones[-1][1] == len(text)
        assert all(a[1] == b[0] for a, b in zip(zones, zones[1:]))
        assert all(s < e for s, e, _ in zones)
    sentences = split_sentences(text, lex)
    assert all(a[1] <= b[0] for a, b in zip(sentences, sentences[1:]))
    assert all(text[s:e] == text[s:e].strip() and s < e for s, e in sentences)
