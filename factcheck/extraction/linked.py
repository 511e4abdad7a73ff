"""A bare number whose counted noun stands *before* it.

Real coverage often names the thing first and gives the figure last: "troops **numbering**
15,000", "North Korean casualties **reached** 4,000", "the death **toll** among North Korean
soldiers stands at about 600", "North Korea's losses**:** about 4,700", "सैनिकों **की संख्या**
15,000". A number is read this way only when

* nothing after it names a counted noun (the number is *bare*: punctuation, the sentence
  end, a function word, an auxiliary or an event cue follows), and
* a ``count_links`` word ends right before it ("numbering", "reached", "stands at", ":"),
  or a ``count_heads`` phrase ("number of", "toll", "की संख्या") stands in the window and
  ends right before the number or before a function word that does ("… rose **to** 2,000").

The noun is the nearest tracked noun, or event noun ("casualties", "death toll"), at most
``count_window_words`` words back in the same clause (one clause mark right before the link
may be crossed: "deployed troops, estimated at 11,000").

>>> from factcheck.langdata import load_language
>>> from factcheck.extraction.lexicon import lexicon_for
>>> text = "North Korea has deployed troops numbering 15,000."
>>> link = linked_noun(text, (0, len(text)), 42, 48, lexicon_for(load_language("en")))
>>> link.thing, text[link.start:48]
('soldier', 'troops numbering 15,000')
"""

from __future__ import annotations

from typing import NamedTuple

import regex

from factcheck.extraction.lexicon import Lexicon
from factcheck.extraction.subjects import GAP_WORD, SPACES

_DIGIT = regex.compile(r"\d")


class Linked(NamedTuple):
    """The noun standing before a bare number."""

    thing: str | None  # None: only an event noun ("North Korean casualties reached 4,000")
    event: str | None  # an event noun in the window ("casualties", "death toll")
    event_start: int
    event_end: int
    start: int  # evidence start: the head or the noun (with a subject named right before it)
    noun_end: int  # end of the noun: who owns the figure is named up to here
    window_lo: int  # the event cue may stand from here on
    head: bool  # a count head: the figure is the count of the thing, a total
    apposition: bool  # the link follows a clause mark: "The troops, numbering 11,000, were sent"
    subject_named: bool  # a subject stands in the window ("North Korea's losses")


def _bare(text: str, end: int, hi: int, lex: Lexicon) -> bool:
    """Nothing after the number names what it counts: "…15,000.", "2,000 according to"
    (a word for anyone, "4,000 people.", restates the noun before it)."""
    i = SPACES.match(text, end, hi).end()
    if lex.data.people_words and (m := lex.people_words.match(text, i, hi)):
        i = SPACES.match(text, m.end(), hi).end()  # "… stand at 4,000 people.": the noun restated
    if i >= hi or not text[i].isalnum():
        return True
    if text[i].isdigit():
        return False
    return bool(
        lex.gap_stops.match(text, i, hi)
        or lex.ellipsis_words.match(text, i, hi)
        or lex.clause_word.match(text, i, hi)
        or lex.any_event.match(text, i, hi)
    )


def _loose(text: str, lo: int, hi: int, lex: Lexicon, max_unknown: int = 2) -> bool:
    """``text[lo:hi]`` holds only cues, auxiliaries, modifiers, subject names, function words
    and at most ``max_unknown`` other words, none of them an untracked thing (``other_nouns``):
    "troops **killed has risen to** 2,000", "casualties **in the Kursk region** reached", not
    "number of **countries that sent** troops" nor "death toll among Ukrainian **civilians**"."""
    pats = (lex.gap_stops, lex.ellipsis_words, lex.modifiers, lex.any_subject, lex.count_heads,
            lex.any_event)
    unknown = 0
    i = lo
    while True:
        w = GAP_WORD.search(text, i, hi)
        if w is None:
            return True
        if lex.other_nouns.match(text, w.start(), hi):
            return False
        if w.start() > lo and text[w.start() - 1] in "'’":
            i = w.end()  # the "s" of "Russia's"
            continue
        ends = [m.end() for pat in pats if (m := pat.match(text, w.start(), hi))]
        if ends:
            i = max(ends)
            continue
        unknown += 1
        if unknown > max_unknown:
            return False
        i = w.end()


