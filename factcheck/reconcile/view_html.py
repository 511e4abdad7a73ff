"""A report as HTML: per quantity the current figure, the findings with the quotes behind
each side, and an inline SVG timeline of each originator's series (no scripts, no network).

Split from :mod:`factcheck.reconcile.view` (the text helpers and the terminal view) to keep
modules small; ``view.page``, ``view.report_html`` … still resolve here. Every piece of
article text put in HTML is escaped: claims quote untrusted articles.

>>> from factcheck.reconcile.report import Report
>>> '<p class="fc-summary">0 inputs' in report_html(Report(groups=(), articles=()))
True
"""

from __future__ import annotations

import datetime as dt
import html
import math
from collections.abc import Sequence

from factcheck.models import Claim
from factcheck.reconcile.relations import originator
from factcheck.reconcile.report import ArticleMeta, Finding, Group, Report, Series
from factcheck.reconcile.view import (
    _KIND_WORDS,
    beside,
    estimate_text,
    figure,
    n,
    ordered_groups,
    outlet,
    series_text,
    summary_line,
    when,
)

_PALETTE = ("#1f77b4", "#d62728", "#2ca02c", "#9467bd", "#ff7f0e", "#17becf", "#8c564b", "#e377c2",
            "#7f7f7f", "#bcbd22")

CSS = """
.fc-report{font-family:system-ui,sans-serif;font-size:14px;line-height:1.4;max-width:1200px}
.fc-report table{border-collapse:collapse;margin:.3em 0 1em}
.fc-report td,.fc-report th{border:1px solid #ccc;padding:.25em .5em;text-align:left;vertical-align:top}
.fc-quantity{border-top:2px solid #444;margin-top:1.2em;padding-top:.4em}
.fc-row{display:flex;flex-wrap:wrap;gap:1em;align-items:flex-start}
.fc-chart{flex:0 0 auto}
.fc-findings{flex:1 1 380px;min-width:300px}
.fc-finding{border-left:4px solid #b3261e;padding:.2em .6em;margin:.4em 0;background:#fdf3f2}
.fc-finding h4{margin:0 0 .2em;color:#b3261e}
.fc-none{color:#26762c}
.fc-now{font-size:1.1em}
.fc-value{font-weight:bold;white-space:nowrap}
.fc-dim{color:#666}
.fc-report details{margin:.4em 0}
""".strip()


def _colours(series: Sequence[Series]) -> dict[str, str]:
    return {s.originator: _PALETTE[i % len(_PALETTE)] for i, s in enumerate(series)}


def chart_series(g: Group, top: int = 10) -> list[Series]:
    """The series drawn: the originators with most points (the rest counted in the legend)."""
    return sorted(g.series(), key=lambda s: (-len(s.points), s.originator))[:top]


