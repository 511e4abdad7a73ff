"""``Report.to_json()`` (written by factcheck.reconcile.jsontext) is exactly ``json.dumps`` of ``to_dict()``."""

from __future__ import annotations

import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from factcheck.reconcile import Reconciler, Report
from factcheck.values import Approx, AtLeast, Between, Exact
from tests.strategies import make_claim, reconcile_claims, reconcile_claims_odd_text


def _reference(report: Report, indent: int | None) -> str:
    return json.dumps(report.to_dict(), ensure_ascii=False, indent=indent)


@given(
    st.lists(st.one_of(reconcile_claims(), reconcile_claims_odd_text()), max_size=25),
    st.sampled_from([0, 1, 2, 4]),
)
@settings(max_examples=150, deadline=None)
def test_reconcile_json_same_text_as_json_dumps(claims, indent):
    """to_json(indent=n) is byte for byte json.dumps(to_dict(), indent=n, ensure_ascii=False)."""
    report = Reconciler().run(claims)
    assert report.to_json(indent=indent) == _reference(report, indent)


@pytest.mark.parametrize(
    "texts",
    [
        # a quoted text holding the very separator the fast writer edits between objects
        ['"},\n      {"', "a\nb", "\u2028", "हज़ार"],
        ["600", "about 15,000", "more than 11,000", "600-2,000"],
    ],
)
@pytest.mark.parametrize("indent", [None, 0, 2, 3])
def test_reconcile_json_layout_edge_cases(texts, indent):
    values = [Exact(value=600), Approx(value=15000, tolerance=0.1), AtLeast(value=11000), Between(low=600, high=2000)]
    claims = [
        make_claim(v, text=t, source=t, chain=(t, "IANS"), article=f"a{i}", start=i)
        for i, (v, t) in enumerate(zip(values, texts))
    ]
    report = Reconciler().run(claims)
    text = report.to_json(indent=indent)
    assert text == _reference(report, indent)
    assert json.loads(text)["groups"][0]["claims"][0]["text"] in texts


@pytest.mark.parametrize("n", [0, 1])
def test_reconcile_json_empty_parts(n):
    claims = [make_claim(Exact(value=5), chain=())][:n]
    report = Reconciler().run(claims)
    assert report.to_json() == _reference(report, 2)


@pytest.mark.parametrize("n", [3])
def test_reconcile_json_rows_written_by_hand_match_model_dump(n):
    """Estimates, relations and article rows are built by hand for speed: same keys and values as model_dump."""
    claims = [make_claim(Exact(value=100 * (i + 1)), article=f"a{i}", start=i) for i in range(n)]
    report = Reconciler().run(claims)
    d = report.to_dict()
    g = report.groups[0]
    dumped = g.estimate.model_dump(mode="json")
    assert list(d["groups"][0]["estimate"]) == list(dumped)
    assert {k: v for k, v in d["groups"][0]["estimate"].items() if k not in ("low", "best", "high", "claims")} == {
        k: v for k, v in dumped.items() if k not in ("low", "best", "high", "claims")
    }
    assert g.relations and d["groups"][0]["relations"] == [r.model_dump(mode="json") for r in g.relations]
    assert d["articles"] == [a.model_dump(mode="json") for a in report.articles]
