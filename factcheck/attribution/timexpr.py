"""Time expressions: find them with one data-built regex, resolve them against a date.

A *core* is a date phrase ("13 अगस्त", "October last year", "पिछले साल", "2024",
"मंगलवार"); a *relation* comes from the words around it ("since", "… से", "के अंत में").
dateparser turns month and weekday names into numbers and parses full dates; it only
ever sees the short core phrase, always with an explicit ``RELATIVE_BASE``, and results
are cached. A year is never invented: a core without a year and without a reference date
stays unresolved.

>>> from factcheck.langdata import load_language
>>> m = time_matcher(load_language("hi"))
>>> [(e.relation, e.core) for e in m.find("पिछले साल अक्टूबर से")]
[('since', 'पिछले साल अक्टूबर')]
"""

from __future__ import annotations

import bisect
import calendar
import datetime as dt
import functools
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING

import dateparser
import regex

from factcheck._cache import cached_by_identity
from factcheck.attribution._text import PhraseIndex, alternation, ascii_digits, fold

if TYPE_CHECKING:
    from factcheck.langdata import LanguageData

FLAGS = regex.IGNORECASE  # VERSION0: full case folding (V1) is slow and not needed here
_WORD = regex.compile(r"\w")
_WORDS = regex.compile(r"\w+")
_DIGIT = regex.compile(r"\d")
_LAST_CHAR = regex.compile(r"(?r)\S")
# a digit run a core may start with: every part written in digits begins with a run of
# 1-2 (day, month) or 4 (year) digits, not right after a digit or after "13," / "2." (see
# _DIGIT_START); the other runs ("690", "25000") are not tried at all
_DIGIT_RUN = regex.compile(r"(?<!\d)(?<!\d[.,])(?:\d{4}|\d{1,2})(?!\d)")
# where a core written in digits may start: each numeric part above says (?<!\d|\d[.,])
# or stricter (a day, a year, an ISO or numeric date never continues "13,000" or "2.5")
_DIGIT_START = r"(?=\d)(?<!\d)(?<!\d[.,])"
#: How far before a core a marker word may start ("since", "as of the end of").
BEFORE_REACH = 40
# Punctuation that may end a scan's look-back when the language's phrases do not use it.
_SAFE_CANDIDATES = frozenset('"“”„«»()[]{}?!:;।॥—…|')
RELATIONS = ("since", "until", "end_of", "start_of", "event_in", "during", "point")
#: A neutral base so dateparser never falls back to today when it maps names to numbers.
_NEUTRAL_BASE = dt.datetime(2001, 1, 15)
_UNREAD = object()


@dataclass(frozen=True)
class TimeExpr:
    """One time expression: ``text[start:end]`` with its ``relation`` and core parts."""

    start: int
    end: int
    text: str
    core: str
    relation: str
    year: int | None = None
    month: int | None = None
    day: int | None = None
    weekday: int | None = None
    rel: str | None = None  # "last" | "this"
    unit: str | None = None  # "year" | "month" | "week"

    @property
    def is_full_date(self) -> bool:
        return None not in (self.year, self.month, self.day)


@dataclass(frozen=True)
class Period:
    """A resolved core: first and last day and how precisely it is known."""

    low: dt.date
    high: dt.date
    precision: str  # "day" | "month" | "year"


