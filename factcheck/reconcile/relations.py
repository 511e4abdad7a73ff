"""Pairwise relations between two claims of one group, each with a reason.

Rules (docs/reconcile.md, "Relations"), tried in this order:

1. different units → ``not_comparable``;
2. a figure that is not asserted/estimated (possible, planned, denied, hypothetical)
   → ``not_comparable``;
   a total its own article casts doubt on — the article also gives the same figure as a
   batch or part, or the same originator's larger figure for that date (it is most likely
   a part of it) → ``not_comparable`` (``doubtful``; :mod:`factcheck.reconcile.doubt`);
3. no date at all, or a date taken from the article (``published``) when the articles are
   more than ``undated_window_days`` apart → ``not_comparable``; closer than that, the two
   are treated as the same period and the reason says so;
4. same period (windows at most ``same_period_days`` apart), overlapping intervals → ``agree``;
5. disjoint figures that one originator gives in one article → ``not_comparable``
   (``same_article``: an article that names two figures for one date is giving a part and
   the whole, or two different counts, far more often than contradicting itself);
6. disjoint figures :data:`MAGNITUDE_RATIO` times or more apart → ``not_comparable``
   (``magnitude``: more likely a part, another measure or a misread scale than two
   estimates of one count) — only where the pair would otherwise be a conflict;
7. same period, disjoint, running total: a later, larger figure of the same originator, or
   of another one more than ``Settings.disagree_days`` later (from the earlier window's end
   to the later's: "in December" to "in January" is a month) → ``evolving`` (growth); one
   originator's later, smaller figure → ``conflict`` (``shrank``); otherwise ``conflict``
   (``same_disjoint``: a disagreement);
8. different periods, cumulative measure: the later upper bound below the earlier lower
   bound → ``conflict`` within one originator (a running total cannot shrink), else
   ``not_comparable`` (``stale``: another source's later, lower figure is most often an
   old figure restated); the later figure larger → ``evolving``; otherwise ``agree``;
9. different periods, other measures → ``not_comparable``.

The *originator* of a figure is the source the article credits; an unattributed figure is
the outlet's own (its publisher, else its article).

>>> import datetime as dt
>>> from factcheck.models import Claim, Evidence, TimeScope
>>> from factcheck.values import Approx, AtLeast
>>> def c(value, text, day, src):
...     ev = Evidence(article_id=src, start=0, end=len(text), text=text,
...                   sentence_start=0, sentence_end=len(text))
...     return Claim(article_id=src, measure="troops_deployed", subject="north_korea",
...                  value=value, unit="soldier", evidence=ev,
...                  time=TimeScope(as_of=day, precision="day"))
>>> a = c(AtLeast(value=11000, strict=True), "more than 11,000", dt.date(2024, 12, 31), "a1")
>>> b = c(Approx(value=15000), "about 15,000", dt.date(2025, 9, 4), "a2")
>>> relate(a, b, cumulative=True)[0]
'evolving'
"""

from __future__ import annotations

import math
from typing import Literal, NamedTuple

from factcheck.models import UNATTRIBUTED, Claim, Modality
from factcheck.reconcile.measures import own_losses
from factcheck.reconcile.timing import Window, window
from factcheck.settings import Settings

RelationKind = Literal["conflict", "evolving", "agree", "not_comparable"]

#: The thresholds are :class:`~factcheck.settings.Settings` fields (documented there); these
#: names keep their defaults for code and docs that name them.
#: ``Settings.magnitude_ratio``: disjoint figures this many times apart are not compared.
MAGNITUDE_RATIO: float = Settings.model_fields["magnitude_ratio"].default

#: ``Settings.disagree_days``: how much later another originator's larger figure is growth.
DISAGREE_DAYS: int = Settings.model_fields["disagree_days"].default

#: ``Settings.long_window_days``: a running total over a longer window is compared as of its end.
LONG_WINDOW_DAYS: int = Settings.model_fields["long_window_days"].default

#: Severity, worst first: a group's verdict is its worst relation.
SEVERITY: dict[str, int] = {"conflict": 3, "evolving": 2, "agree": 1, "not_comparable": 0}


class Facts(NamedTuple):
    """What the rules need of a claim, computed once per claim.

    ``start``/``end`` are the window's dates as ordinals (0 when there is no window), so the
    rules compare integers; ``origin`` is the originator (see the module docstring) and
    ``article`` the article id ("" when unknown: never the same article).
    """

    low: float
    high: float
    central: float
    window: Window | None
    factual: bool
    unit: str
    start: int
    end: int
    origin: str = ""
    article: str = ""
    doubt: bool = False


def originator(claim: Claim) -> str:
    """Whose figure a claim is: the credited source, or for an unattributed figure its outlet.

    >>> from factcheck.models import Claim, Evidence
    >>> from factcheck.values import Exact
    >>> ev = Evidence(article_id="a1", start=0, end=1, text="6", sentence_start=0, sentence_end=1)
    >>> originator(Claim(article_id="a1", measure="m", subject="s", value=Exact(value=6), unit="u",
    ...                  evidence=ev, publisher="example.org"))
    'example.org (own figure)'
    """
    if claim.attribution.source != UNATTRIBUTED:
        return claim.attribution.source
    return outlet_voice(claim.publisher, claim.article_id)


