"""Find number expressions in text and type them: counts, ordinals, years, dates, units.

Compiled scanners (figures, words) find where a number starts; Python work happens only
at those places (qualifiers, ranges, units and the year/date/time decision are anchored
matches around the number). Offsets always point into the text given.

>>> [(m.kind, m.value.bound, m.value.point) for m in find_numbers("लगभग 15,000 सैनिक", "hi")]
[('count', 'approx', 15000.0)]
>>> parse_number("11,000 से अधिक", "hi")
AtLeast(kind='at_least', value=11000.0, strict=True)
"""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence
from typing import TYPE_CHECKING

from factcheck.errors import InputError
from factcheck.numbers.dates import iso_date, month_first, time_at, year_digits
from factcheck.numbers.mention import NumberMention, mention, shift_fresh
from factcheck.numbers.parse import exact, range_value, to_value
from factcheck.numbers.patterns import Patterns, norm_key, patterns_for
from factcheck.numbers.runs import (
    WINDOW,
    between,
    digit_atom,
    digit_then_scale,
    first_number,
    left_flags,
    lone_word,
    range_after,
    right_flags,
    scale_first,
)
from factcheck.settings import Settings
from factcheck.units import kind_of
from factcheck.values import Vague, Value

if TYPE_CHECKING:  # langdata imports numbers.schema, so numbers imports langdata lazily
    from factcheck.langdata import LanguageData

__all__ = ["NumberMention", "find_numbers", "parse_number"]

_DEFAULT_SETTINGS = Settings()  # frozen; built once, not per call (many small calls with spans)


def _lang(language: str | LanguageData) -> LanguageData:
    from factcheck.langdata import LanguageData, load_language

    return language if isinstance(language, LanguageData) else load_language(language)


def find_numbers(
    text: str,
    language: str | LanguageData,
    *,
    settings: Settings | None = None,
    spans: Sequence[tuple[int, int]] | None = None,
) -> list[NumberMention]:
    """Every number expression in ``text``, sorted by start, never overlapping.

    Args:
        text: any text; it is never rewritten.
        language: a language code ("hi") or its LanguageData.
        settings: run settings (``approx_tolerance`` for "about N").
        spans: sorted, non-overlapping ``(start, end)`` character ranges of ``text``
            (e.g. sentences); only these are read. Each span is read as if it were the
            whole text: its edges are text edges for qualifiers, ranges, units and the
            year decision, so no mention crosses or looks across a span edge. Exactly::

                find_numbers(text, lang, spans=S) == [
                    m shifted by s (start, end, number_start, number_end + s)
                    for s, e in S for m in find_numbers(text[s:e], lang)
                ]

            Empty spans are allowed. Offsets stay offsets into ``text``.

    Returns:
        NumberMentions; malformed figures ("1,,000", mixed scripts, 10^400) yield none.

    Raises:
        InputError: ``spans`` are unsorted, overlap or lie outside ``text``.

    >>> [m.value.point for m in find_numbers("between 10,000 and 12,000 troops", "en")]
    [11000.0]
    >>> text = "About 500 died. 2,000 fled."
    >>> [(m.start, m.value.point) for m in find_numbers(text, "en", spans=[(16, 27)])]
    [(16, 2000.0)]
    """
    data = _lang(language)
    p = patterns_for(data.numbers)
    tol = (settings or _DEFAULT_SETTINGS).approx_tolerance
    if spans is None:
        return _scan(text, p, tol) if text else []
    out: list[NumberMention] = []
    last = 0
    n = len(text)
    for s, e in spans:
        if not last <= s <= e <= n:
            raise InputError(
                f"find_numbers: span ({s}, {e}) is out of order, overlaps the previous one or lies "
                f"outside the text (length {n}); pass sorted, non-overlapping ranges of the text"
            )
        last = e
        if s < e:
            out.extend(_scan(text[s:e], p, tol, s))
    return out