class TimeMatcher:
    """One language's time vocabulary compiled into a single regex."""

    def __init__(self, lang: LanguageData) -> None:
        t = lang.attribution.time
        # particles glued to words ("10월부터", "2024년 말"): names may end inside a word
        # and markers after a date may start inside one
        glued = lang.attribution.suffixes_attach
        self.languages = list(t.dateparser_languages) or [lang.code]
        self._synonyms = {fold(k): fold(v) for k, v in t.synonyms.items()}
        self._unit_of = PhraseIndex({w: u for u, ws in t.units.items() for w in ws})
        self._last = PhraseIndex({w: True for w in t.last})
        self._relword = PhraseIndex({w: tuple(v) for w, v in t.relative_words.items()})
        self._before, self._after = PhraseIndex(), PhraseIndex()
        for rel in RELATIONS:
            markers = getattr(t, rel)
            for w in markers.before:
                self._before.add(w, rel)
            for w in markers.after:
                self._after.add(w, rel)
        months = alternation(t.months, case_sensitive=True, right_boundary=not glued)
        weekdays = alternation(t.weekdays, case_sensitive=True, right_boundary=not glued)
        units = alternation([w for ws in t.units.values() for w in ws])
        rels = "|".join(a for a in (alternation(t.last), alternation(t.this)) if a)
        relwords = alternation(list(t.relative_words), right_boundary=not glued)
        # digits glued to other digits by "," or "." are a number (13,000), not a date
        year = r"(?<!\d|\d[.,])(?P<year>\d{4})(?!\d|[.,]\d)"
        marks = alternation(t.year_markers, left_boundary=False, right_boundary=not glued)
        if marks:
            year += f"(?:\\s*(?:{marks}))?"
        day = r"(?<!\d|\d[.,])(?P<day>\d{1,2})(?:st|nd|rd|th)?(?!\d|[.,]\d)"
        day_marks = alternation(t.day_markers, left_boundary=False, right_boundary=not glued)
        if day_marks:  # "13일부터": the marker after the day belongs to the date
            day += f"(?:\\s*(?:{day_marks}))?"
        rel_unit = []
        if rels and units:
            rel_unit.append(f"(?P<rel>{rels})\\s+(?P<unit>{units})")
        if relwords:
            rel_unit.append(f"(?P<relword>{relwords})")
        parts: list[str] = []
        # which parts may start with a digit (a day, a year) and which with a name; a weekday
        # may lead a day (both)
        digit_led: set[str] = set()
        name_led: set[str] = set()
        if months:
            for rel in rel_unit:
                parts.append(f"{rel}\\s+(?P<month>{months})")
                parts.append(f"(?P<month>{months})\\s+{rel}")
        if months:
            wd = f"(?:(?:{weekdays}),?\\s+)?" if weekdays else ""
            if "ymd" in t.date_orders:  # "2025년 9월 4일"
                parts.append(f"{year}[,.]?\\s*(?P<month>{months})\\.?(?:\\s*{day})?")
                digit_led.add(parts[-1])
            parts.append(f"{wd}{day}\\s+(?P<month>{months})\\.?(?:,?\\s+{year})?")
            digit_led.add(parts[-1])
            if wd:
                name_led.add(parts[-1])
            parts.append(f"{wd}(?P<month>{months})\\.?\\s+{day}(?:,?\\s+{year})?")
            parts.append(f"(?P<month>{months})\\.?(?:,?\\s+{year})?")
        parts.extend(rel_unit)
        if t.day_alone and day_marks:  # "23일": the day of the month alone, its marker required
            parts.append(f"(?<!\\d|\\d[.,])(?P<day>\\d{{1,2}})\\s*(?:{day_marks})")
            digit_led.add(parts[-1])
        if weekdays:
            parts.append(f"(?P<weekday>{weekdays})")
        # ISO 8601 (2025-09-04) reads the same in every language
        parts.append(r"(?<![\d.,-])(?P<year>\d{4})-(?P<isomonth>[01]\d)-(?P<day>[0-3]\d)(?![\d-])")
        digit_led.add(parts[-1])
        # all-numeric dates with "." or "/" in the orders the language writes them
        num_y, num_m, num_d = r"(?P<year>\d{4})", r"(?P<isomonth>\d{1,2})", r"(?P<day>\d{1,2})"
        for order in t.date_orders:
            fields = {"y": num_y, "m": num_m, "d": num_d}
            a, b, c = (fields[ch] for ch in order)
            sep = f"(?P<sep_{order}>[./])"
            parts.append(f"(?<![\\d.,/-]){a}{sep}\\s?{b}(?P=sep_{order})\\s?{c}(?!\\d|[./]\\d)")
            digit_led.add(parts[-1])
        parts.append(year)
        digit_led.add(parts[-1])
        core = "|".join(f"(?:{p})" for p in parts)
        before = alternation(self._before.phrases())
        after = alternation(self._after.phrases(), left_boundary=not glued)
        self._so_far = alternation(list(t.so_far) + list(t.recent))
        self._recent = PhraseIndex({w: True for w in t.recent})
        # cores are rare: find them first, then look for marker words on either side
        # a cheap first-character test spares the engine the alternatives at most positions
        firsts = {w[:1] for w in (*t.months, *t.weekdays, *t.last, *t.this, *t.relative_words) if w}
        firsts |= {c.swapcase() for c in firsts}
        first = "[" + regex.escape("".join(sorted(firsts))) + r"\d]" if firsts else r"\d"
        lead = f"(?={first})"
        self._start_re: regex.Pattern[str] | None = None  # see below
        self._names_re: regex.Pattern[str] | None = None
        named = (*t.months, *t.weekdays, *t.last, *t.this, *t.relative_words)
        if all(w[:1].isalnum() and _WORD.match(fold(w)[:1]) for w in named if w.strip()):
            # every core starts with a digit or with a name bounded by (?<!\w): a name can
            # only start at a word boundary, and "\b" lets the engine skip to the next one;
            # no core starts right after a digit (the numeric parts say (?<!\d…), a name
            # (?<!\w)), so the inner digits of "13,000" are not tried at all
            lead = f"(?:(?=\\d)(?<!\\d)|\\b(?={first}))"
            # where a core may start: a digit run, or a word a name may start with; a scan
            # tries the core pattern only there (the same matches, about half the work)
            # (a name's first word ends where the word does, unless it may run on: "word*",
            # particles glued to it, or no right boundary)
            bounded, open_ = set(), set()
            for n in named:
                folded = fold(n.rstrip("*"))
                w = _WORDS.match(folded)
                if not n.strip() or w is None:
                    continue
                runs_on = glued or n.endswith("*") or (
                    w.group() == folded and not (folded[-1].isalnum() or unicodedata.category(folded[-1])[0] == "M"))
                (open_ if runs_on else bounded).add(w.group())
            names = "|".join(alt for alt in (alternation(sorted(bounded)), alternation(sorted(open_), right_boundary=False))
                             if alt)
            self._start_re = regex.compile(f"{_DIGIT_START}|(?=(?:{names}))" if names else _DIGIT_START, FLAGS)
            # the same places found by two plain scans (a lookahead tried at every character
            # costs several times more): digit runs, and the name words themselves. A name's
            # first word starts a word ((?<!\w)) and is one word, so a scan that consumes it
            # skips no other name start; the digit runs come from a scan of their own
            self._names_re = regex.compile(names, FLAGS) if names else None
            if any(_DIGIT.match(w) for w in (*bounded, *open_)):
                self._names_re = None  # a name may start at a digit: keep the one scan
        self._re = regex.compile(f"{lead}(?P<core>{core})", FLAGS)
        # the same pattern cut in two, each part in its order: at a digit only the parts that
        # start with a digit can match, at a name only the others (a name never starts with a
        # digit where these are used, see _names_re), so each finds what the whole one finds
        self._digit_core_re = self._name_core_re = self._re
        if self._names_re is not None:
            digit_core = "|".join(f"(?:{p})" for p in parts if p in digit_led)
            name_core = "|".join(f"(?:{p})" for p in parts if p not in digit_led or p in name_led)
            self._digit_core_re = regex.compile(f"{lead}(?P<core>{digit_core})", FLAGS)
            self._name_core_re = regex.compile(f"{lead}(?P<core>{name_core})", FLAGS)
        self._before_re = regex.compile(f"(?P<before>{before})\\s+$", FLAGS) if before else None
        # the characters a marker before a core may hold (every spelling the pattern accepts
        # folds to these): a span whose last character is none of them cannot lend its end
        # to a marker of a core starting after it (see TimeScan.between)
        self._before_chars = frozenset(ch for w in self._before.phrases() for v in (w, fold(w), w.casefold())
                                       for ch in v.rstrip("*"))
        self._before_open = any(w.endswith("*") for w in self._before.phrases())
        self._barrier_memo: dict[str, bool] = {}
        self._meanings: dict[tuple[object, ...], tuple | None] = {}
        self._after_re = regex.compile(f"\\s*(?P<after>{after})", FLAGS) if after else None
        self._so_far_re = regex.compile(self._so_far, FLAGS) if self._so_far else None
        # a "so far" phrase ends with its last word, written out in the pattern: ASCII text
        # that holds none of these words (in any case) holds no such phrase. Used only where
        # every last word is ASCII (then an ASCII text matches it only in ASCII letters)
        lasts = [_WORDS.findall(fold(w.rstrip("*"))) for w in (*t.so_far, *t.recent) if w.strip()]
        self._so_far_lasts: tuple[str, ...] | None = None
        if lasts and all(ws and ws[-1].isascii() for ws in lasts):
            self._so_far_lasts = tuple(sorted({ws[-1] for ws in lasts}))
        # characters no core or "so far" phrase can contain: a scan that starts right after
        # one finds exactly what a scan of the whole text finds from there on
        used: set[str] = set()
        for w in (*t.months, *t.weekdays, *(w for ws in t.units.values() for w in ws), *t.last, *t.this,
                  *t.relative_words, *t.year_markers, *t.day_markers, *t.so_far, *t.recent,
                  *self._before.phrases(), *self._after.phrases(), *t.synonyms):
            used |= set(w) | set(fold(w)) | set(w.casefold()) | set(w.upper())
        safe = "".join(sorted(_SAFE_CANDIDATES - used))
        self._safe_re = regex.compile(f"[{regex.escape(safe)}]") if safe else None
        # *Barriers*: a word none of the core or "so far" phrases contains (and no digit), or
        # a safe character. Where every phrase is a run of whole words (particles do not glue
        # to them), no match can hold a character of a barrier, so a scan may start right
        # after one and stop right after one and still find what a whole-text scan finds
        # (see TimeScan). Words are compared folded: a superset of what the regex accepts.
        vocab: set[str] = set()
        prefixes: set[str] = set()
        for w in (*t.months, *t.weekdays, *(w for ws in t.units.values() for w in ws), *t.last, *t.this,
                  *t.relative_words, *t.year_markers, *t.day_markers, *t.so_far, *t.recent):
            words = _WORDS.findall(fold(w.rstrip("*")))
            vocab.update(words)
            if w.endswith("*") and words:
                prefixes.add(words[-1])
        self._vocab = frozenset(vocab)
        self._prefixes = tuple(sorted(prefixes))
        self._barriers = not glued
        token = f"(?<!\\w)\\w+(?!\\w)|[{regex.escape(safe)}]" if safe else r"(?<!\w)\w+(?!\w)"
        self._token_re = regex.compile(token)
        self._token_rev = regex.compile(f"(?r){token}")

    def find(self, text: str, pos: int = 0, endpos: int | None = None) -> list[TimeExpr]:
        """Every time expression in ``text[pos:endpos]``, in order.

        Bare four-digit numbers ("2024") count only with a relation word around them.
        """
        out: list[TimeExpr] = []
        end = len(text) if endpos is None else endpos
        for m in self.cores(text, pos, end):
            expr = self._core_expr(text, m, pos, end)
            if expr is not None:
                out.append(expr)
        if self._so_far_re is not None:
            for m in self._so_far_re.finditer(text, pos, end):
                rel = "recent" if m.group() in self._recent else "so_far"
                out.append(TimeExpr(m.start(), m.end(), m.group(), m.group(), rel))
        return sorted(out, key=lambda e: e.start)

    def cores(self, text: str, pos: int, end: int) -> Iterator[regex.Match[str]]:
        """The matches of the core pattern in ``text[pos:end]``, as ``finditer`` finds them."""
        if self._start_re is None:
            yield from self._re.finditer(text, pos, end)
            return
        after = pos
        by_digit, by_name = self._digit_core_re, self._name_core_re
        for at in self._starts(text, pos, end):
            if at >= after:
                m = (by_digit if text[at].isdecimal() else by_name).match(text, at, end)
                if m is not None:
                    yield m
                    after = m.end()

    def _starts(self, text: str, pos: int, end: int) -> list[int]:
        """Where a core may start in ``text[pos:end]``, in order: where ``_start_re`` matches,
        less digit runs of a length no core starts with."""
        assert self._start_re is not None
        if self._names_re is None:
            return [c.start() for c in self._start_re.finditer(text, pos, end)]
        starts = [d.start() for d in _DIGIT_RUN.finditer(text, pos, end)]
        names = [n.start() for n in self._names_re.finditer(text, pos, end)]
        if names:
            starts = sorted(starts + names) if starts else names
        return starts

    def scan(self, text: str, whole: list[TimeExpr] | None = None) -> TimeScan:
        """A lazy reader of ``text``'s expressions: :meth:`TimeScan.between` finds those
        starting in a span exactly as :meth:`find` over the whole text would, reading only
        the span and a few words around it (``whole``: the result of ``find(text)``, if
        already known)."""
        return TimeScan(self, text, whole)

    def _core_expr(self, text: str, m: regex.Match[str], pos: int, end: int) -> TimeExpr | None:
        s = m.start()
        # a marker before a core ends in white space right before it (isspace() holds for
        # every character \s matches): no search where the core follows anything else
        b = (self._before_re.search(text, max(pos, s - BEFORE_REACH), s)
             if self._before_re is not None and s > pos and text[s - 1].isspace() else None)
        a = self._after_re.match(text, m.end(), end) if self._after_re else None
        return self._expr(m, b, a)

    def _may_hold_so_far(self, text: str, pos: int, end: int) -> bool:
        """False when ``text[pos:end]`` surely holds no "so far" phrase (a cheap test first)."""
        if self._so_far_lasts is None:
            return True
        seg = text[pos:end]
        if not seg.isascii():
            return True
        seg = seg.lower()
        return any(w in seg for w in self._so_far_lasts)

    def _may_carry(self, text: str, lo: int, hi: int) -> bool:
        """Whether a marker word before a core may start in ``text[lo:hi]`` and run up to or
        past ``hi`` (then a core starting after ``hi`` may have its expression start in the span):
        only if the span's last character that is not white space may belong to a marker."""
        if self._before_re is None:
            return False
        last = _LAST_CHAR.search(text, lo, hi)
        if last is None:
            return True
        c = last.group()
        if self._before_open and _WORD.match(c):
            return True
        return c in self._before_chars or all(ch in self._before_chars for ch in fold(c))

    def month_number(self, name: str) -> int | None:
        """1–12 for a month name of this language (via dateparser), else None."""
        key = fold(name)
        return _month_number(self._synonyms.get(key, key), tuple(self.languages))

    def weekday_number(self, name: str) -> int | None:
        """0 (Monday) – 6 for a weekday name of this language (via dateparser), else None."""
        key = fold(name)
        return _weekday_number(self._synonyms.get(key, key), tuple(self.languages))

    def _expr(self, m: regex.Match[str], b: regex.Match[str] | None, a: regex.Match[str] | None
              ) -> TimeExpr | None:
        before = b.group("before") if b else None
        after = a.group("after") if a else None
        # what a core means depends only on its groups and marker words: an article repeats
        # the same few ("2024", "last year", "since March"), each read once per language
        key = (m.re, m.groups(), before, after)
        got = self._meanings.get(key, _UNREAD)
        if got is _UNREAD:
            if len(self._meanings) > 50_000:
                self._meanings.clear()
            got = self._meanings[key] = self._meaning(m.groupdict(), before, after)
        if got is None:
            return None
        start = b.start() if b else m.start()
        end = a.end() if a else m.end()
        return TimeExpr(start, end, m.string[start:end], *got)

    def _meaning(self, g: dict[str, str | None], before: str | None, after: str | None
                 ) -> tuple[str, str, int | None, int | None, int | None, int | None, str | None, str | None] | None:
        """``(core, relation, year, month, day, weekday, rel, unit)`` of a core match's groups and
        its marker words, or None when they make no date."""
        core = g["core"]
        assert core is not None
        year = int(ascii_digits(g["year"])) if g.get("year") else None
        if year is not None and not 1900 <= year <= 2100:
            return None
        relation = None
        if before:
            relation = self._before.get(before)
        if after and relation is None:
            relation = self._after.get(after)
        rel, unit = None, None
        if g.get("rel"):
            rel = "last" if g["rel"] in self._last else "this"
            unit = self._unit_of.get(g["unit"]) if g.get("unit") else None
        elif g.get("relword"):
            rel, unit = self._relword.get(g["relword"], (None, None))
        has_only_year = year is not None and not (g.get("month") or rel or g.get("isomonth"))
        if relation is None:
            if has_only_year:
                return None  # a bare number is not a date without a relation word
            relation = "during" if rel and not g.get("month") else "point"
        month = self.month_number(g["month"]) if g.get("month") else None
        if g.get("isomonth"):
            month = int(g["isomonth"])
            if not 1 <= month <= 12:
                return None
        if g.get("month") and month is None:
            return None
        weekday = self.weekday_number(g["weekday"]) if g.get("weekday") else None
        day = int(ascii_digits(g["day"])) if g.get("day") else None
        if day is not None and month is None and year is None and relation == "during":
            return None  # a day alone with "for" counts days ("3일 동안"), names no date
        return core, relation, year, month, day, weekday, rel, unit


