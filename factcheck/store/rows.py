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

import math
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from pydantic import BaseModel, TypeAdapter

from factcheck.models import Attribution, Claim, Evidence, Modality, Role, TimeScope
from factcheck.values import Value, shared_fields_set

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


def claims_from_table(table: pyarrow.Table | pandas.DataFrame, *, trusted: bool = False) -> list[Claim]:
    """Rebuild the claims of an Arrow table or DataFrame with the :data:`CLAIM_COLUMNS`.

    Values, time scopes, credits and dates repeat across claims: each distinct one is
    built once and shared (the claims are frozen). ``trusted``: the rows were written from
    validated claims (see :class:`ClaimBuilder`).
    """
    import pyarrow as pa

    if not isinstance(table, pa.Table):
        table = pa.Table.from_pandas(table, schema=_arrow_schema(), preserve_index=False)
    return ClaimBuilder(trusted=trusted).build(table)


class ClaimBuilder:
    """Builds claims from tables of rows, sharing equal values, time scopes, credits and
    strings across every table it builds (the claims are frozen).

    The parts claims share are found with Arrow (one dictionary encoding per part) and
    built once per distinct part; the Python loop then only assembles each claim.

    Args:
        trusted: the rows were written from validated claims (the store's own tables):
            evidence and claims are then assembled without validating each field again,
            as ``model_construct`` does — equal objects, several times faster. Rows from
            anywhere else (a user's DataFrame) are validated.
    """

    def __init__(self, *, trusted: bool = False) -> None:
        self.trusted = trusted
        self._parts: dict[str, dict[Any, Any]] = {"value": {}, "time": {}, "credit": {}}

    def build(self, table: pyarrow.Table) -> list[Claim]:
        """The claims of ``table`` (an Arrow table with the :data:`CLAIM_COLUMNS`), in row order."""
        from factcheck.reconcile.gcpause import gc_paused

        if not table.num_rows:
            return []
        with gc_paused():  # millions of acyclic objects: collections would rescan them for nothing
            values = self._shared(table, ("value_json",), "value", lambda vj: _VALUE.validate_json(vj))
            times = self._shared(table, _TIME, "time", lambda a, p, s, e, ph, r: TimeScope(
                as_of=a, precision=p, start=s, end=e, phrase=ph, reason=r))
            credits = self._shared(table, _CREDIT, "credit", lambda s, ch, c, cs, ce: Attribution(
                source=s, chain=tuple(ch or ()), cue=c, start=cs, end=ce))
            cols = {name: _column(table, name) for name in _PER_CLAIM}
            cols["modality"] = _column(table, "modality", Modality)
            cols["role"] = _column(table, "role", Role)
            return (_assemble if self.trusted else _validate)(cols, values, times, credits)

    def _shared(self, table: pyarrow.Table, names: tuple[str, ...], kind: str, make: Any) -> list[Any]:
        """One object per row, made by ``make(*fields)`` once per distinct combination of ``names``."""
        import numpy as np
        import pyarrow as pa
        import pyarrow.compute as pc

        if len(names) == 1:
            key = table.column(names[0])
        else:  # one text key per row: the fields joined (NULL and each list kept apart by the marks)
            parts = []
            for n in names:
                col = table.column(n)
                if pa.types.is_list(col.type):
                    col = pc.binary_join(col, "\x1f")
                parts.append(pc.cast(col, pa.string()))
            key = pc.binary_join_element_wise(*parts, "\x1e", null_handling="replace", null_replacement="\x00")
        enc = pc.dictionary_encode(key).combine_chunks()
        idx = enc.indices.fill_null(-1).to_numpy(zero_copy_only=False)
        keys = enc.dictionary.to_pylist() + [None]
        _, first = np.unique(idx, return_index=True)
        order = np.sort(idx[first])  # distinct codes (-1 first, when present)
        first_rows = np.empty(len(keys), dtype=np.int64)
        first_rows[idx[first]] = first
        cache = self._parts[kind]
        objs: list[Any] = [None] * len(keys)
        fields = {n: table.column(n).take(pa.array(first_rows[order])).to_pylist() for n in names}
        for j, code in enumerate(order.tolist()):
            k = keys[code]
            obj = cache.get(k)
            if obj is None:
                obj = cache[k] = make(*(fields[n][j] for n in names))
            objs[code] = obj
        return list(map(objs.__getitem__, idx.tolist()))


