"""Reconciliation rules, one hand-written case per rule (claims built by hand, no extraction)."""

from __future__ import annotations

import datetime as dt

import pytest

from factcheck.reconcile import reconcile, relate
from factcheck.settings import Settings
from factcheck.values import Approx, AtLeast, Between, Exact, Vague
from tests.strategies import make_claim

D = dt.date


def _only_group(report):
    assert len(report.groups) == 1, [g.key for g in report.groups]
    return report.groups[0]


@pytest.mark.parametrize(
    ("a", "b", "cumulative", "expected"),
    [
        pytest.param(  # same period (six days apart), disjoint values, independent sources
            make_claim(Exact(value=2000), text="2,000", source="NIS", as_of=D(2025, 9, 4), article="k1"),
            make_claim(Exact(value=4000), text="4,000", source="Ukraine", as_of=D(2025, 9, 10), article="k2"),
            True, "conflict", id="same-period-disjoint",
        ),
        pytest.param(  # one originator's running total cannot shrink, however far apart
            make_claim(Approx(value=15000), text="about 15,000", source="NIS", as_of=D(2025, 8, 1), article="k1"),
            make_claim(Exact(value=9000), text="9,000", source="NIS", as_of=D(2025, 12, 1), article="k2"),
            True, "conflict", id="shrinking-cumulative",
        ),
        pytest.param(  # another originator's lower figure months later: most often a stale restatement
            make_claim(Approx(value=15000), text="about 15,000", source="NIS", as_of=D(2025, 8, 1), article="k1"),
            make_claim(Exact(value=9000), text="9,000", source="KCNA", as_of=D(2025, 12, 1), article="k2"),
            True, "not_comparable", id="stale-other-originator",
        ),
        pytest.param(  # another originator's lower figure within the period: a disagreement
            make_claim(Approx(value=15000), text="about 15,000", source="NIS", as_of=D(2025, 8, 1), article="k1"),
            make_claim(Exact(value=9000), text="9,000", source="KCNA", as_of=D(2025, 8, 20), article="k2"),
            True, "conflict", id="shrink-other-originator-same-period",
        ),
        pytest.param(  # a larger figure from another originator five days later: they disagree
            make_claim(Approx(value=3000), text="about 3,000", source="NIS", as_of=D(2024, 10, 23), article="k1"),
            make_claim(Approx(value=10000), text="about 10,000", source="Pentagon", as_of=D(2024, 10, 28),
                       article="k2"),
            True, "conflict", id="other-originator-larger-days-later",
        ),
        pytest.param(  # the same originator's larger figure days later: its own update, growth
            make_claim(Approx(value=3000), text="about 3,000", source="NIS", as_of=D(2024, 10, 23), article="k1"),
            make_claim(Approx(value=10000), text="about 10,000", source="NIS", as_of=D(2024, 10, 28), article="k2"),
            True, "evolving", id="same-originator-update",
        ),
        pytest.param(  # another originator's larger figure three weeks later: growth
            make_claim(Approx(value=3000), text="about 3,000", source="NIS", as_of=D(2024, 10, 23), article="k1"),
            make_claim(Approx(value=10000), text="about 10,000", source="Pentagon", as_of=D(2024, 11, 14),
                       article="k2"),
            True, "evolving", id="other-originator-larger-weeks-later",
        ),
        pytest.param(  # a running total "last year" is the count at the year's end: October's 3,000 grew to it
            make_claim(Approx(value=3000), text="about 3,000", source="NIS", as_of=D(2024, 10, 23), article="k1"),
            make_claim(Between(low=10000, high=12000), text="10,000 to 12,000 last year", source="US",
                       as_of=D(2024, 12, 31), precision="year", article="k2"),
            True, "evolving", id="year-window-is-its-end",
        ),
        pytest.param(  # figures ten times apart: a part, another count or a misread, not a disagreement
            make_claim(Approx(value=10000), text="about 10,000", source="NIS", as_of=D(2024, 11, 8), article="k1"),
            make_claim(Exact(value=10), text="ten", source="Pentagon", as_of=D(2024, 11, 8), article="k2"),
            True, "not_comparable", id="magnitude-apart",
        ),
        pytest.param(  # one article, one voice, two figures: a part and the whole, not a self-contradiction
            make_claim(Approx(value=8000), text="about 8,000", as_of=D(2024, 11, 1), article="k1"),
            make_claim(AtLeast(value=10000, strict=True), text="more than 10,000", as_of=D(2024, 11, 1),
                       article="k1", start=40),
            True, "not_comparable", id="same-article-same-voice",
        ),
        pytest.param(  # one article quoting two originators who differ: a disagreement
            make_claim(Approx(value=4000), text="around 4,000", source="UK MoD", as_of=D(2025, 2, 5), article="k1"),
            make_claim(Exact(value=1000), text="nearly a thousand", source="BBC", as_of=D(2025, 2, 5),
                       article="k1", start=40),
            True, "conflict", id="same-article-two-originators",
        ),
        pytest.param(  # 11,000 then 15,000 months later: growth, not contradiction
            make_claim(AtLeast(value=11000, strict=True), text="more than 11,000", source="MSMT",
                       as_of=D(2024, 12, 1), precision="month", article="k1"),
            make_claim(Approx(value=15000), text="about 15,000", source="NIS", as_of=D(2025, 9, 4), article="k2"),
            True, "evolving", id="growth",
        ),
        pytest.param(
            make_claim(Exact(value=600), text="600", as_of=D(2025, 4, 1), precision="month", article="k1"),
            make_claim(Approx(value=2000), text="about 2,000", source="NIS", as_of=D(2025, 9, 4), article="k2"),
            True, "evolving", id="growth-killed",
        ),
        pytest.param(  # overlapping intervals in one period
            make_claim(Approx(value=15000), text="about 15,000", source="South Korea", as_of=D(2025, 8, 13)),
            make_claim(Approx(value=15000), text="about 15,000", source="NIS", as_of=D(2025, 9, 4), article="k2"),
            True, "agree", id="approx-approx-agree",
        ),
        pytest.param(  # a vague word and a figure inside it agree
            make_claim(Vague(low=2000, word="thousands"), text="thousands", as_of=D(2024, 11, 30)),
            make_claim(AtLeast(value=11000, strict=True), text="more than 11,000", source="MSMT",
                       as_of=D(2024, 12, 1), precision="month", article="k2"),
            True, "agree", id="vague-then-figure-same-period",
        ),
        pytest.param(  # later, overlapping, no larger: consistent
            make_claim(Between(low=10000, high=12000), text="10,000-12,000", as_of=D(2025, 1, 10)),
            make_claim(Approx(value=11000), text="about 11,000", source="NIS", as_of=D(2025, 6, 1), article="k2"),
            True, "agree", id="steady-cumulative",
        ),
        pytest.param(  # a possible future figure never conflicts with a total
            make_claim(Approx(value=6000), text="about 6,000", source="NIS", as_of=D(2025, 9, 2), modality="possible"),
            make_claim(Approx(value=15000), text="about 15,000", source="NIS", as_of=D(2025, 9, 4), article="k2"),
            True, "not_comparable", id="possible-modality",
        ),
        pytest.param(
            make_claim(Exact(value=100), text="100", as_of=D(2025, 9, 2), unit="missile"),
            make_claim(Exact(value=15000), text="15,000", as_of=D(2025, 9, 4), article="k2"),
            True, "not_comparable", id="different-units",
        ),
        pytest.param(  # a measure that is not a running total: other periods say nothing
            make_claim(Exact(value=50), text="50", as_of=D(2025, 1, 1), measure="weekly_attacks"),
            make_claim(Exact(value=5), text="5", as_of=D(2025, 6, 1), measure="weekly_attacks", article="k2"),
            False, "not_comparable", id="non-cumulative-other-periods",
        ),
        pytest.param(
            make_claim(Exact(value=50), text="50", as_of=D(2025, 1, 1), measure="weekly_attacks"),
            make_claim(Exact(value=20), text="20", as_of=D(2025, 1, 3), measure="weekly_attacks", article="k2"),
            False, "conflict", id="non-cumulative-same-period",
        ),
        pytest.param(  # month precision covers the whole month: 1 April and 28 April are one period
            make_claim(Exact(value=600), text="600", as_of=D(2025, 4, 1), precision="month"),
            make_claim(Exact(value=900), text="900", as_of=D(2025, 4, 28), article="k2"),
            True, "conflict", id="month-precision-covers-month",
        ),
        pytest.param(
            make_claim(Exact(value=600), text="600"),
            make_claim(Exact(value=900), text="900", article="k2"),
            True, "not_comparable", id="no-date-at-all",
        ),
    ],
)
def test_reconcile_rules_pair_relation(a, b, cumulative, expected):
    kind, reason = relate(a, b, cumulative=cumulative)
    assert kind == expected, reason
    assert a.evidence.text in reason and b.evidence.text in reason
    assert a.source in reason and b.source in reason
    assert relate(b, a, cumulative=cumulative)[0] == expected  # symmetric


