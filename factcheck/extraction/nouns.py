"""The counted noun of a number mention: after it, elided, or standing before it.

Used by ``claims.py`` (rule 2). Each finder returns a :class:`Noun` — the counted thing
(or only the event an event noun names), a subset name, and the noun's span — or None.

>>> from factcheck.langdata import load_language
>>> from factcheck.extraction.lexicon import lexicon_for
>>> text = "North Korea sent 2,000 more troops."
>>> attach_noun(text, 22, len(text), lexicon_for(load_language("en")))[:2]
('soldier', None)
"""

from __future__ import annotations

from typing import NamedTuple

from factcheck.extraction.lexicon import Lexicon
from factcheck.extraction.subjects import GAP_WORD, SPACES

_HYPHENS = "-‐‑–"
_CLOSING_QUOTES = "\"”’'»"


class Noun(NamedTuple):
    """A counted noun: its thing (None: an event noun), subset, event, span, increment."""

    thing: str | None  # None: an event noun whose thing comes from the sentence
    subset: str | None
    event: str | None
    start: int
    end: int
    increment: bool
    #: ``event`` is an event word standing between the number and its noun ("101 **fallen**
    #: troops", "दो **घायल** सैनिकों"): it describes the things and yields to the verb of
    #: what happened to them ("two wounded soldiers were captured")
    adjective: bool = False
    #: the number counts a part of a whole named after it ("4,000 **of the** 11,000 soldiers")
    partitive: bool = False


def _event_at(text: str, i: int, limit: int, lex: Lexicon) -> tuple[str, int] | None:
    """The event whose cue starts at ``i`` (the longest: "killed or wounded"), with its end."""
    if not lex.any_event.match(text, i, limit):
        return None
    hits = [(m.end(), e) for e, pat in lex.events.items() if (m := pat.match(text, i, limit))]
    if not hits:
        return None
    end, event = max(hits)
    return event, end


def attach_noun(text: str, pos: int, limit: int, lex: Lexicon, vague: bool = False) -> Noun | None:
    """The counted noun after a number phrase ending at ``pos``, if the phrase has one."""
    if pos < limit and text[pos] in _HYPHENS:
        m = lex.strength.match(text, pos + 1, limit)
        if m is None:
            return None  # "155-mm": the number modifies something else
        pos = m.end()  # "a 10,000-strong contingent": the noun follows; "million-strong army" has none
    if vague and pos < limit and text[pos] in _CLOSING_QUOTES:
        pos += 1  # a quoted amount: '"hundreds" of soldiers'
    if vague:
        m = lex.vague_links.match(text, SPACES.match(text, pos, limit).end(), limit)
        if m:
            pos = m.end()  # "thousands of troops"
    increment = False
    gap = 0
    steps = 0
    adjective: str | None = None  # an event word between the number and the noun
    i = pos
    while steps < 12:
        steps += 1
        i = SPACES.match(text, i, limit).end()
        if i >= limit:
            return None
        if lex.any_counted.match(text, i, limit):
            # subsets, then nouns, then event nouns: the first that matches, in one match
            m = lex.counted_first.match(text, i, limit)
            if m:
                thing, name, event = lex.counted_kinds[int(m.lastgroup[1:])]
                if thing is None and adjective is None:
                    # an event noun describing the noun after it: "दो घायल सैनिकों"
                    after = SPACES.match(text, m.end(), limit).end()
                    n = lex.counted_first.match(text, after, limit) if after < limit else None
                    if n is not None and lex.counted_kinds[int(n.lastgroup[1:])][0] is not None:
                        thing, name, _ = lex.counted_kinds[int(n.lastgroup[1:])]
                        return Noun(thing, name, event, m.start(), n.end(), increment, True)
                if adjective is not None and thing is not None:
                    return Noun(thing, name, adjective, m.start(), m.end(), increment, True)
                if thing is not None and name is None and lex.data.strength_words:
                    ahead = _after_strength(text, m.end(), limit, lex, thing)
                    if ahead is _UNTRACKED:
                        return None  # "1만 명 규모의 노동자": a counter of something untracked
                    if ahead is not None:  # "수천 명 규모의 건설 인력": the noun after the strength
                        return Noun(thing, ahead[0], event, m.start(), ahead[1], increment)
                return Noun(thing, name, event, m.start(), m.end(), increment)
        if gap == 0 and not increment:
            m = lex.increment_between.match(text, i, limit)
            if m:
                increment = True
                i = m.end()
                continue
        if i == pos and i > 0 and text[i - 1].isalnum() and lex.coordinators.match(text, i, limit):
            return None  # a counter and "and" glued to the number: "수백기와 포탄 …" (and shells)
        m = lex.modifiers.match(text, i, limit) or lex.any_subject.match(text, i, limit)
        if m:
            i = m.end()  # "2,000 North Korean troops": modifiers and demonyms are free
            continue
        if lex.gap_stops.match(text, i, limit):
            return None
        m = GAP_WORD.match(text, i, limit)
        if m is None or m.group()[0].isdigit():
            return None
        gap += 1
        if gap > lex.data.max_gap_words:
            return None
        if adjective is None and (ev := _event_at(text, i, limit, lex)) is not None:
            adjective = ev[0]  # "101 fallen troops"
        i = m.end()
    return None