def _scan(text: str, p: Patterns, tol: float, base: int = 0) -> list[NumberMention]:
    """The mentions of the whole of ``text``, offsets shifted by ``base``.

    Two scanners (figures, words) each keep their next match; the earlier one is read
    (figures first on a tie), and a scanner searches again only when the reading has moved
    past its match: one pass over the text each.
    """
    out: list[NumberMention] = []
    digits, words = p.digit_scanner, p.word_scanner
    md = digits.search(text)
    mw = words.search(text)
    none = len(text) + 1  # the start of a scanner with no match left
    ds = md.start() if md is not None else none
    ws = mw.start() if mw is not None else none
    floor = 0
    while ds < none or ws < none:
        if ds <= ws:
            found, resume = _at_figure(text, md, p, tol, floor)
            pos = max(resume, ds + 1)
        else:
            found, resume = _at_word(text, mw, p, tol, floor)
            pos = max(resume, ws + 1)
        if found is not None:
            out.append(found)
            floor = found.end
        if ds < pos:
            md = digits.search(text, pos)
            ds = md.start() if md is not None else none
        if ws < pos:
            mw = words.search(text, pos)
            ws = mw.start() if mw is not None else none
    if base:
        shift_fresh(out, base)
    return out


def parse_number(
    text: str, language: str | LanguageData, *, settings: Settings | None = None
) -> Value | None:
    """The value of a string that is exactly one number expression, else None.

    >>> parse_number("डेढ़ लाख", "hi")
    Exact(kind='exact', value=150000.0)
    >>> parse_number("15,000 troops", "en") is None
    True
    """
    stripped = text.strip()
    if not stripped:
        return None
    found = find_numbers(stripped, language, settings=settings)
    if len(found) == 1 and found[0].start == 0 and found[0].end == len(stripped):
        return found[0].value
    return None


# --- one match -------------------------------------------------------------------------


def _at_figure(text: str, m, p: Patterns, tol: float, floor: int) -> tuple[NumberMention | None, int]:
    """The mention starting at ``digit_scanner`` match ``m`` and where to resume scanning."""
    if p.prop_digits is not None:
        pm = p.prop_digits.match(text, m.start())
        if pm is not None:  # "3분의 1": a share written with digits, not two numbers
            word = pm.group()
            return _proportion(text, m.start(), pm.end(), word, p.proportions[norm_key(word)], p, floor), pm.end()
    figure = m.group("d")
    if figure is None:
        if m.group("time") is not None:
            return time_at(text, m, p), m.end()
        return iso_date(m, p), m.end()
    start, ne = m.span()
    v, grouped, decimal = digit_atom(figure, p)
    if v is None:
        return None, start + 1  # as first_number: a figure we cannot read is none
    right = right_flags(text, ne, p)
    if right[0]:  # the run may go on ("5 million", "15,000-20,000")
        found = digit_then_scale(text, ne, v, p)
        if found is not None:
            value, scale, end = found
            if end != ne:
                return _decide(text, start, start, end, value, False, False, False, scale, p, tol, floor,
                               right_flags(text, end, p))
        elif p.digit_more.match(text, ne):
            return _number(text, start, p, tol, floor)
    # One digit atom is the whole run (what first_number would read, without the atoms)
    return _decide(text, start, start, ne, v, False, True, not grouped and not decimal, 1.0, p, tol, floor, right)


def _at_word(text: str, m, p: Patterns, tol: float, floor: int) -> tuple[NumberMention | None, int]:
    """The mention starting at ``word_scanner`` match ``m`` and where to resume scanning."""
    word = None
    for name in p.scan_words:
        word = m.group(name)
        if word:
            break
    if word is None:
        return None, m.end()
    key = norm_key(word)
    if m.group("wo") is None:
        if key in p.proportions:
            return _proportion(text, m.start(), m.end(), word, p.proportions[key], p, floor), m.end()
        if key in p.vague:
            if scale_first(text, m.start(), p) and _qualifier_before(text, m.start(), p, floor):
                # "более тысячи" (more than a thousand): after a qualifier a plural scale
                # that is also a vague word ("тысячи" = thousands) counts one of the scale
                found = _number(text, m.start(), p, tol, floor, lone_scale=True)
                if found[0] is not None:
                    return found
            lo, hi = p.vague[key]
            return mention(m.start(), m.end(), m.start(), m.end(), Vague(low=lo, high=hi, word=word)), m.end()
        if key in p.vague_quant:
            sc = p.vq_scale.match(text, m.end())
            if sc is not None:
                return _vague_quantified(text, m.start(), sc, p.vague_quant[key], p), sc.end()
        if key in p.months:
            return month_first(text, m, p.months[key], p)
    if key in p.words:
        # "more than thousand": after a qualifier a scale word alone counts one of it
        lone = p.words[key].role == "scale" and (
            _qualifier_before(text, m.start(), p, floor) is not None
            or _lone_before(text, m.start(), p))
        atom = lone_word(text, m.start(), p)
        if atom is not None:  # one word alone: its value, as the composer gives it
            return _decide(text, m.start(), atom.start, atom.end, atom.value + 0.0,
                           atom.ordinal or atom.role == "ordinal", False, False, 1.0, p, tol, floor,
                           right_flags(text, atom.end, p))
        return _number(text, m.start(), p, tol, floor, lone_scale=lone)
    return None, m.end()