def outlet_voice(publisher: str | None, article_id: str) -> str:
    """The originator name of an outlet's own (unattributed) figure."""
    return f"{publisher or 'article ' + article_id} (own figure)"


_FACTUAL = frozenset(m for m in Modality if m.is_factual)


def facts(claim: Claim) -> Facts:
    """The numbers and dates of ``claim`` the rules compare.

    ``central`` is the figure as given (the value of "about 15,000", "more than 11,000",
    the middle of a range) or, for vague words with no figure, the interval's lower end.
    """
    low, high = claim.value.interval()
    if own_losses(claim.subject, claim.measure, claim.attribution.source):
        high = math.inf  # the side's own count of its losses: what it admits, a floor
    point = claim.value.point
    w = window(claim.time, claim.published)
    return Facts(
        low,
        high,
        low if point is None else point,
        w,
        claim.modality in _FACTUAL,
        claim.unit,
        0 if w is None else w.start.toordinal(),
        0 if w is None else w.end.toordinal(),
        originator(claim),
        claim.article_id,
    )


class Outcome(NamedTuple):
    """A relation and the rule that decided it (``rule`` keys the reason's wording)."""

    kind: RelationKind
    rule: str
    earlier_first: bool  # for ordered rules: is the first claim the earlier one?
    assumed: bool  # was a date taken from the article?


def classify(fa: Facts, fb: Facts, settings: Settings, cumulative: bool) -> Outcome:
    """Decide the relation of two claims from their :class:`Facts` (the fast path)."""
    if fa.unit != fb.unit:
        return Outcome("not_comparable", "units", True, False)
    if not (fa.factual and fb.factual):
        return Outcome("not_comparable", "modality", True, False)
    if fa.doubt or fb.doubt:
        return Outcome("not_comparable", "doubtful", True, False)
    wa, wb = fa.window, fb.window
    if wa is None or wb is None:
        return Outcome("not_comparable", "no_date", True, False)
    gap = max(0, fb.start - fa.end, fa.start - fb.end)
    assumed = wa.assumed or wb.assumed
    if assumed:
        if gap > settings.undated_window_days:
            return Outcome("not_comparable", "undated_far", True, True)
        same = True
    else:
        same = gap <= settings.same_period_days
    overlap = fa.low <= fb.high and fb.low <= fa.high
    if same and overlap:
        return Outcome("agree", "same_overlap", True, assumed)
    first_earlier = (fa.start, fa.end) <= (fb.start, fb.end)
    early, late = (fa, fb) if first_earlier else (fb, fa)
    one = fa.origin == fb.origin
    if same:
        if one and fa.article == fb.article and fa.article:
            return Outcome("not_comparable", "same_article", True, assumed)
        if far_apart(fa, fb, settings.magnitude_ratio):
            return Outcome("not_comparable", "magnitude", True, assumed)
        if cumulative and late.start > early.end:
            if late.central > early.central and (one or late.end - early.end > settings.disagree_days):
                return Outcome("evolving", "grew", first_earlier, False)
            if one and late.high < early.low:
                return Outcome("conflict", "shrank", first_earlier, False)
        return Outcome("conflict", "same_disjoint", True, assumed)
    if not cumulative:
        return Outcome("not_comparable", "periods", first_earlier, False)
    if late.high < early.low:
        if not one:
            return Outcome("not_comparable", "stale", first_earlier, False)
        if far_apart(fa, fb, settings.magnitude_ratio):
            return Outcome("not_comparable", "magnitude", True, False)
        return Outcome("conflict", "shrank", first_earlier, False)
    if late.central > early.central:
        return Outcome("evolving", "grew", first_earlier, False)
    return Outcome("agree", "steady", first_earlier, False)


def as_running_total(f: Facts, long_window_days: int = LONG_WINDOW_DAYS) -> Facts:
    """``f`` compared as a running total: a window longer than ``long_window_days`` is its last day.

    >>> as_running_total(Facts(1.0, 1.0, 1.0, None, True, "u", 10, 400)).start
    400
    """
    return f._replace(start=f.end) if f.end - f.start > long_window_days else f


def far_apart(fa: Facts, fb: Facts, ratio: float = MAGNITUDE_RATIO) -> bool:
    """Whether two disjoint figures are ``ratio`` (``Settings.magnitude_ratio``) times apart or more."""
    small, big = (fa, fb) if fa.high < fb.low else (fb, fa)
    return big.low >= ratio * small.high


