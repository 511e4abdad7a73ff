"""Whole wire-style articles (tests/data/extraction/*.txt) against expected.yaml.

Each article must yield every expected claim with the listed fields (recall) and no other
claim (precision): the unrelated numbers of real coverage — ages, dates, distances, money,
percentages, workers, calibres, a country's own army, teasers — must stay silent.
A failure names the article and the claim.
"""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from factcheck.extraction import extract

DATA = Path(__file__).parent / "data" / "extraction"
EXPECTED = yaml.safe_load((DATA / "expected.yaml").read_text(encoding="utf-8"))["articles"]
ARTICLES = sorted(EXPECTED.items())
GAPS = [(name, i, gap) for name, spec in ARTICLES for i, gap in enumerate(spec.get("known_gaps") or [])]


def _record(c) -> dict:
    return {
        "quote": c.evidence.text,
        "measure": c.measure,
        "value": c.value.point,
        "bound": c.value.bound,
        "role": c.role.value,
        "modality": c.modality.value,
        "subject": c.subject,
    }


def _claims(name: str, spec: dict) -> list[dict]:
    text = (DATA / name).read_text(encoding="utf-8")
    return [_record(c) for c in extract(text, language=spec["language"])]


def _same(got: dict, want: dict) -> bool:
    for key, expected in want.items():
        if key == "why":
            continue
        actual = got[key]
        if key == "value" and expected is not None:
            if actual is None or abs(actual - expected) > 1e-9:
                return False
        elif actual != expected:
            return False
    return True


@pytest.mark.parametrize(("name", "spec"), ARTICLES, ids=[n for n, _ in ARTICLES])
def test_extraction_articles_yield_expected_claims(name, spec):
    got = _claims(name, spec)
    want = spec["claims"]
    for i, w in enumerate(want):
        hits = [g for g in got if g["quote"] == w["quote"]]
        assert hits, f"{name}: expected claim #{i} {w['quote']!r} not found; got {[g['quote'] for g in got]}"
        assert any(_same(g, w) for g in hits), f"{name}: claim #{i} {w['quote']!r}: got {hits}, expected {w}"
    extra = [g for g in got if not any(_same(g, w) for w in want)]
    assert not extra, f"{name}: unexpected claims (precision): {extra}"
    assert len(got) == len(want), f"{name}: expected {len(want)} claims, got {len(got)}: {got}"


@pytest.mark.parametrize(
    ("name", "index", "gap"),
    [pytest.param(n, i, g, marks=pytest.mark.xfail(strict=True, reason=g["why"])) for n, i, g in GAPS],
    ids=[f"{n}#gap{i}" for n, i, _ in GAPS],
)
def test_extraction_articles_known_gaps(name, index, gap):
    got = _claims(name, EXPECTED[name])
    assert any(_same(g, gap) for g in got), f"{name}: gap #{index} {gap['quote']!r} not read"
