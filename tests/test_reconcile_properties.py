"""Properties of reconciliation: order does not matter, reconciling twice changes nothing."""

from __future__ import annotations

import datetime as dt
import json

from hypothesis import given
from hypothesis import strategies as st

from factcheck.reconcile import Reconciler, Report, reconcile
from factcheck.reconcile.relations import SEVERITY
from factcheck.values import Exact
from tests.strategies import contested_claims, make_claim, reconcile_claims

claim_lists = st.lists(reconcile_claims(), max_size=25)


@given(claim_lists, st.randoms(use_true_random=False))
def test_reconcile_properties_order_invariant(claims, rnd):
    """Reconciling any permutation of the claims gives the same report."""
    shuffled = list(claims)
    rnd.shuffle(shuffled)
    assert reconcile(shuffled) == reconcile(claims)
    assert reconcile(shuffled).to_json() == reconcile(claims).to_json()


@given(claim_lists)
def test_reconcile_properties_idempotent(claims):
    """Reconciling a report's claims again gives the same groups and relations."""
    first = reconcile(claims)
    again = reconcile(list(first.claims))
    assert again.groups == first.groups


@given(claim_lists)
def test_reconcile_properties_json_round_trip(claims):
    """A report survives model JSON; to_json is valid JSON whose indices point at its claims."""
    report = reconcile(claims)
    assert Report.model_validate_json(report.model_dump_json()) == report
    data = json.loads(report.to_json())
    for g in data["groups"]:
        assert {"measure", "subject", "role", "verdict", "estimate", "independent_sources", "claims", "relations"} <= g.keys()
        assert {"low", "best", "high", "as_of"} <= g["estimate"].keys()
        for r in g["relations"]:
            assert 0 <= r["a"] < r["b"] < len(g["claims"])


@given(st.lists(reconcile_claims(measures=("troops_deployed",)), min_size=2, max_size=40))
def test_reconcile_properties_bounded_pairs_keep_conflict_and_growth(claims):
    """Comparing a bounded set of pairs finds conflict and growth exactly as all pairs do."""
    full = Reconciler(full_limit=10**6).run(claims)
    bounded = Reconciler(full_limit=0).run(claims)
    for f, b in zip(full.groups, bounded.groups, strict=True):
        assert f.key == b.key
        if f.verdict in ("conflict", "evolving"):
            assert b.verdict == f.verdict
        elif b.verdict in SEVERITY:
            assert SEVERITY[b.verdict] <= SEVERITY[f.verdict]


@given(st.lists(st.one_of(contested_claims(), reconcile_claims(measures=("troops_deployed",))), min_size=2, max_size=40))
def test_reconcile_properties_bounded_pairs_give_the_same_findings(claims):
    """A group comparing a bounded set of pairs gives the findings and current figure of all pairs."""
    full = Reconciler(full_limit=10**6).run(claims)
    bounded = Reconciler(full_limit=0).run(claims)
    for f, b in zip(full.groups, bounded.groups, strict=True):
        assert (f.findings, f.findings_omitted) == (b.findings, b.findings_omitted)
        assert f.estimate == b.estimate
        if f.verdict == b.verdict:  # agree vs not_comparable may differ (decided on the pairs compared)
            assert f.summary == b.summary


@given(st.integers(min_value=0, max_value=300))
def test_reconcile_properties_relations_are_capped(n_extra):
    """No group stores more relations than the cap; the verdict counts every pair compared."""
    day = dt.date(2025, 1, 1)
    claims = [make_claim(Exact(value=100 + i), as_of=day, article=f"a{i}") for i in range(3 + n_extra % 40)]
    report = Reconciler(max_relations=5).run(claims)
    (g,) = report.groups
    assert len(g.relations) <= 5
    assert g.compared == len(g.relations) + g.omitted
    assert g.verdict == "conflict"


class _DigitsExtractor:
    """Stands in for extraction: one claim per run of digits, dated by the article."""

    def extract(self, article):
        import regex

        from factcheck.values import Exact

        return [
            make_claim(Exact(value=int(m.group())), text=m.group(), article=article.id, start=m.start(),
                       published=article.published)
            for m in regex.finditer(r"\d+", article.text)
        ]


@given(
    st.lists(
        st.tuples(st.lists(st.integers(1, 5000), min_size=1, max_size=3), st.integers(0, 400)),
        max_size=8,
    ),
    st.randoms(use_true_random=False),
)
def test_reconcile_properties_article_order_invariant(specs, rnd):
    """Reconciling articles and raw texts in any order gives the same report."""
    from factcheck.models import Article

    items = []
    for k, (numbers, day) in enumerate(specs):
        text = " ".join(str(n) for n in numbers) + f" soldiers (item {k})"
        if k % 2:
            items.append(text)
        else:
            items.append(Article(id=f"art-{k}", text=text, published=dt.date(2024, 1, 1) + dt.timedelta(days=day)))
    shuffled = list(items)
    rnd.shuffle(shuffled)
    rec = Reconciler(extractor=_DigitsExtractor())
    assert rec.run(shuffled) == rec.run(items)