@pytest.mark.parametrize(
    ("days_apart", "expected"),
    [pytest.param(5, "conflict", id="close"), pytest.param(60, "not_comparable", id="far")],
)
def test_reconcile_rules_undated_claims_use_article_dates(days_apart, expected):
    a = make_claim(Exact(value=2000), text="2,000", source="NIS", published=D(2025, 3, 1), article="u1")
    b = make_claim(Exact(value=4000), text="4,000", source="Ukraine",
                   published=D(2025, 3, 1) + dt.timedelta(days=days_apart), article="u2")
    kind, reason = relate(a, b, settings=Settings(undated_window_days=14), cumulative=True)
    assert kind == expected, reason
    assert "published 2025-03-01 (no date in the text)" in reason
    if expected == "conflict":
        assert "Assumption:" in reason
    else:
        assert "more than 14 days apart" in reason


@pytest.mark.parametrize("role", ["increment", "subset"])
def test_reconcile_rules_increments_and_subsets_never_meet_totals(role):
    total = make_claim(Approx(value=15000), text="about 15,000", source="NIS", as_of=D(2025, 9, 4))
    other = make_claim(Approx(value=1000), text="about 1,000", source="NIS", as_of=D(2025, 9, 4),
                       role=role, article="k2", modality="asserted")
    report = reconcile([total, other])
    assert sorted(g.role for g in report.groups) == sorted(["total", role])
    assert all(g.verdict == "single" and g.relations == () for g in report.groups)