class TimeScan:
    """Time expressions of one text, read lazily span by span (see :meth:`TimeMatcher.scan`).

    A span's expressions come from a scan of a little more than the span: it starts right
    after the last *barrier* before the span and stops right after the first barrier past
    it. A barrier is a word that no time phrase contains, or a character none can contain
    (a quote, a parenthesis), so no match of the whole-text scan holds one: the whole-text
    scan reaches the barrier's end in the same state as a scan started there, and a match
    that starts before a barrier ends before it (its look-ahead reads only the barrier's
    first character). Marker words before a core reach back at most ``BEFORE_REACH``
    characters, so an expression starting in ``[lo, hi)`` has its core in
    ``[lo, hi + BEFORE_REACH)``. Languages whose particles glue to time words have no
    barrier words: their text is read whole once.

    >>> from factcheck.langdata import load_language
    >>> text = "It rose (in 2024). Since October last year, more."
    >>> m = time_matcher(load_language("en"))
    >>> m.scan(text).between(19, len(text)) == [e for e in m.find(text) if e.start >= 19]
    True
    """

    def __init__(self, matcher: TimeMatcher, text: str, whole: list[TimeExpr] | None = None) -> None:
        self._m = matcher
        self._text = text
        self._whole = whole  # every expression of the text, when known (or needed)
        self._whole_starts = [e.start for e in whole] if whole is not None else None

    def between(self, lo: int, hi: int) -> list[TimeExpr]:
        """Every expression of the whole text whose start lies in ``[lo, hi)``, in order."""
        m, text = self._m, self._text
        if self._whole is None and not m._barriers:
            self._whole = m.find(text)
            self._whole_starts = [e.start for e in self._whole]
        if self._whole is not None:
            assert self._whole_starts is not None
            i = bisect.bisect_left(self._whole_starts, lo)
            j = bisect.bisect_left(self._whole_starts, hi, i)
            return self._whole[i:j]
        n = len(text)
        # a core past hi counts only if its marker starts before hi: mostly impossible (a
        # span ending in "." cannot end a marker), and then the scan stops at hi's barrier
        reach = hi + BEFORE_REACH if m._may_carry(text, lo, hi) else hi
        q, stop = self._barrier_before(lo), self._barrier_after(reach)
        out: list[TimeExpr] = []
        for x in m.cores(text, q, stop):
            s = x.start()
            if s >= reach:
                break
            if s >= lo:
                e = m._core_expr(text, x, 0, n)
                if e is not None and lo <= e.start < hi:
                    out.append(e)
        if m._so_far_re is not None and m._may_hold_so_far(text, q, stop):
            for x in m._so_far_re.finditer(text, q, stop):
                s = x.start()
                if s >= hi:
                    break
                if s >= lo:
                    rel = "recent" if x.group() in m._recent else "so_far"
                    out.append(TimeExpr(s, x.end(), x.group(), x.group(), rel))
        out.sort(key=lambda e: e.start)
        return out

    def _is_barrier(self, tok: str) -> bool:
        memo = self._m._barrier_memo
        got = memo.get(tok)
        if got is None:
            if len(memo) > 100_000:  # words of one language: bounded in practice, capped anyway
                memo.clear()
            got = memo[tok] = self._barrier(tok)
        return got

    def _barrier(self, tok: str) -> bool:
        if not _WORD.match(tok):
            return True  # a safe character
        if _DIGIT.search(tok):
            return False
        key = fold(tok)
        return key not in self._m._vocab and not any(key.startswith(p) for p in self._m._prefixes)

    def _barrier_before(self, pos: int) -> int:
        """The end of the last barrier ending at or before ``pos`` (0 if none)."""
        # read backwards from pos; (?<!\w) makes every token start a word, and a word that
        # runs over pos (seen cut at pos) is skipped
        text = self._text
        cut = 0 < pos < len(text) and bool(_WORD.match(text, pos - 1)) and bool(_WORD.match(text, pos))
        for t in self._m._token_rev.finditer(text, 0, pos):
            if cut and t.end() == pos:
                continue
            if self._is_barrier(t.group()):
                return t.end()
        return 0

    def _barrier_after(self, pos: int) -> int:
        """The end of the first barrier ending at or after ``pos`` (the text's end if none);
        a word running over ``pos`` is not looked at (the next barrier will do)."""
        for t in self._m._token_re.finditer(self._text, pos):
            if self._is_barrier(t.group()):
                return t.end()
        return len(self._text)