def _last(pats, text: str, lo: int, hi: int) -> tuple[str, int, int] | None:
    """The rightmost match among ``{key: pattern}`` in ``text[lo:hi]``."""
    best: tuple[str, int, int] | None = None
    for key, pat in pats.items():
        for m in pat.finditer(text, lo, hi):
            if best is None or m.start() > best[1] or (m.start() == best[1] and m.end() > best[2]):
                best = (key, m.start(), m.end())
    return best


def linked_noun(text: str, sentence: tuple[int, int], pos: int, end: int,
                lex: Lexicon) -> Linked | None:
    """The counted noun before the bare number ``text[pos:end]``, if a link or head ties them.

    Args:
        text: the article text.
        sentence: (start, end) of the number's sentence.
        pos, end: the number phrase (qualifier included).
        lex: the language's compiled lexicon.

    Returns:
        A :class:`Linked`, or None when the number has no such noun.
    """
    data = lex.data
    if not (data.count_links or data.count_heads):
        return None
    s0, s1 = sentence
    if not _bare(text, end, s1, lex):
        return None
    link = lex.count_link.search(text, max(s0, pos - 40), pos)
    if link is None and text[pos].isalpha():
        # the phrase opens with a link word that is also its qualifier: "losses exceeded
        # 3,000" when "exceeded" reads as "more than" ("потери превысили 3000")
        link = lex.count_link_at.match(text, pos, end)
    if link is None and not lex.count_heads.search(text, max(s0, pos - 200), pos):
        return None  # the common case, decided before any word is listed
    scan_hi = link.start() if link else pos
    words = list(GAP_WORD.finditer(text, max(s0, scan_hi - 300), scan_hi))[-data.count_window_words:]
    if not words:
        return None
    lo = words[0].start()
    breaks = list(lex.clause_break.finditer(text, lo, scan_hi))
    apposition = False
    if breaks and link and not text[breaks[-1].end():scan_hi].strip():
        breaks.pop()  # "deployed troops, estimated at 11,000": the link's own mark
        apposition = True
    if breaks:
        lo = breaks[-1].end()
    for m in lex.clause_word.finditer(text, lo, scan_hi):
        lo = m.end()
    for m in _DIGIT.finditer(text, lo, scan_hi):
        lo = m.end()  # another figure stands between: the noun is its
    head = None
    for m in lex.count_heads.finditer(text, lo, pos):
        head = m
    if link is None:
        if head is None:
            return None
        i = SPACES.match(text, head.end(), pos).end()
        if i < pos:  # "the number of troops … rose to 2,000": only a function word may lead in
            last = list(GAP_WORD.finditer(text, head.end(), pos))[-1:]
            if not last or not lex.gap_stops.fullmatch(last[0].group()):
                return None
    noun_hi = head.start() if head is not None and head.end() >= scan_hi else scan_hi
    thing = _last(lex.nouns_anywhere, text, lo, noun_hi)
    event = _last(lex.event_nouns_anywhere, text, lo, scan_hi)
    if thing is None and event is None:
        return None
    nearest = max((x for x in (thing, event) if x is not None), key=lambda x: x[1])
    first = min(x[1] for x in (thing, event) if x is not None)
    headed = head is not None and head.end() <= first
    if headed and not _loose(text, head.end(), first, lex, 0):
        return None  # the head counts something else: "the number of countries that sent troops"
    # "the number of troops deployed to Russia's Kursk border region rose to": a head right
    # before its noun vouches for a longer stretch
    if not _loose(text, nearest[2], scan_hi, lex, 4 if headed else 2):
        return None  # another noun stands between: "workers … numbering", "exports reaching"
    if thing is None and lex.other_nouns_anywhere.search(text, lo, scan_hi):
        return None  # "यूक्रेनी नागरिकों में मृतकों की संख्या": deaths of civilians
    if head is not None:
        first = min(first, head.start())
    subject = None
    for m in lex.any_subject.finditer(text, max(s0, first - 60), scan_hi):
        if m.start() >= lo or not text[m.end():first].strip():
            subject = m
            if m.end() <= first and not text[m.end():first].strip():
                first = m.start()  # "North Korean casualties reached 4,000"
    return Linked(
        thing=thing[0] if thing else None,
        event=event[0] if event else None,
        event_start=event[1] if event else -1,
        event_end=event[2] if event else -1,
        start=first,
        noun_end=nearest[2],
        window_lo=min(lo, first),
        head=head is not None,
        apposition=apposition,
        subject_named=subject is not None,
    )
