"""The claim gate loses nothing: gated extraction equals reading every sentence.

``Extractor()`` reads numbers and drafts claims only in the sentences the gate keeps
(factcheck/extraction/gate.py); ``Extractor(gate=False)`` reads every sentence. Both must
give the same claims on every test corpus, the seed articles and generated text.
"""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from factcheck.extraction import Extractor
from factcheck.extraction.analysis import analyse_text
from factcheck.extraction.gate import claim_sentences
from factcheck.extraction.lexicon import lexicon_for
from factcheck.extraction.measures import default_registry
from factcheck.extraction.sentences import split_sentences
from factcheck.langdata import load_language, supported_languages
from factcheck.models import Article
from factcheck.settings import Settings
from tests.strategies import claim_texts, lexicon_texts, messy_texts

GATED = Extractor()
UNGATED = Extractor(gate=False)
GATED_BP = Extractor(Settings(include_boilerplate=True))
UNGATED_BP = Extractor(Settings(include_boilerplate=True), gate=False)

CORPUS = Path(__file__).parent / "corpus" / "extraction"
ARTICLES = Path(__file__).parent / "data" / "extraction"


def _corpus_texts() -> list[tuple[str, str, str]]:
    """(where, language, text) of every example, negative and known gap of the corpus tables."""
    out = []
    for path in sorted(CORPUS.glob("*.yaml")):
        table = yaml.safe_load(path.read_text(encoding="utf-8"))
        if path.stem == "negatives":
            for code, items in table.items():
                out += [(f"{path.name}:{code}#{i}", code, ex["text"]) for i, ex in enumerate(items)]
            continue
        for key in ("examples", "negatives", "known_gaps"):
            out += [(f"{path.name}:{key}#{i}", path.stem, ex["text"])
                    for i, ex in enumerate(table.get(key) or [])]
    return out


CORPUS_TEXTS = _corpus_texts()


def _same(article: Article, where: str) -> None:
    for gated, ungated in ((GATED, UNGATED), (GATED_BP, UNGATED_BP)):
        got, want = gated.extract(article), ungated.extract(article)
        assert got == want, f"{where}: gated {[c.evidence.text for c in got]} != ungated {[c.evidence.text for c in want]}"


@pytest.mark.parametrize("table", sorted({w.split(":")[0] for w, _, _ in CORPUS_TEXTS}))
def test_extraction_gate_same_claims_on_corpus_tables(table):
    for where, code, text in (x for x in CORPUS_TEXTS if x[0].startswith(table + ":")):
        _same(Article(id=where, text=text, language=code), f"tests/corpus/extraction/{where}")


@pytest.mark.parametrize("name", sorted(p.name for p in ARTICLES.glob("*.txt")))
def test_extraction_gate_same_claims_on_test_articles(name):
    text = (ARTICLES / name).read_text(encoding="utf-8")
    _same(Article(id=name, text=text, language=name.split("_")[0]), f"tests/data/extraction/{name}")


@pytest.mark.parametrize("kind", ["seeds"])
def test_extraction_gate_same_claims_on_seed_articles(kind, shared_dir):
    from factcheck.io import load_articles

    articles = load_articles([shared_dir / "corpus" / kind])
    assert articles
    for a in articles:
        _same(a, f"{kind}: {a.id}")


def _same_drafts(code: str, text: str, include_boilerplate: bool = False) -> None:
    lang = load_language(code)
    s = Settings(include_boilerplate=include_boilerplate)
    gated = analyse_text(text, lang, s, default_registry(), gate=True)
    ungated = analyse_text(text, lang, s, default_registry(), gate=False)
    assert gated.drafts == ungated.drafts, text


@pytest.mark.parametrize("code", sorted(supported_languages()))
@settings(max_examples=150, deadline=None)
@given(data=st.data())
def test_extraction_gate_same_drafts_on_lexicon_text(code, data):
    """For text built from a language's lexicon words and numbers, gated drafts equal ungated."""
    text = data.draw(lexicon_texts(code))
    _same_drafts(code, text, include_boilerplate=data.draw(st.booleans()))


@pytest.mark.parametrize("code", ["hi", "en"])
@given(text=st.one_of(claim_texts(), messy_texts()))
def test_extraction_gate_same_drafts_on_claim_and_messy_text(code, text):
    """For claim-dense and messy text, gated drafts equal ungated."""
    _same_drafts(code, text)


@pytest.mark.parametrize("code", sorted(supported_languages()))
@settings(max_examples=100, deadline=None)
@given(data=st.data())
def test_extraction_gate_keeps_every_claim_sentence(code, data):
    """Every sentence an ungated draft stands in is kept by the gate."""
    text = data.draw(lexicon_texts(code))
    lex = lexicon_for(load_language(code))
    kept = set(claim_sentences(text, split_sentences(text, lex), lex))
    drafts = analyse_text(text, load_language(code), Settings(), default_registry(), gate=False).drafts
    assert {(d.sentence_start, d.sentence_end) for d in drafts} <= kept


@pytest.mark.parametrize(("code", "text", "kept"), [
    ("en", "The weather was fine. North Korea sent 2,000 troops. Prices rose 5 %.",
     ["North Korea sent 2,000 troops."]),
    ("en", "Prices rose by 2,000. Troops stood by.", []),
    ("hi", "मौसम अच्छा था। उत्तर कोरिया ने 2,000 सैनिक भेजे।", ["उत्तर कोरिया ने 2,000 सैनिक भेजे।"]),
])
def test_extraction_gate_drops_sentences_without_thing_and_event(code, text, kept):
    lex = lexicon_for(load_language(code))
    assert [text[s:e] for s, e in claim_sentences(text, split_sentences(text, lex), lex)] == kept


#: Characters where simple and full case folding differ, and their neighbours.
CASE_TRAPS = ["ß", "ẞ", "ss", "SS", "ﬁ", "ſ", "K", "İ", "ı", "ǰ", "ΐ", " ", "\n", "x"]


@pytest.mark.parametrize(("scan", "pattern"), [("subject_scan", "any_subject"),
                                                ("widget_scan", "widget_marker")])
@pytest.mark.parametrize("code", sorted(supported_languages()))
@settings(max_examples=150, deadline=None)
@given(data=st.data())
def test_extraction_prefiltered_scan_equals_finditer(code, scan, pattern, data):
    """A prefiltered scan (lexicon.WordScan) finds exactly the matches of its guarded pattern,
    whatever the case and however the characters fold."""
    lex = lexicon_for(load_language(code))
    d = load_language(code).extraction
    forms = sorted({w for ws in d.subjects.values() for w in ws} | set(d.boilerplate.line_contains))
    variant = st.sampled_from(forms).flatmap(
        lambda w: st.sampled_from([w, w.upper(), w.lower(), w.swapcase(), w.title()]))
    part = st.one_of(variant, st.sampled_from(CASE_TRAPS), st.text(max_size=3))
    text = data.draw(st.one_of(lexicon_texts(code), st.lists(part, max_size=20).map("".join)))
    lo = data.draw(st.integers(0, len(text)))
    hi = data.draw(st.integers(lo, len(text)))
    want = [m.span() for m in getattr(lex, pattern).finditer(text, lo, hi)]
    assert [m.span() for m in getattr(lex, scan).finditer(text, lo, hi)] == want, repr(text)