def resolve(expr: TimeExpr, ref: dt.date | None) -> Period | None:
    """The period a core names, relative to ``ref``; None when it needs an unknown ``ref``.

    >>> e = TimeExpr(0, 4, "2024", "2024", "during", year=2024)
    >>> resolve(e, None)
    Period(low=datetime.date(2024, 1, 1), high=datetime.date(2024, 12, 31), precision='year')
    """
    year = expr.year
    if expr.rel is not None and expr.unit == "year":
        if ref is None:
            return None
        year = ref.year - 1 if expr.rel == "last" else ref.year
    if expr.month is not None:
        if year is None:
            if ref is None:
                return None
            # the most recent such month (day) on or before the reference date
            year = ref.year if (expr.month, expr.day or 1) <= (ref.month, ref.day) else ref.year - 1
        if expr.day is not None:
            try:
                d = dt.date(year, expr.month, expr.day)
            except ValueError:
                return None
            return Period(d, d, "day")
        last = calendar.monthrange(year, expr.month)[1]
        return Period(dt.date(year, expr.month, 1), dt.date(year, expr.month, last), "month")
    if expr.weekday is not None:
        if ref is None:
            return None
        d = ref - dt.timedelta(days=(ref.weekday() - expr.weekday) % 7)
        return Period(d, d, "day")
    if expr.day is not None and year is None:
        # a day alone ("23일"): the latest such day on or before the reference date
        if ref is None:
            return None
        first = ref.replace(day=1)
        for _ in range(3):
            try:
                d = first.replace(day=expr.day)
            except ValueError:
                d = None
            if d is not None and d <= ref:
                return Period(d, d, "day")
            first = (first - dt.timedelta(days=1)).replace(day=1)
        return None
    if expr.unit == "year" and year is not None:
        return Period(dt.date(year, 1, 1), dt.date(year, 12, 31), "year")
    if expr.unit in ("month", "week"):
        if ref is None:
            return None
        if expr.unit == "month":
            first = ref.replace(day=1)
            if expr.rel == "last":
                first = (first - dt.timedelta(days=1)).replace(day=1)
            last = calendar.monthrange(first.year, first.month)[1]
            return Period(first, min(first.replace(day=last), ref), "month")
        monday = ref - dt.timedelta(days=ref.weekday())
        if expr.rel == "last":
            monday -= dt.timedelta(days=7)
        return Period(monday, min(monday + dt.timedelta(days=6), ref), "day")
    if year is not None:
        return Period(dt.date(year, 1, 1), dt.date(year, 12, 31), "year")
    return None


