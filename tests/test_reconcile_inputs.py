"""What reconcile accepts: articles, paths, raw text, claims, skipped inputs — and every status."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from factcheck.errors import FactcheckError, InputError
from factcheck.models import Article, SkippedInput
from factcheck.reconcile import Reconciler, reconcile, text_id
from factcheck.values import Approx, Exact
from tests.strategies import make_claim

D = dt.date


class FakeExtractor:
    """Stands in for extraction: one fixed claim per article whose text starts with a digit."""

    def __init__(self, fail_on: str | None = None) -> None:
        self.fail_on = fail_on

    def extract(self, article: Article):
        if self.fail_on and self.fail_on in article.text:
            raise FactcheckError(f"{article.id}: cannot read this article")
        if not article.text[:1].isdigit():
            return []
        value = Exact(value=float(article.text.split()[0]))
        return [make_claim(value, text=article.text.split()[0], article=article.id, published=article.published)]


@pytest.mark.parametrize(
    ("items", "expected"),
    [
        pytest.param(
            [Article(id="a1", text="600 soldiers", published=D(2025, 4, 1)), Article(id="a2", text="no figure")],
            [("a1", "processed", 1, None), ("a2", "processed", 0, None)],
            id="articles",
        ),
        pytest.param(
            [SkippedInput(where="bad.jsonl:3", reason="malformed JSON")],
            [("bad.jsonl:3", "skipped", 0, "malformed JSON")],
            id="skipped-input",
        ),
        pytest.param(
            [Article(id="a1", text="600 BROKEN")],
            [("a1", "skipped", 0, "a1: cannot read this article")],
            id="extraction-error-skips-article",
        ),
        pytest.param(
            ["700 soldiers were sent"],
            [(text_id("700 soldiers were sent"), "processed", 1, None)],
            id="raw-text",
        ),
        pytest.param(
            [make_claim(Approx(value=15000), article="c1"), make_claim(Exact(value=5), article="c1", start=20)],
            [("c1", "processed", 2, "claims given directly")],
            id="claims",
        ),
    ],
)
def test_reconcile_inputs_statuses(items, expected):
    report = Reconciler(extractor=FakeExtractor(fail_on="BROKEN")).run(items)
    assert [(a.id, a.status, a.claims, a.reason) for a in report.articles] == expected


@pytest.mark.parametrize("as_path", [str, lambda p: p])
def test_reconcile_inputs_paths_and_folders(tmp_path, as_path):
    (tmp_path / "one.txt").write_text("600 soldiers", encoding="utf-8")
    rows = [{"id": "j1", "text": "900 soldiers", "published": "2025-04-01", "language": "en"},
            {"id": "j2", "text": "nothing here", "language": "en"}]
    (tmp_path / "rows.jsonl").write_text("\n".join(json.dumps(r) for r in rows) + "\n", encoding="utf-8")
    report = Reconciler(extractor=FakeExtractor()).run([as_path(tmp_path)])
    assert {(a.id, a.status, a.claims) for a in report.articles} == {
        ("one.txt", "processed", 1), ("j1", "processed", 1), ("j2", "processed", 0),
    }
    assert sum(len(g.claims) for g in report.groups) == 2


@pytest.mark.parametrize("missing", ["no/such/folder", "missing.jsonl"])
def test_reconcile_inputs_missing_path_is_skipped(tmp_path, missing):
    report = Reconciler(extractor=FakeExtractor()).run([str(tmp_path / missing)])
    assert [a.status for a in report.articles] == ["skipped"]
    assert missing.split("/")[0] in report.articles[0].id + (report.articles[0].reason or "")


@pytest.mark.parametrize("item", [42, object()])
def test_reconcile_inputs_reject_unknown_types(item):
    with pytest.raises(InputError, match="cannot use an item of type"):
        reconcile([item])


@pytest.mark.parametrize(
    "items",
    [pytest.param([make_claim(Exact(value=1)), Article(id="x", text="2 soldiers")], id="mixed")],
)
def test_reconcile_inputs_mixed_lists(items):
    report = Reconciler(extractor=FakeExtractor()).run(items)
    assert sum(len(g.claims) for g in report.groups) == 2
    assert {a.id for a in report.articles} == {"a1", "x"}
