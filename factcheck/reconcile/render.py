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
    """One row per claim: its record plus where it was printed and its group.

    Columns added to the claim record: ``originator`` (the credited source, or the outlet's
    own voice), ``publisher``, ``url`` and ``published`` (from the article, where the inputs
    gave them), ``date`` (a real ``datetime64`` column: the day the figure holds for — the
    end of its window — else NaT), ``group_*`` (key, verdict, summary), ``estimate_*``,
    ``in_conflict`` and ``finding`` (the kinds of the findings naming the claim).
    """
    pd = _need("pandas", "Report.to_pandas()")
    from factcheck.reconcile.relations import originator

    meta = report.article_meta()
    rows = []
    for g in report.groups:
        est = g.estimate.to_dict()
        in_conflict = {i for r in g.relations if r.relation == "conflict" for i in (r.a, r.b)}
        kinds: dict[int, set[str]] = {}
        for x in g.findings:
            for i in x.claims:
                kinds.setdefault(i, set()).add(x.kind)
        for i, c in enumerate(g.claims):
            row = c.to_record()
            m = meta.get(c.article_id)
            w = window(c.time, c.published)
            row.update(
                originator=originator(c),
                publisher=(m.publisher if m else None) or c.publisher,
                url=m.url if m else None,
                published=(m.published if m else None) or (c.published.isoformat() if c.published else None),
                date=w.end if w is not None else None,
                date_assumed=bool(w.assumed) if w is not None else None,
                group_index=i,
                group_verdict=g.verdict,
                group_summary=g.summary,
                group_sources=g.independent_sources,
                estimate_low=est["low"],
                estimate_best=est["best"],
                estimate_high=est["high"],
                estimate_as_of=est["as_of"],
                in_conflict=i in in_conflict,
                finding=", ".join(sorted(kinds.get(i, ()))),
            )
            rows.append(row)
    df = pd.DataFrame(rows)
    if len(df):
        df["date"] = pd.to_datetime(df["date"])
        df["published"] = pd.to_datetime(df["published"])
    else:
        df = pd.DataFrame({"date": pd.Series(dtype="datetime64[ns]"), "publisher": pd.Series(dtype=object),
                           "url": pd.Series(dtype=object)})
    return df


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
    """The notebook display: per quantity the current figure, a timeline per originator
    beside the findings, the series and the figures (:mod:`factcheck.reconcile.view`).

    Args:
        report: the report.
        max_rows: rows shown per table (figures, inputs); None shows all. Tables cut
            short say how many rows are left out.
    """
    from factcheck.reconcile.view import report_html

    return report_html(report, max_rows=max_rows)


def summary_table_html(report: Report, *, max_rows: int | None = HTML_MAX_ROWS) -> str:
    """The older layout: a summary table (conflicts first), then each group's details.

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
    """A complete, self-contained HTML page (inline style and SVG, no scripts, no external files); all rows."""
    from factcheck.reconcile.view import page

    return page(report, title=title)


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
    """One panel per quantity: each originator's series over time, and every figure's interval.

    Each originator's asserted figures are joined by a line in its colour (relays folded
    in); bounded intervals are vertical bars with caps, "at least" figures arrows pointing
    up; claims in a finding are ringed in red; figures dated by their article are hollow;
    plans and possibilities dotted. Groups without a single dated figure are not drawn (no
    empty panels): the figure says how many were left out. Without ``groups``, the first
    ``limit`` drawable groups, totals with findings first.
    """
    _need("matplotlib", "Report.plot()")
    from matplotlib.figure import Figure as _Figure

    from factcheck.reconcile.view import ordered_groups

    candidates = list(groups) if groups is not None else ordered_groups(report)
    drawable = [g for g in candidates if any(window(c.time, c.published) is not None for c in g.claims)]
    left_out = len(candidates) - len(drawable)
    chosen = drawable if groups is not None else drawable[:limit]
    n = max(1, len(chosen))
    fig = _Figure(figsize=(9, 3.0 * n), layout="constrained")
    axes = fig.subplots(n, 1, squeeze=False)[:, 0]
    from factcheck.reconcile.relations import originator

    names = sorted({originator(c) for g in chosen for c in g.claims})
    cmap = fig.colormaps["tab10"] if hasattr(fig, "colormaps") else None
    colours = {s: _colour(cmap, i) for i, s in enumerate(names)}
    if not chosen:
        why = "no claims" if not candidates else f"no dated figure to draw ({left_out} groups without a date)"
        axes[0].text(0.5, 0.5, why, ha="center", va="center", transform=axes[0].transAxes)
        axes[0].set_axis_off()
        return fig
    for ax, g in zip(axes, chosen):
        _plot_group(ax, g, colours)
        ax.tick_params(axis="x", labelsize=8)
    if left_out:
        fig.suptitle(f"{left_out} groups without a dated figure not drawn", fontsize=8)
    return fig


def _colour(cmap: Any, i: int) -> Any:
    if cmap is None:
        import matplotlib

        cmap = matplotlib.colormaps["tab10"]
    return cmap(i % 10)


def _plot_group(ax: Any, g: Group, colours: dict[str, Any]) -> None:
    from factcheck.reconcile.relations import originator

    flagged = {i for x in g.findings for i in x.claims}
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
    # one line per originator through its asserted figures (its series)
    for s in g.series():
        if len(s.points) < 2:
            continue
        xs = [dt.date.fromisoformat(p.start) + (dt.date.fromisoformat(p.end) - dt.date.fromisoformat(p.start)) / 2
              for p in s.points]
        ys = [p.best if p.best is not None else p.low for p in s.points]
        ax.plot(xs, ys, "-", color=colours[s.originator], alpha=0.7, linewidth=1.5)
    labelled: set[str] = set()
    for i, c, w, mid, iv in points:
        who = originator(c)
        colour = colours[who]
        label = who if who not in labelled else None
        labelled.add(who)
        factual = c.modality.is_factual
        style = "-" if factual else ":"
        if w.end > w.start:  # the period the figure covers
            ax.hlines(c.value.point or iv.low, w.start, w.end, colors=[colour], alpha=0.3, linewidth=6)
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
            [mid], [y], marker="o", color=colour, label=label, linestyle="none",
            markerfacecolor="none" if w.assumed or not factual else colour,
        )
        if i in flagged:
            ax.plot([mid], [y], marker="o", markersize=14, markerfacecolor="none", markeredgecolor="red", markeredgewidth=2)
    title = f"{g.measure} · {g.subject} · {g.role} — {g.summary or g.verdict}"
    if undated:
        title += f" ({undated} undated not shown)"
    colour = "#b3261e" if g.findings else _VERDICT_COLOURS.get(g.verdict, "black")
    ax.set_title(title, color=colour, fontsize=10)
    ax.set_ylim(0, top * 1.05)
    ax.set_ylabel(g.claims[0].unit if g.claims else "")
    if labelled:
        ax.legend(fontsize=7, loc="upper left", ncols=2 if len(labelled) > 6 else 1)
    ax.grid(True, alpha=0.3)
