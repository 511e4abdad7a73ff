"""Showing a report: pandas rows, HTML (notebook and page), a rich table, a matplotlib timeline.

pandas, matplotlib and rich are imported only when their output is asked for.
Every piece of text in HTML is escaped: claims quote untrusted articles.

>>> from factcheck.reconcile.report import Report
>>> "<table" in html_fragment(Report(groups=(), articles=()))
False
"""

from __future__ import annotations

import datetime as dt
import html
from typing import TYPE_CHECKING, Any

from factcheck.reconcile.report import VERDICT_ORDER, Group, Report, _num
from factcheck.reconcile.timing import window

if TYPE_CHECKING:  # pragma: no cover
    import pandas
    from matplotlib.figure import Figure

_VERDICT_COLOURS = {
    "conflict": "#b3261e",
    "evolving": "#1a5fb4",
    "agree": "#26762c",
    "not_comparable": "#6b6b6b",
    "single": "#6b6b6b",
}


def _need(module: str, purpose: str) -> Any:
    """Import ``module`` or fail saying how to install it."""
    import importlib

    try:
        return importlib.import_module(module)
    except ImportError as e:
        raise ImportError(
            f"{purpose} needs {module.split('.')[0]}: pip install 'factcheck[analysis]' "
            f"(or pip install {module.split('.')[0]})"
        ) from e


def to_pandas(report: Report) -> pandas.DataFrame:
    """One row per claim: its record plus ``group_*`` columns (key, verdict, estimate)."""
    pd = _need("pandas", "Report.to_pandas()")
    rows = []
    for g in report.groups:
        est = g.estimate.to_dict()
        for i, c in enumerate(g.claims):
            row = c.to_record()
            row.update(
                group_index=i,
                group_verdict=g.verdict,
                group_sources=g.independent_sources,
                estimate_low=est["low"],
                estimate_best=est["best"],
                estimate_high=est["high"],
                estimate_as_of=est["as_of"],
                in_conflict=any(r.relation == "conflict" and i in (r.a, r.b) for r in g.relations),
            )
            rows.append(row)
    return pd.DataFrame(rows)


def _fmt(x: float | None, unbounded: str = "—") -> str:
    n = _num(x)
    return unbounded if n is None else f"{n:,}"


def _estimate_text(g: Group) -> str:
    e = g.estimate
    if e.best is None:
        return "—"
    high = _fmt(e.high, "∞")
    return f"{_fmt(e.best)} [{_fmt(e.low)}–{high}] as of {e.as_of or 'undated'}"


_CSS = """
.fc-report{font-family:system-ui,sans-serif;font-size:14px;line-height:1.4}
.fc-report table{border-collapse:collapse;margin:.3em 0 1em}
.fc-report td,.fc-report th{border:1px solid #ccc;padding:.25em .5em;text-align:left;vertical-align:top}
.fc-verdict{font-weight:bold;color:#fff;padding:0 .4em;border-radius:3px}
.fc-report details{margin:.4em 0}
""".strip()


def _badge(verdict: str) -> str:
    colour = _VERDICT_COLOURS.get(verdict, "#6b6b6b")
    return f'<span class="fc-verdict" style="background:{colour}">{html.escape(verdict)}</span>'


#: Rows shown per table in HTML: a notebook cannot usefully show a million claims.
HTML_MAX_ROWS = 200


