"""The result of a reconciliation: groups, relations, estimates and every input's status.

All models are frozen. ``Report.to_json()`` prints the documented schema
(docs/reconcile.md, "JSON"); ``Report.model_dump_json()`` / ``model_validate_json`` round-trip
the full model, claims included.

>>> r = Report(groups=(), articles=())
>>> r.to_dict()["groups"]
[]
>>> r
Report(groups=0, claims=0, articles=0, conflicts=0)
"""

from __future__ import annotations

import json
import math
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, Literal

from pydantic import BaseModel, ConfigDict, Field

from factcheck.models import ArticleStatus, Claim
from factcheck.reconcile.relations import RelationKind

if TYPE_CHECKING:  # pragma: no cover
    import pandas
    from matplotlib.figure import Figure

Verdict = Literal["conflict", "evolving", "agree", "not_comparable", "single"]
"""A group's verdict: its worst relation (conflict > evolving > agree > not_comparable);
``single`` for a group of one claim."""

#: Verdicts worst first, as the notebook display and tables order groups.
VERDICT_ORDER: tuple[str, ...] = ("conflict", "evolving", "agree", "not_comparable", "single")

SCHEMA_VERSION = 1


def _num(x: float | None) -> int | float | None:
    """JSON-friendly number: integral floats as ints, infinity as None (unbounded)."""
    if x is None or math.isinf(x):
        return None
    return int(x) if float(x).is_integer() else x


