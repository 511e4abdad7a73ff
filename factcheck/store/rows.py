"""Claims as flat columns (Arrow/pandas) and back: the layout of the store and of Dask frames.

One row per claim, every field of the ``factcheck extract`` record plus what it takes to
rebuild the exact :class:`~factcheck.models.Claim` (the value's JSON, the time scope's
precision and phrase, the credit's cue and offsets, the sentence bounds, the zone). Dates
are dates, intervals numbers (``high`` NULL: unbounded). ``seq`` is the claim's place
among its article's claims, so an article's claims come back in the order they were found.

>>> import datetime as dt
>>> from factcheck.models import Claim, Evidence
>>> from factcheck.values import Approx
>>> ev = Evidence(article_id="a1", start=6, end=12, text="15,000", sentence_start=0, sentence_end=20)
>>> c = Claim(article_id="a1", measure="troops_deployed", subject="north_korea",
...           value=Approx(value=15000), unit="soldier", evidence=ev, published=dt.date(2025, 9, 1))
>>> table = claims_table([(c, 0)])
>>> table.num_rows, table.column("value").to_pylist()
(1, [15000.0])
>>> claims_from_table(table) == [c]
True
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, Any

from pydantic import TypeAdapter

from factcheck.models import Attribution, Claim, Evidence, Modality, Role, TimeScope
from factcheck.values import Value

if TYPE_CHECKING:  # pragma: no cover
    import pandas
    import pyarrow

#: (column, DuckDB type, meaning) in table order; docs/newsroom.md and factcheck/store/schema.py print it.
CLAIM_COLUMNS: tuple[tuple[str, str, str], ...] = (
    ("article_id", "VARCHAR", "the article's id"),
    ("seq", "INTEGER", "the claim's place among its article's claims (0, 1, …)"),
    ("measure", "VARCHAR", "measure name (measures.yaml)"),
    ("subject", "VARCHAR", "whose quantity it is"),
    ("value", "DOUBLE", "the representative figure (NULL: none given, e.g. 'thousands')"),
    ("low", "DOUBLE", "interval low"),
    ("high", "DOUBLE", "interval high (NULL: unbounded)"),
    ("bound", "VARCHAR", "qualifier: exact, approx, more_than, at_least, …"),
    ("value_json", "VARCHAR", "the typed Value as JSON (kind and every field)"),
    ("unit", "VARCHAR", "pint unit"),
    ("modality", "VARCHAR", "asserted, estimated, possible, planned, denied, hypothetical"),
    ("role", "VARCHAR", "total, increment, subset"),
    ("subset", "VARCHAR", "which subset, for role subset"),
    ("source", "VARCHAR", "the originator credited (or 'unattributed')"),
    ("chain", "VARCHAR[]", "relays from the outlet to the originator"),
    ("cue", "VARCHAR", "the attribution phrase"),
    ("cue_start", "INTEGER", "offset of the attribution phrase"),
    ("cue_end", "INTEGER", "end offset of the attribution phrase"),
    ("as_of", "DATE", "when the figure holds (at its precision: first day of the month/year)"),
    ("precision", "VARCHAR", "day, month, year"),
    ("period_start", "DATE", "start of the period the figure covers"),
    ("period_end", "DATE", "end of that period"),
    ("time_phrase", "VARCHAR", "the time phrase read"),
    ("time_note", "VARCHAR", "why the time is what it is (or unknown)"),
    ("text", "VARCHAR", "the figure's phrase: article text[start:end]"),
    ("start", "INTEGER", "offset of the phrase in the article text"),
    ("end", "INTEGER", "end offset of the phrase"),
    ("sentence", "VARCHAR", "the sentence quoted"),
    ("sentence_start", "INTEGER", "offset of the sentence"),
    ("sentence_end", "INTEGER", "end offset of the sentence"),
    ("zone", "VARCHAR", "body, teaser, …"),
    ("language", "VARCHAR", "the article's language"),
    ("published", "DATE", "the article's date"),
    ("publisher", "VARCHAR", "the article's publisher"),
)

COLUMN_NAMES: tuple[str, ...] = tuple(name for name, _, _ in CLAIM_COLUMNS)

_VALUE = TypeAdapter(Value)


def _arrow_schema() -> pyarrow.Schema:
    import pyarrow as pa

    kinds = {"VARCHAR": pa.string(), "INTEGER": pa.int32(), "DOUBLE": pa.float64(), "DATE": pa.date32(),
             "VARCHAR[]": pa.list_(pa.string())}
    return pa.schema([(name, kinds[t]) for name, t, _ in CLAIM_COLUMNS])


def _finite(x: float | None) -> float | None:
    return None if x is None or math.isinf(x) else float(x)


def claim_row(claim: Claim, seq: int) -> tuple[Any, ...]:
    """The claim's row, in :data:`CLAIM_COLUMNS` order."""
    v, t, a, e = claim.value, claim.time, claim.attribution, claim.evidence
    iv = v.interval()
    return (
        claim.article_id, seq, claim.measure, claim.subject, _finite(v.point), _finite(iv.low), _finite(iv.high),
        v.bound, v.model_dump_json(), claim.unit, claim.modality.value, claim.role.value, claim.subset,
        a.source, list(a.chain), a.cue, a.start, a.end,
        t.as_of, t.precision, t.start, t.end, t.phrase, t.reason,
        e.text, e.start, e.end, e.sentence, e.sentence_start, e.sentence_end, e.zone,
        claim.language, claim.published, claim.publisher,
    )


