"""Core models: validation names the field, records have the documented shape."""

from __future__ import annotations

import datetime as dt

import pytest
from pydantic import ValidationError

from factcheck.models import (
    Article,
    Attribution,
    Claim,
    Evidence,
    Modality,
    Role,
    TimeScope,
)
from factcheck.values import AtLeast, Between

TEXT = "By the end of 2024 more than 11,000 troops were deployed, the report said."


def _claim(value=None, **kw) -> Claim:
    start = TEXT.index("more than")
    end = TEXT.index(" were")
    return Claim(
        article_id="a1",
        measure="troops_deployed",
        subject="North Korea",
        value=value or AtLeast(value=11000, strict=True),
        unit="soldier",
        attribution=Attribution(source="MSMT", chain=("Bloomberg", "MSMT")),
        time=TimeScope(as_of=dt.date(2024, 12, 31), precision="day"),
        evidence=Evidence(
            article_id="a1", start=start, end=end, text=TEXT[start:end],
            sentence_start=0, sentence_end=len(TEXT), sentence=TEXT,
        ),
        **kw,
    )


@pytest.mark.parametrize(
    ("fields", "field"),
    [
        ({"id": "", "text": "x"}, "id"),
        ({"id": "a", "text": None}, "text"),
        ({"id": "a", "text": "x", "published": "yesterday"}, "published"),
        ({"id": "a", "text": "x", "colour": "red"}, "colour"),
    ],
)
def test_models_article_invalid_input_names_the_field(fields, field):
    with pytest.raises(ValidationError) as e:
        Article(**fields)
    assert field in str(e.value)


@pytest.mark.parametrize(
    ("start", "end", "text"),
    [(5, 3, ""), (0, 4, "abc"), (0, 200, "x" * 200)],
)
def test_models_evidence_refuses_inconsistent_spans(start, end, text):
    with pytest.raises(ValidationError):
        Evidence(article_id="a", start=start, end=end, text=text, sentence_start=0, sentence_end=100)


@pytest.mark.parametrize(
    ("scope", "expected"),
    [
        (TimeScope(as_of=dt.date(2025, 4, 1), precision="month"), "2025-04"),
        (TimeScope(as_of=dt.date(2024, 12, 31), precision="year"), "2024"),
        (TimeScope(as_of=dt.date(2025, 9, 4), precision="day"), "2025-09-04"),
        (TimeScope(reason="article date unknown"), None),
    ],
)
def test_models_time_scope_prints_at_its_precision(scope, expected):
    assert scope.as_of_text() == expected


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (AtLeast(value=11000, strict=True), {"value": 11000, "low": 11000, "high": None, "bound": "more_than"}),
        (Between(low=10000, high=12000), {"value": 11000, "low": 10000, "high": 12000, "bound": "range"}),
    ],
)
def test_models_claim_record_has_documented_fields(value, expected):
    rec = _claim(value).to_record()
    for k in ("article", "measure", "subject", "value", "low", "high", "bound", "unit", "modality",
              "role", "source", "chain", "as_of", "text", "start", "end", "sentence"):
        assert k in rec
    assert {k: rec[k] for k in expected} == expected
    assert rec["source"] == "MSMT" and rec["chain"] == ["Bloomberg", "MSMT"]
    assert TEXT[rec["start"]:rec["end"]] == rec["text"]
    assert rec["modality"] == Modality.ASSERTED.value and rec["role"] == Role.TOTAL.value


@pytest.mark.parametrize("claim", [_claim()])
def test_models_claim_round_trips_through_json(claim):
    assert Claim.model_validate_json(claim.model_dump_json()) == claim
