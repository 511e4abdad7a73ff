"""Dates and times the finder reads: "11:26", "2025-09-04", "August 13, 2025".

>>> from factcheck.numbers import find_numbers
>>> [(m.kind, m.normalized) for m in find_numbers("on August 13, 2025 at 11:26", "en")]
[('date', '2025-08-13'), ('time', '11:26')]
"""

from __future__ import annotations

from factcheck.numbers.mention import NumberMention, mention
from factcheck.numbers.parse import digits_value, exact
from factcheck.numbers.patterns import Patterns


def time_at(text: str, m, p: Patterns) -> NumberMention | None:
    """"11:26", "10:30 AM": the scanner's ``time`` match ``m`` as a time of day, or None."""
    s = "".join(p.digit_map.get(c, c) for c in m.group("time"))
    parts = [int(x) for x in s.split(":")]
    if parts[0] > 24 or any(x > 59 for x in parts[1:]):
        return None  # "35:80" is a score or a reference, not a time of day
    end = m.end()
    suf = p.time_suffix.match(text, end)
    if suf:
        end = suf.end()
    hours = parts[0] + parts[1] / 60
    return mention(m.start(), end, m.start(), m.end(), exact(hours), "time",
                    normalized=f"{parts[0]:02d}:{parts[1]:02d}")


def month_first(text: str, m, month: int, p: Patterns) -> tuple[NumberMention | None, int]:
    """"August 13, 2025", "August 2025": a date starting at month word match ``m``, and
    where to resume scanning."""
    rest = p.day_after_month.match(text, m.end())
    if rest is None:
        return None, m.end()
    if rest.group("d"):
        day = int(digits_value(rest.group("d"), p) or 0)
        year = year_digits(rest.group("y"), p)
        if not 1 <= day <= 31:
            return None, m.end()
        norm = f"{year or '-'}-{month:02d}-{day:02d}"
        ns, ne = rest.start("d"), rest.end("d")
        value = exact(day)
    else:
        year = year_digits(rest.group("y2"), p)
        if year is None:
            return None, m.end()
        norm = f"{year}-{month:02d}"
        ns, ne = rest.start("y2"), rest.end("y2")
        value = exact(year)
    return mention(m.start(), rest.end(), ns, ne, value, "date", normalized=norm), rest.end()


def iso_date(m, p: Patterns) -> NumberMention | None:
    """"2025-09-04": the scanner's ``iso`` match ``m`` as a date, or None."""
    y, mo, d = ("".join(p.digit_map.get(c, c) for c in part) for part in m.group("iso").split("-"))
    if not (1 <= int(mo) <= 12 and 1 <= int(d) <= 31):
        return None
    return mention(m.start(), m.end(), m.start(), m.end(), exact(int(d)), "date",
                    normalized=f"{y}-{mo}-{d}")


def year_digits(s: str | None, p: Patterns) -> int | None:
    """The year written by digits ``s`` when it lies in the language's year range."""
    if not s:
        return None
    v = digits_value(s, p)
    return int(v) if v is not None and p.year_min <= v <= p.year_max else None
