"""How a fact-checker reads a report: per quantity the current figure, the findings with the
sources behind each side, and each originator's series — as terminal lines (here) and as HTML
with an inline SVG timeline (:mod:`factcheck.reconcile.view_html`; no scripts, no network).

Every piece of article text put in HTML is escaped: claims quote untrusted articles.

>>> from factcheck.reconcile.report import Report
>>> summary_line(Report(groups=(), articles=()))
'0 inputs, 0 claims, 0 quantities; no findings'
"""

from __future__ import annotations

import datetime as dt
import math
import textwrap
from collections.abc import Iterator, Sequence
from typing import Any

from factcheck.models import Claim
from factcheck.reconcile.relations import originator
from factcheck.reconcile.report import ArticleMeta, Group, Report, Series, _num
from factcheck.reconcile.timing import window

_KIND_WORDS = {
    "disagreement": "disagreement",
    "shrinking_total": "shrinking total",
    "suspected_misreport": "suspected misreport",
}
_SIGNS = {"exact": "", "approx": "≈", "at_least": "≥", "more_than": ">", "at_most": "≤", "less_than": "<",
          "up_to": "≤"}


def n(x: float | None) -> str:
    """A number as a reader writes it: ``15,000``; ``∞`` for unbounded."""
    v = _num(x)
    return "∞" if v is None else f"{v:,}"


def figure(claim: Claim) -> str:
    """The parsed value, compact: ``≈15,000``, ``>11,000``, ``10,000–12,000``, ``200–999``.

    >>> from factcheck.models import Evidence
    >>> from factcheck.values import AtLeast
    >>> ev = Evidence(article_id="a", start=0, end=3, text="...", sentence_start=0, sentence_end=3)
    >>> figure(Claim(article_id="a", measure="m", subject="s", value=AtLeast(value=11000, strict=True),
    ...              unit="u", evidence=ev))
    '>11,000'
    """
    v = claim.value
    iv = v.interval()
    bound = v.bound
    if bound in _SIGNS and v.point is not None:
        return _SIGNS[bound] + n(v.point)
    if math.isinf(iv.high):
        return "≥" + n(iv.low)
    if iv.low == iv.high:
        return n(iv.low)
    return f"{n(iv.low)}–{n(iv.high)}"


def when(claim: Claim) -> str:
    """The date a figure holds for: ``2025-04-30``, ``2025-04``, ``2024``, ``c. 2025-09-04`` (article date)."""
    w = window(claim.time, claim.published)
    if w is None:
        return "undated"
    return f"c. {w.dates}" if w.kind == "published" else w.dates


def outlet(claim: Claim, meta: dict[str, ArticleMeta]) -> str:
    """The outlet that printed a claim: the article's publisher, else its id."""
    m = meta.get(claim.article_id)
    return (m.publisher if m and m.publisher else None) or claim.publisher or claim.article_id


def credit(claim: Claim, meta: dict[str, ArticleMeta]) -> str:
    """Who says it and who carried it: ``NIS via Yonhap, in example.com``."""
    via = [s for s in claim.attribution.chain if s != claim.attribution.source]
    out = originator(claim)
    if via:
        out += " via " + ", ".join(via)
    shop = outlet(claim, meta)
    if shop not in out:
        out += f", in {shop}"
    return out


def estimate_text(g: Group) -> str:
    e = g.estimate
    if e.best is None:
        return "no asserted figure"
    span = "" if e.low == e.high == e.best else f" ({n(e.low)}–{n(e.high)})"
    return f"{n(e.best)}{span} as of {e.as_of or 'undated'}"


def summary_line(report: Report) -> str:
    """One line: inputs, claims, quantities, and what the findings are."""
    n_claims = sum(len(g.claims) for g in report.groups)
    counts = {k: 0 for k in _KIND_WORDS}
    flagged = 0
    for g in report.groups:
        flagged += bool(g.findings)
        for x in g.findings:
            counts[x.kind] += 1
    found = ", ".join(f"{c} {_KIND_WORDS[k]}{'s' if c > 1 else ''}" for k, c in counts.items() if c)
    head = f"{len(report.articles)} inputs, {n_claims} claims, {len(report.groups)} quantities"
    if not found:
        return head + "; no findings"
    return f"{head}; {flagged} with findings: {found}"


def ordered_groups(report: Report) -> list[Group]:
    """Totals with findings first, then the other totals, then increments/subsets; by size."""
    return sorted(report.groups, key=lambda g: (g.role != "total", not g.findings, -len(g.claims), g.key))


def side(g: Group, idx: Sequence[int], meta: dict[str, ArticleMeta], limit: int = 3) -> list[str]:
    """The claims of one side of a finding, one line each: figure, quote, credit, date."""
    out = []
    for i in list(idx)[:limit]:
        c = g.claims[i]
        out.append(f"{figure(c)} “{c.evidence.text}” — {credit(c, meta)}, {when(c)}")
    if len(idx) > limit:
        out.append(f"… and {len(idx) - limit} more")
    return out


def beside(report: Report, g: Group, meta: dict[str, ArticleMeta], limit: int = 4) -> list[str]:
    """The increments, subsets and plans of a total's quantity, one line each (never compared with it)."""
    if g.role != "total":
        return []
    out = []
    parts = [(o.role, o, i) for o in report.groups if o.key[:2] == g.key[:2] and o.role != "total"
             for i in range(len(o.claims))]
    plans = [("plan" if not c.modality.is_factual else "", g, i) for i, c in enumerate(g.claims) if not c.modality.is_factual]
    for role, grp, i in (parts + plans)[:limit]:
        c = grp.claims[i]
        kind = c.modality.value if role == "plan" else role + ("" if c.modality.is_factual else f" ({c.modality.value})")
        out.append(f"{kind}: {figure(c)} “{c.evidence.text}” — {credit(c, meta)}, {when(c)}")
    if len(parts) + len(plans) > limit:
        out.append(f"… and {len(parts) + len(plans) - limit} more")
    return out


