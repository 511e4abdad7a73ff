"""The per-group estimate: low / best / high for the latest period (docs/reconcile.md)."""

from __future__ import annotations

import datetime as dt

import pytest

from factcheck.reconcile import reconcile
from factcheck.values import Approx, AtLeast, Between, Exact, Vague
from tests.strategies import make_claim

D = dt.date


@pytest.mark.parametrize(
    ("claims", "expected"),
    [
        pytest.param(
            [make_claim(Exact(value=600), as_of=D(2025, 4, 1), precision="month"),
             make_claim(Approx(value=2000), source="NIS", as_of=D(2025, 9, 4), article="k2")],
            {"low": 1800, "best": 2000, "high": 2200, "as_of": "2025-09-04", "independent_sources": 1,
             "consistent": True, "claims": [1]},
            id="latest-period-only",
        ),
        pytest.param(
            [make_claim(AtLeast(value=11000, strict=True), source="MSMT", as_of=D(2024, 12, 1), precision="month"),
             make_claim(Approx(value=15000), source="South Korea", as_of=D(2025, 8, 13), article="k2"),
             make_claim(Approx(value=15000), source="NIS", as_of=D(2025, 9, 4), article="k3")],
            {"low": 13500, "best": 15000, "high": 16500, "as_of": "2025-09-04", "independent_sources": 2,
             "consistent": True, "claims": [1, 2]},
            id="two-sources-same-period",
        ),
        pytest.param(  # a running total never shrinks: the earlier lower bound still holds
            [make_claim(AtLeast(value=12000), source="MSMT", as_of=D(2025, 1, 1)),
             make_claim(Between(low=10000, high=20000), source="NIS", as_of=D(2025, 9, 4), article="k2")],
            {"low": 12000, "best": 15000, "high": 20000, "consistent": True},
            id="carried-low",
        ),
        pytest.param(  # contradicting figures: envelope, most conservative best, flagged
            [make_claim(Approx(value=3000), source="NIS", as_of=D(2025, 1, 13)),
             make_claim(AtLeast(value=4000, strict=True), source="Ukraine", as_of=D(2025, 1, 20), article="k2")],
            {"low": 2700, "best": 3000, "high": None, "consistent": False},
            id="contradiction-envelope",
        ),
        pytest.param(  # two exact figures cannot both hold: envelope, the smaller figure as best
            [make_claim(Exact(value=1500), source="A", as_of=D(2025, 9, 1)),
             make_claim(Exact(value=1700), source="B", as_of=D(2025, 9, 2), article="k2"),
             make_claim(Between(low=1000, high=2000), source="C", as_of=D(2025, 9, 3), article="k3")],
            {"low": 1000, "best": 1500, "high": 2000, "consistent": False},
            id="exact-figures-disagree",
        ),
        pytest.param(  # ACLED: the most conservative figure that fits every bound
            [make_claim(AtLeast(value=1000), source="A", as_of=D(2025, 9, 1)),
             make_claim(Between(low=900, high=3000), source="B", as_of=D(2025, 9, 2), article="k2")],
            {"low": 1000, "best": 1000, "high": 3000, "consistent": True},
            id="most-conservative-best",
        ),
        pytest.param(
            [make_claim(Vague(low=1000, word="thousands"), as_of=D(2024, 11, 30))],
            {"low": 1000, "best": 1000, "high": None, "as_of": "2024-11-30"},
            id="vague-only",
        ),
        pytest.param(
            [make_claim(Approx(value=6000), modality="possible", as_of=D(2025, 9, 4))],
            {"low": None, "best": None, "high": None, "as_of": None, "claims": []},
            id="nothing-asserted",
        ),
        pytest.param(
            [make_claim(Exact(value=600)), make_claim(Exact(value=700), article="k2")],
            {"low": 600, "best": 600, "high": 700, "as_of": None, "consistent": False},
            id="no-dates-one-period",
        ),
    ],
)
def test_reconcile_estimate_rule(claims, expected):
    (g,) = reconcile(claims).groups
    got = g.estimate.to_dict()
    assert {k: got[k] for k in expected} == expected, got


@pytest.mark.parametrize(
    ("claims", "expected"),
    [
        pytest.param(
            [make_claim(Vague(low=1000, word="thousands"), as_of=D(2024, 11, 28)),
             make_claim(AtLeast(value=11000, strict=True), source="MSMT", as_of=D(2024, 12, 1), precision="month",
                        article="k2"),
             make_claim(Approx(value=15000), source="South Korea", as_of=D(2025, 8, 13), article="k3"),
             make_claim(Approx(value=15000), source="NIS", as_of=D(2025, 9, 4), article="k4")],
            [(11000, 11000, None, "2024-12", (0, 1)), (13500, 15000, 16500, "2025-09-04", (2, 3))],
            id="two-periods",
        ),
        pytest.param(
            [make_claim(Exact(value=1), as_of=D(2025, 1, 1)),
             make_claim(Exact(value=2), as_of=D(2025, 1, 25), article="k2"),
             make_claim(Exact(value=3), as_of=D(2025, 2, 20), article="k3")],
            [(1, 1, 1, "2025-01-01", (0,)), (2, 2, 3, "2025-02-20", (1, 2))],
            id="cut-from-the-latest-backwards",
        ),
    ],
)
def test_reconcile_estimate_per_period(claims, expected):
    (g,) = reconcile(claims).groups
    got = [(p.to_dict()["low"], p.to_dict()["best"], p.to_dict()["high"], p.as_of, p.claims) for p in g.periods]
    assert got == expected
    assert g.estimate == g.periods[-1]
