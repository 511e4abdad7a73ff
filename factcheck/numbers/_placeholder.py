"""Temporary stand-in until the normaliser lands (delete then)."""

from __future__ import annotations

from typing import NamedTuple

from factcheck.values import Value


class NumberMention(NamedTuple):
    start: int
    end: int
    number_start: int
    number_end: int
    value: Value
    kind: str = "count"
    unit: str | None = None
    qualifier: str | None = None


def find_numbers(text, language, *, settings=None) -> list[NumberMention]:
    raise NotImplementedError("the number normaliser has not landed yet")


def parse_number(text, language, *, settings=None):
    raise NotImplementedError("the number normaliser has not landed yet")