@pytest.mark.parametrize(
    ("claims", "expected"),
    [
        pytest.param(
            [("NIS", ("IANS", "NIS")), ("NIS", ("Yonhap", "NIS")), ("NIS", ("AP",))],
            ("NIS",), id="relays-of-one-originator",
        ),
        pytest.param(
            [("NIS", ("IANS",)), ("Ukraine", ()), ("unattributed", ()), ("unattributed", ())],
            ("NIS", "Ukraine", "unattributed"), id="unattributed-counts-once",
        ),
    ],
)
def test_reconcile_rules_independent_sources(claims, expected):
    built = [
        make_claim(Approx(value=15000), text="about 15,000", source=src, chain=chain,
                   as_of=D(2025, 9, 4), article=f"s{i}", publisher=f"outlet {i}")
        for i, (src, chain) in enumerate(claims)
    ]
    g = _only_group(reconcile(built))
    assert g.sources == expected
    assert g.independent_sources == len(expected)


@pytest.mark.parametrize(
    ("claims", "verdict"),
    [
        pytest.param(
            [make_claim(Exact(value=600), as_of=D(2025, 4, 1)),
             make_claim(Exact(value=2000), as_of=D(2025, 9, 1), article="k2"),
             make_claim(Exact(value=4000), as_of=D(2025, 9, 2), article="k3", source="Ukraine")],
            "conflict", id="conflict-beats-evolving",
        ),
        pytest.param(
            [make_claim(Exact(value=600), as_of=D(2025, 4, 1)),
             make_claim(Exact(value=2000), as_of=D(2025, 9, 1), article="k2"),
             make_claim(Exact(value=6000), as_of=D(2025, 9, 2), article="k3", modality="possible")],
            "evolving", id="evolving-beats-not-comparable",
        ),
        pytest.param([make_claim(Exact(value=600), as_of=D(2025, 4, 1))], "single", id="single"),
        pytest.param(
            [make_claim(Exact(value=600)), make_claim(Exact(value=900), article="k2")],
            "not_comparable", id="only-not-comparable",
        ),
    ],
)
def test_reconcile_rules_group_verdict_is_worst_relation(claims, verdict):
    assert _only_group(reconcile(claims)).verdict == verdict


@pytest.mark.parametrize("measure", ["troops_deployed", "troops_killed", "missiles_supplied"])
def test_reconcile_rules_known_running_totals_are_cumulative(measure):
    g = _only_group(reconcile([make_claim(Exact(value=1), measure=measure)]))
    assert g.cumulative


