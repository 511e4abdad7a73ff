"""Corpus tests for article dates and time scopes, against the fixed reference date.

Tables: tests/corpus/dates/<lang>.yaml (``scopes`` and ``article_dates``).
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
import yaml

from factcheck.attribution import analyse_article
from factcheck.attribution._sentences import split_sentences
from factcheck.attribution.dates import article_date
from factcheck.langdata import load_language, supported_languages
from factcheck.models import Article

CORPUS = Path(__file__).parent / "corpus" / "dates"


def _cases(key: str) -> list:
    """Corpus cases under ``key``, then every file's ``known_gaps`` of the same shape (a
    figure: a scope; none: an article date) as strict xfails with their reason, so a gap
    that starts passing fails the run (move it to ``key``)."""
    out = []
    for path in sorted(CORPUS.glob("*.yaml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        for i, ex in enumerate(data.get(key, [])):
            out.append(pytest.param(path, ex, id=f"{path.stem}-{key}-{i}"))
        for i, ex in enumerate(data.get("known_gaps", [])):
            if ("figure" in ex) == (key == "scopes"):
                out.append(pytest.param(path, ex, id=f"{path.stem}-known_gaps-{i}",
                                        marks=pytest.mark.xfail(strict=True, reason=f"{path.name}: {ex['why']}")))
    return out


def _date(s):
    return None if s is None else dt.date.fromisoformat(s)


@pytest.mark.parametrize(("path", "ex"), _cases("scopes"))
def test_dates_corpus_time_scope(path, ex, reference_date):
    text = ex["text"]
    start = text.find(ex["figure"])
    assert start >= 0, f"{path}: figure {ex['figure']!r} is not in {text!r}"
    published = _date(ex["published"]) if "published" in ex else reference_date
    art = Article(id=path.stem, text=text, published=published)
    ctx = analyse_article(art, load_language(path.stem), split_sentences(text), [])
    ts = ctx.time_scope(start, start + len(ex["figure"]))
    where = f"{path.name}: {text!r} (published {published})"
    assert ts.as_of_text() == ex["as_of"], f"{where}: as_of {ts.as_of_text()!r}, want {ex['as_of']!r} ({ts.reason})"
    if "start" in ex:
        assert ts.start == _date(ex["start"]), f"{where}: start {ts.start}, want {ex['start']}"
    if "end" in ex:
        assert ts.end == _date(ex["end"]), f"{where}: end {ts.end}, want {ex['end']}"
    if "reason_has" in ex:
        assert ex["reason_has"] in (ts.reason or ""), f"{where}: reason {ts.reason!r}"
    assert ts.as_of is not None or ts.reason, f"{where}: an unknown as_of must say why"


@pytest.mark.parametrize(("path", "ex"), _cases("article_dates"))
def test_dates_corpus_article_date(path, ex):
    got = article_date(ex["text"], load_language(path.stem), _date(ex.get("published")))
    where = f"{path.name}: {ex['text']!r}"
    assert got.date == _date(ex["date"]), f"{where}: date {got.date}, want {ex['date']} ({got.reason})"
    assert ex.get("reason_has", "") in got.reason, f"{where}: reason {got.reason!r}"


@pytest.mark.parametrize("code", ["hi", "en"])
def test_dates_context_reports_date_and_reason(code):
    text = "Wednesday, August 13, 2025\n\nNorth Korea sent troops."
    ctx = analyse_article(Article(id="x", text=text), load_language(code), split_sentences(text), [])
    assert (ctx.published, ctx.date_precision) == (dt.date(2025, 8, 13), "day")
    assert "August 13, 2025" in ctx.date_reason


@pytest.mark.parametrize("code", supported_languages())
def test_dates_every_month_and_weekday_name_parses(code):
    """Every month and weekday name in the data maps to a number via dateparser."""
    from factcheck.attribution.timexpr import time_matcher

    lang = load_language(code)
    t, m = lang.attribution.time, time_matcher(lang)
    bad = [name for name in t.months if m.month_number(name) is None]
    bad += [name for name in t.weekdays if m.weekday_number(name) is None]
    assert not bad, f"factcheck/data/lang/{code}.yaml: attribution.time names dateparser cannot read: {bad}"