def claims_table(claims: Iterable[tuple[Claim, int]]) -> pyarrow.Table:
    """An Arrow table of ``(claim, seq)`` pairs (the store's ``claims`` layout)."""
    import pyarrow as pa

    rows = [claim_row(c, seq) for c, seq in claims]
    columns = list(zip(*rows)) if rows else [()] * len(CLAIM_COLUMNS)
    schema = _arrow_schema()
    return pa.table([pa.array(list(col), type=schema.field(i).type) for i, col in enumerate(columns)], schema=schema)


def claims_frame(claims: Iterable[tuple[Claim, int]]) -> pandas.DataFrame:
    """The same as a pandas DataFrame (dates as ``datetime.date``, chain as lists)."""
    return claims_table(claims).to_pandas()


def empty_frame() -> pandas.DataFrame:
    """A claims DataFrame with no rows: the ``meta`` of Dask frames of claims."""
    return claims_frame([])


def claims_from_table(table: pyarrow.Table | pandas.DataFrame) -> list[Claim]:
    """Rebuild the claims of an Arrow table or DataFrame with the :data:`CLAIM_COLUMNS`.

    Values, time scopes, credits and dates repeat across claims: each distinct one is
    built once and shared (the claims are frozen).
    """
    import pyarrow as pa

    if not isinstance(table, pa.Table):
        table = pa.Table.from_pandas(table, schema=_arrow_schema(), preserve_index=False)
    return ClaimBuilder().build(table)


class ClaimBuilder:
    """Builds claims from tables of rows, sharing equal values, time scopes, credits and
    dates across every table it builds (the claims are frozen)."""

    def __init__(self) -> None:
        self.values: dict[str, Any] = {}
        self.times: dict[tuple[Any, ...], TimeScope] = {}
        self.credits: dict[tuple[Any, ...], Attribution] = {}
        self.dates: dict[dt.date, dt.date] = {}

    def build(self, table: pyarrow.Table) -> list[Claim]:
        """The claims of ``table`` (an Arrow table with the :data:`CLAIM_COLUMNS`), in row order."""
        cols = {name: table.column(name).to_pylist() for name in COLUMN_NAMES}
        return _build(cols, table.num_rows, self)


def _build(cols: dict[str, Sequence[Any]], n: int, shared: ClaimBuilder) -> list[Claim]:
    values, times, credits, dates = shared.values, shared.times, shared.credits, shared.dates
    modalities = {m.value: m for m in Modality}
    roles = {r.value: r for r in Role}
    out: list[Claim] = []
    g = cols.__getitem__
    for i in range(n):
        vj = g("value_json")[i]
        value = values.get(vj)
        if value is None:
            value = values[vj] = _VALUE.validate_json(vj)
        tk = (g("as_of")[i], g("precision")[i], g("period_start")[i], g("period_end")[i], g("time_phrase")[i],
              g("time_note")[i])
        time = times.get(tk)
        if time is None:
            time = times[tk] = TimeScope(as_of=tk[0], precision=tk[1], start=tk[2], end=tk[3], phrase=tk[4],
                                         reason=tk[5])
        ak = (g("source")[i], tuple(g("chain")[i] or ()), g("cue")[i], g("cue_start")[i], g("cue_end")[i])
        credit = credits.get(ak)
        if credit is None:
            credit = credits[ak] = Attribution(source=ak[0], chain=ak[1], cue=ak[2], start=ak[3], end=ak[4])
        published = g("published")[i]
        if published is not None:
            published = dates.setdefault(published, published)
        aid = g("article_id")[i]
        out.append(Claim(
            article_id=aid, measure=g("measure")[i], subject=g("subject")[i], value=value, unit=g("unit")[i],
            modality=modalities[g("modality")[i]], role=roles[g("role")[i]], subset=g("subset")[i],
            attribution=credit, time=time,
            evidence=Evidence(article_id=aid, start=g("start")[i], end=g("end")[i], text=g("text")[i],
                              sentence_start=g("sentence_start")[i], sentence_end=g("sentence_end")[i],
                              sentence=g("sentence")[i], zone=g("zone")[i]),
            language=g("language")[i], published=published, publisher=g("publisher")[i],
        ))
    return out