def html_fragment(report: Report, *, max_rows: int | None = HTML_MAX_ROWS) -> str:
    """The notebook display: a summary table (conflicts first), then each group's details.

    Args:
        report: the report.
        max_rows: rows shown per table (groups, claims, inputs); None shows all. Tables cut
            short say how many rows are left out.
    """
    e = html.escape
    cap = len if max_rows is None else (lambda seq: min(len(seq), max_rows))

    def more(total: int, shown: int, what: str) -> None:
        if total > shown:
            parts.append(f"<p>… {total - shown} more {what} not shown (see to_json() or to_pandas()).</p>")

    parts = [f'<div class="fc-report"><style>{_CSS}</style>']
    n_claims = sum(len(g.claims) for g in report.groups)
    parts.append(
        f"<p><b>{len(report.groups)}</b> groups, <b>{n_claims}</b> claims, "
        f"<b>{len(report.articles)}</b> inputs, <b>{len(report.conflicts)}</b> in conflict.</p>"
    )
    ordered = report.by_severity()
    if ordered:
        parts.append(
            "<table><tr><th>verdict</th><th>measure</th><th>subject</th><th>role</th>"
            "<th>estimate (best [low–high])</th><th>independent sources</th><th>claims</th></tr>"
        )
        for g in ordered[: cap(ordered)]:
            parts.append(
                f"<tr><td>{_badge(g.verdict)}</td><td>{e(g.measure)}</td><td>{e(g.subject)}</td>"
                f"<td>{e(g.role)}</td><td>{e(_estimate_text(g))}</td>"
                f"<td>{g.independent_sources} ({e(', '.join(g.sources))})</td><td>{len(g.claims)}</td></tr>"
            )
        parts.append("</table>")
        more(len(ordered), cap(ordered), "groups")
    for g in ordered[: cap(ordered)]:
        opened = " open" if g.verdict == "conflict" else ""
        parts.append(f"<details{opened}><summary>{_badge(g.verdict)} {e(g.measure)} · {e(g.subject)} · {e(g.role)}</summary>")
        parts.append(
            "<table><tr><th>#</th><th>figure</th><th>source</th><th>chain</th><th>date</th>"
            "<th>modality</th><th>article</th></tr>"
        )
        for i, c in enumerate(g.claims[: cap(g.claims)]):
            w = window(c.time, c.published)
            parts.append(
                f"<tr><td>{i}</td><td>{e(c.evidence.text)}</td><td>{e(c.source)}</td>"
                f"<td>{e(' → '.join(c.attribution.chain))}</td><td>{e(w.label if w else 'unknown')}</td>"
                f"<td>{e(c.modality.value)}</td><td>{e(c.article_id)}</td></tr>"
            )
        parts.append("</table>")
        more(len(g.claims), cap(g.claims), "claims")
        rels = sorted(g.relations, key=lambda r: (VERDICT_ORDER.index(r.relation), r.a, r.b))
        if rels:
            parts.append("<table><tr><th>pair</th><th>relation</th><th>reason</th></tr>")
            for r in rels[: cap(rels)]:
                parts.append(f"<tr><td>{r.a}–{r.b}</td><td>{_badge(r.relation)}</td><td>{e(r.reason)}</td></tr>")
            parts.append("</table>")
            more(len(rels), cap(rels), "relations")
        if g.omitted:
            parts.append(f"<p>{g.omitted} more relations compared but not listed.</p>")
        parts.append(f"<p>Estimate: {e(_estimate_text(g))}. {e(g.estimate.note)}</p></details>")
    if report.articles:
        parts.append("<details><summary>inputs</summary><table><tr><th>id</th><th>status</th><th>claims</th><th>reason</th></tr>")
        for a in report.articles[: cap(report.articles)]:
            parts.append(
                f"<tr><td>{e(a.id)}</td><td>{e(a.status)}</td><td>{a.claims}</td><td>{e(a.reason or '')}</td></tr>"
            )
        parts.append("</table>")
        more(len(report.articles), cap(report.articles), "inputs")
        parts.append("</details>")
    parts.append("</div>")
    return "\n".join(parts)


def html_page(report: Report, *, title: str = "factcheck reconciliation", max_rows: int | None = None) -> str:
    """A complete, self-contained HTML page (inline style, no scripts, no external files); all rows."""
    return (
        '<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">'
        f"<title>{html.escape(title)}</title></head><body><h1>{html.escape(title)}</h1>\n"
        f"{html_fragment(report, max_rows=max_rows)}\n</body></html>\n"
    )


def rich_table(report: Report) -> Any:
    """A ``rich.table.Table``: one row per group, conflicts first, with the worst reason."""
    table_mod = _need("rich.table", "Report.render_table()")
    table = table_mod.Table(title="factcheck reconciliation", show_lines=True)
    for col in ("verdict", "measure", "subject", "role", "estimate", "sources", "claims", "why"):
        table.add_column(col, overflow="fold")
    for g in report.by_severity():
        why = ""
        if g.relations:
            # the worst relation spanning the most claims: earliest against latest
            worst = min(g.relations, key=lambda r: (VERDICT_ORDER.index(r.relation), r.a - r.b, r.a))
            why = worst.reason
        colour = {"conflict": "bold red", "evolving": "blue", "agree": "green"}.get(g.verdict, "dim")
        table.add_row(
            f"[{colour}]{g.verdict}[/]",
            g.measure,
            g.subject,
            g.role,
            _estimate_text(g),
            f"{g.independent_sources}: {', '.join(g.sources)}" if g.sources else "—",
            str(len(g.claims)),
            _escape_markup(why),
        )
    return table


def _escape_markup(text: str) -> str:
    from rich.markup import escape

    return escape(text)


