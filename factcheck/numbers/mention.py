"""The finder's result type, :class:`NumberMention`, and how the finder builds one.

>>> mention(0, 6, 0, 6, Exact(value=15000)).kind
'count'
"""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict

from factcheck.numbers.parse import trusted
from factcheck.values import Exact, Value, shared_fields_set  # noqa: F401  (Exact: doctest)


class NumberMention(BaseModel):
    """One number expression found in a text.

    ``start``/``end`` cover the whole phrase with its qualifier (``text[start:end]`` is
    "लगभग 15,000"); ``number_start``/``number_end`` cover the numeral ("15,000").
    ``kind`` is "count" for figures that may count something, otherwise what the number
    is ("ordinal", "year", "date", "time", "percent", "calibre", "temperature",
    "length", "duration", "money", …). ``unit`` is a pint unit name (factcheck.units)
    for non-count units. ``normalized`` is an ISO form for dates ("2025-08-13",
    "--08-13" without year, "2025-08" for a month, "--08-13/--08-14" for "13-14 August")
    and times ("11:26"). For a date ``value`` is the day of the month (the year for
    "August 2025"); for a time it is the hour as a decimal (11:30 -> 11.5).
    """

    model_config = ConfigDict(frozen=True, extra="forbid")

    start: int
    end: int
    number_start: int
    number_end: int
    value: Value
    kind: str = "count"
    unit: str | None = None
    qualifier: str | None = None
    normalized: str | None = None


_GIVEN_ALL = shared_fields_set(set(NumberMention.model_fields))  # mention() gives every field



def mention(
    start: int, end: int, ns: int, ne: int, value: Value, kind: str = "count", unit: str | None = None,
    qualifier: str | None = None, normalized: str | None = None,
) -> NumberMention:
    """A NumberMention of parts that are already valid (ints, a Value, strings or None),
    built without a second validation (it was the finder's single largest cost).

    >>> mention(0, 2, 0, 2, Exact(value=15)) == NumberMention(start=0, end=2, number_start=0, number_end=2,
    ...                                                      value=Exact(value=15))
    True
    """
    return trusted(NumberMention, _GIVEN_ALL, {
        "start": start, "end": end, "number_start": ns, "number_end": ne, "value": value,
        "kind": kind, "unit": unit, "qualifier": qualifier, "normalized": normalized,
    })


def shift_fresh(found: list[NumberMention], base: int) -> None:
    """Move mentions found in a slice of a text to offsets into the whole text (+ ``base``).

    Only for mentions :func:`mention` has just built and nobody else has seen yet: their
    offsets are updated in place (a frozen model is never changed once handed out).
    """
    for m in found:
        d = m.__dict__
        d["start"] += base
        d["end"] += base
        d["number_start"] += base
        d["number_end"] += base
