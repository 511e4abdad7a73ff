"""Language detection from script and language data (placeholder until the io work lands)."""

from __future__ import annotations

import regex


def detect_language(text: str) -> str:
    """The code of the supported language ``text`` is written in."""
    return "hi" if regex.search(r"\p{Devanagari}", text) else "en"
