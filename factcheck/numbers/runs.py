"""Read number runs and ranges at a position: the atoms of one number, "10-12", "between … and …".

These helpers are shared by :mod:`factcheck.numbers.finder`; they only read the compiled
:class:`~factcheck.numbers.patterns.Patterns` and never name a language.

>>> from factcheck.numbers.patterns import patterns_for
>>> from factcheck.numbers.schema import NumbersData
>>> first_number("15 troops", 0, patterns_for(NumbersData()))[1].value
15.0
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace

from factcheck.numbers.parse import digits_value, is_decimal, is_grouped
from factcheck.numbers.patterns import LEFT, RIGHT, Patterns, norm_key
from factcheck.numbers.words import Atom, Composed, compose_first

WINDOW = 48  # characters searched left of a number for a qualifier/"in"/"between"


GATE = 4  # characters of context a gate reads (a snippet of the text)
_GATE_SEEN_MAX = 65536  # snippets remembered per language (bounded: any text may come)


def right_flags(text: str, end: int, p: Patterns) -> tuple[bool, ...]:
    """For each pattern of RIGHT (in order): whether it can match at ``end``.

    False is certain: the pattern matches not even part of the next GATE characters
    (``partial=True`` also accepts a match that the text cut short). True only says "try
    it". None of the RIGHT patterns looks behind its start, so the snippet alone decides.
    The answer depends only on the snippet and is remembered per language.
    """
    snip = text[end : end + GATE]
    hit = p.right_seen.get(snip)
    if hit is None:
        hit = tuple(getattr(p, k).match(snip, partial=True) is not None for k in RIGHT)
        if len(p.right_seen) >= _GATE_SEEN_MAX:
            p.right_seen.clear()
        p.right_seen[snip] = hit
    return hit


def left_flags(text: str, start: int, p: Patterns) -> tuple[bool, ...]:
    """For each pattern of LEFT (in order): whether its reverse search ending at ``start``
    can find anything, in any window (see :func:`right_flags`; a match that starts before
    the snippet is a partial match, and a look-behind at the snippet's start only passes
    more often than in the text)."""
    snip = text[max(0, start - GATE) : start]
    hit = p.left_seen.get(snip)
    if hit is None:
        hit = tuple(getattr(p, k).search(snip, partial=True) is not None for k in LEFT)
        if len(p.left_seen) >= _GATE_SEEN_MAX:
            p.left_seen.clear()
        p.left_seen[snip] = hit
    return hit


def _atoms(text: str, start: int, p: Patterns) -> Iterator[Atom]:
    """The run of number atoms starting at ``start`` (digits, words, scales …), lazily."""
    last: Atom | None = None
    pos = start
    while True:
        if last is not None:
            j = p.joiner.match(text, pos)
            nxt = p.cont.match(text, j.end()) if j else None
            if nxt is None and not last.is_word:
                nxt = p.scale_glued.match(text, pos)  # 5k, 1.5लाख
            if nxt is None and p.compound and last.is_word:
                nxt = _compound_next(text, pos, p)  # two|thousand|five|hundred in one word
                j = None
            if nxt is None or (j is not None and j.end() == pos and not p.glued and nxt.group("s") is None):
                return
            m = nxt
        else:
            m = p.cont.match(text, start)
            if m is None:
                return
        atom = _atom(m, p)
        if atom is None:
            return
        yield atom
        last = atom
        pos = m.end()


def _compound_next(text: str, pos: int, p: Patterns):
    """The word atom that goes on inside the word at ``pos`` (past a glued joiner: one|and|
    twenty written as one word), or None; digits never join a word (a word glued to a digit)."""
    if pos >= len(text) or not text[pos].isalpha():
        return None
    cj = p.compound_joiner.match(text, pos) if p.compound_joiner is not None else None
    nxt = p.cont.match(text, cj.end() if cj else pos)
    if nxt is None or nxt.group("d") is not None:
        return None
    return nxt


def digit_then_scale(text: str, end: int, v: float, p: Patterns) -> tuple[float, float, int] | None:
    """The number :func:`first_number` reads at digits (value ``v``, ending at ``end``) that
    a joiner and another atom follow, as ``(value, scale, end)``.

    Only a scale extends digits (words._Builder: digit numerals never add, and a number
    word, modifier or article after a figure starts no part of it): "5 million" is
    ``(5e6, 1e6, end of "million")`` when nothing can follow the scale; "10-12", "5 two" or
    "2000 hundred" (a scale not above the figure) is the digits alone, ``(v, 1.0, end)``.
    None for anything else (a glued scale, an ordinal scale, a third atom …): the caller
    reads it with :func:`first_number`.
    """
    j = p.joiner.match(text, end)
    if j is None or j.end() == end:
        return None
    m = p.cont.match(text, j.end())
    if m is None:
        return None
    if m.group("d") is not None:
        return v, 1.0, end
    if p.cont_has_w and (form := m.group("w")) is not None:
        if m.group("wo") is not None:
            return None
    elif p.cont_has_a and m.group("a") is not None:
        return v, 1.0, end
    else:
        form = m.group("s")
    w = p.words.get(norm_key(form))
    if w is None or w.role != "scale" or v >= w.value:
        return v, 1.0, end
    e = m.end()
    j = p.joiner.match(text, e)
    if j is not None and p.cont.match(text, j.end()) is not None:
        return None  # a third atom may join the run
    return v * w.value, w.value, e  # the scale multiplies the digits


def lone_word(text: str, start: int, p: Patterns) -> Atom | None:
    """The atom of a run that is one number or ordinal word and nothing more ("two",
    "एक", "first"): what :func:`first_number` composes is that word's value alone.

    None for any other run (digits, a scale, a modifier, a next atom …): the caller reads
    it with :func:`first_number`.
    """
    m = p.cont.match(text, start)
    if m is None or not p.cont_has_w or m.group("w") is None:
        return None
    atom = _atom(m, p)
    if atom is None or atom.role not in ("number", "ordinal"):
        return None
    j = p.joiner.match(text, m.end())
    if j is not None and p.cont.match(text, j.end()) is not None:
        return None  # a second atom may join the run
    if p.compound and m.end() < len(text) and text[m.end()].isalpha():
        return None  # the word goes on: a compound number word, or a longer word that merely begins like one
    return atom


def digit_atom(s: str, p: Patterns) -> tuple[float | None, bool, bool]:
    """(value, grouped, decimal) of a digit string, cached per language."""
    hit = p.digit_cache.get(s)
    if hit is None:
        v = digits_value(s, p)
        hit = (v, False, False) if v is None else (v, is_grouped(s, p), is_decimal(s, p))
        if len(p.digit_cache) > 8192:  # bounded: texts full of IDs must not grow it forever
            p.digit_cache.clear()
        p.digit_cache[s] = hit
    return hit


def _atom(m, p: Patterns) -> Atom | None:
    # Named groups are read one by one (groupdict() builds a dict per match); a
    # `scale_glued` match ("5k") has only the "s" group.
    if m.re is p.cont:
        s = m.group("d")
        if s is not None:
            v, grouped, decimal = digit_atom(s, p)
            if v is None:
                return None
            return Atom(m.start("d"), m.end("d"), "number", v, False, grouped=grouped, decimal=decimal)
        if p.cont_has_w and (form := m.group("w")) is not None:
            w = p.words.get(norm_key(form))
            if w is None:
                return None
            return Atom(m.start(), m.end(), w.role, w.value, True, ordinal=m.group("wo") is not None,
                        after_digits_only=w.after_digits_only, standalone=w.standalone, alone=w.alone)
        if p.cont_has_a and m.group("a") is not None:
            return Atom(m.start("a"), m.end("a"), "article", 1.0, True)
    w = p.words.get(norm_key(m.group("s")))
    if w is None or w.role != "scale":
        return None
    return Atom(m.start("s"), m.end("s"), "scale", w.value, True,
                after_digits_only=w.after_digits_only, standalone=w.standalone)


def scale_first(text: str, start: int, p: Patterns) -> bool:
    """Whether the number run at ``start`` starts with a scale word ("тысячи военных")."""
    m = p.cont.match(text, start)
    atom = _atom(m, p) if m is not None else None
    return atom is not None and atom.role == "scale"


def first_number(
    text: str, start: int, p: Patterns, lone_scale: bool = False
) -> tuple[list[Atom], Composed] | None:
    """The atoms read and the number they compose at ``start``, or None.

    ``lone_scale``: a first scale atom stands alone (1 x scale), as after a qualifier.
    """
    atoms = _atoms(text, start, p)
    if lone_scale:  # the first atom is a scale standing alone: 1 x scale
        atoms = (replace(a, standalone=True) if i == 0 else a for i, a in enumerate(atoms))
    return compose_first(atoms, lone_scale)


def _is_symbol(connector: str) -> bool:
    return not any(c.isalnum() for c in connector)


def _second(text: str, pos: int, p: Patterns) -> tuple[list[Atom], Composed] | None:
    found = first_number(text, pos, p)
    if found is None or found[1].ordinal:
        return None
    return found


def _spread(scale: float, first_value: float, second: Composed) -> float:
    """"10 से 12 हजार": a plain first end (``scale`` 1) shares the second end's scale."""
    if scale == 1 and second.scale > 1 and first_value * second.scale <= second.value:
        return first_value * second.scale
    return first_value