def plot(report: Report, *, groups: list[Group] | None = None, limit: int = 12) -> Figure:
    """One panel per group: each figure's value interval at its date, coloured by source.

    Bounded intervals are vertical bars with caps, "at least" figures arrows pointing up,
    "at most" arrows pointing down; claims in a conflict are ringed in red; undated
    figures are placed at their article's date (hollow marker); figures with no date at all
    are left out and counted in the panel title. Without ``groups``, the first ``limit``
    groups, worst verdict first.
    """
    _need("matplotlib", "Report.plot()")
    from matplotlib.figure import Figure as _Figure

    chosen = list(groups) if groups is not None else report.by_severity()[:limit]
    n = max(1, len(chosen))
    fig = _Figure(figsize=(8, 2.8 * n), layout="constrained")
    axes = fig.subplots(n, 1, squeeze=False)[:, 0]
    sources = sorted({c.source for g in chosen for c in g.claims})
    cmap = fig.colormaps["tab10"] if hasattr(fig, "colormaps") else None
    colours = {s: _colour(cmap, i) for i, s in enumerate(sources)}
    if not chosen:
        axes[0].text(0.5, 0.5, "no claims", ha="center", va="center", transform=axes[0].transAxes)
        axes[0].set_axis_off()
        return fig
    for ax, g in zip(axes, chosen):
        _plot_group(ax, g, colours)
        ax.tick_params(axis="x", labelsize=8)
    return fig


def _colour(cmap: Any, i: int) -> Any:
    if cmap is None:
        import matplotlib

        cmap = matplotlib.colormaps["tab10"]
    return cmap(i % 10)


def _plot_group(ax: Any, g: Group, colours: dict[str, Any]) -> None:
    in_conflict = {i for r in g.relations if r.relation == "conflict" for i in (r.a, r.b)}
    undated = 0
    ymax = 0.0
    points = []
    for i, c in enumerate(g.claims):
        w = window(c.time, c.published)
        if w is None:
            undated += 1
            continue
        mid = w.start + (w.end - w.start) / 2
        iv = c.value.interval()
        points.append((i, c, w, mid, iv))
        ymax = max(ymax, iv.low, iv.high if iv.high != float("inf") else iv.low, c.value.point or 0)
    top = ymax * 1.25 if ymax > 0 else 1.0
    if points:  # caps and margins scale with the time span shown (days to years)
        first = min(p[2].start for p in points)
        last = max(p[2].end for p in points)
        span = max((last - first).days, 30)
        cap = dt.timedelta(days=span * 0.012)
        pad = dt.timedelta(days=max(span * 0.06, 15))
        ax.set_xlim(first - pad, last + pad)
        import matplotlib.dates as mdates

        locator = mdates.AutoDateLocator(maxticks=8)
        ax.xaxis.set_major_locator(locator)
        ax.xaxis.set_major_formatter(mdates.ConciseDateFormatter(locator))
    labelled: set[str] = set()
    for i, c, w, mid, iv in points:
        colour = colours[c.source]
        label = c.source if c.source not in labelled else None
        labelled.add(c.source)
        factual = c.modality.is_factual
        style = "-" if factual else ":"
        if w.end > w.start:  # the period the figure covers
            ax.hlines(c.value.point or iv.low, w.start, w.end, colors=[colour], alpha=0.4, linewidth=6)
        if iv.high == float("inf"):
            ax.annotate(
                "", xy=(mid, top), xytext=(mid, iv.low),
                arrowprops={"arrowstyle": "->", "color": colour, "linestyle": style},
            )
        else:
            ax.vlines(mid, iv.low, iv.high, colors=[colour], linestyles=style, linewidth=2)
            ax.hlines([iv.low, iv.high], mid - cap, mid + cap, colors=[colour])
        y = c.value.point if c.value.point is not None else iv.low
        ax.plot(
            [mid], [y], marker="o", color=colour, label=label,
            markerfacecolor="none" if w.assumed or not factual else colour,
        )
        if i in in_conflict:
            ax.plot([mid], [y], marker="o", markersize=14, markerfacecolor="none", markeredgecolor="red", markeredgewidth=2)
    title = f"{g.measure} · {g.subject} · {g.role} — {g.verdict}"
    if undated:
        title += f" ({undated} undated not shown)"
    ax.set_title(title, color=_VERDICT_COLOURS.get(g.verdict, "black"), fontsize=10)
    ax.set_ylim(0, top * 1.05)
    ax.set_ylabel(g.claims[0].unit if g.claims else "")
    if labelled:
        ax.legend(fontsize=8, loc="best")
    ax.grid(True, alpha=0.3)