_UNTRACKED = (None, -1)


def _after_strength(text: str, pos: int, limit: int, lex: Lexicon, thing: str) -> tuple[str | None, int] | None:
    """After a counter and a strength word ("1만 명 **규모의**"), the noun of the same thing
    that the figure measures, within ``max_gap_words`` words: its subset name and end;
    ``_UNTRACKED`` when an untracked thing stands there ("1만 명 규모의 **노동자**")."""
    m = lex.strength.match(text, SPACES.match(text, pos, limit).end(), limit)
    if m is None:
        return None
    i = m.end()
    for _ in range(lex.data.max_gap_words + 1):
        i = SPACES.match(text, i, limit).end()
        if i >= limit:
            return None
        if lex.other_nouns.match(text, i, limit):
            return _UNTRACKED
        n = lex.counted_first.match(text, i, limit) if lex.any_counted.match(text, i, limit) else None
        if n is not None:
            t, name, _ = lex.counted_kinds[int(n.lastgroup[1:])]
            return (name, n.end()) if t == thing else None
        w = lex.modifiers.match(text, i, limit) or GAP_WORD.match(text, i, limit)
        if w is None or lex.gap_stops.match(text, i, limit):
            return None
        i = w.end()
    return None


def partitive_noun(text: str, pos: int, limit: int, lex: Lexicon,
                   whole_end: dict[int, int]) -> Noun | None:
    """"4,000 **of the** 11,000 soldiers …", "8,000 of those forces …": a part whose noun is
    the whole's, named after a ``partitive_before`` link (past the whole's own number, whose
    end ``whole_end`` gives by start)."""
    if not lex.data.partitive_before:
        return None
    m = lex.partitive_link.match(text, SPACES.match(text, pos, limit).end(), limit)
    if m is None:
        return None
    i = SPACES.match(text, m.end(), limit).end()
    i = whole_end.get(i, i)
    noun = attach_noun(text, i, limit, lex)
    if noun is None or noun.thing is None:
        return None
    return noun._replace(partitive=True)


def elided_noun(text: str, pos: int, limit: int, lex: Lexicon) -> Noun | None:
    """A bare number followed by its event: "4,000 have been killed", "600 की मौत", "4,000
    people have died" (a ``people_words`` word counts anyone: the thing is the sentence's).

    The counted thing is elided; it must be named elsewhere in the sentence (checked later).
    """
    if pos < limit and text[pos] in _HYPHENS:
        return None
    i = pos
    if lex.data.people_words and (m := lex.people_words.match(text, SPACES.match(text, pos, limit).end(), limit)):
        i = m.end()  # "4,000 people have died": a word for anyone, the thing named elsewhere
    for _ in range(6):  # "1,000 are believed to have been killed"
        i = SPACES.match(text, i, limit).end()
        if i > pos and (ev := _event_at(text, i, limit, lex)) is not None:
            return Noun(None, None, ev[0], i, ev[1], False)
        m = lex.ellipsis_words.match(text, i, limit)
        if m is None:
            return None
        i = m.end()
    return None