@pytest.mark.parametrize(
    ("hook", "expected"),
    [pytest.param({"weekly_attacks"}, "evolving", id="set"), pytest.param(lambda m: False, "not_comparable", id="callable")],
)
def test_reconcile_rules_cumulative_hook_decides(hook, expected):
    claims = [
        make_claim(Exact(value=5), measure="weekly_attacks", as_of=D(2025, 1, 1)),
        make_claim(Exact(value=50), measure="weekly_attacks", as_of=D(2025, 6, 1), article="k2"),
    ]
    assert _only_group(reconcile(claims, cumulative=hook)).verdict == expected


@pytest.mark.parametrize("role", ["increment", "subset"])
def test_reconcile_rules_batches_and_parts_never_conflict_with_each_other(role):
    """Two batches ('1,500 more', '3,000 more') or two parts are different things, not one total."""
    a = make_claim(Exact(value=1500), text="1,500 more", source="NIS", as_of=D(2024, 10, 18), role=role)
    b = make_claim(Exact(value=3000), text="3,000 more", source="NIS", as_of=D(2024, 10, 23), role=role,
                   article="k2")
    kind, reason = relate(a, b, cumulative=True)
    assert kind == "not_comparable" and "never compared as totals" in reason
    (g,) = reconcile([a, b]).groups
    assert g.findings == () and all(r.relation != "conflict" for r in g.relations)
    # the same two figures as totals of two originators days apart: a disagreement
    from factcheck.models import Role

    ta, tb = (c.model_copy(update={"role": Role.TOTAL}) for c in (a, b))
    tb = tb.model_copy(update={"attribution": tb.attribution.model_copy(update={"source": "Pentagon"})})
    assert relate(ta, tb, cumulative=True)[0] == "conflict"


def test_reconcile_rules_proportions_are_never_compared():
    """"More than half" or "about a third" counts no troops: such a claim never meets a
    figure, neither as a conflict nor as the group's latest estimate."""
    counts = [
        make_claim(Approx(value=3000), text="about 3,000", source="NIS", as_of=D(2025, 1, 10), article="k1"),
        make_claim(Approx(value=4000), text="about 4,000", source="NIS", as_of=D(2025, 3, 10), article="k2"),
    ]
    shares = [
        make_claim(Vague(low=0, fraction=0.5, qualifier="more_than", word="half"), text="more than half",
                   source="Ukraine", as_of=D(2025, 3, 12), article="k3"),
        make_claim(Vague(low=0, fraction=0.25, word="a quarter"), text="a quarter", source="NIS",
                   as_of=D(2025, 4, 10), article="k4"),
    ]
    with_shares = _only_group(reconcile(counts + shares))
    without = _only_group(reconcile(counts))
    assert with_shares.verdict == without.verdict == "evolving"
    assert with_shares.relations == without.relations
    assert with_shares.estimate == without.estimate
    assert len(with_shares.claims) == 2
    assert reconcile(shares).groups == ()


def test_reconcile_rules_thresholds_are_settings():
    """The rules' thresholds are Settings fields: turning one changes the relation it decides."""
    nis = make_claim(Approx(value=3000), text="about 3,000", source="NIS", as_of=D(2024, 10, 23), article="k1")
    us = make_claim(Approx(value=10000), text="about 10,000", source="Pentagon", as_of=D(2024, 10, 28), article="k2")
    assert relate(nis, us, cumulative=True)[0] == "conflict"
    # five days later is growth once another originator's larger figure counts as growth after 3 days
    assert relate(nis, us, cumulative=True, settings=Settings(disagree_days=3))[0] == "evolving"
    # 3,300 vs 9,000 (the ends of the two intervals): 2.7 times apart, "a part" once the ratio is 2.5
    kind, reason = relate(nis, us, cumulative=True, settings=Settings(magnitude_ratio=2.5))
    assert kind == "not_comparable" and "2.5 times apart" in reason
    # the same two figures in one reconciliation follow the same settings
    report = reconcile([nis, us], settings=Settings(disagree_days=3))
    assert _only_group(report).verdict == "evolving"
    # an estimate keeps only originators' figures within current_days of the latest
    old = make_claim(Approx(value=9000), text="about 9,000", source="HUR", as_of=D(2024, 9, 1), article="k3")
    est = _only_group(reconcile([old, us], settings=Settings(current_days=30))).estimate
    assert est.best == 10000 and "superseded: more than 30 days" in est.note
    est = _only_group(reconcile([old, us], settings=Settings(current_days=90))).estimate
    assert est.independent_sources == 2


