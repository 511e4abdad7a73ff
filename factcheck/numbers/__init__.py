"""Number normaliser: find number expressions in text and type them as :data:`Value`.

Contract used by the rest of factcheck (kept stable):

- ``NumberMention``: ``start``/``end`` (the whole phrase incl. qualifier, offsets into the
  text given), ``number_start``/``number_end`` (the numeral itself), ``value`` (a Value),
  ``kind`` ("count" for things that may be counts; otherwise what it is: "ordinal",
  "year", "date", "time", "percent", "calibre", "temperature", "length", "money", …),
  ``unit`` (a pint unit name for physical quantities, else None), ``qualifier`` (as written),
  ``normalized`` (ISO date "2025-08-13" / "--08-13" / "2025-08", or time "11:26"; else None).
- ``find_numbers(text, language, *, settings=None, spans=None) -> list[NumberMention]``
  sorted by start. With ``spans`` (sorted, non-overlapping ranges, e.g. sentences) only
  those are read, each as if it were the whole text: the result equals ``find_numbers`` over
  each slice ``text[s:e]`` with offsets shifted by ``s``.
- ``parse_number(text, language, *, settings=None) -> Value | None``: the value of a string
  that is exactly one number expression, else None.

Everything a language needs is data: the ``numbers:`` section of its language file,
described in :mod:`factcheck.numbers.schema`. Modules: ``schema`` (the data model),
``patterns`` (data -> compiled regexes, cached per language), ``words`` (composing number
words and scales), ``runs`` (number runs, ranges, and the shortcuts the finder takes where
the long way cannot give anything else), ``parse`` (digits and qualifiers -> values),
``dates`` (dates and times), ``mention`` (NumberMention), ``finder`` (the scan).
"""

from __future__ import annotations

from factcheck.numbers.finder import NumberMention, find_numbers, parse_number

__all__ = ["NumberMention", "find_numbers", "parse_number"]