def _lone_before(text: str, start: int, p: Patterns) -> bool:
    """A number begun by a bare scale word ends right before a ``lone_scale_before`` word:
    "천여 명", "만 천여 명" (not "천안", "만나다")."""
    if p.lone_scale_next is None:
        return False
    found = first_number(text, start, p, lone_scale=True)
    if found is None:
        return False
    atoms, c = found
    return p.lone_scale_next.match(text, atoms[c.last - 1].end) is not None


def _proportion(text: str, start: int, end: int, word: str, fraction: float, p: Patterns,
                floor: int) -> NumberMention:
    """"about a third", "more than half", "आधे से ज़्यादा": a share, its qualifier the bound."""
    meaning = qual_text = None
    qa = _qualifier_after(text, end, p)
    if qa is not None:
        meaning, qual_text, end = p.qualifiers_after[norm_key(qa.group("q"))], qa.group("q"), qa.end()
    qb = _qualifier_before(text, start, p, floor)
    if qb is not None and qa is None:
        meaning, qual_text, start = p.qualifiers[norm_key(qb.group("q"))], qb.group("q"), qb.start()
    value = Vague(low=0, word=word, fraction=fraction, qualifier=meaning)
    return mention(start, end, start, end, value, qualifier=qual_text)


def _vague_quantified(text: str, start: int, sc, bounds, p: Patterns) -> NumberMention | None:
    """"several hundred", "कई हजार": the quantifier's factors times the scale."""
    scale = p.words.get(norm_key(sc.group("s")))
    if scale is None:
        return None
    lo, hi = bounds
    s = scale.value
    return mention(
        start, sc.end(), start, sc.end(),
        Vague(low=lo * s, high=None if hi is None else hi * s, word=text[start : sc.end()]),
    )


# --- numbers ---------------------------------------------------------------------------


def _qualifier_before(text: str, start: int, p: Patterns, floor: int):
    """The qualifier right before ``start``, unless one of its ``not_after`` words precedes it."""
    q = p.qual_before.search(text, max(floor, start - WINDOW), start)
    if q is not None:
        cancel = p.qual_not_after.get(norm_key(q.group("q")))
        if cancel is not None and cancel.search(text, max(0, q.start() - WINDOW), q.start()):
            return None  # "выросло до 14 тысяч": a preposition ("to"), not "at most"
    return q


def _qualifier_after(text: str, end: int, p: Patterns):
    """The qualifier right after ``end``, unless one of its ``not_before`` words follows it."""
    q = p.qual_after.match(text, end)
    if q is not None:
        cancel = p.qual_not_before.get(norm_key(q.group("q")))
        if cancel is not None and cancel.match(text, q.end()):
            return None  # "4,000 तक पहुंच गई": a preposition ("to"), not "at most"
    return q


def _number(
    text: str, start: int, p: Patterns, tol: float, floor: int, lone_scale: bool = False
) -> tuple[NumberMention | None, int]:
    found = first_number(text, start, p, lone_scale)
    if found is None:
        return None, start + 1
    atoms, c = found
    ns, ne = atoms[c.first].start, atoms[c.last - 1].end
    if p.compound and atoms[c.last - 1].is_word and ne < len(text) and text[ne].isalpha():
        return None, start + 1  # compound_words: a longer word that begins like a number
    single = atoms[c.first] if c.last - c.first == 1 else None
    single_digits = single is not None and not single.is_word
    plain_int = single_digits and not single.grouped and not single.decimal
    right = right_flags(text, ne, p)
    return _decide(text, start, ns, ne, c.value, c.ordinal, single_digits, plain_int, c.scale, p, tol, floor, right)


