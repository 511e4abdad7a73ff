"""What reconcile accepts: articles, paths, raw text, claims, skipped inputs — and every status."""

from __future__ import annotations

import datetime as dt
import json
import warnings
from pathlib import Path

import pytest

from factcheck.errors import FactcheckError, InputError
from factcheck.models import Article, SkippedInput
from factcheck.reconcile import Reconciler, reconcile, text_id
from factcheck.reconcile.reconciler import is_path_text
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


@pytest.mark.parametrize("text", [".", "examples", "-", "600", "and/or more", "About 600 soldiers.\nSee data/x.csv"])
def test_reconcile_inputs_short_strings_are_text(monkeypatch, tmp_path, text):
    """A str is a path by its shape only: "." or a folder's bare name is article text, whatever exists."""
    (tmp_path / "examples").mkdir()
    monkeypatch.chdir(tmp_path)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # "." and "examples" exist here: warned about, tested below
        report = Reconciler(extractor=FakeExtractor()).run([text])
    assert [(a.id, a.status) for a in report.articles] == [(text_id(text), "processed")]


@pytest.mark.parametrize("name", [".", "examples"])
def test_reconcile_inputs_text_naming_a_folder_warns(monkeypatch, tmp_path, name):
    (tmp_path / "examples").mkdir()
    monkeypatch.chdir(tmp_path)
    with pytest.warns(UserWarning, match=r"read as article text.*pass Path"):
        report = Reconciler(extractor=FakeExtractor()).run([name])
    assert report.articles[0].id == text_id(name)


@pytest.mark.parametrize(("path", "cwd"), [(Path("examples"), "."), (Path("."), "examples")])
def test_reconcile_inputs_path_object_reads_the_folder(monkeypatch, tmp_path, path, cwd):
    """A pathlib.Path is always a path: Path(".") reads the current folder, where "." is text."""
    folder = tmp_path / "examples"
    folder.mkdir()
    (folder / "one.txt").write_text("600 soldiers", encoding="utf-8")
    monkeypatch.chdir(tmp_path / cwd)
    report = Reconciler(extractor=FakeExtractor()).run([path])
    assert [(a.id, a.status, a.claims) for a in report.articles] == [("one.txt", "processed", 1)]


@pytest.mark.parametrize(
    ("text", "is_path"),
    [("examples/articles", True), ("./x", True), ("news.jsonl", True), ("My Files/a.TXT", True),
     (".", False), ("examples", False), ("", False), ("600 soldiers/day were sent", False), ("a.txt\nb", False)],
)
def test_reconcile_inputs_path_shape_rule(text, is_path):
    assert is_path_text(text) is is_path


class BuggyExtractor:
    """An extractor with a bug: raises a plain exception on articles mentioning BUG."""

    def extract(self, article: Article):
        if "BUG" in article.text:
            raise ZeroDivisionError("division by zero in a test")
        return FakeExtractor().extract(article)


@pytest.mark.parametrize("texts", [["600 soldiers", "700 BUG soldiers", "800 soldiers"]])
def test_reconcile_inputs_bug_in_one_article_skips_it(texts):
    """Like the CLI: an unexpected error skips that article (named, as a bug to report) and the run goes on."""
    items = [Article(id=f"a{i}", text=t) for i, t in enumerate(texts)]
    report = Reconciler(extractor=BuggyExtractor()).run(items)
    by_id = {a.id: a for a in report.articles}
    assert [by_id[i].status for i in ("a0", "a1", "a2")] == ["processed", "skipped", "processed"]
    reason = by_id["a1"].reason or ""
    assert "'a1'" in reason and "ZeroDivisionError" in reason and "division by zero" in reason and "bug" in reason
    assert sum(len(g.claims) for g in report.groups) == 2


@pytest.mark.parametrize(("extractor", "error"), [(BuggyExtractor(), ZeroDivisionError),
                                                  (FakeExtractor(fail_on="BUG"), FactcheckError)])
def test_reconcile_inputs_strict_reraises(extractor, error):
    items = [Article(id="a0", text="600 soldiers"), Article(id="a1", text="700 BUG soldiers")]
    with pytest.raises(error):
        Reconciler(extractor=extractor, strict=True).run(items)


@pytest.mark.parametrize("text", ["700 BUG soldiers"])
def test_reconcile_inputs_strict_via_reconcile(monkeypatch, text):
    monkeypatch.setattr(Reconciler, "extractor", property(lambda self: BuggyExtractor()))
    with pytest.raises(ZeroDivisionError):
        reconcile([text], strict=True)
    assert reconcile([text]).articles[0].status == "skipped"


@pytest.mark.parametrize("strict", [True, False])
def test_reconcile_inputs_strict_missing_file(tmp_path, strict):
    items = [tmp_path / "missing.jsonl"]
    if strict:
        with pytest.raises(InputError):
            Reconciler(extractor=FakeExtractor(), strict=True).run(items)
    else:
        assert [a.status for a in Reconciler(extractor=FakeExtractor()).run(items).articles] == ["skipped"]
