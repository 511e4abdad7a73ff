"""Report output: JSON schema, pandas rows, HTML (escaped, conflicts first), rich table, plot."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from factcheck.reconcile import reconcile
from factcheck.values import Approx, AtLeast, Exact, Vague
from tests.strategies import make_claim

D = dt.date


def _report():
    return reconcile(
        [
            make_claim(Vague(low=1000, word="thousands"), text="thousands", as_of=D(2024, 11, 30), article="d0"),
            make_claim(AtLeast(value=11000, strict=True), text="more than 11,000", source="MSMT",
                       chain=("Bloomberg", "MSMT"), as_of=D(2024, 12, 1), precision="month", article="d1"),
            make_claim(Approx(value=15000), text="about 15,000", source="NIS", chain=("IANS", "NIS"),
                       as_of=D(2025, 9, 4), article="d2"),
            make_claim(Approx(value=3000), text="about 3,000 <script>alert(1)</script>", measure="casualties",
                       source="NIS", as_of=D(2025, 1, 13), article="c1"),
            make_claim(AtLeast(value=4000, strict=True), text="more than 4,000", measure="casualties",
                       source="Ukraine", as_of=D(2025, 1, 20), article="c2"),
            make_claim(Exact(value=100), text="100", measure="missiles_supplied", unit="missile",
                       source="MSMT", as_of=D(2024, 1, 1), precision="year", article="d1", start=40),
        ]
    )


@pytest.mark.parametrize("measure,verdict", [("troops_deployed", "evolving"), ("casualties", "conflict"),
                                             ("missiles_supplied", "single")])
def test_report_json_schema(measure, verdict):
    data = json.loads(_report().to_json())
    assert set(data) == {"version", "groups", "articles"}
    (g,) = [g for g in data["groups"] if g["measure"] == measure]
    assert g["verdict"] == verdict
    assert {"measure", "subject", "role", "verdict", "estimate", "independent_sources", "claims", "relations"} <= set(g)
    assert {"low", "best", "high", "as_of"} <= set(g["estimate"])
    for c in g["claims"]:
        assert {"article", "measure", "value", "low", "high", "bound", "source", "text", "start", "end"} <= set(c)
    for r in g["relations"]:
        assert set(r) == {"a", "b", "relation", "reason"}
    assert [a["id"] for a in data["articles"]] == ["c1", "c2", "d0", "d1", "d2"]


@pytest.mark.parametrize("columns", [("measure", "group_verdict", "estimate_best", "in_conflict", "text")])
def test_report_to_pandas_one_row_per_claim(columns):
    report = _report()
    df = report.to_pandas()
    assert len(df) == len(report.claims) == 6
    assert set(columns) <= set(df.columns)
    assert set(df.loc[df["measure"] == "casualties", "in_conflict"]) == {True}
    assert set(df.loc[df["measure"] == "troops_deployed", "group_verdict"]) == {"evolving"}


@pytest.mark.parametrize("render", ["_repr_html_", "to_html"])
def test_report_html_escapes_text_and_shows_conflicts_first(render):
    page = getattr(_report(), render)()
    assert "<script>" not in page
    assert "&lt;script&gt;" in page
    assert page.index("casualties") < page.index("troops_deployed")
    if render == "to_html":
        assert page.startswith("<!DOCTYPE html>") and page.rstrip().endswith("</html>")
        assert "http" not in page  # self-contained: nothing fetched


@pytest.mark.parametrize("width", [60, 100, 120, 200])
def test_report_rich_table(width):
    from rich.console import Console

    console = Console(record=True, width=width)
    console.print(_report())
    text = console.export_text()
    lines = text.splitlines()
    assert lines[0].startswith("factcheck reconciliation — 5 inputs")
    assert "3 quantities; 1 with findings: 1 disagreement" in " ".join(line.strip() for line in lines[:3])
    assert all(len(line) <= width for line in lines), max(lines, key=len)
    # the quantity with a finding first, its key never wrapped; each side names its source
    assert text.index("casualties · north_korea · total") < text.index("troops_deployed · north_korea · total")
    assert "! disagreement: NIS vs Ukraine" in text
    assert "lower: ≈3,000" in text and "higher: >4,000" in text
    assert "now: ≈15,000" not in text and "now: 15,000" in text
    assert "MSMT: >11,000 (2024-12)" in text.replace("\n    ", " ")  # a series, relays folded into the originator


def test_report_text_is_plain_and_fits():
    text = _report().text(width=100)
    assert "\x1b[" not in text
    assert all(len(line) <= 100 for line in text.splitlines())


@pytest.mark.parametrize("limit", [2])
def test_report_plot_limits_panels(limit):
    import matplotlib

    matplotlib.use("Agg")
    fig = _report().plot(limit=limit)
    assert len(fig.get_axes()) == limit
    assert "1 disagreement" in fig.get_axes()[0].get_title()


@pytest.mark.parametrize("groups", [None, 1])
def test_report_plot_one_panel_per_group(groups):
    import matplotlib

    matplotlib.use("Agg")
    report = _report()
    chosen = None if groups is None else list(report.groups[:groups])
    fig = report.plot(groups=chosen)
    axes = fig.get_axes()
    assert len(axes) == (len(report.groups) if groups is None else groups)
    fig.canvas.draw()  # rendering must not fail (dates, arrows, legends)
    if groups is None:
        assert "disagreement" in axes[0].get_title()


def test_report_plot_draws_no_empty_panels():
    import matplotlib

    matplotlib.use("Agg")
    undated = make_claim(Exact(value=5), text="5", measure="troops_captured", article="u1")
    report = reconcile([*_report().claims, undated])
    fig = report.plot()
    titles = [ax.get_title() for ax in fig.get_axes()]
    assert len(titles) == 3 and not any("troops_captured" in t for t in titles)
    assert all(ax.lines or ax.collections for ax in fig.get_axes())
    assert "1 groups without a dated figure not drawn" in fig._suptitle.get_text()
    only = report.plot(groups=[report.group("troops_captured")])
    assert len(only.get_axes()) == 1 and "no dated figure" in only.get_axes()[0].texts[0].get_text()


@pytest.mark.parametrize("measure", ["troops_killed"])
def test_report_group_lookup_names_what_exists(measure):
    report = _report()
    with pytest.raises(KeyError, match="troops_deployed"):
        report.group(measure)
    assert report.group("casualties").verdict == "conflict"


@pytest.mark.parametrize("empty", [[]])
def test_report_empty_renders(empty):
    import matplotlib

    matplotlib.use("Agg")
    report = reconcile(empty)
    assert json.loads(report.to_json())["groups"] == []
    assert "0 inputs, 0 claims, 0 quantities; no findings" in report._repr_html_()
    report.plot().canvas.draw()
    assert len(report.to_pandas()) == 0


@pytest.mark.parametrize(("module", "method"), [("pandas", "to_pandas"), ("matplotlib", "plot")])
def test_report_missing_optional_dependency_says_how_to_install(monkeypatch, module, method):
    import sys

    monkeypatch.setitem(sys.modules, module, None)  # makes "import module" raise ImportError
    with pytest.raises(ImportError, match=r"pip install 'factcheck\[analysis\]'"):
        getattr(_report(), method)()


@pytest.mark.parametrize("n", [7])
def test_report_html_notebook_display_is_capped(n):
    from factcheck.reconcile.render import html_fragment

    claims = [make_claim(Exact(value=i + 1), text=f"figure-{i}", as_of=D(2025, 1, 1 + i), article=f"n{i}")
              for i in range(n)]
    page = html_fragment(reconcile(claims), max_rows=3)
    table = page.split(f"all {n} figures")[1]
    assert ">figure-2</q>" in table and ">figure-3</q>" not in table
    assert f"… {n - 3} more figures not shown" in page


@pytest.mark.parametrize("columns", [100, 120])
def test_report_cli_table_honours_columns_when_piped(repo_root, columns):
    """`factcheck reconcile --format table` piped: plain text, COLUMNS wide, summary first."""
    import os
    import subprocess
    import sys

    env = {**os.environ, "COLUMNS": str(columns)}
    done = subprocess.run([sys.executable, "-m", "factcheck", "reconcile", "--format", "table", "examples/articles"],
                          capture_output=True, text=True, cwd=repo_root, env=env, timeout=300)
    assert done.returncode == 0, done.stderr[-2000:]
    lines = done.stdout.splitlines()
    assert lines[0].startswith("factcheck reconciliation — 9 inputs")
    assert "\x1b[" not in done.stdout
    assert max(len(line) for line in lines) <= columns
    assert any(line.startswith("troops_killed · North Korea · total — growing; 1 suspected misreport") for line in lines)
    assert any("suspect: ≈600" in line for line in lines)
