"""The current figure: low / best / high from each originator's latest figure (docs/reconcile.md)."""

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
        pytest.param(  # an older figure of another source is superseded by a later one
            [make_claim(Exact(value=600), as_of=D(2025, 4, 1), precision="month"),
             make_claim(Approx(value=2000), source="NIS", as_of=D(2025, 9, 4), article="k2")],
            {"low": 1800, "best": 2000, "high": 2200, "as_of": "2025-09-04", "independent_sources": 1,
             "claims": [1], "originators": ["NIS"], "set_aside": [0]},
            id="superseded",
        ),
        pytest.param(  # relays of one originator count once; the latest figure of each originator
            [make_claim(AtLeast(value=11000, strict=True), source="NIS", as_of=D(2024, 12, 1), precision="month"),
             make_claim(Approx(value=13000), source="NIS", chain=("Yonhap",), as_of=D(2025, 8, 13), article="k2"),
             make_claim(Approx(value=15000), source="JCS", as_of=D(2025, 9, 4), article="k3")],
            {"low": 13000, "best": 15000, "high": 15000, "as_of": "2025-09-04", "independent_sources": 2,
             "claims": [1, 2], "originators": ["NIS", "JCS"]},
            id="latest-per-originator",
        ),
        pytest.param(  # a stale restatement: below what two others had already reported
            [make_claim(Approx(value=13000), source="NIS", as_of=D(2025, 8, 1)),
             make_claim(Approx(value=15000), source="JCS", as_of=D(2025, 8, 20), article="k2"),
             make_claim(Exact(value=11000), source="Kremlin", as_of=D(2025, 9, 4), article="k3")],
            {"best": 15000, "as_of": "2025-08-20", "set_aside": [2]},
            id="stale-restatement",
        ),
        pytest.param(  # an outlier, five times from the median, does not drag the figure down
            [make_claim(Approx(value=2000), source="NIS", as_of=D(2025, 9, 1)),
             make_claim(Approx(value=2200), source="JCS", as_of=D(2025, 9, 2), article="k2"),
             make_claim(Exact(value=9), source="KCNA", as_of=D(2025, 9, 10), article="k3")],
            {"best": 2200, "low": 2000, "high": 2200, "set_aside": [2]},
            id="outlier",
        ),
        pytest.param(  # equal figures: the date is the one whose window lies latest (a day beats its month)
            [make_claim(Exact(value=2), source="South Korea", as_of=D(2025, 1, 1), precision="month"),
             make_claim(Exact(value=2), source="NIS", as_of=D(2025, 1, 24), article="k2")],
            {"best": 2, "as_of": "2025-01-24"},
            id="tie-latest-mid-window",
        ),
        pytest.param(  # a vague word alone: its interval
            [make_claim(Vague(low=1000, word="thousands"), as_of=D(2024, 11, 30))],
            {"low": 1000, "best": 1000, "high": None, "as_of": "2024-11-30"},
            id="vague-only",
        ),
        pytest.param(
            [make_claim(Approx(value=6000), modality="possible", as_of=D(2025, 9, 4))],
            {"low": None, "best": None, "high": None, "as_of": None, "claims": []},
            id="nothing-asserted",
        ),
        pytest.param(  # no date anywhere: all figures form one period (the period rule)
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


def test_reconcile_estimate_reason_names_what_was_set_aside():
    claims = [make_claim(Approx(value=2000), source="NIS", as_of=D(2025, 9, 1)),
              make_claim(Approx(value=2200), source="JCS", as_of=D(2025, 9, 2), article="k2"),
              make_claim(Exact(value=9), text="nine", source="KCNA", as_of=D(2025, 9, 10), article="k3")]
    note = reconcile(claims).groups[0].estimate.note
    assert "NIS" in note and "JCS" in note
    assert "KCNA “nine”" in note and "outlier" in note


def test_reconcile_estimate_not_a_running_total_takes_the_median():
    claims = [make_claim(Exact(value=v), source=s, as_of=D(2025, 9, d), article=s, measure="weekly_attacks")
              for v, s, d in ((40, "A", 1), (50, "B", 2), (70, "C", 3))]
    got = reconcile(claims, cumulative=set()).groups[0].estimate
    assert (got.low, got.best, got.high) == (40, 50, 70)


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