def _decide(
    text: str, start: int, ns: int, ne: int, value: float, ordinal: bool, single_digits: bool,
    plain_int: bool, scale: float, p: Patterns, tol: float, floor: int, right: tuple[bool, ...],
) -> tuple[NumberMention | None, int]:
    """Type the number ``text[ns:ne]`` (read from ``start``) by what stands around it.

    ``right`` is :func:`right_flags` at ``ne``: a pattern of RIGHT flagged False cannot
    match at ``ne`` and is not tried there; :func:`left_flags` at ``start`` does the same
    for the reverse searches ending at ``start``.
    """
    _, r_ord, r_month, r_time, r_qa, r_conn, r_openj, r_unit, r_year = right
    kind = "ordinal" if ordinal else "count"
    end = ne
    if r_ord and single_digits and not ordinal:
        o = p.ordinal_suffix.match(text, end)
        if o:
            kind, end = "ordinal", o.end()
    if plain_int and 1 <= value <= 31 and (r_month or end != ne):
        mo = p.month_after.match(text, end)
        if mo and (month := p.months.get(norm_key(mo.group("m")))):
            year = year_digits(mo.group("y"), p)
            normalized = f"{year or '-'}-{month:02d}-{int(value):02d}"
            return mention(start, mo.end(), ns, ne, exact(value), "date",
                            normalized=normalized), mo.end()
    if kind == "ordinal":
        if not _clean_end(text, end, p):
            return None, end
        return mention(start, end, ns, ne, exact(value), "ordinal"), end
    if r_time and plain_int and value <= 24:
        t = p.time_suffix.match(text, end)
        if t:
            return mention(start, t.end(), ns, ne, exact(value), "time",
                            normalized=f"{int(value):02d}:00"), t.end()

    qa = _qualifier_after(text, end, p) if r_qa else None
    rng = None
    if qa is None:
        if r_conn:
            rng = range_after(text, start, end, p, value, scale, plain_int)
        if rng is None and r_openj:
            rng = between(text, start, end, p, value, scale, plain_int, floor)
    if rng is not None:
        low, high, r_start, r_ne, r_end, years = rng
        v = range_value(low, high)
        if v is not None and plain_int and high <= 31 and low >= 1:
            mo = p.month_after.match(text, r_end)  # "13-14 अगस्त" is two days, not a count
            if mo and (month := p.months.get(norm_key(mo.group("m")))):
                y = year_digits(mo.group("y"), p) or "-"
                norm = f"{y}-{month:02d}-{int(low):02d}/{y}-{month:02d}-{int(high):02d}"
                return mention(r_start, mo.end(), ns, r_ne, v, "date", normalized=norm), mo.end()
        if v is not None:
            unit_kind = unit = None
            if not (years and p.year_after.match(text, r_end)):  # "2022-2024 года": years
                unit_kind, unit, r_end = _unit_after(text, r_end, p)
            if not _clean_end(text, r_end, p):
                return None, r_end
            q = _qualifier_before(text, r_start, p, floor)
            return mention(q.start() if q else r_start, r_end, ns, r_ne, v,
                            unit_kind or ("year" if years else "count"), unit,
                            q.group("q") if q else None), r_end

    num_end = end
    qa_num = qa  # qual_after at num_end, already read above
    unit_kind, unit, end = _unit_after(text, end, p) if r_unit else (None, None, end)
    l_qb, l_ub, l_yb, _, _ = left_flags(text, start, p)
    if unit is None and l_ub:
        ub = p.unit_before.search(text, max(floor, start - 12), start)
        if ub:
            info = _unit_info(ub.group("u"), p)
            if info is not None:
                unit_kind, unit, start = info[0], info[1], ub.start()
                l_qb = l_yb = True  # the gate read before the old start: search for real now
    if end != num_end:  # a unit moved the end: read a qualifier after the unit
        qa = _qualifier_after(text, end, p)
    qb = _qualifier_before(text, start, p, floor) if l_qb else None
    # A unit word that is also a year word ("2025 года") leaves a year in range a year;
    # any other number before it is a duration ("два года", "2 года").
    year_unit = unit is not None and r_year and p.year_after.match(text, num_end) is not None
    if plain_int and (unit is None or year_unit) and p.year_min <= value <= p.year_max:
        if _is_year(text, start, num_end, p, floor, qb, qa_num, r_year, l_qb, l_yb):
            if not _clean_end(text, num_end, p):
                return None, num_end
            return mention(start, num_end, ns, ne, exact(value), "year"), num_end
    meaning = None
    qual_text = None
    if qa is not None:
        meaning, qual_text, end = p.qualifiers_after[norm_key(qa.group("q"))], qa.group("q"), qa.end()
    if qb is not None:
        if qa is not None and norm_key(qa.group("q")) in p.qual_overrides:
            start = qb.start()  # "약 3천 명 이상": the bound after wins; the phrase keeps both
        else:
            meaning, qual_text, start = p.qualifiers[norm_key(qb.group("q"))], qb.group("q"), qb.start()
    if not _clean_end(text, end, p):
        return None, end
    return mention(start, end, ns, ne, to_value(value, meaning, tol), unit_kind or kind, unit,
                    qual_text), end