class _Frozen(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class Relation(_Frozen):
    """How claims ``a`` and ``b`` (indices into the group's claims, ``a < b``) relate, and why."""

    a: int = Field(ge=0)
    b: int = Field(ge=0)
    relation: RelationKind
    reason: str


class Estimate(_Frozen):
    """Low / best / high for the group's latest period (docs/reconcile.md, "Estimate").

    ``high`` None means unbounded; all None when no asserted figure exists.
    ``claims`` index the group's claims the estimate rests on.
    """

    low: float | None = None
    best: float | None = None
    high: float | None = None
    as_of: str | None = None
    period_start: str | None = None
    period_end: str | None = None
    independent_sources: int = Field(default=0, ge=0)
    claims: tuple[int, ...] = ()
    consistent: bool = True
    note: str = ""
    originators: tuple[str, ...] = ()
    set_aside: tuple[int, ...] = ()
    set_aside_why: tuple[str, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        """JSON-friendly form: integral numbers as ints."""
        # by hand, in field order: model_dump costs more than writing the JSON (a group per period)
        return {
            "low": _num(self.low),
            "best": _num(self.best),
            "high": _num(self.high),
            "as_of": self.as_of,
            "period_start": self.period_start,
            "period_end": self.period_end,
            "independent_sources": self.independent_sources,
            "claims": list(self.claims),
            "consistent": self.consistent,
            "note": self.note,
            "originators": list(self.originators),
            "set_aside": list(self.set_aside),
            "set_aside_why": list(self.set_aside_why),
        }


FindingKind = Literal["disagreement", "shrinking_total", "suspected_misreport"]


class Finding(_Frozen):
    """What a fact-checker should look at in one quantity, with its evidence.

    ``low_side``/``high_side`` index the group's claims with the lower and the higher
    figures; ``suspect`` the suspected misreport; ``pairs`` how many conflicting pairs of
    claims the finding rests on (each also a ``conflict`` relation, up to the group's cap).
    """

    kind: FindingKind
    originators: tuple[str, ...]
    low_side: tuple[int, ...]
    high_side: tuple[int, ...]
    suspect: int | None = None
    pairs: int = Field(default=1, ge=1)
    period_start: str | None = None
    period_end: str | None = None
    reason: str

    @property
    def claims(self) -> tuple[int, ...]:
        """Every claim the finding names, sorted."""
        return tuple(sorted({*self.low_side, *self.high_side}))

    def to_dict(self) -> dict[str, Any]:
        return {
            "kind": self.kind,
            "originators": list(self.originators),
            "low_side": list(self.low_side),
            "high_side": list(self.high_side),
            "suspect": self.suspect,
            "pairs": self.pairs,
            "period_start": self.period_start,
            "period_end": self.period_end,
            "reason": self.reason,
        }


class SeriesPoint(_Frozen):
    """One dated figure of an originator: equal figures of one date from several outlets merged."""

    start: str
    end: str
    low: float
    best: float | None
    high: float | None
    figure: str = ""
    text: str
    claims: tuple[int, ...]
    outlets: tuple[str, ...]

    def to_dict(self) -> dict[str, Any]:
        return {
            "start": self.start, "end": self.end, "low": _num(self.low), "best": _num(self.best),
            "high": _num(self.high), "figure": self.figure, "text": self.text, "claims": list(self.claims), "outlets": list(self.outlets),
        }


class Series(_Frozen):
    """An originator's asserted figures over time (relays folded in; the outlets that carried them)."""

    originator: str
    points: tuple[SeriesPoint, ...]
    outlets: tuple[str, ...]

    def to_dict(self) -> dict[str, Any]:
        return {"originator": self.originator, "outlets": list(self.outlets),
                "points": [p.to_dict() for p in self.points]}


class ArticleMeta(_Frozen):
    """What a report shows of an article beside its quotes: outlet, date, URL (as the inputs gave them)."""

    id: str
    url: str | None = None
    publisher: str | None = None
    published: str | None = None


class Group(_Frozen):
    """Claims with one key (subject, measure, role), their relations and estimate.

    ``estimate`` is the latest period's; ``periods`` lists every period's, oldest first.
    """

    subject: str
    measure: str
    role: str
    cumulative: bool
    verdict: Verdict
    estimate: Estimate
    periods: tuple[Estimate, ...] = ()
    independent_sources: int = Field(ge=0)
    sources: tuple[str, ...]
    claims: tuple[Claim, ...]
    relations: tuple[Relation, ...]
    compared: int = Field(default=0, ge=0, description="pairs compared (stored or not)")
    omitted: int = Field(default=0, ge=0, description="relations compared but not stored (cap)")
    findings: tuple[Finding, ...] = ()
    findings_omitted: int = Field(default=0, ge=0, description="findings found but not stored (cap)")
    summary: str = ""

    def series(self) -> tuple[Series, ...]:
        """Each originator's series of asserted/estimated dated figures (computed on demand)."""
        from factcheck.reconcile.series import group_series

        return group_series(self)

    @property
    def key(self) -> tuple[str, str, str]:
        return (self.subject, self.measure, self.role)

    def to_dict(self) -> dict[str, Any]:
        """The group as in ``Report.to_json()``."""
        return self._as_dict([c.to_record() for c in self.claims])

    def _as_dict(self, claims: Any) -> dict[str, Any]:
        """The group's schema object with ``claims`` as given (records, or their JSON writer)."""
        return {
            "subject": self.subject,
            "measure": self.measure,
            "role": self.role,
            "cumulative": self.cumulative,
            "verdict": self.verdict,
            "estimate": self.estimate.to_dict(),
            "periods": [p.to_dict() for p in self.periods],
            "independent_sources": self.independent_sources,
            "sources": list(self.sources),
            "claims": claims,
            # plain dicts in field order: model_dump per row costs more than writing the JSON
            "relations": [{"a": r.a, "b": r.b, "relation": r.relation, "reason": r.reason} for r in self.relations],
            "compared": self.compared,
            "omitted": self.omitted,
            "summary": self.summary,
            "findings": [x.to_dict() for x in self.findings],
            "findings_omitted": self.findings_omitted,
            "series": [x.to_dict() for x in self.series()],
        }


class Report(_Frozen):
    """What :func:`factcheck.reconcile` returns.

    ``groups`` are sorted by key; ``articles`` by id; ``claims`` lists every claim, group
    by group, in canonical order.
    """

    groups: tuple[Group, ...]
    articles: tuple[ArticleStatus, ...]
    meta: tuple[ArticleMeta, ...] = ()

    def article_meta(self) -> dict[str, ArticleMeta]:
        """Outlet, date, URL and language per article id (those the inputs gave)."""
        return {m.id: m for m in self.meta}

    @property
    def findings(self) -> list[tuple[Group, Finding]]:
        """Every group's findings, group by group."""
        return [(g, x) for g in self.groups for x in g.findings]

    def __repr__(self) -> str:
        # a summary: the full model of a large report would flood a terminal
        n_claims = sum(len(g.claims) for g in self.groups)
        return (
            f"Report(groups={len(self.groups)}, claims={n_claims}, articles={len(self.articles)}, "
            f"conflicts={len(self.conflicts)})"
        )

    __str__ = __repr__

    @property
    def claims(self) -> tuple[Claim, ...]:
        """Every claim, group by group."""
        return tuple(c for g in self.groups for c in g.claims)

    @property
    def conflicts(self) -> tuple[Group, ...]:
        """Groups whose verdict is ``conflict``."""
        return tuple(g for g in self.groups if g.verdict == "conflict")

    def group(self, measure: str, subject: str | None = None, role: str = "total") -> Group:
        """The group for ``measure`` (and ``subject``/``role``); KeyError names what exists.

        >>> Report(groups=(), articles=()).group("troops_killed")
        Traceback (most recent call last):
        ...
        KeyError: "no group for measure 'troops_killed', role 'total'; groups: []"
        """
        for g in self.groups:
            if g.measure == measure and g.role == role and (subject is None or g.subject == subject):
                return g
        have = [list(g.key) for g in self.groups]
        raise KeyError(f"no group for measure {measure!r}, role {role!r}; groups: {have}")

    def by_severity(self) -> list[Group]:
        """Groups with conflicts first, then evolving, agree, not_comparable, single."""
        return sorted(self.groups, key=lambda g: (VERDICT_ORDER.index(g.verdict), g.key))

    def to_dict(self) -> dict[str, Any]:
        """The documented JSON schema as Python objects."""
        return self._as_dict(lambda g: g.to_dict())

    def _as_dict(self, group: Callable[[Group], dict[str, Any]]) -> dict[str, Any]:
        """The schema object, each group's object made by ``group``."""
        meta = self.article_meta()
        return {
            "version": SCHEMA_VERSION,
            "groups": [group(g) for g in self.groups],
            "articles": [_article_row(a, meta.get(a.id)) for a in self.articles],
        }

    def to_json(self, *, indent: int | None = 2) -> str:
        """The report as JSON text (schema: docs/reconcile.md); non-ASCII kept as is.

        Exactly ``json.dumps(self.to_dict(), ensure_ascii=False, indent=indent)``; with an
        indent of spaces, written several times faster (see ``factcheck.reconcile.jsontext``).
        """
        if isinstance(indent, int) and not isinstance(indent, bool) and indent >= 0:
            from factcheck.reconcile.jsontext import report_json

            return report_json(self, indent)
        return json.dumps(self.to_dict(), ensure_ascii=False, indent=indent)

    def to_pandas(self) -> pandas.DataFrame:
        """One row per claim: the claim record plus its group's key, verdict and estimate.

        Raises:
            ImportError: pandas is not installed (``pip install 'factcheck[analysis]'``).
        """
        from factcheck.reconcile.render import to_pandas

        return to_pandas(self)

    def to_html(self, *, title: str = "factcheck reconciliation") -> str:
        """A self-contained HTML page (inline SVG timelines; no scripts, no external files)."""
        from factcheck.reconcile.view import page

        return page(self, title=title)

    def _repr_html_(self) -> str:
        from factcheck.reconcile.render import html_fragment

        return html_fragment(self)

    def render_table(self) -> Any:
        """A ``rich`` renderable: a one-line summary, then per quantity the current figure,
        findings with the sources behind each side, and the series — laid out for the
        console's width (``COLUMNS``)."""
        from factcheck.reconcile.view import rich_renderable

        return rich_renderable(self)

    def text(self, width: int = 100) -> str:
        """The terminal layout as plain text, ``width`` columns wide."""
        from factcheck.reconcile.view import terminal_lines

        return "\n".join(line for line, _ in terminal_lines(self, width)) + "\n"

    def __rich__(self) -> Any:
        return self.render_table()

    def plot(self, *, groups: list[Group] | None = None, limit: int = 12) -> Figure:
        """A matplotlib timeline per group: intervals over time, coloured by source.

        Args:
            groups: the groups to draw (default: the first ``limit``, conflicts first).
            limit: how many groups to draw when ``groups`` is not given.

        Raises:
            ImportError: matplotlib is not installed (``pip install 'factcheck[analysis]'``).
        """
        from factcheck.reconcile.render import plot

        return plot(self, groups=groups, limit=limit)


def _article_row(a: ArticleStatus, m: ArticleMeta | None) -> dict[str, Any]:
    row: dict[str, Any] = {"id": a.id, "status": a.status, "claims": a.claims, "reason": a.reason}
    if m is not None:
        row.update(url=m.url, publisher=m.publisher, published=m.published)
    return row