def elided_more(text: str, pos: int, sentence: tuple[int, int], lex: Lexicon,
                 previous: str | None) -> Noun | None:
    """"North Korea had sent around 3,000 **more**, …", "3,000 **और** भेजे": an increment whose
    noun is elided; the thing is the previous figure's, else the nearest the sentence names."""
    m = lex.increment_between.match(text, SPACES.match(text, pos, sentence[1]).end(), sentence[1])
    if m is None:
        return None
    i = SPACES.match(text, m.end(), sentence[1]).end()
    if i < sentence[1] and (text[i].isalnum() or text[i] == "_") and not (
            lex.gap_stops.match(text, i, sentence[1])
            or lex.any_event.match(text, i, sentence[1])):
        return None  # "3,000 more troops" is read by attach_noun; "3,000 more tanks" is not ours
    thing = previous
    if thing is None:
        best = None
        for t, pat in lex.nouns_anywhere.items():
            for n in pat.finditer(text, *sentence):
                d = abs(n.start() - pos)
                if best is None or d < best[0]:
                    best = (d, t)
        thing = best[1] if best else None
    if thing is None:
        return None
    return Noun(thing, None, None, m.start(), m.end(), True)


def thing_before(text: str, lo: int, pos: int, end: int, hi: int, lex: Lexicon) -> Noun | None:
    """With ``noun_before_words``, a tracked noun right before a number that has none after it
    ("포탄 800만 발 및 미사일 100기를 제공했다"): it names the thing; counters after the number
    (``modifiers``: 발, 기를) belong to the phrase."""
    if lex.data.noun_before_words == 0:
        return None
    if (end < hi and text[end].isalnum() and not lex.modifiers_glued.match(text, end, hi)
            and not lex.coordinators.match(text, end, hi)):
        return None  # another counter glued to the number: "병력 3개 사단" counts divisions
    words = list(GAP_WORD.finditer(text, max(lo, pos - 40), pos))
    if not words or text[words[-1].end():pos].strip():
        return None
    w = words[-1]
    for thing, pat in lex.nouns.items():
        m = pat.match(text, w.start(), w.end())
        if m and m.end() == w.end():
            m2 = lex.modifiers_glued.match(text, SPACES.match(text, end, hi).end(), hi)
            return Noun(thing, None, None, w.start(), m2.end() if m2 else end, False)
    return None


def noun_before(text: str, lo: int, pos: int, noun: Noun, lex: Lexicon) -> Noun | None:
    """Refine ``noun`` with a noun standing just before the number ("공병 1천 명").

    Returns None when an untracked thing stands there ("노동자 5천 명": workers).
    """
    n = lex.data.noun_before_words
    if n == 0:
        return noun
    words = list(GAP_WORD.finditer(text, max(lo, pos - 80), pos))[-n:]
    for k, w in enumerate(reversed(words)):
        i = w.start()
        stop = lex.gap_stops.match(text, i, pos)
        if stop and stop.end() == w.end():
            break  # "폭풍군단 등 1만 명": the noun before "etc." is an example, not the count
        if any(w.group().endswith(c) for c in lex.data.coordinators):
            break  # "노동자와 1천 명의 …": "and" closes the noun phrase before the number
        if lex.other_nouns.match(text, i, pos):
            return None
        if noun.subset is None:
            for (thing, name), pat in lex.subsets.items():
                if thing == noun.thing and pat.match(text, i, pos):
                    return noun._replace(subset=name)
        if k == 0 and noun.thing is not None and noun.event is None:
            # only right before the number: "사상자가 4천700명", not "파병했으며 그중 600명이"
            for event, pat in lex.event_nouns.items():
                if pat.match(text, i, pos):
                    return noun._replace(event=event)
    return noun
