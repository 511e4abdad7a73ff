"""Claims read once into flat numpy columns, and their canonical order.

Reconciling a million claims cannot afford a Python-level step per claim and pair, so
each claim is visited once (``map`` with an ``itemgetter`` over its instance dict runs in
C) and its fields are coded as numbers: strings by their rank among the distinct strings
(so codes sort as the strings do); shared objects (values, time scopes, attributions,
article ids and dates) by sorting their ids in numpy, then looked at once per distinct
object. What follows — the canonical sort, pair searches, classification, estimates —
works on these arrays; Python objects are built only for what a report keeps.

>>> cols = read_columns([])
>>> len(cols.facts.low), cols.sources
(0, [])
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Hashable, Iterable, Sequence
from itertools import chain
from operator import attrgetter, itemgetter
from typing import Any, NamedTuple, TypeVar

import numpy as np

from factcheck.models import UNATTRIBUTED, Claim, Modality
from factcheck.reconcile.measures import _fold, is_outcome, source_country
from factcheck.reconcile.relations import Facts, facts, outlet_voice
from factcheck.reconcile.timing import window
from factcheck.reconcile.vector import FactArrays, distinct

#: The ordinal sorted after every date: claims without a window sort last in their key.
NO_DATE = dt.date.max.toordinal()

_FACTUAL = frozenset(m for m in Modality if m.is_factual)


class Columns(NamedTuple):
    """Every claim's fields as arrays, index ``i`` = the ``i``-th claim read.

    ``subject``/``measure``/``role``/``article``/``source`` are ranks among the distinct
    strings, so they sort as the strings do; ``sort_start``/``sort_end`` are the window's
    ordinals, :data:`NO_DATE` without one (the canonical order puts undated claims last).
    """

    facts: FactArrays
    given: np.ndarray  # bool: the value gives a figure (``value.point`` is not None)
    subject: np.ndarray
    measure: np.ndarray
    role: np.ndarray
    article: np.ndarray
    evidence: Sequence[Any]  # each claim's Evidence: offsets are read only where they decide the order
    sort_start: np.ndarray
    sort_end: np.ndarray
    source: np.ndarray
    sources: list[str]  # source code -> name (sorted)
    measures: list[str]  # measure code -> name
    units: list[str]  # unit code -> name
    articles: list[str]  # article code -> id (sorted)
    origins: list[str]  # originator code (``facts.origin``) -> name (sorted)
    share: np.ndarray  # bool: the value is a proportion ("about a third"), no count to compare
    roles: list[str] = []  # role code -> name (sorted)

    def take(self, idx: np.ndarray) -> Columns:
        """The columns of the claims at ``idx``, in that order, without the sort-only ones.

        The canonical sort is done once ``take`` is called: ``article``, the offsets and the
        sort dates come back empty rather than copied for nothing.
        """
        f = self.facts
        return self._replace(
            facts=FactArrays(*(a[idx] for a in f)),
            **{k: getattr(self, k)[idx] for k in _PER_GROUP},
            **{k: _NONE for k in _SORT_ONLY},
        )

    def part(self, a: int, b: int) -> Columns:
        """Claims ``a`` to ``b`` (views, no copies)."""
        return self._replace(
            facts=FactArrays(*(x[a:b] for x in self.facts)),
            **{k: getattr(self, k)[a:b] for k in _PER_CLAIM},
        )


_DICT = attrgetter("__dict__")  # a pydantic model keeps its field values there
_SPAN = itemgetter("start", "end")
_PER_GROUP = ("given", "subject", "measure", "role", "source")
_SORT_ONLY = ("article", "evidence", "sort_start", "sort_end", "share")
_PER_CLAIM = _PER_GROUP + _SORT_ONLY
_NONE = np.zeros(0, dtype=np.int64)


def _by_identity(column: list[Any]) -> tuple[np.ndarray, list[Any]]:
    """Codes of ``column``'s objects (one per distinct object) and the objects by code.

    Claims share these objects (values, time scopes, credits, ids, dates): sorting their
    ids in numpy costs a fraction of hashing a million items into a dict.
    """
    n = len(column)
    if not n:
        return np.zeros(0, dtype=np.int64), []
    ids = np.fromiter(map(id, column), dtype=np.uint64, count=n)
    order = np.argsort(ids, kind="stable")
    ids = ids[order]
    new = np.empty(n, dtype=bool)
    new[0] = True
    np.not_equal(ids[1:], ids[:-1], out=new[1:])
    codes = np.empty(n, dtype=np.int64)
    codes[order] = np.cumsum(new) - 1
    return codes, [column[i] for i in order[new].tolist()]


def _bare_day(t: Any) -> bool:
    """A time scope that is one day and nothing else: no phrase, no period (maybe the article's date)."""
    return t.as_of is not None and t.phrase is None and t.start is None and t.end is None and t.precision in (None, "day")


def _published_days(published: list[dt.date | None], acode: np.ndarray) -> np.ndarray:
    """Each claim's article date as an ordinal (-1: none).

    Claims of one article normally hold its one date object: then the dates are read once
    per article (``acode``: the codes of the claims' article-id objects); else per distinct date.
    """
    n = len(published)
    first = np.zeros(int(acode.max()) + 1 if n else 0, dtype=np.int64)
    first[acode] = np.arange(n)  # one claim of each article id (any: all are checked below)
    dates = [published[i] for i in first.tolist()]
    ids = np.fromiter(map(id, published), dtype=np.uint64, count=n)
    if np.array_equal(ids, np.fromiter(map(id, dates), dtype=np.uint64, count=len(dates))[acode]):
        codes = acode
    else:
        codes, dates = _by_identity(published)
    days = np.array(dates, dtype="datetime64[D]")  # converted in C; None is NaT
    ordinal = np.where(np.isnat(days), -1, days.astype(np.int64) + _EPOCH)
    return ordinal[codes]


_EPOCH = dt.date(1970, 1, 1).toordinal()  # datetime64[D] counts days from here


def _by_rows(rows: Callable[[], Iterable[Hashable]], n: int) -> tuple[np.ndarray, list[Any]]:
    """Codes of the ``n`` rows ``rows()`` yields (equal rows, one code) and the distinct rows by code.

    ``rows`` is called twice, so no list of a million row tuples is kept.
    """
    table = dict.fromkeys(rows())
    distinct = list(table)
    for code, row in enumerate(distinct):
        table[row] = code
    return np.fromiter(map(table.__getitem__, rows()), dtype=np.int64, count=n), distinct


def _rank(keys: list[Any]) -> tuple[np.ndarray, list[Any]]:
    """Each key's rank among the distinct keys, and the distinct keys sorted."""
    order = sorted(set(keys))
    rank = {k: r for r, k in enumerate(order)}
    return np.array([rank[k] for k in keys], dtype=np.int64), order


#: The claim fields read, in one pass: a claim's fields sit together in memory, its
#: neighbour's do not, so one visit per claim (not one per field) is what keeps the read fast.
_FIELDS = ("subject", "measure", "role", "article_id", "unit", "value", "modality", "attribution", "time",
           "published", "evidence", "publisher")
_CHUNK = 1 << 16  # claims per read: a chunk's row tuples are freed before the next


def _read(claims: Sequence[Claim]) -> dict[str, list[Any]]:
    """Each field of :data:`_FIELDS` as a list, read with one visit per claim (in C)."""
    get = itemgetter(*_FIELDS)  # from the instance dict: a quarter faster than attribute reads
    out: dict[str, list[Any]] = {f: [] for f in _FIELDS}
    lists = list(out.values())
    for i in range(0, len(claims), _CHUNK):
        for col, part in zip(lists, zip(*map(get, map(_DICT, claims[i:i + _CHUNK])))):
            col.extend(part)
    return out


def read_columns(claims: Sequence[Claim]) -> Columns:
    """Read every field the reconciler needs from ``claims``, one visit per claim, in C.

    Values, time scopes, attributions and modalities are looked at once per distinct
    object (claims share them: :mod:`factcheck.models`), so the Python-level work grows
    with the distinct objects, not with the claims.
    """
    n = len(claims)
    got = _read(claims)
    # key, unit and modality coded together: a few thousand combinations among a million
    # claims, so one dict pass instead of five (enums by id: their hash is Python code)
    subjects, measure_names, roles, unit_names, mods = (
        got.pop(k) for k in ("subject", "measure", "role", "unit", "modality")
    )
    kind, combos = _by_rows(lambda: zip(subjects, measure_names, map(id, roles), unit_names, map(id, mods)), n)
    one = np.zeros(len(combos), dtype=np.int64)
    one[kind] = np.arange(n)  # a claim of each combination: its role and modality objects
    one_of = one.tolist()
    by_subject, subject_names = _rank([c[0] for c in combos])
    subject = by_subject[kind]
    by_measure, measures = _rank([c[1] for c in combos])
    measure = by_measure[kind]
    by_role, role_names = _rank([roles[i].value for i in one_of])
    role = by_role[kind]
    by_unit, units = _rank([c[3] for c in combos])
    unit = by_unit[kind]
    factual = np.array([mods[i] in _FACTUAL for i in one_of], dtype=bool)[kind]
    del subjects, measure_names, roles, unit_names, mods
    acode, ids = _by_identity(got.pop("article_id"))  # equal ids held by distinct strings: one rank
    by_id, articles = _rank(ids)
    article = by_id[acode]

    vcode, values = _by_identity(got.pop("value"))
    nums = np.array([(*v.interval(), np.nan if v.point is None else v.point) for v in values], dtype=np.float64)
    nums = nums.reshape(len(values), 3)
    low, high, point = nums[vcode, 0], nums[vcode, 1], nums[vcode, 2]
    given = ~np.isnan(point)
    share = np.array([getattr(v, "fraction", None) is not None for v in values], dtype=bool)[vcode]
    central = np.where(given, point, low)

    scode, attributions = _by_identity(got.pop("attribution"))
    by_source, sources = _rank([a.source for a in attributions])
    source = by_source[scode]
    origin, origins = _origins(source, sources, got.pop("publisher"), article, articles)
    own = _own_losses(subject, subject_names, measure, measures, source, sources)
    if own is not None:  # a side's own count of its losses is what it admits: a floor
        high = np.where(own, np.inf, high)

    tcode, scopes = _by_identity(got.pop("time"))
    own = [window(t, None) for t in scopes]  # None: the scope has no date of its own
    t_fixed = np.array([w is not None for w in own], dtype=bool)
    t_days = np.array([(0, 0) if w is None else (w.start.toordinal(), w.end.toordinal()) for w in own], dtype=np.int64)
    t_days = t_days.reshape(len(own), 2)
    pub = _published_days(got.pop("published"), acode)
    fixed = t_fixed[tcode]
    # a day with no time phrase, equal to the article's date, is the article's date (extraction
    # writes it into ``as_of``): an assumption, as if the scope had no date (rule 3)
    bare = np.array([_bare_day(t) for t in scopes], dtype=bool)
    fixed = fixed & ~(bare[tcode] & (t_days[tcode, 0] == pub))
    has_window = fixed | (pub >= 0)
    start = np.where(fixed, t_days[tcode, 0], np.where(has_window, pub, 0))
    end = np.where(fixed, t_days[tcode, 1], np.where(has_window, pub, 0))
    assumed = has_window & ~fixed

    fa = FactArrays(low, high, central, start, end, factual, has_window, assumed, unit, origin, article,
                    np.zeros(n, dtype=bool))
    return Columns(
        facts=fa,
        given=given,
        subject=subject,
        measure=measure,
        role=role,
        article=article,
        evidence=got.pop("evidence"),
        sort_start=np.where(has_window, start, NO_DATE),
        sort_end=np.where(has_window, end, NO_DATE),
        source=source,
        sources=sources,
        measures=measures,
        units=units,
        articles=articles,
        origins=origins,
        share=share,
        roles=role_names,
    )


def _origins(
    source: np.ndarray, sources: list[str], publisher: list[str | None], article: np.ndarray, articles: list[str]
) -> tuple[np.ndarray, list[str]]:
    """Each claim's originator code and the names by code (sorted): the credited source, or
    for an unattributed figure its outlet (publisher, else article) — :func:`relations.originator`."""
    n = len(source)
    if not n:
        return np.zeros(0, dtype=np.int64), []
    pcode, pubs = _by_identity(publisher)
    s_n, p_n = len(sources), len(pubs)
    own = source == (sources.index(UNATTRIBUTED) if UNATTRIBUTED in sources else -1)
    has_pub = np.array([p is not None for p in pubs], dtype=bool)[pcode]
    key = np.where(~own, source, np.where(has_pub, s_n + pcode, s_n + p_n + article))
    keys = distinct(key)
    names = [
        sources[k] if k < s_n else outlet_voice(pubs[k - s_n], "") if k < s_n + p_n else outlet_voice(None, articles[k - s_n - p_n])
        for k in keys.tolist()
    ]
    by_name, origins = _rank(names)
    return by_name[np.searchsorted(keys, key)], origins


def _own_losses(
    subject: np.ndarray, subjects: list[str], measure: np.ndarray, measures: list[str],
    source: np.ndarray, sources: list[str],
) -> np.ndarray | None:
    """Which claims are the counted side's own count of its losses
    (:func:`~factcheck.reconcile.measures.own_losses`); None when none can be.

    Decided per distinct measure and source, then in numpy per claim.
    """
    outcome = np.array([is_outcome(m) for m in measures], dtype=bool)
    if not outcome.any():
        return None
    folded = {_fold(s): k for k, s in enumerate(subjects)}
    party = np.array([folded.get(_fold(c), -1) if c else -1 for c in map(source_country, sources)], dtype=np.int64)
    if not (party >= 0).any():
        return None
    return outcome[measure] & (party[source] == subject)


def claims_per_article(cols: Columns) -> dict[str, int]:
    """How many of the claims read come from each article (ids in sorted order)."""
    counts = np.bincount(cols.article, minlength=len(cols.articles))
    return dict(zip(cols.articles, counts.tolist()))


def _packed(columns: list[np.ndarray]) -> list[np.ndarray]:
    """Integer columns (most significant first) packed into as few int64 keys as fit, same order.

    A sort on two or three packed keys costs a fraction of one on eight columns.

    >>> [k.tolist() for k in _packed([np.array([1, 0]), np.array([5, 7])])]
    [[3, 2]]
    """
    keys: list[np.ndarray] = []
    key: np.ndarray | None = None
    span = 1
    for col in columns:
        lo = int(col.min())
        width = int(col.max()) - lo + 1
        if key is not None and span * width < 1 << 62:
            key = key * width + (col - lo)
            span *= width
        else:
            if key is not None:
                keys.append(key)
            key, span = col - lo, width
    assert key is not None
    keys.append(key)
    return keys


def canonical_order(claims: Sequence[Claim], cols: Columns) -> np.ndarray:
    """The permutation putting ``claims`` in canonical order (see :func:`groups.canonical`).

    One stable ``lexsort`` on the prefix (key, dates, article id, offsets), which almost
    always decides; runs tied on it are sorted on the full key, then the JSON — the same
    order as sorting everything on the full key.
    """
    n = len(cols.subject)
    if n < 2:
        return np.arange(n)
    prefix = _packed([cols.subject, cols.measure, cols.role, cols.sort_start, cols.sort_end, cols.article])
    perm = np.lexsort(prefix[::-1])
    runs = _tied_runs(prefix, perm)
    if not runs:
        return perm
    # claims tied on key, dates and article: their offsets decide (read for these only)
    lengths = [j - i for i, j in runs]
    pos = np.concatenate([np.arange(i, j) for i, j in runs])
    idx = perm[pos]
    spans = np.fromiter(chain.from_iterable(map(_SPAN, map(_DICT, map(cols.evidence.__getitem__, idx.tolist())))),
                        dtype=np.int64, count=2 * len(idx)).reshape(len(idx), 2)
    run = np.repeat(np.arange(len(runs)), lengths)
    by = np.lexsort((spans[:, 1], spans[:, 0], run))  # stable: ties keep their order
    perm[pos] = idx[by]
    # rare: also equal on the offsets — the full key, then the JSON
    for i, j in _tied_runs([run, spans[by, 0], spans[by, 1]], np.arange(len(idx))):
        a = int(pos[i])  # a run lies within one tied run: contiguous in ``perm``
        ks = perm[a:a + j - i].tolist()
        fs: dict[int, Facts] = {k: facts(claims[k]) for k in ks}
        keyed = sorted(((_sort_key(claims[k], fs[k]), k, fs[k]) for k in ks), key=lambda t: t[0])
        perm[a:a + j - i] = [k for k, _ in _by_json_on_ties(keyed, json=lambda k: claims[k].model_dump_json())]
    return perm


def _tied_runs(keys: Sequence[np.ndarray], perm: np.ndarray) -> list[tuple[int, int]]:
    """Runs ``[i, j)`` of positions in ``perm`` whose items are equal on every key (length > 1)."""
    n = len(perm)
    if n < 2:
        return []
    tied = np.ones(n - 1, dtype=bool)
    for key in keys:
        k = key[perm]
        tied &= k[1:] == k[:-1]
    if not tied.any():
        return []
    edges = np.diff(np.concatenate(([0], tied.astype(np.int8), [0])))
    return list(zip(np.flatnonzero(edges == 1).tolist(), (np.flatnonzero(edges == -1) + 1).tolist()))


_NO_WINDOW = (NO_DATE, NO_DATE)
T = TypeVar("T")


def _sort_key(c: Claim, f: Facts) -> tuple:
    """Everything that tells two claims apart, cheap fields first."""
    when = _NO_WINDOW if f.window is None else (f.start, f.end)
    return (
        (c.subject, c.measure, c.role),  # str enums: compare as their values, no .value lookups
        when,
        c.article_id,
        c.evidence.start,
        c.evidence.end,
        c.unit,
        f.low,
        f.high,
        c.value.kind,
        c.modality,
        c.attribution.source,
        c.attribution.chain,
        c.subset or "",
        c.publisher or "",
        c.evidence.text,
    )


def _by_json_on_ties(
    keyed: list[tuple[tuple, T, Any]], *, json: Callable[[T], str] | None = None
) -> list[tuple[T, Any]]:
    """``keyed`` (sorted on the full key) with items equal on every field ordered by their JSON.

    ``json`` gives an item's JSON (default: the item is a claim).
    """
    dump = json or (lambda c: c.model_dump_json())  # type: ignore[attr-defined]
    i, n = 0, len(keyed)
    while i < n - 1:  # rare: claims equal on every cheap field are ordered by their JSON
        if keyed[i][0] != keyed[i + 1][0]:
            i += 1
            continue
        j = i + 1
        while j < n and keyed[j][0] == keyed[i][0]:
            j += 1
        keyed[i:j] = sorted(keyed[i:j], key=lambda t: dump(t[1]))
        i = j
    return [(c, f) for _, c, f in keyed]
