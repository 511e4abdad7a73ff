"""The article's date: given, or read from its header or dateline, never invented.

Order of evidence:

1. ``Article.published`` when given.
2. A full date (day, month, year) on a header line with a marker ("Updated:",
   "Published on", "अपडेट") in the first lines of the page.
3. A dateline ("सियोल, 13 अगस्त (एपी)", "SEOUL, Sept 4 (Reuters)"). Datelines rarely
   carry a year: the year comes from another full date in the text, else it stays
   unknown (a year merely mentioned, "in 2024", dates events, not the story).
4. A full date at the top of the page without a marker (may be a site's date widget).
5. Any other full date in the page (a sidebar may be a day off; the reason says so).

A date without a year is never given the current year.

>>> from factcheck.langdata import load_language
>>> d = article_date("SEOUL, Sept 4 (Reuters) - Troops. Published on 4 September 2025.",
...                  load_language("en"), None)
>>> d.date, d.precision
(datetime.date(2025, 9, 4), 'day')
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

import regex

from factcheck.attribution._text import alternation
from factcheck.attribution.timexpr import TimeExpr, parse_full_date, time_matcher

if TYPE_CHECKING:
    from factcheck.langdata import LanguageData

#: The reason given when the caller supplied the date.
GIVEN = "date given with the article"
#: How far into the page the header reaches (characters, lines).
HEADER_CHARS = 800
HEADER_LINES = 12
# "Place, <date>": a short capitalised or non-Latin place name, a comma, then the date.
_DATELINE_PREFIX = regex.compile(r"[ \t]*[^\W\d][\w .'-]{0,30},[ \t]*")


@dataclass(frozen=True)
class ArticleDate:
    """The article's date, how precisely it is known, and why we believe it."""

    date: dt.date | None
    precision: str | None
    reason: str


def article_date(
    text: str,
    lang: LanguageData,
    published: dt.date | None,
    zones: Sequence[tuple[int, int, str]] = (),
    exprs: list[TimeExpr] | None = None,
) -> ArticleDate:
    """Find the article's date (see the module docstring for the order of evidence).

    ``exprs`` are the text's time expressions if already found (saves a pass).
    """
    if published is not None:
        return ArticleDate(published, "day", GIVEN)
    if exprs is None:
        exprs = time_matcher(lang).find(text)
    langs = tuple(time_matcher(lang).languages)
    boiler = [(s, e) for s, e, name in zones if name == "boilerplate"]

    def in_boiler(x: TimeExpr) -> bool:
        return any(s <= x.start < e for s, e in boiler)

    full = [(x, _full_date(x, langs)) for x in exprs if x.is_full_date]
    full = [(x, d) for x, d in full if d is not None]
    header_end = _header_end(text)
    markers = lang.attribution.time.header_markers
    marker_re = regex.compile(alternation(markers), regex.IGNORECASE) if markers else None
    in_header = [(x, d) for x, d in full if x.start < header_end]
    if marker_re is not None:
        for x, d in in_header:
            if marker_re.search(_line_of(text, x.start)):
                return ArticleDate(d, "day", f"page header {x.text!r}")
    for x in exprs:
        # a dateline opens the story: one in the second half of the page is a sidebar
        if x.day is None or x.month is None or in_boiler(x) or x.start > len(text) // 2:
            continue
        if not _DATELINE_PREFIX.fullmatch(text, text.rfind("\n", 0, x.start) + 1, x.start):
            continue
        if x.year is not None:
            got = _full_date(x, langs)
            if got:
                return ArticleDate(got, "day", f"dateline {x.text!r}")
        return _dateline_year(x, full, exprs, in_boiler)
    if in_header:
        # an unlabelled date at the top may be a site's date widget: weaker than a dateline
        x, d = in_header[0]
        return ArticleDate(d, "day", f"date at the top of the page {x.text!r}")
    for x, d in sorted(full, key=lambda p: in_boiler(p[0])):
        where = "a sidebar or footer" if in_boiler(x) else "the page"
        return ArticleDate(d, "day", f"the only dated line is in {where}: {x.text!r} (may differ by a day)")
    return ArticleDate(None, None, "no date given and none found in the page header or dateline")


def _dateline_year(x: TimeExpr, full: list[tuple[TimeExpr, dt.date]], exprs: list[TimeExpr],
                   in_boiler) -> ArticleDate:
    """Give a year-less dateline a year from the text, or leave it unknown."""
    if full:
        other, d = min(full, key=lambda p: abs(p[0].start - x.start))
        try:
            return ArticleDate(dt.date(d.year, x.month, x.day), "day",
                               f"dateline {x.text!r}; year {d.year} from {other.text!r} in the text")
        except ValueError:
            pass
    # Years merely mentioned ("in 2024") say when events happened, not when the story was
    # written (a 2025 story about 2024): they never give the dateline its year.
    years = sorted({e.year for e in exprs if e.year is not None and not in_boiler(e)})
    if years:
        return ArticleDate(None, None, f"dateline {x.text!r} has no year; the text mentions "
                           f"{', '.join(map(str, years))} but no full date: year unknown")
    return ArticleDate(None, None, f"dateline {x.text!r} has no year and the text gives none: year unknown")


def _full_date(x: TimeExpr, langs: tuple[str, ...]) -> dt.date | None:
    """The date of an expression with day, month and year (the regex found all three;
    dateparser named the month), else dateparser on the phrase."""
    try:
        return dt.date(x.year, x.month, x.day)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return parse_full_date(x.core, langs)


def _header_end(text: str) -> int:
    end, lines = 0, 0
    for line in text.splitlines(keepends=True):
        end += len(line)
        lines += bool(line.strip())
        if lines >= HEADER_LINES or end >= HEADER_CHARS:
            break
    return min(end, HEADER_CHARS)


def _line_of(text: str, pos: int) -> str:
    start = text.rfind("\n", 0, pos) + 1
    end = text.find("\n", pos)
    return text[start: end if end >= 0 else len(text)]