def series_text(s: Series, limit: int = 6) -> str:
    """``NIS: ≥100 (2024-12) → ≈300 (2025-01) → 600 (2025-04)``."""
    pts = list(s.points)
    shown = pts[-limit:]
    parts = [f"{p.figure} ({span_label(p.start, p.end)})" for p in shown]
    lead = "… → " if len(pts) > limit else ""
    return f"{s.originator}: {lead}{' → '.join(parts)}"


def span_label(start: str, end: str) -> str:
    """``2025-04-30``; a whole month ``2025-04``; a whole year ``2024``; else ``start…end``.

    >>> span_label("2024-01-01", "2024-12-31"), span_label("2025-04-01", "2025-04-30")
    ('2024', '2025-04')
    """
    if start == end:
        return start
    a, b = dt.date.fromisoformat(start), dt.date.fromisoformat(end)
    if a.month == 1 and a.day == 1 and b.month == 12 and b.day == 31 and a.year == b.year:
        return str(a.year)
    nxt = b + dt.timedelta(days=1)
    if a.day == 1 and nxt.day == 1 and (a.year, a.month) == (b.year, b.month):
        return start[:7]
    return f"{start}…{end}"


# --- terminal --------------------------------------------------------------------------


def terminal_lines(report: Report, width: int = 100) -> Iterator[tuple[str, str]]:
    """The report as ``(line, style)`` pairs that fit in ``width`` columns (rich styles)."""
    width = max(40, width)
    meta = report.article_meta()

    def wrap(text: str, indent: int, hang: int = 2, style: str = "") -> Iterator[tuple[str, str]]:
        pad = " " * indent
        for line in textwrap.wrap(text, width=width, initial_indent=pad, subsequent_indent=pad + " " * hang,
                                  break_long_words=True, break_on_hyphens=False) or [pad]:
            yield line, style

    yield from wrap("factcheck reconciliation — " + summary_line(report), 0, 2, "bold")
    for g in ordered_groups(report):
        yield "─" * width, "dim"
        key = f"{g.measure} · {g.subject} · {g.role}"
        style = "bold red" if g.findings else "bold"
        yield from wrap(f"{key} — {g.summary or g.verdict} ({len(g.claims)} claims)", 0, 2, style)
        yield from wrap("now: " + estimate_text(g), 2, 4, "bold")
        if g.estimate.originators:
            yield from wrap("from: " + ", ".join(g.estimate.originators), 4, 2)
        why = g.estimate.set_aside_why
        for line in why[:3]:
            yield from wrap("set aside: " + line, 4, 4, "dim")
        if len(why) > 3:
            yield from wrap(f"… {len(why) - 3} more set aside (see the estimate note)", 4, 2, "dim")
        if g.role != "total":
            yield from wrap(f"listed beside the totals, never compared with them ({g.role})", 2, 2, "dim")
        for line in beside(report, g, meta):
            yield from wrap("beside, not compared: " + line, 2, 4, "dim")
        for x in g.findings:
            head = f"! {_KIND_WORDS[x.kind]}: {' vs '.join(x.originators)}"
            if x.period_start:
                head += f" ({x.period_start}…{x.period_end})" if x.period_start != x.period_end else f" ({x.period_start})"
            yield from wrap(head, 2, 4, "red")
            if x.kind == "suspected_misreport" and x.suspect is not None:
                yield from wrap("suspect: " + side(g, [x.suspect], meta)[0], 6, 4)
                rest = [i for i in x.claims if i != x.suspect]
                for line in side(g, rest, meta):
                    yield from wrap("own series: " + line, 6, 4)
            else:
                for label, idx in (("lower", x.low_side), ("higher", x.high_side)):
                    for line in side(g, idx, meta):
                        yield from wrap(f"{label}: {line}", 6, 4)
        if g.findings_omitted:
            yield from wrap(f"… {g.findings_omitted} more findings (see --format json)", 2, 2, "dim")
        series = g.series()
        for s in sorted(series, key=lambda s: (-len(s.points), s.originator))[:6]:
            yield from wrap(series_text(s), 2, 4, "dim")
        if len(series) > 6:
            yield from wrap(f"… {len(series) - 6} more originators", 2, 2, "dim")


#: The HTML half lives in :mod:`factcheck.reconcile.view_html`; these names still resolve here.
_HTML_NAMES = frozenset({"CSS", "chart_series", "group_html", "page", "report_html", "svg_timeline"})


def __getattr__(name: str) -> object:
    if name not in _HTML_NAMES:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    from factcheck.reconcile import view_html

    return getattr(view_html, name)


def rich_renderable(report: Report) -> Any:
    """A rich renderable that lays the report out for the console's width."""
    return _Rich(report)


class _Rich:
    def __init__(self, report: Report) -> None:
        self.report = report

    def __rich_console__(self, console: Any, options: Any) -> Iterator[Any]:
        from rich.text import Text

        for line, style in terminal_lines(self.report, options.max_width):
            yield Text(line, style=style or "", no_wrap=True, overflow="fold")
