"""Frozen data models: articles in, claims out.

Every model is a frozen pydantic model; invalid input raises ``pydantic.ValidationError``
naming the field.

>>> a = Article(id="a1", text="About 15,000 troops were sent.")
>>> a.language is None
True
"""

from __future__ import annotations

import datetime as dt
import math
from enum import Enum
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

from factcheck.values import SharedFieldsSet, Value, shared_fields_set, share_fields_set


class _Frozen(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class _Shared(_Frozen):
    """A model made by the million (claims and their parts): its fields set is shared."""

    def model_post_init(self, context: Any, /) -> None:
        # one read-only fields set per combination of given fields instead of a set per
        # instance: 0.7 KB per claim and per evidence (factcheck.values.SharedFieldsSet)
        share_fields_set(self)

    @classmethod
    def _trusted(cls, **fields: Any) -> Any:
        """The instance validation would make from ``fields`` — every field given, each
        already of its type and checked by the caller (the extractor's own parts) — without
        validating them again: what ``cls(**fields)`` gives, at a fifth of the cost.
        Not for outside input (``model_construct`` is pydantic's public form of this)."""
        names = cls.__pydantic_fields__
        if fields.keys() != names.keys():
            raise TypeError(f"{cls.__name__}._trusted needs every field: {sorted(names)}")
        obj = object.__new__(cls)
        _set = object.__setattr__
        _set(obj, "__dict__", {name: fields[name] for name in names})  # in field order, as validated
        _set(obj, "__pydantic_fields_set__", _all_given(cls))
        _set(obj, "__pydantic_extra__", None)
        _set(obj, "__pydantic_private__", None)
        obj.model_post_init(None)
        return obj


_ALL: dict[type, SharedFieldsSet] = {}


def _all_given(cls: type) -> SharedFieldsSet:
    found = _ALL.get(cls)
    if found is None:
        found = _ALL[cls] = shared_fields_set(cls.__pydantic_fields__.keys())  # type: ignore[attr-defined]
    return found


#: Parts equal across claims (values, time scopes, attributions), kept once: see :func:`_interned`.
_INTERNED: dict[Any, Any] = {}
_INTERN_LIMIT = 1 << 16  # distinct parts remembered; beyond, the table starts afresh


def _interned(part: Any) -> Any:
    """An equal part already held by an earlier claim, else ``part`` (now the one shared).

    Frozen and compared by value, with the same given fields (``model_fields_set``), so
    sharing changes nothing a caller can see except identity; an archive repeats the same
    few thousand figures, dates and credits.
    """
    given = part.__pydantic_fields_set__
    if type(given) is not SharedFieldsSet:  # a copy's own set: not shared, nothing to key on
        return part
    key = (id(given), part)  # shared sets live as long as the process: their ids are stable
    try:
        found = _INTERNED.get(key)
    except TypeError:  # unhashable (a model built with ``model_construct`` from anything)
        return part
    if found is not None:
        return found
    if len(_INTERNED) >= _INTERN_LIMIT:  # bounded: a long-lived process keeps no more than this
        _INTERNED.clear()
    _INTERNED[key] = part
    return part


def _negative_zero(value: BaseModel) -> bool:
    """True when a float of ``value`` is -0.0: equal to 0.0 but printed differently, so never shared."""
    return any(type(x) is float and x == 0.0 and math.copysign(1.0, x) < 0 for x in value.__dict__.values())


class Article(_Frozen):
    """One news article. ``text`` is never modified: evidence offsets point into it."""

    id: str = Field(min_length=1)
    text: str
    published: dt.date | None = None
    publisher: str | None = None
    url: str | None = None
    language: str | None = None


class Modality(str, Enum):
    """How the article presents the figure. Only asserted/estimated totals can conflict."""

    ASSERTED = "asserted"
    ESTIMATED = "estimated"
    POSSIBLE = "possible"
    PLANNED = "planned"
    DENIED = "denied"
    HYPOTHETICAL = "hypothetical"

    @property
    def is_factual(self) -> bool:
        return self in (Modality.ASSERTED, Modality.ESTIMATED)


class Role(str, Enum):
    """What the figure counts relative to the running total."""

    TOTAL = "total"
    INCREMENT = "increment"
    SUBSET = "subset"


Precision = Literal["day", "month", "year"]


class TimeScope(_Shared):
    """When a figure holds.

    ``as_of`` is the date the figure describes (the statement's or article's date by
    default); ``start``/``end`` bound a period when the text gives one ("since October
    last year", "in 2024"). ``precision`` says how much of ``as_of`` is known.
    Unknown stays unknown (``as_of=None``) and ``reason`` says why.
    """

    as_of: dt.date | None = None
    precision: Precision | None = None
    start: dt.date | None = None
    end: dt.date | None = None
    phrase: str | None = None
    reason: str | None = None

    def as_of_text(self) -> str | None:
        """``as_of`` at its precision: ``2025-08-13``, ``2025-04`` or ``2024``."""
        if self.as_of is None:
            return None
        if self.precision == "year":
            return f"{self.as_of.year:04d}"
        if self.precision == "month":
            return f"{self.as_of.year:04d}-{self.as_of.month:02d}"
        return self.as_of.isoformat()


class Evidence(_Shared):
    """Where a figure stands: ``article_text[start:end] == text``."""

    article_id: str
    start: int = Field(ge=0)
    end: int = Field(ge=0)
    text: str
    sentence_start: int = Field(ge=0)
    sentence_end: int = Field(ge=0)
    sentence: str = ""
    zone: str = "body"

    @model_validator(mode="after")
    def _ordered(self) -> Evidence:
        if not (self.sentence_start <= self.start <= self.end <= self.sentence_end):
            raise ValueError(
                f"evidence span {self.start}:{self.end} must lie inside its sentence "
                f"{self.sentence_start}:{self.sentence_end}"
            )
        if len(self.text) != self.end - self.start:
            raise ValueError("evidence text length does not match its span")
        return self


UNATTRIBUTED = "unattributed"


class Attribution(_Shared):
    """Who the article credits for a figure.

    ``source`` is the originator (a canonical source id, or ``unattributed``);
    ``chain`` lists the relays from the outlet to the originator, e.g.
    ``("IANS", "Yonhap", "KCNA")``; ``cue`` is the attribution phrase found.
    """

    source: str = UNATTRIBUTED
    chain: tuple[str, ...] = ()
    cue: str | None = None
    start: int | None = None
    end: int | None = None


class Claim(_Shared):
    """A typed numeric claim about a tracked quantity.

    Its value, time scope and attribution are shared with earlier claims holding equal
    ones (all frozen): a million claims of an archive repeat a few thousand of each.
    """

    article_id: str
    measure: str
    subject: str
    value: Value
    unit: str
    modality: Modality = Modality.ASSERTED
    role: Role = Role.TOTAL
    subset: str | None = None
    attribution: Attribution = Attribution()
    time: TimeScope = TimeScope()
    evidence: Evidence
    language: str | None = None
    published: dt.date | None = None
    publisher: str | None = None

    def model_post_init(self, context: Any, /) -> None:
        d = self.__dict__  # after validation, before anyone holds the claim
        for name, kind in (("value", BaseModel), ("time", TimeScope), ("attribution", Attribution)):
            part = d.get(name)  # ``model_construct`` may leave a field out or pass anything
            if isinstance(part, kind) and not (name == "value" and _negative_zero(part)):
                d[name] = _interned(part)
        share_fields_set(self)

    @property
    def source(self) -> str:
        return self.attribution.source

    @property
    def key(self) -> tuple[str, str, str]:
        """The reconciliation key: claims are compared only within one key."""
        return (self.subject, self.measure, self.role.value)

    def to_record(self) -> dict[str, Any]:
        """The flat record printed by ``factcheck extract`` (one JSON object per claim)."""
        iv = self.value.interval()
        point = self.value.point
        return {
            "article": self.article_id,
            "measure": self.measure,
            "subject": self.subject,
            "value": _num(point),
            "low": _num(iv.low),
            "high": _num(iv.high),
            "bound": self.value.bound,
            "unit": self.unit,
            "modality": self.modality.value,
            "role": self.role.value,
            "subset": self.subset,
            "source": self.attribution.source,
            "chain": list(self.attribution.chain),
            "as_of": self.time.as_of_text(),
            "period_start": self.time.start.isoformat() if self.time.start else None,
            "period_end": self.time.end.isoformat() if self.time.end else None,
            "time_note": self.time.reason,
            "text": self.evidence.text,
            "start": self.evidence.start,
            "end": self.evidence.end,
            "sentence": self.evidence.sentence,
            "language": self.language,
        }


def _num(x: float | None) -> int | float | None:
    """JSON-friendly number: integral floats as ints, infinity as None (unbounded)."""
    if x is None or math.isinf(x):
        return None
    return int(x) if float(x).is_integer() else x


class SkippedInput(_Frozen):
    """An input that could not be read as an article: ``where`` names the file (and line/row)."""

    where: str
    reason: str


class ArticleStatus(_Frozen):
    """What happened to one input: ``processed`` with ``claims`` found, or ``skipped`` and why."""

    id: str
    status: Literal["processed", "skipped"]
    claims: int = Field(default=0, ge=0)
    reason: str | None = None
