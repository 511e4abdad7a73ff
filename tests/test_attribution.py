"""Corpus tests for attribution: who the article credits for a figure, and through whom.

Tables: tests/corpus/attribution/<lang>.yaml (positive ``examples``, ``negative``).
"""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from factcheck.attribution import analyse_article
from factcheck.attribution._sentences import split_sentences
from factcheck.langdata import load_language
from factcheck.models import UNATTRIBUTED, Article

CORPUS = Path(__file__).parent / "corpus" / "attribution"


def _cases(key: str) -> list:
    """Corpus cases under ``key``, then every file's ``known_gaps`` of the same shape as
    strict xfails (a gap that starts passing fails the run: move it to ``key``)."""
    out = []
    for path in sorted(CORPUS.glob("*.yaml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        for i, ex in enumerate(data.get(key, [])):
            out.append(pytest.param(path, ex, id=f"{path.stem}-{key}-{i}"))
        for i, ex in enumerate(data.get("known_gaps", [])):
            if ("source" in ex) == (key == "examples"):  # a gap with a source is a positive case
                out.append(pytest.param(path, ex, id=f"{path.stem}-known_gaps-{i}",
                                        marks=pytest.mark.xfail(strict=True, reason=f"{path.name}: {ex['why']}")))
    return out


def _attribute(path: Path, ex: dict, reference_date):
    text = ex["text"]
    start = text.find(ex["figure"])
    assert start >= 0, f"{path}: figure {ex['figure']!r} is not in its text {text!r}"
    zones = []
    if ex.get("headline"):
        first = text.find("\n")
        zones.append((0, first if first >= 0 else len(text), "headline"))
    art = Article(id=path.stem, text=text, published=reference_date)
    ctx = analyse_article(art, load_language(path.stem), split_sentences(text), zones)
    return ctx.attribute(start, start + len(ex["figure"]))


@pytest.mark.parametrize(("path", "ex"), _cases("examples"))
def test_attribution_corpus_credits_source(path, ex, reference_date):
    att = _attribute(path, ex, reference_date)
    where = f"{path.name}: {ex['text']!r}, figure {ex['figure']!r}"
    assert att.source == ex["source"], f"{where}: source {att.source!r}, want {ex['source']!r}"
    if "chain" in ex:
        assert list(att.chain) == ex["chain"], f"{where}: chain {att.chain}, want {ex['chain']}"


@pytest.mark.parametrize(("path", "ex"), _cases("negative"))
def test_attribution_corpus_negative_stays_unattributed(path, ex, reference_date):
    att = _attribute(path, ex, reference_date)
    assert att.source == UNATTRIBUTED, (
        f"{path.name}: {ex['text']!r}, figure {ex['figure']!r} ({ex['why']}): got {att.source!r}"
    )


@pytest.mark.parametrize("code", ["hi", "en"])
def test_attribution_source_span_names_the_source(code, reference_date):
    """The attribution's start/end slice back to the source mention."""
    text = {"hi": "एनआईएस के अनुसार 500 सैनिक भेजे गए।",
            "en": "According to the NIS, 500 troops were sent."}[code]
    art = Article(id="x", text=text, published=reference_date)
    ctx = analyse_article(art, load_language(code), split_sentences(text), [])
    fig = text.find("500")
    att = ctx.attribute(fig, fig + 3)
    assert text[att.start:att.end] in {"एनआईएस", "NIS"}
    assert att.cue


@pytest.mark.parametrize(("code", "text", "wire"), [
    ("hi", "सियोल, 13 अगस्त (एपी) उत्तर कोरिया ने 500 सैनिक भेजे।", "AP"),
    ("hi", "उत्तर कोरिया ने 500 सैनिक भेजे।\n\n--आईएएनएस", "IANS"),
    ("en", "SEOUL (Reuters) - North Korea sent 500 troops.", "Reuters"),
    ("en", "Kim meets Putin (AP)\nNorth Korea sent 500 troops.", None),
])
def test_attribution_wire_dateline(code, text, wire, reference_date):
    art = Article(id="w", text=text, published=reference_date)
    ctx = analyse_article(art, load_language(code), split_sentences(text), [])
    assert ctx.wire == wire
    fig = text.find("500")
    assert ctx.attribute(fig, fig + 3).chain == ((wire,) if wire else ())


@pytest.mark.parametrize(("text", "figure", "source"), [
    ("ТАСС заявило, что 500 солдат погибли.", "500 солдат", "TASS"),
    ("Минобороны заявил: 300 солдат ранены.", "300 солдат", "Russian MoD"),
])
def test_attribution_wildcard_cue_matches_any_ending(text, figure, source, reference_date):
    from factcheck.attribution.schema import AttributionData, Cues
    from factcheck.langdata import LanguageData

    lang = LanguageData(code="xx", name="Test", attribution=AttributionData(cues=Cues(source_before=("заяви*",))))
    ctx = analyse_article(Article(id="w", text=text, published=reference_date), lang, split_sentences(text), [])
    start = text.find(figure)
    assert ctx.attribute(start, start + len(figure)).source == source


@pytest.mark.parametrize("pattern", ["^(unclosed {wire}"])
def test_attribution_bad_dateline_pattern_names_the_key(pattern, reference_date):
    from factcheck.attribution.schema import AttributionData
    from factcheck.errors import DataError
    from factcheck.langdata import LanguageData

    lang = LanguageData(code="xx", name="Test", attribution=AttributionData(dateline_patterns=(pattern,)))
    with pytest.raises(DataError, match=r"attribution\.dateline_patterns\.0"):
        analyse_article(Article(id="d", text="x", published=reference_date), lang, [(0, 1)], [])


@pytest.mark.parametrize("pattern", ["(unclosed"])
def test_attribution_bad_source_pattern_names_source_and_key(pattern):
    from factcheck.attribution import Source, SourceRegistry
    from factcheck.attribution.cues import source_matcher
    from factcheck.errors import DataError

    reg = SourceRegistry()
    reg.define(Source(id="R", name="R", kind="report", patterns={"en": (pattern,)}))
    with pytest.raises(DataError, match=r"'R'.*patterns\.en\.0"):
        source_matcher(reg)
