"""Zones of an article: headline, body and boilerplate, as character offsets.

Boilerplate is text that is not the article: related-story teasers ("ये भी पढ़ें",
"Also read"), widgets (horoscope, photo credits), disclaimers, bylines, and everything
after a section marker such as "Latest News" or "More like this". The markers are data
(``extraction.boilerplate`` in the language file):

- ``line_starts``: a line starting with one of them is boilerplate;
- ``line_contains``: a line containing one of them is boilerplate;
- ``section_starts``: a line that is exactly one of them starts boilerplate up to the next
  long paragraph (article text again) or the end.

The headline is the run of short lines before the first long line (the body's first
paragraph); "long" is ``extraction.body_min_words`` words of the language (a Korean
sentence spends fewer words than an English one). Zones cover the text without overlap;
the text is never edited.

>>> from factcheck.langdata import load_language
>>> from factcheck.extraction.lexicon import lexicon_for
>>> text = "Title\\n" + "word " * 30 + "end.\\nAlso read: other story\\nMore text."
>>> [(name, text[s:e].strip()[:9]) for s, e, name in find_zones(text, lexicon_for(load_language("en")))]
[('headline', 'Title'), ('body', 'word word'), ('boilerplate', 'Also read'), ('body', 'More text')]
"""

from __future__ import annotations

import bisect

import regex

from factcheck.extraction.lexicon import Lexicon

Zone = tuple[int, int, str]

HEADLINE, BODY, BOILERPLATE = "headline", "body", "boilerplate"

#: Look for the body's first line among this many leading lines only.
HEADLINE_SCAN_LINES = 40

_LINE = regex.compile(r"[^\n]+")
_WORD = regex.compile(r"\w+")


def _body_start(text: str, lex: Lexicon) -> int:
    """Offset of the first long line; 0 when the text opens with one (or has none early)."""
    min_words = lex.data.body_min_words
    for i, m in enumerate(_LINE.finditer(text)):
        if i >= HEADLINE_SCAN_LINES:
            return 0
        line = m.group()
        if len(line) > 40 * min_words:
            return m.start()
        # a headline may be long, but it rarely ends like a sentence
        words = len(_WORD.findall(line))
        if words >= 2 * min_words or (words >= min_words and lex.sentence_end.search(line)):
            return m.start()
    return 0


def _resumed_body(text: str, pos: int, lex: Lexicon) -> int:
    """Where a boilerplate section that starts before ``pos`` ends: at the next paragraph
    long enough to be article text again (a mid-page "Trending" strip), else the end.
    Teaser snippets are short or cut off with "…"."""
    min_words = 2 * lex.data.body_min_words
    for m in _LINE.finditer(text, pos):
        line = m.group().rstrip()
        if line.endswith(("...", "…")):
            continue
        if len(_WORD.findall(line)) >= min_words and lex.sentence_end.search(line):
            return m.start()
    return len(text)


def _line_end(text: str, pos: int) -> int:
    end = text.find("\n", pos)
    return len(text) if end < 0 else end


def _merge(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    for s, e in sorted(spans):
        if out and s <= out[-1][1] + 1:
            out[-1] = (out[-1][0], max(out[-1][1], e))
        else:
            out.append((s, e))
    return out


def find_zones(text: str, lex: Lexicon) -> list[Zone]:
    """``(start, end, name)`` zones covering ``text`` in order."""
    if not text:
        return []
    boiler = [m.span() for m in lex.teaser_line.finditer(text)]
    for m in lex.teaser_inline.finditer(text):
        boiler.append((m.start(1), _line_end(text, m.end())))
    for m in lex.widget_scan.finditer(text):
        boiler.append((text.rfind("\n", 0, m.start()) + 1, _line_end(text, m.end())))
    head_end = _body_start(text, lex)
    # a section marker in the headline is navigation ("More"), not the end of the article
    pos = head_end
    while (section := lex.section_line.search(text, pos)) is not None:
        end = _resumed_body(text, section.end(), lex)
        boiler.append((section.start(), end))
        pos = end
    boiler = _merge(boiler)
    zones: list[Zone] = []
    pos = 0
    for s, e in boiler:
        if s > pos:
            zones.extend(_split_plain(pos, s, head_end))
        zones.append((s, e, BOILERPLATE))
        pos = e
    if pos < len(text):
        zones.extend(_split_plain(pos, len(text), head_end))
    return zones


def _split_plain(s: int, e: int, head_end: int) -> list[Zone]:
    if e <= head_end:
        return [(s, e, HEADLINE)]
    if s >= head_end:
        return [(s, e, BODY)]
    return [(s, head_end, HEADLINE), (head_end, e, BODY)]


class ZoneIndex:
    """Find the zone of an offset quickly (bisect over zone starts)."""

    def __init__(self, zones: list[Zone]) -> None:
        self.zones = zones
        self._starts = [z[0] for z in zones]

    def name_at(self, pos: int) -> str:
        i = bisect.bisect_right(self._starts, pos) - 1
        if i >= 0 and self.zones[i][0] <= pos < self.zones[i][1]:
            return self.zones[i][2]
        return BODY