@functools.lru_cache(maxsize=512)
def _month_number(word: str, languages: tuple[str, ...]) -> int | None:
    got = dateparser.parse(
        word, languages=list(languages),
        settings={"RELATIVE_BASE": _NEUTRAL_BASE, "PREFER_DAY_OF_MONTH": "first"},
    )
    return got.month if got else None


@functools.lru_cache(maxsize=128)
def _weekday_number(word: str, languages: tuple[str, ...]) -> int | None:
    got = dateparser.parse(word, languages=list(languages), settings={"RELATIVE_BASE": _NEUTRAL_BASE})
    return got.weekday() if got else None


@functools.lru_cache(maxsize=1024)
def parse_full_date(phrase: str, languages: tuple[str, ...]) -> dt.date | None:
    """A full date (day, month and year all written) with dateparser, else None.

    >>> parse_full_date("Wednesday, August 13, 2025", ("en",))
    datetime.date(2025, 8, 13)
    """
    got = dateparser.parse(
        ascii_digits(phrase), languages=list(languages),
        settings={"RELATIVE_BASE": _NEUTRAL_BASE, "REQUIRE_PARTS": ["day", "month", "year"],
                  "PREFER_DATES_FROM": "past"},
    )
    return got.date() if got else None


@cached_by_identity
def time_matcher(lang: LanguageData) -> TimeMatcher:
    """The cached :class:`TimeMatcher` of one language."""
    return TimeMatcher(lang)