def svg_timeline(g: Group, width: int = 560, height: int = 260) -> str:
    """An inline SVG: one line and markers per originator (value over time), bars for ranges."""
    e = html.escape
    series = chart_series(g)
    pts = [(s, p) for s in series for p in s.points]
    if not pts:
        return '<p class="fc-dim">no dated asserted figure to draw</p>'
    days = [dt.date.fromisoformat(p.start).toordinal() for _, p in pts] + [dt.date.fromisoformat(p.end).toordinal() for _, p in pts]
    d0, d1 = min(days), max(days)
    margin = max(10, (d1 - d0) // 12)  # no figure on the frame
    d0, d1 = d0 - margin, d1 + margin
    vals = [v for _, p in pts for v in (p.low, p.best, p.high) if v is not None]
    step = _nice_step(max(vals) * 1.1 / 4 if max(vals) > 0 else 1.0)
    vmax = step * 4 if max(vals) * 1.05 <= step * 4 else step * 5
    left, right, top_, bottom = 64, 12, 12, 40
    pw, ph = width - left - right, height - top_ - bottom

    def x(day: int) -> float:
        return left + (day - d0) / (d1 - d0) * pw

    def y(v: float) -> float:
        return top_ + ph - min(v, vmax) / vmax * ph

    colours = _colours(series)
    flagged = {i for x in g.findings for i in x.claims}
    out = [f'<svg class="fc-timeline" width="{width}" height="{height}" '
           f'role="img" aria-label="{e(g.measure)} over time, one series per originator">']
    out.append(f'<rect x="{left}" y="{top_}" width="{pw}" height="{ph}" fill="#fafafa" stroke="#bbb"/>')
    for k in range(int(round(vmax / step)) + 1):  # value grid
        v = step * k
        out.append(f'<line x1="{left}" x2="{left + pw}" y1="{y(v):.1f}" y2="{y(v):.1f}" stroke="#e3e3e3"/>')
        out.append(f'<text x="{left - 4}" y="{y(v) + 4:.1f}" font-size="10" text-anchor="end">{e(n(round(v)))}</text>')
    for day, label in _date_ticks(d0, d1):
        out.append(f'<line x1="{x(day):.1f}" x2="{x(day):.1f}" y1="{top_ + ph}" y2="{top_ + ph + 4}" stroke="#888"/>')
        out.append(f'<text x="{x(day):.1f}" y="{top_ + ph + 15}" font-size="10" text-anchor="middle">{label}</text>')
    for s in series:
        c = colours[s.originator]
        coords = []
        for p in s.points:
            mid = (dt.date.fromisoformat(p.start).toordinal() + dt.date.fromisoformat(p.end).toordinal()) / 2
            v = p.best if p.best is not None else p.low
            coords.append((x(mid), y(v)))
        out.append(f'<g class="fc-series" data-originator="{e(s.originator)}">')
        out.append(f"<title>{e(series_text(s))}</title>")
        if len(coords) > 1:
            path = " ".join(f"{a:.1f},{b:.1f}" for a, b in coords)
            out.append(f'<polyline points="{path}" fill="none" stroke="{c}" stroke-width="2"/>')
        for p, (cx, cy) in zip(s.points, coords):
            hi = vmax if p.high is None else p.high
            if hi > p.low:
                out.append(f'<line x1="{cx:.1f}" x2="{cx:.1f}" y1="{y(p.low):.1f}" y2="{y(hi):.1f}" '
                           f'stroke="{c}" stroke-width="1.5" opacity="0.6"/>')
            if flagged.intersection(p.claims):  # a figure in a finding: ringed in red
                out.append(f'<circle class="fc-flagged" cx="{cx:.1f}" cy="{cy:.1f}" r="8" fill="none" '
                           'stroke="#b3261e" stroke-width="2"/>')
            out.append(f'<circle cx="{cx:.1f}" cy="{cy:.1f}" r="4" fill="{c}"><title>{e(s.originator)}: '
                       f'“{e(p.text)}” ({e(p.end)}; {e(", ".join(p.outlets))})</title></circle>')
        out.append("</g>")
    # legend
    ly = top_ + ph + 28
    lx = left
    for s in series:
        label = s.originator if len(s.originator) <= 24 else s.originator[:23] + "…"
        out.append(f'<rect x="{lx}" y="{ly - 8}" width="10" height="10" fill="{colours[s.originator]}"/>')
        out.append(f'<text x="{lx + 13}" y="{ly + 1}" font-size="10">{e(label)}</text>')
        lx += 18 + 6 * len(label)
        if lx > width - 80:
            break
    out.append("</svg>")
    return "".join(out)


def _nice_step(raw: float) -> float:
    """A round grid step (1, 2 or 5 times a power of ten) at least ``raw``.

    >>> _nice_step(3400), _nice_step(0.3)
    (5000.0, 0.5)
    """
    power = 10 ** math.floor(math.log10(raw)) if raw > 0 else 1.0
    for m in (1, 2, 5, 10):
        if m * power >= raw:
            return float(m * power)
    return float(10 * power)


def _date_ticks(d0: int, d1: int) -> list[tuple[int, str]]:
    """Month starts (or days, for short spans; years for long ones) between two ordinals, at most ~7."""
    a, b = dt.date.fromordinal(d0), dt.date.fromordinal(d1)
    if d1 - d0 <= 62:
        step = max(1, (d1 - d0) // 6)
        return [(d, dt.date.fromordinal(d).isoformat()[5:]) for d in range(d0 + step // 2, d1, step)]
    months = []
    y, m = a.year, a.month
    while (y, m) <= (b.year, b.month):
        day = dt.date(y, m, 1).toordinal()
        if d0 <= day <= d1:
            months.append((day, f"{y}-{m:02d}"))
        y, m = (y + 1, 1) if m == 12 else (y, m + 1)
    every = max(1, math.ceil(len(months) / 7))
    return months[::every]


def _quote_html(c: Claim, meta: dict[str, ArticleMeta]) -> str:
    e = html.escape
    m = meta.get(c.article_id)
    lang = c.language or "und"
    url = m.url if m else None
    shop = e(outlet(c, meta))
    where = f'<a href="{e(url)}">{shop}</a>' if url else shop
    via = [s for s in c.attribution.chain if s != c.attribution.source]
    who = originator(c) + (f" via {', '.join(via)}" if via else "")
    return (f'<span class="fc-value">{e(figure(c))}</span> <q lang="{e(lang)}">{e(c.evidence.text)}</q> '
            f'<span class="fc-dim">— {e(who)}, {e(when(c))}; in {where}</span>')


def _finding_html(g: Group, x: Finding, meta: dict[str, ArticleMeta]) -> str:
    e = html.escape
    title = f"{_KIND_WORDS[x.kind]}: {' vs '.join(x.originators)}"
    parts = [f'<div class="fc-finding" data-kind="{e(x.kind)}"><h4>{e(title)}</h4>']
    if x.kind == "suspected_misreport" and x.suspect is not None:
        rows = [("suspect", [x.suspect]), ("own series", [i for i in x.claims if i != x.suspect])]
    else:
        rows = [("lower", list(x.low_side)), ("higher", list(x.high_side))]
    for label, idx in rows:
        items = "".join(f"<li>{_quote_html(g.claims[i], meta)}</li>" for i in idx[:6])
        more = f"<li>… {len(idx) - 6} more</li>" if len(idx) > 6 else ""
        parts.append(f"<div><b>{e(label)}</b><ul>{items}{more}</ul></div>")
    parts.append("</div>")
    return "".join(parts)


def group_html(g: Group, meta: dict[str, ArticleMeta], *, max_rows: int | None = None,
               report: Report | None = None) -> str:
    """One quantity: heading, current figure, timeline beside the findings, series, claims."""
    e = html.escape
    parts = [f'<section class="fc-quantity" data-measure="{e(g.measure)}" data-role="{e(g.role)}">',
             f"<h2>{e(g.measure)} · {e(g.subject)} · {e(g.role)} — {e(g.summary or g.verdict)}</h2>",
             f'<p class="fc-now">Now: <b>{e(estimate_text(g))}</b>'
             + (f" — from {e(', '.join(g.estimate.originators))}" if g.estimate.originators else "") + "</p>"]
    if g.estimate.set_aside_why:
        items = "".join(f"<li>{e(w)}</li>" for w in g.estimate.set_aside_why[:20])
        parts.append(f'<details><summary>set aside ({len(g.estimate.set_aside_why)})</summary><ul>{items}</ul></details>')
    if g.role != "total":
        parts.append(f'<p class="fc-dim">{e(g.role)} figures: listed beside the totals, never compared with them.</p>')
    side_lines = beside(report, g, meta) if report is not None else []
    if side_lines:
        items = "".join(f"<li>{e(x)}</li>" for x in side_lines)
        parts.append(f'<p class="fc-dim">Beside the total, never compared with it:</p><ul class="fc-beside">{items}</ul>')
    parts.append('<div class="fc-row"><div class="fc-chart">' + svg_timeline(g) + "</div><div class=\"fc-findings\">")
    if g.findings:
        parts.extend(_finding_html(g, x, meta) for x in g.findings)
        if g.findings_omitted:
            parts.append(f'<p class="fc-dim">… {g.findings_omitted} more findings (JSON report).</p>')
    else:
        parts.append('<p class="fc-none">No disagreement, shrinking total or suspected misreport.</p>')
    parts.append("</div></div>")
    series = g.series()
    if series:
        parts.append('<details open><summary>series per originator</summary><ul class="fc-series-list">')
        for s in sorted(series, key=lambda s: (-len(s.points), s.originator)):
            parts.append(f'<li data-originator="{e(s.originator)}">{e(series_text(s, limit=12))} '
                         f'<span class="fc-dim">(carried by {e(", ".join(s.outlets))})</span></li>')
        parts.append("</ul></details>")
    shown = g.claims if max_rows is None else g.claims[:max_rows]
    parts.append(f"<details><summary>all {len(g.claims)} figures</summary><table>"
                 "<tr><th>#</th><th>figure and quote</th><th>modality</th></tr>")
    for i, c in enumerate(shown):
        parts.append(f"<tr><td>{i}</td><td>{_quote_html(c, meta)}</td><td>{e(c.modality.value)}</td></tr>")
    parts.append("</table>")
    if len(shown) < len(g.claims):
        parts.append(f"<p>… {len(g.claims) - len(shown)} more figures not shown (see to_json() or to_pandas()).</p>")
    parts.append("</details></section>")
    return "".join(parts)


def report_html(report: Report, *, max_rows: int | None = None, max_groups: int | None = None) -> str:
    """The report as one HTML fragment (a ``div`` with its own style)."""
    e = html.escape
    meta = report.article_meta()
    groups = ordered_groups(report)
    parts = [f'<div class="fc-report"><style>{CSS}</style>', f'<p class="fc-summary">{e(summary_line(report))}</p>']
    for g in groups if max_groups is None else groups[:max_groups]:
        parts.append(group_html(g, meta, max_rows=max_rows, report=report))
    if max_groups is not None and len(groups) > max_groups:
        parts.append(f"<p>… {len(groups) - max_groups} more quantities not shown.</p>")
    if report.articles:
        shown = report.articles if max_rows is None else report.articles[:max_rows]
        parts.append("<details><summary>inputs</summary><table><tr><th>id</th><th>status</th><th>claims</th>"
                     "<th>outlet</th><th>date</th><th>reason</th></tr>")
        for a in shown:
            m = meta.get(a.id)
            shop = e(m.publisher or "") if m else ""
            if m and m.url:
                shop = f'<a href="{e(m.url)}">{shop or e(m.url)}</a>'
            parts.append(f"<tr><td>{e(a.id)}</td><td>{e(a.status)}</td><td>{a.claims}</td><td>{shop}</td>"
                         f"<td>{e((m.published if m else None) or '')}</td><td>{e(a.reason or '')}</td></tr>")
        parts.append("</table>")
        if len(shown) < len(report.articles):
            parts.append(f"<p>… {len(report.articles) - len(shown)} more inputs not shown.</p>")
        parts.append("</details>")
    parts.append("</div>")
    return "\n".join(parts)


def page(report: Report, *, title: str) -> str:
    """A complete, self-contained HTML page."""
    return (
        '<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">'
        f"<title>{html.escape(title)}</title></head><body><h1>{html.escape(title)}</h1>\n"
        f"{report_html(report)}\n</body></html>\n"
    )
