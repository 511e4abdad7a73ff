"""Typed quantities: a figure as the writer hedged it.

A :data:`Value` is a discriminated union (``kind`` is the tag). Every variant keeps its
qualifier and gives the interval it implies with :meth:`interval`. Qualifiers are never
thrown away: "about 15,000" is ``Approx(15000)``, not ``15000``.

>>> Approx(value=15000).interval()
Interval(low=13500.0, high=16500.0)
>>> AtLeast(value=100).bound
'at_least'
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from typing import Annotated, Any, Literal, NamedTuple, Union

from pydantic import BaseModel, ConfigDict, Field, TypeAdapter, field_validator, model_validator

#: Default relative tolerance for "about"/"लगभग"/"около": ±10 %. Change it per run with
#: ``Settings(approx_tolerance=...)``; the value found in the text carries its own tolerance.
DEFAULT_APPROX_TOLERANCE = 0.10


class Interval(NamedTuple):
    """A closed interval ``[low, high]``; ``high`` may be ``math.inf``."""

    low: float
    high: float

    def overlaps(self, other: Interval) -> bool:
        """True when the two intervals share at least one point."""
        return self.low <= other.high and other.low <= self.high

    def contains(self, x: float) -> bool:
        return self.low <= x <= self.high


class SharedFieldsSet(set):  # type: ignore[type-arg]
    """The names of a model's given fields, one read-only set shared by every instance given the same ones.

    pydantic keeps a ``set`` per instance (``model_fields_set``): 216–728 bytes, more than
    the model's own values for a claim. Frozen models never add to it, and ``model_copy``
    copies it before adding the updated names (``copy`` gives a plain ``set`` here), so
    one shared set per combination of names keeps every behaviour.

    >>> s = shared_fields_set({"value"})
    >>> s is shared_fields_set({"value"}), s == {"value"}
    (True, True)
    """

    __slots__ = ()

    def __copy__(self) -> set[str]:
        return set(self)

    def __deepcopy__(self, memo: Any) -> set[str]:
        return set(self)

    def __reduce__(self) -> tuple[Any, ...]:  # pickles as the plain set it stands for
        return (set, (list(self),))

    def _read_only(self, *args: Any) -> Any:
        raise TypeError("a model's fields set is shared by its instances: copy it (set(...)) to change it")

    add = discard = remove = pop = clear = update = _read_only
    difference_update = intersection_update = symmetric_difference_update = _read_only
    __ior__ = __iand__ = __isub__ = __ixor__ = _read_only


_FIELDS_SETS: dict[frozenset[str], SharedFieldsSet] = {}


def shared_fields_set(names: Iterable[str]) -> SharedFieldsSet:
    """The shared read-only set of these field names (one per combination, made once)."""
    key = frozenset(names)
    found = _FIELDS_SETS.get(key)
    if found is None:  # at most one per combination of field names: a handful per model
        found = _FIELDS_SETS[key] = SharedFieldsSet(key)
    return found


_ALL_GIVEN: dict[type, SharedFieldsSet] = {}  # per model class: every field given (the common case)


def share_fields_set(model: BaseModel) -> None:
    """Swap ``model``'s own fields set for the shared one with the same names (call after validation)."""
    own = model.__pydantic_fields_set__
    if type(own) is SharedFieldsSet:
        return
    cls = type(model)
    if len(own) == len(cls.__pydantic_fields__):  # no frozenset to build: the class's full set
        shared = _ALL_GIVEN.get(cls)
        if shared is None:
            shared = _ALL_GIVEN[cls] = shared_fields_set(cls.__pydantic_fields__.keys())
    else:
        shared = shared_fields_set(own)
    object.__setattr__(model, "__pydantic_fields_set__", shared)