def relate(
    a: Claim, b: Claim, *, settings: Settings | None = None, cumulative: bool = False
) -> tuple[RelationKind, str]:
    """The relation of claims ``a`` and ``b`` and its human-readable reason.

    Args:
        a, b: two claims of one group (same subject, measure and role).
        settings: windows for "same period" and undated claims (defaults if None).
        cumulative: whether the measure is a running total.

    Returns:
        ``(relation, reason)``.
    """
    settings = settings or Settings()
    fa, fb = facts(a), facts(b)
    parts = a.role.value != "total"
    if cumulative and not parts:
        fa, fb = as_running_total(fa, settings.long_window_days), as_running_total(fb, settings.long_window_days)
    out = classify(fa, fb, settings, cumulative and not parts)
    if parts and out.kind == "conflict":
        out = Outcome("not_comparable", "part", True, out.assumed)
    return out.kind, explain(a, b, fa, fb, out, settings)


def describe(claim: Claim, f: Facts) -> str:
    """One claim as a reason names it: figure as written, source, relays, article, date.

    >>> import datetime as dt
    >>> from factcheck.models import Attribution, Claim, Evidence
    >>> from factcheck.values import Exact
    >>> ev = Evidence(article_id="a7", start=0, end=3, text="600", sentence_start=0, sentence_end=3)
    >>> c = Claim(article_id="a7", measure="troops_killed", subject="north_korea",
    ...           value=Exact(value=600), unit="soldier", evidence=ev,
    ...           attribution=Attribution(source="NIS", chain=("IANS", "NIS")))
    >>> describe(c, facts(c))
    '“600” (NIS via IANS, article a7, date unknown)'
    """
    relays = [s for s in claim.attribution.chain if s != claim.attribution.source]
    who = claim.attribution.source + (f" via {', '.join(relays)}" if relays else "")
    if claim.publisher:
        who += f", in {claim.publisher}"
    if f.high == math.inf and own_losses(claim.subject, claim.measure, claim.attribution.source):
        who += ", the counted side's own figure: read as a floor"
    when = f.window.label if f.window is not None else "date unknown"
    return f"“{claim.evidence.text}” ({who}, article {claim.article_id}, {when})"


def explain(
    a: Claim,
    b: Claim,
    fa: Facts,
    fb: Facts,
    out: Outcome,
    settings: Settings,
    *,
    names: tuple[str, str] | None = None,
) -> str:
    """The reason for ``out``: names both figures, their sources and dates, and assumptions.

    ``names`` are the two claims' :func:`describe` texts when already made.
    """
    da, db = names if names is not None else (describe(a, fa), describe(b, fb))
    early, late = (da, db) if out.earlier_first else (db, da)
    rule = out.rule
    if rule == "units":
        text = f"{da} and {db} count different units ({fa.unit} vs {fb.unit}); never compared"
    elif rule == "modality":
        which = [f"the {n} is {c.modality.value}" for n, c in (("first", a), ("second", b)) if not c.modality.is_factual]
        text = f"{da} and {db}: {' and '.join(which)} — not an asserted figure, so never a conflict"
    elif rule == "doubtful":
        which = " and ".join(n for n, f in (("the first", fa), ("the second", fb)) if f.doubt)
        text = (
            f"{da} and {db}: {which} is doubtful as a total — its article also gives the same figure as a "
            "batch or part, or gives a larger figure of the same originator for that date (so it is most "
            "likely a part of it); listed, not compared"
        )
    elif rule == "no_date":
        text = f"{da} and {db}: at least one has no date and no article date; not compared"
    elif rule == "undated_far":
        text = (
            f"{da} and {db}: a date is not stated and the articles are more than "
            f"{settings.undated_window_days} days apart; not compared"
        )
    elif rule == "same_overlap":
        text = f"{da} and {db} describe the same period and their ranges overlap"
    elif rule == "same_disjoint":
        text = f"{da} and {db} describe the same period but their ranges do not overlap"
    elif rule == "same_article":
        text = (
            f"{da} and {db}: one article gives both figures for one date from one originator — "
            "most likely a part and the whole, or two different counts; not called a conflict"
        )
    elif rule == "magnitude":
        text = (
            f"{da} and {db} are {settings.magnitude_ratio:g} times apart or more — more likely a part, another "
            "measure or a misread figure than two estimates of one count; not called a conflict"
        )
    elif rule == "stale":
        text = (
            f"the later {late} is below the earlier {early} from another originator — most often an "
            "older figure restated; not called a conflict (the estimate sets it aside)"
        )
    elif rule == "shrank":
        text = f"the later {late} is below the earlier {early} of the same originator, but a running total cannot shrink"
    elif rule == "part":
        text = (
            f"{da} and {db} are batches or parts ({a.role.value}), not running totals: two of them can differ "
            "without contradicting each other; listed, never compared as totals"
        )
    elif rule == "grew":
        text = f"the later {late} is larger than the earlier {early}: a running total that grew, not a contradiction"
    elif rule == "steady":
        text = f"the later {late} is consistent with the earlier {early} (no growth shown)"
    else:  # "periods"
        text = f"{da} and {db} describe different periods of a measure that is not cumulative; not compared"
    if out.assumed and rule != "undated_far":
        text += (
            f". Assumption: a figure without a stated date holds on its article's publication date, "
            f"and figures from articles within {settings.undated_window_days} days describe the same period"
        )
    return text + "."
