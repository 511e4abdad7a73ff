"""Core models: validation names the field, records have the documented shape."""

from __future__ import annotations

import datetime as dt
import math

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
from factcheck.values import AtLeast, Between, Exact

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


@pytest.mark.parametrize("update", [{"subject": "Russia"}, {"subset": "engineers"}])
def test_models_shared_fields_set_keeps_copy_semantics(update):
    a, b = _claim(), _claim()
    assert a.model_fields_set is b.model_fields_set  # one set per combination of given fields
    copied = a.model_copy(update=update)
    assert copied.model_fields_set == a.model_fields_set | set(update)
    assert "subset" not in a.model_fields_set and a == b and hash(a) == hash(b)
    assert copied != a and copied.model_copy(update={k: getattr(a, k) for k in update}) == a


@pytest.mark.parametrize("method", ["add", "update", "clear"])
def test_models_shared_fields_set_is_read_only(method):
    with pytest.raises(TypeError):
        getattr(_claim().model_fields_set, method)(*(["x"] if method != "clear" else []))


@pytest.mark.parametrize(
    ("model", "fields"),
    [
        (Article, {"id": "a", "text": "x"}),
        (TimeScope, {"reason": "no date"}),
        (TimeScope, {"as_of": dt.date(2025, 1, 5), "precision": "day", "start": None, "end": None,
                     "phrase": None, "reason": None}),
    ],
)
def test_models_fields_set_names_the_given_fields(model, fields):
    assert model(**fields).model_fields_set == set(fields)
    assert model.model_construct(**fields).model_fields_set == set(fields)


@pytest.mark.parametrize("claim", [_claim()])
def test_models_claim_pickles_to_an_equal_claim(claim):
    import pickle

    back = pickle.loads(pickle.dumps(claim))
    assert back == claim and back.model_fields_set == claim.model_fields_set
    back.model_copy(update={"subject": "x"})  # a plain set after unpickling: copy still works


@pytest.mark.parametrize(
    "make", [lambda: AtLeast(value=11000, strict=True), lambda: Between(low=10000, high=12000)]
)
def test_models_claims_share_equal_parts(make):
    a = _claim(make())
    b = _claim(make())
    assert a.value is b.value and a.time is b.time and a.attribution is b.attribution
    assert a.evidence is not b.evidence


@pytest.mark.parametrize("zero", [0.0, -0.0])
def test_models_claim_keeps_the_sign_of_zero(zero):
    """-0.0 equals 0.0 but prints differently: a shared value must not swap one for the other."""
    a, b = _claim(Exact(value=0.0)), _claim(Exact(value=zero))
    assert math.copysign(1.0, b.value.value) == math.copysign(1.0, zero)
    assert (b.value is a.value) == (math.copysign(1.0, zero) > 0)


@pytest.mark.parametrize("fields", [{}, {"article_id": "a"}, {"value": {"kind": "exact", "value": 1}}])
def test_models_claim_construct_takes_partial_or_raw_fields(fields):
    c = Claim.model_construct(**fields)
    assert c.model_fields_set == set(fields)
    assert all(getattr(c, k) == v for k, v in fields.items())


@pytest.mark.parametrize("given", [{"value": 600.0}, {"value": 600.0, "tolerance": 0.1}])
def test_models_shared_value_keeps_its_given_fields(given):
    from factcheck.values import Approx

    value = Approx(**given)
    assert _claim(value).value.model_fields_set == set(given) | {"value"}