class _Value(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    def model_post_init(self, context: Any, /) -> None:
        share_fields_set(self)  # see SharedFieldsSet: a value is 0.5 KB lighter

    @field_validator("*", mode="after")
    @classmethod
    def _finite(cls, v: object) -> object:
        if isinstance(v, float) and (math.isnan(v) or v < 0):
            raise ValueError("a count must be a non-negative number")
        return v

    def interval(self) -> Interval:  # pragma: no cover - every variant overrides
        raise NotImplementedError

    @property
    def bound(self) -> str:
        """The qualifier's name as written in output records (``exact``, ``approx``, …)."""
        raise NotImplementedError  # pragma: no cover

    @property
    def point(self) -> float | None:
        """A single representative figure, or None when the writer gave none."""
        return None


class Exact(_Value):
    """A figure given without qualifier: "600 सैनिक", "600 soldiers"."""

    kind: Literal["exact"] = "exact"
    value: float = Field(ge=0, allow_inf_nan=False)

    def interval(self) -> Interval:
        return Interval(self.value, self.value)

    @property
    def bound(self) -> str:
        return "exact"

    @property
    def point(self) -> float:
        return self.value


class Approx(_Value):
    """An approximate figure: "लगभग 15,000", "about 15,000", "some 3,000".

    ``tolerance`` is relative (0.1 = ±10 %).
    """

    kind: Literal["approx"] = "approx"
    value: float = Field(ge=0, allow_inf_nan=False)
    tolerance: float = Field(default=DEFAULT_APPROX_TOLERANCE, ge=0, le=1)

    def interval(self) -> Interval:
        d = self.value * self.tolerance
        return Interval(self.value - d, self.value + d)

    @property
    def bound(self) -> str:
        return "approx"

    @property
    def point(self) -> float:
        return self.value


class AtLeast(_Value):
    """A lower bound: "कम से कम 100" (``strict=False``), "11,000 से अधिक" (``strict=True``)."""

    kind: Literal["at_least"] = "at_least"
    value: float = Field(ge=0, allow_inf_nan=False)
    strict: bool = False

    def interval(self) -> Interval:
        return Interval(self.value, math.inf)

    @property
    def bound(self) -> str:
        return "more_than" if self.strict else "at_least"

    @property
    def point(self) -> float:
        return self.value


class AtMost(_Value):
    """An upper bound: "up to 3,000" (``strict=False``), "fewer than 3,000" (``strict=True``)."""

    kind: Literal["at_most"] = "at_most"
    value: float = Field(ge=0, allow_inf_nan=False)
    strict: bool = False

    def interval(self) -> Interval:
        return Interval(0.0, self.value)

    @property
    def bound(self) -> str:
        return "less_than" if self.strict else "at_most"

    @property
    def point(self) -> float:
        return self.value


class Between(_Value):
    """A range: "10,000-12,000", "10 से 12 हजार", "between 10,000 and 12,000"."""

    kind: Literal["between"] = "between"
    low: float = Field(ge=0, allow_inf_nan=False)
    high: float = Field(ge=0, allow_inf_nan=False)

    @model_validator(mode="after")
    def _ordered(self) -> Between:
        if self.low > self.high:
            raise ValueError(f"range low {self.low} is above high {self.high}")
        return self

    def interval(self) -> Interval:
        return Interval(self.low, self.high)

    @property
    def bound(self) -> str:
        return "range"

    @property
    def point(self) -> float:
        return (self.low + self.high) / 2


class Vague(_Value):
    """A vague amount: "हजारों", "thousands", "dozens", "several hundred".

    ``low``/``high`` are the interval the word implies (``high=None``: no upper bound);
    ``word`` is the word as written.

    A proportion ("about a third", "more than half", "एक तिहाई") is a vague amount with a
    ``fraction`` of a total the text does not count here: its interval is unknown
    (``[0, inf)``, so it never contradicts a count) and its ``bound`` is the writer's
    qualifier (``approx`` unless ``qualifier`` says otherwise).

    >>> v = Vague(low=0, fraction=0.5, qualifier="more_than")
    >>> v.bound, v.point, v.interval().high, v.is_proportion
    ('more_than', None, inf, True)
    """

    kind: Literal["vague"] = "vague"
    low: float = Field(ge=0, allow_inf_nan=False)
    high: float | None = Field(default=None, ge=0, allow_inf_nan=False)
    word: str = ""
    fraction: float | None = Field(default=None, gt=0, le=1, allow_inf_nan=False)
    qualifier: Literal["approx", "at_least", "more_than", "at_most", "less_than"] | None = None

    @model_validator(mode="after")
    def _ordered(self) -> Vague:
        if self.high is not None and self.low > self.high:
            raise ValueError(f"vague low {self.low} is above high {self.high}")
        return self

    @model_validator(mode="after")
    def _proportion_unbounded(self) -> Vague:
        if self.fraction is not None and (self.low != 0 or self.high is not None):
            raise ValueError(f"a proportion ({self.fraction}) counts no figure: give low=0 and no high")
        if self.qualifier is not None and self.fraction is None:
            raise ValueError("a qualifier on a vague amount needs a fraction (make it a proportion)")
        return self

    def interval(self) -> Interval:
        return Interval(self.low, math.inf if self.high is None else self.high)

    @property
    def is_proportion(self) -> bool:
        """A share of a total not counted here ("about a third"), not an amount."""
        return self.fraction is not None

    @property
    def bound(self) -> str:
        if self.fraction is not None:
            return self.qualifier or "approx"
        return "vague"


Value = Annotated[Union[Exact, Approx, AtLeast, AtMost, Between, Vague], Field(discriminator="kind")]
"""Any typed quantity; ``kind`` tells which."""

value_adapter: TypeAdapter[Value] = TypeAdapter(Value)
"""Validate/serialise a :data:`Value` outside a model: ``value_adapter.validate_python({...})``."""

BOUNDS = ("exact", "approx", "at_least", "more_than", "at_most", "less_than", "range", "vague")
"""Every ``bound`` name an output record may carry."""
