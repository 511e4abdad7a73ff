"""Output formats of the command line: extract records as jsonl/json/csv/table, reports.

Split from :mod:`factcheck.cli` to keep modules small. ``WRITERS[fmt](out)`` gives a writer
with ``add(status, claims)`` per input and ``close(statuses)`` at the end.

>>> format_value({"bound": "more_than", "value": 11000})
'>11,000'
"""

from __future__ import annotations

import csv
import json
from collections.abc import Callable
from typing import Any, TextIO

from factcheck.models import ArticleStatus, Claim


def record_of(claim: Claim) -> dict[str, Any]:
    """The extract record of a claim (``Claim.to_record()``)."""
    return claim.to_record()


class _Jsonl:
    def __init__(self, out: TextIO) -> None:
        self.out = out

    def add(self, status: ArticleStatus, claims: list[Claim]) -> None:
        for c in claims:
            self.out.write(json.dumps(record_of(c), ensure_ascii=False) + "\n")
        self.out.flush()

    def close(self, statuses: list[ArticleStatus]) -> None:
        pass


class _Json:
    def __init__(self, out: TextIO) -> None:
        self.out = out
        self.records: list[dict[str, Any]] = []

    def add(self, status: ArticleStatus, claims: list[Claim]) -> None:
        self.records.extend(record_of(c) for c in claims)

    def close(self, statuses: list[ArticleStatus]) -> None:
        skipped = sum(s.status == "skipped" for s in statuses)
        doc = {
            "claims": self.records,
            "articles": [s.model_dump(mode="json") for s in statuses],
            "summary": {"inputs": len(statuses), "processed": len(statuses) - skipped,
                        "skipped": skipped, "claims": len(self.records)},
        }
        self.out.write(json.dumps(doc, ensure_ascii=False, indent=2) + "\n")


class _Csv:
    def __init__(self, out: TextIO) -> None:
        self.writer = csv.writer(out, lineterminator="\n")
        self.columns: list[str] | None = None
        self.out = out

    def add(self, status: ArticleStatus, claims: list[Claim]) -> None:
        for c in claims:
            rec = record_of(c)
            if self.columns is None:
                self.columns = list(rec)
                self.writer.writerow(self.columns)
            self.writer.writerow([_csv_cell(rec.get(k)) for k in self.columns])

    def close(self, statuses: list[ArticleStatus]) -> None:
        if self.columns is None:  # no claims: still print the header, so the file is valid CSV
            self.writer.writerow(list(_sample_record()))


def _csv_cell(v: Any) -> Any:
    if v is None:
        return ""
    if isinstance(v, list | tuple):
        return " > ".join(str(x) for x in v)
    return v


def _sample_record() -> dict[str, Any]:
    from factcheck.models import Evidence
    from factcheck.values import Exact

    ev = Evidence(article_id="-", start=0, end=0, text="", sentence_start=0, sentence_end=0)
    return Claim(article_id="-", measure="-", subject="-", value=Exact(value=0), unit="-",
                 evidence=ev).to_record()


class _Table:
    def __init__(self, out: TextIO) -> None:
        self.out = out
        self.rows: list[dict[str, Any]] = []

    def add(self, status: ArticleStatus, claims: list[Claim]) -> None:
        self.rows.extend(record_of(c) for c in claims)

    def close(self, statuses: list[ArticleStatus]) -> None:
        from rich.table import Table

        table = Table(title=f"{len(self.rows)} claims from {len(statuses)} input(s)")
        for col in ("article", "measure", "subject", "value", "unit", "modality", "role",
                    "source", "as of", "text"):
            table.add_column(col, overflow="fold")
        for r in self.rows:
            table.add_row(str(r.get("article")), str(r.get("measure")), str(r.get("subject")),
                          format_value(r), str(r.get("unit") or ""), str(r.get("modality")),
                          str(r.get("role")), " > ".join(r.get("chain") or []) or str(r.get("source")),
                          str(r.get("as_of") or "?"), str(r.get("text")))
        _console(self.out).print(table)


WRITERS: dict[str, Callable[[TextIO], Any]] = {"jsonl": _Jsonl, "json": _Json, "csv": _Csv, "table": _Table}


def format_value(record: dict[str, Any]) -> str:
    """A short human form of a record's value: ``≈15,000``, ``>11,000``, ``600–2,000``.

    >>> format_value({"bound": "approx", "value": 15000, "low": 13500, "high": 16500})
    '≈15,000'
    """
    def n(x: Any) -> str:
        return "?" if x is None else (f"{x:,}" if isinstance(x, int) else f"{x:,.6g}")

    bound, value, low, high = (record.get(k) for k in ("bound", "value", "low", "high"))
    signs = {"exact": "", "approx": "≈", "at_least": "≥", "more_than": ">", "at_most": "≤", "less_than": "<"}
    if bound in signs:
        shown = value if value is not None else (low if bound in ("at_least", "more_than") else high)
        return signs[bound] + n(shown)
    if bound == "range":
        return f"{n(low)}–{n(high)}"
    return f"vague ({n(low)}–{'…' if high is None else n(high)})"



def write_report(report: Any, fmt: str, out: TextIO) -> None:
    if fmt == "json":
        doc = report.to_json()
        out.write((doc if isinstance(doc, str) else json.dumps(doc, ensure_ascii=False, indent=2)).rstrip("\n") + "\n")
    elif fmt == "html":
        page = report.to_html() if hasattr(report, "to_html") else report._repr_html_()
        out.write(page)
    else:
        console = _console(out)
        if hasattr(report, "__rich__") or hasattr(report, "__rich_console__"):
            console.print(report)
        elif hasattr(report, "render_table"):
            console.print(report.render_table())
        else:
            console.print(str(report), markup=False)


def _console(out: TextIO) -> Any:
    """A rich console on ``out``: ``COLUMNS`` when set, else the terminal's width, or 200
    columns in files and pipes (rich's default of 80 folds a ten-column table into slivers)."""
    import os

    from rich.console import Console

    isatty = getattr(out, "isatty", None)
    columns = os.environ.get("COLUMNS", "")
    width = int(columns) if columns.isdigit() and int(columns) > 0 else (None if isatty and isatty() else 200)
    return Console(file=out, width=width)
