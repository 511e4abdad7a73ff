"""The spaCy pipeline: spacy.blank plus factcheck's registered components."""

from __future__ import annotations

import pytest

from factcheck.extraction import Extractor
from factcheck.models import Article
from factcheck.extraction.pipeline import build_pipeline

COMPONENTS = ["factcheck_zones", "factcheck_sentences", "factcheck_numbers", "factcheck_claims"]

TEXTS = {
    "hi": "सीमा पर तनाव।\n" + "उत्तर कोरिया ने रूस में लगभग 12,000 सैनिक भेजे हैं। " * 3
    + "\nयह भी पढ़ें: 300 सैनिक भेजे गए",
    "en": "Border tension\n" + "North Korea has sent about 12,000 troops to Russia. " * 3
    + "\nAlso read: 300 troops were sent",
}


@pytest.mark.parametrize("code", ["hi", "en"])
def test_pipeline_has_our_components_on_a_blank_model(code):
    nlp = build_pipeline(code)
    assert nlp.pipe_names == COMPONENTS
    assert nlp.meta["name"] != "core_web_sm"  # nothing downloaded: a blank model


@pytest.mark.parametrize("code", ["hi", "en"])
def test_pipeline_sets_extension_attributes(code):
    doc = build_pipeline(code)(TEXTS[code])
    names = [z[2] for z in doc._.fc_zones]
    assert names[0] == "headline" and "body" in names and names[-1] == "boilerplate"
    assert len(doc._.fc_sentences) == 5
    assert all(m.kind for m in doc._.fc_numbers)
    assert [d.measure.name for d in doc._.fc_claims] == ["troops_deployed"] * 3
    spans = list(doc.spans["fc_claims"])
    assert len(spans) == 3
    assert all(s._.fc_measure == "troops_deployed" and s._.fc_value.point == 12000 for s in spans)


@pytest.mark.parametrize("code", ["hi", "en"])
def test_pipeline_sentence_starts_match_sentences(code):
    doc = build_pipeline(code)(TEXTS[code])
    starts = [s.start_char for s in doc.sents]
    assert starts == [s for s, _ in doc._.fc_sentences]


@pytest.mark.parametrize("code", ["hi", "en"])
def test_pipeline_offsets_point_into_unchanged_text(code):
    text = TEXTS[code]
    doc = build_pipeline(code)(text)
    assert doc.text == text
    for s, e in doc._.fc_sentences:
        assert text[s:e] == text[s:e].strip() and s < e


@pytest.mark.parametrize("code", ["hi", "en"])
def test_pipeline_is_built_once_per_language(code):
    ex = Extractor()
    assert ex.pipeline(code) is ex.pipeline(code)


@pytest.mark.parametrize("text", ["", " ", "\n\n", "।।।", "...", "12,000"])
def test_pipeline_handles_degenerate_texts(text):
    doc = build_pipeline("hi")(text)
    assert doc._.fc_claims == []


@pytest.mark.parametrize(("text", "figure"), [
    ("\ud800 North Korea sent 15,000 troops. \udfff", "15,000 troops"),
    ("North Korea sent 15,000 troops\udc80.", "15,000 troops"),
])
def test_pipeline_lone_surrogates_do_not_raise_and_offsets_hold(text, figure):
    """spaCy cannot store lone surrogates; the text itself is still what evidence cites."""
    (c,) = Extractor().extract(Article(id="s", text=text, language="en"))
    assert c.evidence.text == figure == text[c.evidence.start:c.evidence.end]


@pytest.mark.parametrize("code", ["hi", "en"])
def test_pipeline_long_texts_skip_tokenisation_but_keep_claims(code, monkeypatch):
    """Over TOKENIZE_MAX_CHARS the Doc is one token; zones, sentences and claims are unchanged."""
    from factcheck.extraction import pipeline

    nlp = build_pipeline(code)
    text = TEXTS[code]
    normal = pipeline.run_pipeline(nlp, text)
    monkeypatch.setattr(pipeline, "TOKENIZE_MAX_CHARS", 10)
    long = pipeline.run_pipeline(nlp, text)
    assert len(long) == 1 and long.text == text
    assert long._.fc_sentences == normal._.fc_sentences
    assert long._.fc_zones == normal._.fc_zones
    assert [(d.start, d.end, d.measure.name) for d in long._.fc_claims] == [
        (d.start, d.end, d.measure.name) for d in normal._.fc_claims
    ]