def _conflicts(report):
    return [(r.a, r.b) for g in report.groups for r in g.relations if r.relation == "conflict"]


def test_reconcile_rules_part_echo_is_doubtful():
    """A total whose article gives the same figure as a batch is compared with nothing."""
    day = D(2024, 10, 18)
    headline = make_claim(Exact(value=1500), text="1,500 soldiers", as_of=day, article="h1", start=0)
    batch = make_claim(Exact(value=1500), text="first group of 1,500", as_of=day, article="h1", start=50,
                       role="increment")
    other = make_claim(Approx(value=3000), text="about 3,000", source="NIS", as_of=D(2024, 10, 23), article="h2")
    report = reconcile([headline, batch, other])
    assert _conflicts(report) == []
    total = next(g for g in report.groups if g.role == "total")
    (rel,) = total.relations
    assert rel.relation == "not_comparable" and "doubtful as a total" in rel.reason
    assert total.estimate.best == 3000  # the doubtful figure does not enter the current figure
    assert "1 doubtful total(s) left out" in total.estimate.note
    # look-alike: the same batch figure in *another* article leaves the total comparable
    moved = batch.model_copy(update={"article_id": "h3"})
    assert len(_conflicts(reconcile([headline, moved, other]))) == 1
    # look-alike: another figure as a batch in the same article leaves it comparable too
    other_batch = make_claim(Exact(value=500), text="500 more", as_of=day, article="h1", start=50, role="increment")
    assert len(_conflicts(reconcile([headline, other_batch, other]))) == 1


def test_reconcile_rules_article_part_is_doubtful():
    """One originator's smaller figure beside its larger one in one article is a part of it."""
    day = D(2025, 9, 2)
    whole = make_claim(Approx(value=13000), text="about 13,000", source="NIS", as_of=day, article="p1", start=0)
    part = make_claim(Approx(value=8000), text="about 8,000", source="NIS", as_of=day, article="p1", start=80)
    earlier = make_claim(Approx(value=10000), text="about 10,000", source="NIS", as_of=D(2024, 10, 23), article="p2")
    report = reconcile([whole, part, earlier])
    assert _conflicts(report) == []  # the 8,000 is a part of the 13,000, not a total shrunk from 10,000
    # look-alike: the same small figure from another originator in that article still contradicts
    other = part.model_copy(update={"attribution": part.attribution.model_copy(update={"source": "KCNA"})})
    got = reconcile([whole, other, earlier])
    assert len(_conflicts(got)) == 1 and _only_group(got).findings[0].kind == "disagreement"
    # look-alike: alone in its article, the NIS's own later, smaller figure is a shrinking total
    alone = part.model_copy(update={"article_id": "p3"})
    kinds = {f.kind for f in _only_group(reconcile([whole, alone, earlier])).findings}
    assert "shrinking_total" in kinds or "suspected_misreport" in kinds


def test_reconcile_rules_own_losses_are_a_floor():
    """The counted side's own count of its losses is what it admits: others' larger figures do not contradict it."""
    day = D(2025, 4, 30)
    admitted = make_claim(Approx(value=350), text="about 350", measure="troops_killed", source="KCNA",
                          as_of=day, article="o1")
    estimate = make_claim(Approx(value=600), text="about 600", measure="troops_killed", source="NIS",
                          as_of=day, article="o2")
    kind, reason = relate(admitted, estimate, cumulative=True)
    assert kind == "agree" and "read as a floor" in reason
    # look-alike: a third party's 350 for the same side and date is a disagreement
    third = admitted.model_copy(update={"attribution": admitted.attribution.model_copy(update={"source": "Ukraine"})})
    assert relate(third, estimate, cumulative=True)[0] == "conflict"
    # look-alike: the side's own figure for a deployment (not a loss) is compared as given
    sent = admitted.model_copy(update={"measure": "troops_deployed"})
    assert relate(sent, estimate.model_copy(update={"measure": "troops_deployed"}), cumulative=True)[0] == "conflict"
    # a floor still contradicts a smaller figure: another's 100 is below what the side admits
    small = estimate.model_copy(update={"value": Exact(value=100)})
    assert relate(admitted, small, cumulative=True)[0] == "conflict"
    # the same in a whole reconciliation (columns): no finding between the floor and the estimate
    assert _only_group(reconcile([admitted, estimate])).findings == ()