_TIME = ("as_of", "precision", "period_start", "period_end", "time_phrase", "time_note")
_CREDIT = ("source", "chain", "cue", "cue_start", "cue_end")
_PER_CLAIM = ("article_id", "measure", "subject", "unit", "subset", "text", "start", "end", "sentence",
              "sentence_start", "sentence_end", "zone", "language", "published", "publisher")

#: Columns whose values repeat across claims: read through a dictionary, so equal values are
#: one Python object (a million claims would otherwise hold a million copies of "soldier").
_REPEATING = frozenset({"article_id", "measure", "subject", "unit", "modality", "role", "subset", "sentence",
                        "zone", "language", "published", "publisher"})


def _column(table: pyarrow.Table, name: str, convert: Any = None) -> list[Any]:
    """One column as Python objects; repeating ones as shared objects (``convert``-ed once each)."""
    col = table.column(name)
    if name not in _REPEATING or not len(col):
        return col.to_pylist()
    import pyarrow.compute as pc

    enc = pc.dictionary_encode(col).combine_chunks()
    values = enc.dictionary.to_pylist()
    if convert is not None:
        values = [convert(v) for v in values]
    values.append(None)  # index -1: NULL
    return list(map(values.__getitem__, enc.indices.fill_null(-1).to_numpy(zero_copy_only=False).tolist()))


_new = object.__new__
# the slots every pydantic model has, set through their descriptors: half the cost of
# object.__setattr__ by name, which a million claims (two objects each) feel
_SLOTS = {name: BaseModel.__dict__[name].__set__
          for name in ("__dict__", "__pydantic_fields_set__", "__pydantic_extra__", "__pydantic_private__")}
_set_dict, _set_fields, _set_extra, _set_private = _SLOTS.values()
_CLAIM_FIELDS = shared_fields_set(Claim.model_fields)
_EVIDENCE_FIELDS = shared_fields_set(Evidence.model_fields)


def _assemble(cols: dict[str, list[Any]], values: list[Any], times: list[Any], credits: list[Any]) -> list[Claim]:
    """Claims from valid fields, as ``model_construct`` makes them (every field given), inline:
    a million claims cannot afford two calls each."""
    out: list[Claim] = []
    append = out.append
    g = cols.__getitem__
    new, set_dict, set_fields, set_extra, set_private = _new, _set_dict, _set_fields, _set_extra, _set_private
    for (aid, measure, subject, value, unit, modality, role, subset, credit, time, text, start, end, sentence,
         s_start, s_end, zone, language, published, publisher) in zip(
            g("article_id"), g("measure"), g("subject"), values, g("unit"), g("modality"), g("role"), g("subset"),
            credits, times, g("text"), g("start"), g("end"), g("sentence"), g("sentence_start"),
            g("sentence_end"), g("zone"), g("language"), g("published"), g("publisher")):
        ev = new(Evidence)
        set_dict(ev, {"article_id": aid, "start": start, "end": end, "text": text, "sentence_start": s_start,
                      "sentence_end": s_end, "sentence": sentence, "zone": zone})
        set_fields(ev, _EVIDENCE_FIELDS)
        set_extra(ev, None)
        set_private(ev, None)
        claim = new(Claim)
        set_dict(claim, {
            "article_id": aid, "measure": measure, "subject": subject, "value": value, "unit": unit,
            "modality": modality, "role": role, "subset": subset, "attribution": credit, "time": time,
            "evidence": ev, "language": language, "published": published, "publisher": publisher})
        set_fields(claim, _CLAIM_FIELDS)
        set_extra(claim, None)
        set_private(claim, None)
        append(claim)
    return out


def _validate(cols: dict[str, list[Any]], values: list[Any], times: list[Any], credits: list[Any]) -> list[Claim]:
    """Claims from fields of unknown origin, each validated."""
    g = cols.__getitem__
    return [
        Claim(article_id=aid, measure=measure, subject=subject, value=value, unit=unit, modality=modality,
              role=role, subset=subset, attribution=credit, time=time,
              evidence=Evidence(article_id=aid, start=start, end=end, text=text, sentence_start=s_start,
                                sentence_end=s_end, sentence=sentence, zone=zone),
              language=language, published=published, publisher=publisher)
        for (aid, measure, subject, value, unit, modality, role, subset, credit, time, text, start, end, sentence,
             s_start, s_end, zone, language, published, publisher) in zip(
            g("article_id"), g("measure"), g("subject"), values, g("unit"), g("modality"), g("role"),
            g("subset"), credits, times, g("text"), g("start"), g("end"), g("sentence"), g("sentence_start"),
            g("sentence_end"), g("zone"), g("language"), g("published"), g("publisher"))
    ]
