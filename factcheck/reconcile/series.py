"""Per-originator series: who said what, when, and which outlets carried it.

A figure belongs to its originator (the source the article credits; an unattributed
figure is its outlet's own), so relays fold into the originator's series: NIS's ~3,000
carried by Yonhap, AP and IANS is one point of NIS's series with three outlets. Only
asserted/estimated figures with a date are points; equal figures of one date are merged.

>>> from factcheck.reconcile.report import Group, Estimate
>>> group_series(Group(subject="s", measure="m", role="total", cumulative=True, verdict="single",
...                    estimate=Estimate(), independent_sources=0, sources=(), claims=(), relations=()))
()
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from factcheck.reconcile.relations import originator
from factcheck.reconcile.report import Series, SeriesPoint
from factcheck.reconcile.timing import window

if TYPE_CHECKING:  # pragma: no cover
    from factcheck.reconcile.report import Group


def outlet(claim) -> str:  # type: ignore[no-untyped-def]
    """The outlet that printed a claim: its publisher, else its article id."""
    return claim.publisher or claim.article_id


def group_series(group: Group) -> tuple[Series, ...]:
    """The group's series, one per originator, sorted by originator; points oldest first."""
    from factcheck.reconcile.view import figure

    points: dict[str, dict[tuple, list[int]]] = {}
    for i, c in enumerate(group.claims):
        if not c.modality.is_factual:
            continue
        w = window(c.time, c.published)
        if w is None:
            continue
        iv = c.value.interval()
        key = (w.start, w.end, iv.low, iv.high, c.value.point)
        points.setdefault(originator(c), {}).setdefault(key, []).append(i)
    out = []
    for name in sorted(points):
        pts = []
        carried: set[str] = set()
        for (start, end, low, high, point), idx in sorted(points[name].items(), key=lambda kv: (kv[0][:2], kv[0][2], kv[1])):
            outlets = set()
            for i in idx:
                c = group.claims[i]
                outlets.add(outlet(c))
                outlets.update(s for s in c.attribution.chain if s != c.attribution.source)
            carried |= outlets
            pts.append(SeriesPoint(
                start=start.isoformat(), end=end.isoformat(), low=low, best=point,
                high=None if high == float("inf") else high, text=group.claims[idx[0]].evidence.text,
                figure=figure(group.claims[idx[0]]),
                claims=tuple(idx), outlets=tuple(sorted(outlets)),
            ))
        out.append(Series(originator=name, points=tuple(pts), outlets=tuple(sorted(carried))))
    return tuple(out)