def test_reconcile_rules_month_dates_are_a_month_apart():
    """Another originator's larger figure 'in January' after one 'in December' is growth (a month
    between the two windows' ends), while the same figures five days apart disagree."""
    dec = make_claim(Exact(value=1), text="1 captured", measure="troops_captured", as_of=D(2024, 12, 1),
                     precision="month", article="m1")
    jan = make_claim(Exact(value=2), text="two captured", measure="troops_captured", source="Ukraine",
                     as_of=D(2025, 1, 1), precision="month", article="m2")
    assert relate(dec, jan, cumulative=True)[0] == "evolving"
    d1 = make_claim(Exact(value=1), text="1 captured", measure="troops_captured", as_of=D(2024, 12, 30), article="m1")
    d2 = make_claim(Exact(value=2), text="two captured", measure="troops_captured", source="Ukraine",
                    as_of=D(2025, 1, 4), article="m2")
    assert relate(d1, d2, cumulative=True)[0] == "conflict"
    assert _only_group(reconcile([dec, jan])).verdict == "evolving"
    assert _only_group(reconcile([d1, d2])).verdict == "conflict"


def test_reconcile_rules_article_date_written_as_of_is_an_assumption():
    """A figure whose only date is its article's (extraction writes it into as_of, no phrase) is
    compared only with figures within undated_window_days; a stated date is compared over the period."""
    from factcheck.models import TimeScope

    def dated(value, source, day, *, phrase=None):
        c = make_claim(Exact(value=value), source=source, published=day, article=f"{source}-{day}")
        return c.model_copy(update={"time": TimeScope(as_of=day, precision="day", phrase=phrase)})

    old = dated(3000, "NIS", D(2025, 1, 2))
    later = dated(4500, "HUR", D(2025, 1, 25))  # 23 days later, both dated only by their articles
    kind, reason = relate(old, later, cumulative=True)
    assert kind == "not_comparable" and "a date is not stated" in reason
    # look-alike: the same figures with their dates written in the text are one period, a disagreement
    stated_old = dated(3000, "NIS", D(2025, 1, 2), phrase="on January 2")
    stated_later = dated(4500, "HUR", D(2025, 1, 25), phrase="on January 25")
    assert relate(stated_old, stated_later, cumulative=True)[0] == "evolving"
    assert relate(stated_old, dated(4500, "HUR", D(2025, 1, 6), phrase="on Monday"), cumulative=True)[0] == "conflict"
    # within undated_window_days the article dates stand for one period (and the reason says so)
    near = dated(4500, "HUR", D(2025, 1, 9))
    kind, reason = relate(old, near, cumulative=True)
    assert kind == "conflict" and "Assumption" in reason
    # the columns read the same (a whole reconciliation)
    assert _only_group(reconcile([old, later])).verdict == "not_comparable"


def test_reconcile_rules_stored_relations_conflicts_then_series():
    """Over max_relations, a group stores its conflicts, then each originator's own series, then
    relations between originators."""
    from factcheck.reconcile import Reconciler

    day = D(2025, 3, 1)
    nis = [make_claim(Exact(value=1000 + 100 * k), source="NIS", as_of=day + dt.timedelta(days=40 * k),
                      article=f"n{k}") for k in range(4)]  # a growing series: 6 relations of its own
    others = [make_claim(Exact(value=1000 + 100 * k), source=f"S{k}", as_of=day + dt.timedelta(days=40 * k + 1),
                         article=f"o{k}") for k in range(4)]  # each agrees with an NIS figure
    clash = make_claim(Exact(value=2000), source="HUR", as_of=day, article="h")  # disagrees with NIS's first (and S0)
    (g,) = Reconciler(max_relations=8).run([*nis, *others, clash]).groups
    kinds = [(r.relation, g.claims[r.a].attribution.source == g.claims[r.b].attribution.source) for r in g.relations]
    assert kinds.count(("conflict", False)) == 2
    assert sum(own for _, own in kinds) == 6  # the NIS series, before any cross-originator agreement
    assert g.omitted == g.compared - 8