def _is_year(
    text: str, start: int, end: int, p: Patterns, floor: int, qb, qa,
    year_after: bool = True, qual_before: bool = True, year_before: bool = True,
) -> bool:
    """Whether the plain integer ``text[start:end]`` (in the year range) is a year.

    A year word after it wins over a qualifier before it ("до 2025 года" is a date, not
    "at most 2025"); a year word before it counts only when no qualifier stands there
    (a Russian "до" is both); a bare number is a year when ``year.bare`` says so and
    no ``year.not_before`` word follows ("2000 troops"). ``qa`` is the qualifier match
    right after ``end`` (or None), read once by the caller. ``year_after``,
    ``qual_before``, ``year_before``: False when the caller's gate says that pattern
    cannot match there, so it is not tried.
    """
    if qa is not None and norm_key(qa.group("q")) not in p.year_after_keys:
        return False  # "2000 से अधिक": a qualifier after it makes it a count
    if qa is not None or (year_after and p.year_after.match(text, end)):
        return True
    if qb is not None or (qual_before and p.qual_before.search(text, max(floor, start - WINDOW), start)):
        return False  # also a cancelled qualifier: "выросло до 2000 человек" is no year
    if year_before and p.year_before.search(text, max(floor, start - WINDOW), start):
        return True
    return p.bare_year == "year" and p.year_not_before.match(text, end) is None


def _clean_end(text: str, end: int, p: Patterns) -> bool:
    """A figure glued to letters ("5G", "15,000abc") is a code, not a number.

    A glued language glues its particles and counters ("1만명이"), which are written in a
    script without letter case; a cased letter (Latin, Cyrillic, Greek) glued to the
    figure still makes a code ("5G망"), as in every other language.
    """
    if end >= len(text):
        return True
    c = text[end]
    if c == " ":  # the usual case: neither a letter nor a mark
        return True
    if p.glued:
        return not (c.isalpha() and c.lower() != c.upper())
    return not (c.isalnum() or unicodedata.category(c).startswith("M"))


def _unit_info(form: str, p: Patterns) -> tuple[str, str] | None:
    """(kind, pint unit) of a unit form as written, or None (remembered per language)."""
    if form in p.unit_seen:
        return p.unit_seen[form]
    info = p.units_cs.get(unicodedata.normalize("NFD", form)) or p.units_ci.get(norm_key(form))
    found = None if info is None else (info.kind or kind_of(info.unit) or "quantity", info.unit)
    if len(p.unit_seen) >= 4096:  # bounded: forms are few, but any text may come
        p.unit_seen.clear()
    p.unit_seen[form] = found
    return found


def _unit_after(text: str, end: int, p: Patterns) -> tuple[str | None, str | None, int]:
    u = p.unit_after.match(text, end)
    if u:
        info = _unit_info(u.group("u"), p)
        if info is not None:
            return info[0], info[1], u.end()
    return None, None, end
