"""When a claim holds, as an interval of dates.

A month-precision ``as_of`` covers the whole month, a year-precision one the whole year.
Without ``as_of`` the claim's period (``start``/``end``) is used, and without either the
article's ``published`` date — an *assumption* that every reason states.

>>> import datetime as dt
>>> from factcheck.models import TimeScope
>>> w = window(TimeScope(as_of=dt.date(2025, 4, 10), precision="month"), None)
>>> (w.start.isoformat(), w.end.isoformat(), w.assumed)
('2025-04-01', '2025-04-30', False)
"""

from __future__ import annotations

import calendar
import datetime as dt
from typing import NamedTuple

from factcheck.models import TimeScope


class Window(NamedTuple):
    """The dates a figure describes; ``assumed`` when taken from the article's date.

    ``kind`` says where the dates come from: ``day``/``month``/``year`` (``as_of`` at that
    precision), ``period`` (``start``/``end``) or ``published``.
    """

    start: dt.date
    end: dt.date
    assumed: bool
    kind: str

    @property
    def dates(self) -> str:
        """The dates at their precision: ``2024``, ``2025-04``, ``2025-04-30``, ``2025-01-01…2025-03-31``."""
        if self.kind == "period":
            return f"{self.start.isoformat()}…{self.end.isoformat()}"
        if self.kind == "year":
            return f"{self.start.year:04d}"
        if self.kind == "month":
            return f"{self.start.year:04d}-{self.start.month:02d}"
        return self.start.isoformat()

    @property
    def label(self) -> str:
        """The dates as a reason prints them: ``as of 2025-04``, ``published … (no date in the text)``."""
        if self.kind == "published":
            return f"published {self.dates} (no date in the text)"
        if self.kind == "period":
            return self.dates
        return f"as of {self.dates}"

    def gap_days(self, other: Window) -> int:
        """Days between the two windows; 0 when they overlap or touch.

        >>> d = dt.date
        >>> Window(d(2025, 4, 1), d(2025, 4, 30), False, "month").gap_days(
        ...     Window(d(2025, 6, 1), d(2025, 6, 30), False, "month"))
        32
        """
        return max(0, (other.start - self.end).days, (self.start - other.end).days)


def window(time: TimeScope, published: dt.date | None) -> Window | None:
    """The claim's time window, or None when neither the text nor the article gives a date.

    Args:
        time: the claim's time scope.
        published: the article's publication date (used only when ``time`` has no date).

    Returns:
        A :class:`Window`; ``label`` is the date as a reason should print it.

    >>> window(TimeScope(), dt.date(2025, 9, 4)).label
    'published 2025-09-04 (no date in the text)'
    >>> window(TimeScope(), None) is None
    True
    """
    if time.as_of is not None:
        if time.precision in (None, "day"):  # the common case, without the general path
            if time.as_of == published and time.phrase is None and time.start is None and time.end is None:
                return Window(published, published, True, "published")  # the article's date, written in
            return Window(time.as_of, time.as_of, False, "day")
        precision = time.precision if time.precision in ("month", "year") else "day"
        start, end = _expand(time.as_of, precision)
        return Window(start, end, False, precision)
    if time.end is not None or time.start is not None:
        start = time.start or time.end
        end = time.end or time.start
        assert start is not None and end is not None
        if start > end:  # a malformed period: do not let it invert comparisons
            start, end = end, start
        return Window(start, end, False, "period")
    if published is not None:
        return Window(published, published, True, "published")
    return None


def _expand(day: dt.date, precision: str | None) -> tuple[dt.date, dt.date]:
    """The dates a date of this precision stands for."""
    if precision == "year":
        return dt.date(day.year, 1, 1), dt.date(day.year, 12, 31)
    if precision == "month":
        last = calendar.monthrange(day.year, day.month)[1]
        return dt.date(day.year, day.month, 1), dt.date(day.year, day.month, last)
    return day, day
