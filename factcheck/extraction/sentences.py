"""Sentence and clause boundaries as character offsets (the text is never edited).

A sentence ends at a line break or at one of the language's end marks (danda ``।``,
full stop, ``?``, ``!``) followed by a space — except before a lowercase letter, where a
full stop is an abbreviation ("U.S. troops"), and never inside a number ("27.1").

>>> from factcheck.langdata import load_language
>>> from factcheck.extraction.lexicon import lexicon_for
>>> lex = lexicon_for(load_language("hi"))
>>> text = "पहला वाक्य। दूसरा वाक्य\\nतीसरा"
>>> [text[s:e] for s, e in split_sentences(text, lex)]
['पहला वाक्य।', 'दूसरा वाक्य', 'तीसरा']
"""

from __future__ import annotations

import bisect

import regex

from factcheck.extraction.lexicon import Lexicon
from factcheck.extraction.subjects import SPACES



def split_sentences(text: str, lex: Lexicon) -> list[tuple[int, int]]:
    """``(start, end)`` of every sentence, in order, without surrounding whitespace."""
    # one C-level pass for both kinds of cut: a line break never overlaps an end mark
    out = []
    prev = 0
    for m in lex.sentence_cut.finditer(text):
        cut = m.end()
        seg = text[prev:cut]
        body = seg.strip()
        if body:
            start = prev + len(seg) - len(seg.lstrip())
            out.append((start, start + len(body)))
        prev = cut
    seg = text[prev:]
    body = seg.strip()
    if body:
        start = prev + len(seg) - len(seg.lstrip())
        out.append((start, start + len(body)))
    return out


def sentence_at(sentences: list[tuple[int, int]], starts: list[int], pos: int) -> tuple[int, int] | None:
    """The sentence containing offset ``pos`` (``starts`` is the list of sentence starts)."""
    i = bisect.bisect_right(starts, pos) - 1
    if i >= 0 and sentences[i][0] <= pos < sentences[i][1]:
        return sentences[i]
    return None


def clause_around(text: str, sentence: tuple[int, int], start: int, end: int,
                  lex: Lexicon) -> tuple[int, int]:
    """The clause of ``sentence`` that holds ``text[start:end]``.

    Clauses end at the language's clause punctuation followed by a space (so "15,000"
    stays whole), unless a clause continuer follows it ("…, including 8 million shells"),
    and before its clause-opening conjunctions (लेकिन, but, while …).
    """
    s, e = sentence
    lo, hi = s, e
    for m in lex.clause_break.finditer(text, s, e):
        if lex.clause_continuer.match(text, SPACES.match(text, m.end(), e).end(), e):
            continue
        if m.end() <= start:
            lo = m.end()
        elif m.start() >= end:
            hi = m.start()
            break
    if not lex.clause_word_prefilter.search(text, lo, hi):
        return lo, hi  # no clause word can start here (the common case: one cheap re scan)
    for m in lex.clause_word.finditer(text, lo, hi):
        if m.end() <= start:
            lo = m.start()
        elif m.start() >= end:
            hi = m.start()
            break
    return lo, hi