def range_after(text: str, start: int, end: int, p: Patterns, value: float, scale: float, plain_int: bool):
    """"10,000-12,000", "10 से 12 हजार": (low, high, start, number end, end, years) or None."""
    conn = p.range_connector.match(text, end)
    if conn is None:
        return None
    if not _is_symbol(conn.group()) and p.range_not_after.search(text, max(0, start - WINDOW), start):
        return None  # "from 5,000 to 10,000" is a change; "from 2022-2024" is still a range
    found = _second(text, conn.end(), p)
    if found is None:
        return None
    atoms2, c2 = found
    e2 = atoms2[c2.last - 1].end
    single2 = c2.last - c2.first == 1 and not atoms2[0].is_word and not atoms2[0].grouped
    years = plain_int and single2 and all(p.year_min <= v <= p.year_max for v in (value, c2.value))
    close = p.range_close.match(text, e2)
    return _spread(scale, value, c2), c2.value, start, e2, close.end() if close else e2, years


def between(
    text: str, start: int, end: int, p: Patterns, value: float, scale: float, plain_int: bool, floor: int
):
    """"between 10,000 and 12,000": like :func:`_range_after`, starting at "between"."""
    op = p.range_open.search(text, max(floor, start - WINDOW), start)
    if op is None:
        return None
    j = p.range_open_joiner.match(text, end)
    if j is None:
        return None
    found = _second(text, j.end(), p)
    if found is None:
        return None
    atoms2, c2 = found
    e2 = atoms2[c2.last - 1].end
    years = plain_int and all(p.year_min <= v <= p.year_max for v in (value, c2.value))
    close = p.range_close.match(text, e2)
    return _spread(scale, value, c2), c2.value, op.start(), e2, close.end() if close else e2, years
