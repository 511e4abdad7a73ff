"""A small sentence splitter for tests and standalone use (extraction has its own).

Splits at danda, full stop, question and exclamation marks followed by space, and at
line breaks; offsets point into the original text.

>>> split_sentences("एक। दो.\\nतीन")
[(0, 3), (4, 7), (8, 11)]
"""

from __future__ import annotations

import regex

# a full stop after a lone capital is an initial or abbreviation ("U.S.", "J. Smith")
_END = regex.compile(r"[।॥?!]+(?=\s|$)|(?<!\b\p{Lu})\.+(?=\s|$)|\n+")


def split_sentences(text: str) -> list[tuple[int, int]]:
    """``(start, end)`` of every non-empty sentence, end after its final mark."""
    out: list[tuple[int, int]] = []
    pos = 0
    for m in _END.finditer(text):
        end = m.end() if m.group()[0] != "\n" else m.start()
        if text[pos:end].strip():
            start = pos + (len(text[pos:end]) - len(text[pos:end].lstrip()))
            out.append((start, end))
        pos = m.end()
    if text[pos:].strip():
        start = pos + (len(text[pos:]) - len(text[pos:].lstrip()))
        out.append((start, len(text)))
    return out
