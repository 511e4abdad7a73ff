"""One figure, one source, four languages: the articles land in one group with one voice.

tests/data/crosslingual/ holds four articles written for this test (Hindi, English, Korean,
Russian), each reporting South Korea's NIS: about 15,000 North Korean troops sent to
Russia since October 2024, published the same day. A fact-checker reading the four sees
one claim repeated, not four independent confirmations; the report must say so.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
import yaml

import factcheck
from factcheck.detect import detect_language
from factcheck.models import Article

DATA = Path(__file__).parent / "data" / "crosslingual"


def _articles() -> list[Article]:
    index = yaml.safe_load((DATA / "articles.yaml").read_text(encoding="utf-8"))
    out = []
    for row in index["articles"]:
        text = (DATA / row["file"]).read_text(encoding="utf-8")
        published = row["published"]
        if isinstance(published, str):
            published = dt.date.fromisoformat(published)
        out.append(Article(id=row["id"], text=text, published=published, publisher=row["publisher"]))
    return out


def _reconcile(articles: list[Article]) -> factcheck.Report:
    """Reconcile, skipping (with the reason) while a stage still raises NotImplementedError."""
    try:
        return factcheck.reconcile(articles)
    except NotImplementedError as e:
        pytest.skip(f"a pipeline stage has not landed yet: {e}")


@pytest.mark.parametrize("expected_languages", [{"hi", "en", "ko", "ru"}])
def test_crosslingual_articles_detect_their_language(expected_languages):
    """Each article's language is detected from its text alone (no language given)."""
    found = {a.id: detect_language(a.text) for a in _articles()}
    assert set(found.values()) == expected_languages, found


@pytest.mark.parametrize(
    ("measure", "subject", "source"), [("troops_deployed", "North Korea", "NIS")]
)
def test_crosslingual_one_group_one_source(measure, subject, source):
    """Four languages reporting one NIS figure give one group: agree, one independent source."""
    articles = _articles()
    report = _reconcile(articles)
    groups = [g for g in report.groups if g.measure == measure and g.role == "total"]
    assert len(groups) == 1, (
        f"expected one {measure} group, got {[g.key for g in groups]}; "
        f"all groups: {[g.key for g in report.groups]}"
    )
    group = groups[0]
    records = [c.to_record() for c in group.claims]
    assert group.subject == subject, records
    assert {c.article_id for c in group.claims} == {a.id for a in articles}, records
    assert {c.source for c in group.claims} == {source}, records
    assert group.verdict == "agree", [r.reason for r in group.relations]
    assert group.independent_sources == 1, group.sources


@pytest.mark.parametrize(("measure", "source"), [("troops_deployed", "NIS")])
def test_crosslingual_files_alone_give_one_group(measure, source):
    """Read as plain .txt files (no date or language given), the four pages still agree: each
    page's date comes from its own header, in its own language's way of writing dates."""
    index = yaml.safe_load((DATA / "articles.yaml").read_text(encoding="utf-8"))
    articles = factcheck.load_articles([DATA / row["file"] for row in index["articles"]])
    report = _reconcile(articles)
    groups = [g for g in report.groups if g.measure == measure and g.role == "total"]
    assert len(groups) == 1, [g.key for g in report.groups]
    g = groups[0]
    assert (g.verdict, g.sources) == ("agree", (source,)), [c.to_record() for c in g.claims]
    assert {c.time.as_of for c in g.claims} == {dt.date(2025, 9, 4)}, [c.to_record() for c in g.claims]


@pytest.mark.parametrize(("measure", "since"), [("troops_deployed", dt.date(2024, 10, 1))])
def test_crosslingual_every_language_reads_the_same_period(measure, since):
    """"Since October last year" in each language gives every article a claim over one period."""
    articles = _articles()
    report = _reconcile(articles)
    claims = [c for g in report.groups if g.measure == measure for c in g.claims]
    starts = {a.id: {c.time.start for c in claims if c.article_id == a.id} for a in articles}
    missing = [aid for aid, got in starts.items() if since not in got]
    assert not missing, f"no claim with a period from {since} in {missing}: {starts}"


@pytest.mark.parametrize(("measure", "value"), [("troops_deployed", 15000)])
def test_crosslingual_same_figure_in_every_language(measure, value):
    """Every article's claim reads "about 15,000" — Approx(15000) — whatever the script."""
    report = _reconcile(_articles())
    claims = [c for g in report.groups if g.measure == measure for c in g.claims]
    assert claims, f"no {measure} claims; groups: {[g.key for g in report.groups]}"
    for c in claims:
        assert (c.value.bound, c.value.point) == ("approx", value), c.to_record()


def _full_pages() -> list:
    index = yaml.safe_load((DATA / "full.yaml").read_text(encoding="utf-8"))
    return [pytest.param(row, id=row["file"]) for row in index["articles"]]


@pytest.mark.parametrize("row", _full_pages())
def test_crosslingual_full_pages_yield_only_their_figures(row):
    """A Korean or Russian page yields its figures and nothing from teasers, widgets or distractors."""
    text = (DATA / row["file"]).read_text(encoding="utf-8")
    try:
        claims = factcheck.extract(Article(id=row["file"], text=text))
    except NotImplementedError as e:
        pytest.skip(f"a pipeline stage has not landed yet: {e}")
    assert detect_language(text) == row["language"]
    got = [[c.measure, c.value.bound, c.value.point] for c in claims]
    assert got == row["claims"], f"{row['file']}: {[c.to_record()['text'] for c in claims]}"
