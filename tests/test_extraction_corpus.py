"""Extraction corpus tables (tests/corpus/extraction/<lang>.yaml) and the negative corpus.

Every example's text must yield exactly the listed claims, in text order, with the listed
measure, value, bound, modality, role, evidence text (and subject/subset/source when given).
A failure names the file and the example.
"""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from factcheck.extraction import extract

CORPUS = Path(__file__).parent / "corpus" / "extraction"
#: Every language with a corpus table: tests/corpus/extraction/<code>.yaml.
LANGS = tuple(sorted(p.stem for p in CORPUS.glob("*.yaml") if p.stem != "negatives"))


def _table(code: str) -> dict:
    return yaml.safe_load((CORPUS / f"{code}.yaml").read_text(encoding="utf-8"))


def _examples(code: str, key: str = "examples") -> list[tuple[str, int, dict]]:
    return [(f"{code}.yaml:{key}#{i}", i, ex) for i, ex in enumerate(_table(code).get(key) or [])]


POSITIVE = [(code, where, ex) for code in LANGS for where, _, ex in _examples(code)]
# negatives.yaml holds hi and en traps; other languages keep theirs under `negatives:`
NEGATIVE = [
    (code, f"negatives.yaml:{code}#{i}", ex)
    for code, items in yaml.safe_load((CORPUS / "negatives.yaml").read_text(encoding="utf-8")).items()
    for i, ex in enumerate(items)
] + [(code, where, ex) for code in LANGS for where, _, ex in _examples(code, "negatives")]
# wordings the engine cannot read yet, each with the reason: strict xfail
KNOWN_GAPS = [(code, where, ex) for code in LANGS for where, _, ex in _examples(code, "known_gaps")]


def _describe(c) -> dict:
    return {
        "measure": c.measure,
        "value": c.value.point,
        "bound": c.value.bound,
        "modality": c.modality.value,
        "role": c.role.value,
        "subject": c.subject,
        "subset": c.subset,
        "evidence": c.evidence.text,
        "source": c.source,
    }


def _check_claims(code: str, where: str, example: dict) -> None:
    text = example["text"]
    got = [_describe(c) for c in extract(text, language=code)]
    want = example["claims"]
    assert len(got) == len(want), f"{where}: {text!r}: expected {len(want)} claims, got {got}"
    for g, w in zip(got, want):
        for key, expected in w.items():
            actual = g[key]
            if key == "value" and expected is not None:
                ok = actual is not None and abs(actual - expected) < 1e-9
            else:
                ok = actual == expected
            assert ok, f"{where}: {text!r}: {key} = {actual!r}, expected {expected!r} (claim {g})"


@pytest.mark.parametrize(("code", "where", "example"), POSITIVE, ids=[w for _, w, _ in POSITIVE])
def test_extraction_corpus_yields_expected_claims(code, where, example):
    _check_claims(code, where, example)


@pytest.mark.parametrize(
    ("code", "where", "example"),
    [pytest.param(c, w, ex, marks=pytest.mark.xfail(strict=True, reason=ex.get("why", "known gap")))
     for c, w, ex in KNOWN_GAPS],
    ids=[w for _, w, _ in KNOWN_GAPS],
)
def test_extraction_corpus_known_gaps(code, where, example):
    _check_claims(code, where, example)


@pytest.mark.parametrize(("code", "where", "example"), POSITIVE, ids=[w for _, w, _ in POSITIVE])
def test_extraction_corpus_evidence_slices_back(code, where, example):
    text = example["text"]
    for c in extract(text, language=code):
        assert text[c.evidence.start:c.evidence.end] == c.evidence.text, where
        assert text[c.evidence.sentence_start:c.evidence.sentence_end] == c.evidence.sentence, where


@pytest.mark.parametrize(("code", "where", "example"), NEGATIVE, ids=[w for _, w, _ in NEGATIVE])
def test_extraction_negative_corpus_yields_nothing(code, where, example):
    got = [(c.measure, c.evidence.text) for c in extract(example["text"], language=code)]
    assert got == [], f"{where} ({example['why']}): {example['text']!r} yielded {got}"


@pytest.mark.parametrize("code", LANGS)
def test_extraction_corpus_covers_every_measure_modality_and_role(code):
    """The table itself: each measure whose thing the language counts (has nouns for),
    each modality and each role appears at least once per language."""
    from factcheck.extraction.measures import default_registry
    from factcheck.langdata import load_language
    from factcheck.models import Modality, Role

    counted = load_language(code).extraction.nouns
    claims = [c for _, _, ex in _examples(code) for c in ex["claims"]]
    assert {c["measure"] for c in claims} >= {m.name for m in default_registry() if m.counts in counted}, code
    assert {c["modality"] for c in claims} == {m.value for m in Modality}, code
    assert {c["role"] for c in claims} == {r.value for r in Role}, code
