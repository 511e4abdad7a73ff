"""Property tests: extraction never crashes and its evidence always slices back to the text."""

from __future__ import annotations

import pytest
from hypothesis import given

from factcheck.extraction import Extractor
from factcheck.models import Article
from factcheck.settings import Settings
from tests.strategies import claim_texts, messy_texts, small_counts

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


LINKED = [
    ("en", "The number of North Korean soldiers killed has risen to {n}.", "troops_killed"),
    ("en", "North Korea has deployed troops numbering {n}.", "troops_deployed"),
    ("en", "North Korean casualties reached {n}, officials said.", "troops_casualties"),
    ("hi", "मारे गए उत्तर कोरियाई सैनिकों की संख्या {n} है।", "troops_killed"),
    ("hi", "रूस में तैनात उत्तर कोरियाई सैनिकों की संख्या बढ़कर {n} हो गई है।", "troops_deployed"),
]
LINKED_NEGATIVE = [
    ("en", "The number of North Korean workers sent to Russia reached {n}."),
    ("en", "The death toll among Ukrainian civilians reached {n}."),
    ("hi", "रूस भेजे गए उत्तर कोरियाई मजदूरों की संख्या {n} है।"),
]


@pytest.mark.parametrize(("code", "template", "measure"), LINKED)
@given(n=small_counts)
def test_extraction_linked_number_reads_its_value(code, template, measure, n):
    """For any count, a noun standing before its number (count_links/heads) yields that value."""
    claims = EXTRACTOR.extract(Article(id="p", text=template.format(n=f"{n:,}"), language=code))
    assert [(c.measure, c.value.point) for c in claims] == [(measure, n)]


@pytest.mark.parametrize(("code", "template"), LINKED_NEGATIVE)
@given(n=small_counts)
def test_extraction_linked_number_of_untracked_things_is_no_claim(code, template, n):
    """For any count, workers or civilians before a linked number never yield a claim."""
    claims = EXTRACTOR.extract(Article(id="p", text=template.format(n=f"{n:,}"), language=code))
    assert claims == []
