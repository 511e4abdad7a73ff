"""Acceptance on the seed corpus: running totals evolve, increments and subsets never conflict."""

from __future__ import annotations

import functools
import json

import pytest

from factcheck.models import Article


@functools.cache
def _seed_report(shared):
    from factcheck.extraction import Extractor
    from factcheck.reconcile import reconcile

    meta = {}
    with open(shared / "corpus" / "seeds.meta.jsonl", encoding="utf-8") as f:
        for line in f:
            if line.strip():
                m = json.loads(line)
                meta[m["file"]] = m
    articles = [
        Article(id=p.name, text=p.read_text(encoding="utf-8"),
                published=meta.get(p.name, {}).get("published"), language=meta.get(p.name, {}).get("language"))
        for p in sorted((shared / "corpus" / "seeds").glob("*.txt"))
    ]
    try:
        Extractor().extract(articles[0])
    except NotImplementedError:
        pytest.skip("needs claim extraction (factcheck.extraction is still a placeholder)")
    return reconcile(articles)


@pytest.mark.parametrize("measure", ["troops_deployed", "troops_killed"])
def test_reconcile_seeds_running_totals_evolve(shared_dir, measure):
    report = _seed_report(shared_dir)
    g = report.group(measure)
    assert g.verdict == "evolving", [r.reason for r in g.relations]
    assert not [r.reason for r in g.relations if r.relation == "conflict"]


@pytest.mark.parametrize("figure", [6000, 1000])
def test_reconcile_seeds_increment_and_subset_never_conflict(shared_dir, figure):
    report = _seed_report(shared_dir)
    for g in report.groups:
        for i, c in enumerate(g.claims):
            if c.value.point == figure:
                assert not [r for r in g.relations if r.relation == "conflict" and i in (r.a, r.b)], g.key
