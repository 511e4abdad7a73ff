"""Compile a language's ``extraction:`` data into regular expressions, once per language.

A surface form from the data matches as whole words (``(?<!\\w)…(?!\\w)``, with the
``regex`` module so Devanagari vowel signs stay inside words); a trailing ``*`` matches any
ending; spaces match any run of spaces; marks in ``optional_marks`` may be present or not,
precomposed or not; characters in one ``equivalents`` set match each other. The text is
never rewritten: patterns bend to the text.

>>> from factcheck.langdata import load_language
>>> lex = lexicon_for(load_language("en"))
>>> lex.events["send"].search("North Korea sent troops").group()
'sent'
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Iterable, Iterator

import regex

from factcheck._cache import cached_by_identity
from factcheck.extraction.schema import ExtractionData
from factcheck.langdata import LanguageData

_NEVER = regex.compile(r"(?!)")


def _branch_source(branches: Iterable[list[str]]) -> str:
    """One alternation of the branches (each a list of pattern units), as a trie.

    Branches sharing leading units share one prefix, so every alternative opens with a
    distinct unit: several times faster to scan, and ``re`` can skip non-starting
    positions in C when each unit opens with a literal character.

    >>> _branch_source([["a", "b"], ["a", "c"], ["d"]])
    '(?:a(?:b|c)|d)'
    """
    trie: dict[str, dict] = {}
    for units in branches:
        node = trie
        for unit in units:
            node = node.setdefault(unit, {})
        node[""] = {}

    def emit(node: dict[str, dict]) -> str:
        alts = [k + emit(child) for k, child in node.items() if k]
        if not alts:
            return ""
        body = alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"
        return f"(?:{body})?" if "" in node else body

    return emit(trie)


@functools.cache
def _multi_fold() -> re.Pattern[str]:
    """Characters whose full case folding is several characters ("ß" -> "ss"): where simple
    and full case-insensitive matching can differ (all below U+FB18 today; read once)."""
    return re.compile(
        "[" + "".join(re.escape(chr(c)) for c in range(0x80, 0x20000) if len(chr(c).casefold()) > 1) + "]"
    )

#: Line breaks end sentences.
LINE_BREAK = r"\n|\r\n?|\u2028|\u2029"
_SPACE_RUN = regex.compile(r"\s+")


def _char_classes(data: ExtractionData) -> dict[str, str]:
    """Pattern for each character that has spelling variants (equivalents, optional marks)."""
    classes: dict[str, set[str]] = {}
    for group in data.equivalents:
        members = {unicodedata.normalize("NFC", g) for g in group}
        for m in members:
            classes.setdefault(m, set()).update(members)
    out = {c: "[" + "".join(regex.escape(x) for x in sorted(ms)) + "]" for c, ms in classes.items()}
    # A base letter may carry an optional mark, separately or precomposed (ज़ = ज + ़ = U+095B).
    for mark in data.optional_marks:
        for cp in range(0x20, 0x3000):
            ch = chr(cp)
            d = unicodedata.normalize("NFD", ch)
            if len(d) == 2 and d[1] == mark:
                base = d[0]
                alts = [regex.escape(base) + regex.escape(mark) + "?", regex.escape(ch)]
                out[base] = "(?:" + "|".join(alts) + ")"
    return out


@functools.cache
def _precomposed(mark: str) -> dict[str, set[str]]:
    """Base letter -> the single characters that are it plus ``mark`` (ज -> {ज़ U+095B})."""
    out: dict[str, set[str]] = {}
    for cp in range(0x20, 0x3000):  # the range _char_classes reads
        d = unicodedata.normalize("NFD", chr(cp))
        if len(d) == 2 and d[1] == mark:
            out.setdefault(d[0], set()).add(chr(cp))
    return out


@functools.cache
def _case_variants(ch: str) -> tuple[str, ...]:
    """Every character that ``regex``'s simple case folding matches to ``ch`` (itself too)."""
    every = _every_cased_char()
    return tuple(sorted(set(regex.compile(regex.escape(ch), regex.V0 | regex.IGNORECASE).findall(every))))


@functools.cache
def _every_cased_char() -> str:
    """The characters up to the last cased letter (U+1E943), read once."""
    return "".join(chr(c) for c in range(0x1E950) if not 0xD800 <= c < 0xE000)


def _strip_marks(word: str, marks: Iterable[str]) -> str:
    d = unicodedata.normalize("NFD", word)
    for m in marks:
        d = d.replace(m, "")
    return unicodedata.normalize("NFC", d)


def _units(word: str, data: ExtractionData, classes: dict[str, str]) -> list[str]:
    """Regex pieces, one per character of a surface form (spaces: one ``\\s+``)."""
    wild = word.endswith("*")
    core = _strip_marks(word.rstrip("*").strip(), data.optional_marks)
    parts: list[str] = []
    for ch in core:
        if ch.isspace():
            if not parts or parts[-1] != r"\s+":
                parts.append(r"\s+")
        else:
            parts.append(classes.get(ch, regex.escape(ch)))
    if wild:
        parts.append(r"\w*")
    return parts


def word_source(word: str, data: ExtractionData, classes: dict[str, str]) -> str:
    """The regex source for one surface form (without the word-boundary guards)."""
    return "".join(_units(word, data, classes))


def _trie_source(words: Iterable[str], data: ExtractionData, classes: dict[str, str]) -> str:
    """One alternation of the surface forms with shared prefixes factored out."""
    return _branch_source(_units(w, data, classes) for w in words)


def words_regex(words: Iterable[str], data: ExtractionData, classes: dict[str, str], *,
                ignore_case: bool = False, anchored: bool = False) -> regex.Pattern[str]:
    """One compiled alternation of whole-word surface forms (the longest match wins).

    ``anchored`` patterns are only used with ``.match`` at a known position, which may
    follow a digit: counters glued to a number ("600명") match there.
    """
    uniq = sorted({w for w in words if w and w.strip("*").strip()})
    if not uniq:
        return _NEVER
    flags = regex.V1 | (regex.IGNORECASE if ignore_case else 0)
    lead = "" if anchored else r"(?<!\w)"
    return regex.compile(rf"{lead}(?:{_trie_source(uniq, data, classes)})(?!\w)", flags)


class WordScan:
    """``pattern.finditer`` for a guarded word pattern, sped up by an unguarded ``re`` prefilter.

    ``regex`` tries a pattern that opens with a look-behind at every position, slowly on
    Devanagari; ``re`` finds the positions where the same surface forms start ~5x faster
    (see :meth:`Lexicon._bare_regex`: it matches wherever the guarded pattern can). Each
    such position is tried with the guarded pattern, in order, and the scan resumes after a
    match, so the matches are exactly those of ``pattern.finditer(text, pos, endpos)``.
    """

    def __init__(self, pattern: regex.Pattern[str], prefilter: re.Pattern[str] | regex.Pattern[str],
                 unsafe: re.Pattern[str] | None = None) -> None:
        self.pattern = pattern
        self.prefilter = prefilter
        self.unsafe = unsafe  # text with such a character is scanned with ``pattern`` alone

    def finditer(self, text: str, pos: int = 0, endpos: int | None = None) -> Iterator[regex.Match[str]]:
        """The non-overlapping matches of the guarded pattern in ``text[pos:endpos]``."""
        end = len(text) if endpos is None else endpos
        if self.unsafe is not None and self.unsafe.search(text, pos, end):
            yield from self.pattern.finditer(text, pos, end)
            return
        search = self.prefilter.search
        match = self.pattern.match
        while (c := search(text, pos, end)) is not None:
            m = match(text, c.start(), end)
            if m is None:
                pos = c.start() + 1
            else:
                yield m
                pos = max(m.end(), c.start() + 1)


class Lexicon:
    """Every pattern extraction needs for one language, compiled from its data."""

    def __init__(self, data: ExtractionData) -> None:
        self.data = data
        cls = _char_classes(data)

        def rx(words: Iterable[str], **kw: bool) -> regex.Pattern[str]:
            return words_regex(words, data, cls, **kw)

        ends = "".join(regex.escape(e) for e in data.sentence_ends) or "."
        closers = r"['\"’”»)\]]*"
        # an end mark followed by a space and a lowercase letter is an abbreviation ("U.S. troops")
        # … nor is one after a lone capital, an initial ("N. Korea", "S. Korean", "Kim J. Un")
        # (the look-behind follows the first mark, so the scan can skip to end marks fast)
        end_source = (rf"[{ends}](?<!(?<!\w)\p{{Lu}}[{ends}])[{ends}]*{closers}"
                      rf"(?=\s+(?!\p{{Ll}})|\s*$)")
        self.sentence_end = regex.compile(end_source, regex.V1)
        # where sentences are cut, in one pass: after a line break or an end mark (the two
        # never overlap, so the matches are those of both patterns run apart)
        cut_source = rf"{LINE_BREAK}|{end_source}"
        if data.sentence_end_suffixes:
            # a final ending followed by a space closes the sentence though no mark does
            # (not before a mark or a glued particle: '…입니다"라고' goes on)
            sfx = "|".join(regex.escape(x) for x in sorted(set(data.sentence_end_suffixes), key=len, reverse=True))
            cut_source += rf"|(?<=\w)(?:{sfx})(?=[ \t\u00a0]+\S)"
        self.sentence_cut = regex.compile(cut_source, regex.V1)
        brk = "".join(regex.escape(b) for b in data.clause_breaks) or ","
        # a break mark ends a clause unless it sits between two digits ("15,000", "1,2")
        brk_source = rf"(?<!\d)[{brk}]|[{brk}](?!\d)"
        if data.clause_end_suffixes:
            # right after a word ending in a connective ending ("발생했으며|"): an empty break
            ends = "|".join(regex.escape(x) for x in sorted(set(data.clause_end_suffixes), key=len, reverse=True))
            brk_source += rf"|(?<=\S(?:{ends}))(?!\w)"
        self.clause_break = regex.compile(brk_source)
        self.clause_word = rx(data.clause_words)
        self.clause_continuer = rx(data.clause_continuers, anchored=True)
        # where a clause word may start (unguarded, ``re``): no match of it, no clause word
        self.clause_word_prefilter = self._bare_regex(data.clause_words, cls)

        bp = data.boilerplate
        self.teaser_line = self._line_regex(bp.line_starts, cls)
        # inline teasers right after a sentence: "… किया। यह भी पढ़ें: …"; the end mark leads
        # the pattern so the scan is fast, and group 1 is the marker
        ends = "".join(regex.escape(e) for e in data.sentence_ends) or "."
        teasers = [w for w in bp.line_starts if w.strip()]
        self.teaser_inline = (
            regex.compile(
                rf"[{ends}][ \t\u00a0]*((?i:{_trie_source(teasers, data, cls)}))", regex.V1
            )
            if teasers
            else _NEVER
        )
        self.widget_marker = rx(bp.line_contains, ignore_case=True)
        self.widget_scan = self._caseless_scan(self.widget_marker, bp.line_contains, cls)
        self.section_line = self._section_regex(bp.section_starts, cls)

        # matched right after a number, which may be glued to them ("600명", "600-strong" no)
        self.nouns = {t: rx(ws, anchored=True) for t, ws in data.nouns.items()}
        self.subsets = {
            (t, name): rx(ws, anchored=True)
            for t, subs in data.subsets.items()
            for name, ws in subs.items()
        }
        self.event_nouns = {e: rx(ws, anchored=True) for e, ws in data.event_nouns.items()}
        # one pattern for "does any counted noun start here?": most words are not one
        self.any_counted = rx(
            [w for ws in data.nouns.values() for w in ws]
            + [w for subs in data.subsets.values() for ws in subs.values() for w in ws]
            + [w for ws in data.event_nouns.values() for w in ws],
            anchored=True,
        )
        # the first of subsets, nouns, event nouns (in that order) matching at a position, in
        # one match: a branch per pattern, tried in order, each as its own ``.match`` would
        # (``counted_kinds[k]`` names branch ``c{k}``: (thing, subset, event))
        self.counted_kinds: list[tuple[str | None, str | None, str | None]] = []
        branches = []
        for (t, name), pat in self.subsets.items():
            self.counted_kinds.append((t, name, None))
            branches.append(pat.pattern)
        for t, pat in self.nouns.items():
            self.counted_kinds.append((t, None, None))
            branches.append(pat.pattern)
        for e, pat in self.event_nouns.items():
            self.counted_kinds.append((None, None, e))
            branches.append(pat.pattern)
        self.counted_first = regex.compile(
            "|".join(f"(?P<c{k}>{b})" for k, b in enumerate(branches)) or r"(?!)", regex.V1
        )
        self.nouns_anywhere = {t: rx(ws) for t, ws in data.nouns.items()}
        self.other_nouns = rx(data.other_nouns, anchored=True)
        self.other_nouns_anywhere = rx(data.other_nouns)
        self.ellipsis_words = rx(data.ellipsis_words, anchored=True)
        self.event_nouns_anywhere = {e: rx(ws) for e, ws in data.event_nouns.items()}
        self.count_link = self._tail_regex(data.count_links, cls, quoted=True)
        # a link that is the number's own qualifier: "потери превысили 3000" (exceeded = more than)
        self.count_link_at = rx(data.count_links, anchored=True)
        self.strength = rx(data.strength_words, anchored=True)
        self.count_heads = rx(data.count_heads)
        self.people_words = rx(data.people_words, anchored=True)
        self.modifiers = rx(data.modifiers)
        self.speaker_pronouns = rx(data.speaker_pronouns)
        self.modifiers_glued = rx(data.modifiers, anchored=True)  # right after a number ("100발을")
        self.gap_stops = rx(data.gap_stops)
        self.vague_links = rx(data.vague_links)
        self.events = {e: rx(ws) for e, ws in data.events.items()}
        # one pattern for "is any event cue here?": a dozen fewer scans per number
        self.any_event = rx([w for ws in data.events.values() for w in ws])
        # where an event word may start (unguarded, ``re``): see claims._event_starts
        self.event_prefilter = self._bare_regex([w for ws in data.events.values() for w in ws], cls)
        self._events_from: dict[str, frozenset[str]] = {}  # events_from, by first character
        self.negation = rx(data.negation)
        self.coordinators = rx(data.coordinators, anchored=True)
        self.refers_back = rx(data.refers_back)
        self.partitive_after = rx(data.partitive_after, anchored=True)
        self.partitive_before = self._tail_regex(data.partitive_before, cls)
        self.presence_not_after = self._tail_regex(data.presence_not_after, cls)
        self.partitive_link = rx(data.partitive_before, anchored=True)  # "8,000 **of those** troops"
        self.agent_form = self._tail_regex(data.agent_forms, cls)  # "… **have killed**" ending at the cue
        m = data.modality
        self.modality = {
            "denied": rx(m.denied),
            "hypothetical": rx(m.hypothetical),
            "possible": rx(m.possible),
            "planned": rx(m.planned),
            "estimated": rx(m.estimated),
        }
        # one pattern for "is any modality cue here?": most figures are asserted (no cue)
        self.any_modality = rx(m.denied + m.hypothetical + m.possible + m.planned + m.estimated)
        # … and where one may start (unguarded, ``re``: no match of it, no cue in the range)
        self.modality_prefilter = self._bare_regex(
            m.denied + m.hypothetical + m.possible + m.planned + m.estimated, cls
        )
        self.negation_prefilter = self._bare_regex(data.negation, cls)
        r = data.role
        self.increment_before = rx(r.increment_before)
        self.increment_between = rx(r.increment_between)
        self.increment_clause = rx(r.increment_clause)
        self.increment_after = rx(r.increment_after, anchored=True)
        self.rate_after = rx(r.rate_after, anchored=True)
        self.rate_not_before = rx(r.rate_not_before, anchored=True)
        self.total_before = rx(r.total_before)
        self.subset_before = rx(r.subset_before)
        self.subset_after = rx(r.subset_after, anchored=True)
        self.subset_places = rx(r.subset_places)
        self.subset_clause = rx(r.subset_clause)
        self.subset_places_not_after = rx(r.subset_places_not_after)
        self.subset_clause = rx(r.subset_clause)
        self.batch_before = rx(r.batch_before)
        self.owner_links_after_noun = rx(data.owner_links_after_noun, anchored=True)
        # where each role cue may start (unguarded, ``re``): a range without a prefilter
        # match holds no cue, so most figures skip the guarded scans
        self.role_prefilter = {
            "subset_before": self._bare_regex(r.subset_before, cls),
            "increment_before": self._bare_regex(r.increment_before, cls),
            "increment_clause": self._bare_regex(r.increment_clause, cls),
            "total_before": self._bare_regex(r.total_before, cls),
        }
        self.subjects = {s: rx(ws) for s, ws in data.subjects.items()}
        self.any_subject = rx([w for ws in data.subjects.values() for w in ws])
        self.subject_scan = WordScan(
            self.any_subject, self._bare_regex([w for ws in data.subjects.values() for w in ws], cls)
        )
        self._named: dict[str, str | None] = {}  # subject_named, by mention text
        self._subject_of = {
            _strip_marks(w, data.optional_marks).casefold(): s
            for s, ws in data.subjects.items()
            for w in ws
        }
        self.agent_after = rx(data.agent_after)
        self.reporting_after = rx(data.reporting_after)
        self.owner_after = self._suffix_regex(data.owner_after, cls)
        self.destination_after = rx(data.destination_after)
        self.destination_before = rx(data.destination_before)
        self.any_noun = rx(
            [w for ws in data.nouns.values() for w in ws]
            + [w for subs in data.subsets.values() for ws in subs.values() for w in ws]
        )
        # The claim gate (gate.py) looks for three kinds of word in a sentence: a counted
        # noun (tracked or subset), an event word (cue or event noun), a subject. Unguarded
        # bodies of the same surface forms: they match wherever the guarded patterns can.
        self.gate_noun = self._bare_regex(
            [w for ws in data.nouns.values() for w in ws]
            + [w for subs in data.subsets.values() for ws in subs.values() for w in ws], cls
        )
        self.gate_event = self._bare_regex(
            [w for ws in data.events.values() for w in ws]
            + [w for ws in data.event_nouns.values() for w in ws], cls
        )
        self.gate_subject = self._bare_regex([w for ws in data.subjects.values() for w in ws], cls)

    def events_from(self, ch: str) -> frozenset[str]:
        """The events with a word that can start with character ``ch`` (a partial match of
        ``ch`` alone: the pattern could match a text that opens with it)."""
        hit = self._events_from.get(ch)
        if hit is None:
            hit = self._events_from[ch] = frozenset(
                e for e, pat in self.events.items() if pat.match(ch, partial=True)
            )
        return hit

    def _bare_regex(self, words: Iterable[str], cls: dict[str, str]) -> re.Pattern[str]:
        """The surface forms' alternation without word guards (matches wherever they could).

        Compiled with ``re``, which scans an unguarded alternation ~4x faster than
        ``regex``. Safe here, unlike for guarded patterns: the source is only literal
        characters, character classes, ``\\s+`` (``re``'s ``\\s`` includes every
        character ``regex``'s does) and a trailing ``\\w*`` that may match nothing, so it
        matches at every position where the ``regex`` patterns of the same forms can.
        """
        ws = sorted({w for w in words if w and w.strip("*").strip()})
        if not ws:
            return re.compile(r"(?!)")
        # every alternative opens with a literal character, so ``re`` derives the set of
        # first characters and skips the other positions in C: a first letter with
        # spelling variants ("[ंँ]", "(?:क़?|क़)") is split into one branch per variant
        # (a look-ahead class of first characters was ~3x slower to scan on English)
        branches: list[list[str]] = []
        for w in ws:
            units = _units(w, self.data, cls)
            core = _strip_marks(w.rstrip("*").strip(), self.data.optional_marks)
            branches.extend([*lead, *units[1:]] for lead in self._first_variants(core[0], cls))
        return re.compile(_branch_source(branches))

    def _first_variants(self, c: str, cls: dict[str, str]) -> list[list[str]]:
        """The pattern units of a first letter ``c``, one list per spelling that opens with
        a literal character: the same strings as its unit in :func:`_units` matches."""
        unit = cls.get(c, regex.escape(c))
        if unit.startswith("(?:"):  # an optional mark: "(?:" base mark "?|" precomposed ")"
            base, composed = unit[3:-1].split("|")
            head = regex.escape(c)
            return [[head, base[len(head):]], [composed]]
        if unit.startswith("["):  # an equivalents set
            members = set()
            for group in self.data.equivalents:
                g = {unicodedata.normalize("NFC", x) for x in group}
                if c in g:
                    members |= g
            return [[regex.escape(m)] for m in sorted(members)]
        return [[unit]]

    def _caseless_scan(self, pattern: regex.Pattern[str], words: Iterable[str],
                       cls: dict[str, str]) -> WordScan | regex.Pattern[str]:
        """A fast scan for an ignore-case word pattern (``V1``: full case folding).

        ``regex`` folds case slowly with full folding; with simple folding (``V0``) the
        same pattern scans ~5x faster on Devanagari. The two differ only where a character
        folds to several ("ß" -> "ss", "ﬁ" -> "fi"): simple folding is the prefilter unless
        the forms hold such a character, and a text that holds one is scanned with
        ``pattern`` alone (:class:`WordScan`). The prefilter is simple folding spelled out
        for ``re`` (:meth:`_caseless_bare`), faster still than ``regex``'s ``V0``.
        """
        ws = sorted({w for w in words if w and w.strip("*").strip()})
        multi = _multi_fold()
        if not ws or any(multi.search(w) for w in ws):
            return pattern
        fast = self._caseless_bare(ws, cls)
        if fast is None:
            source = f"(?<!\\w)(?:{_trie_source(ws, self.data, cls)})(?!\\w)"
            fast = regex.compile(source, regex.V0 | regex.IGNORECASE)
        return WordScan(pattern, fast, multi)

    def _caseless_bare(self, ws: list[str], cls: dict[str, str]) -> re.Pattern[str] | None:
        """Simple case folding spelled out for ``re``: each letter a class of the letters it
        folds with ("[Hh]"), the first one split into literal branches so ``re`` skips in C
        (~5x faster than ``regex``'s ignore-case scan). No word guards: it matches wherever
        the simple-folding pattern can. ``None`` when a spelling-variant class holds a cased
        letter (the pattern above is then the prefilter)."""
        branches: list[list[str]] = []
        for w in ws:
            core = _strip_marks(w.rstrip("*").strip(), self.data.optional_marks)
            units: list[str] = []
            leads: list[list[str]] = []
            for k, ch in enumerate(core):
                if ch.isspace():
                    if units[-1] != r"\s+":
                        units.append(r"\s+")
                    continue
                if ch in cls:
                    variants = ([ch] + [m for g in self.data.equivalents for m in g if ch in g]
                                + [c for m in self.data.optional_marks for c in _precomposed(m).get(ch, ())])
                    if any(len(_case_variants(v)) > 1 for v in variants):
                        return None
                    unit = cls[ch]
                    lead = self._first_variants(ch, cls)
                else:
                    folds = _case_variants(ch)
                    unit = (re.escape(folds[0]) if len(folds) == 1
                            else "[" + "".join(re.escape(f) for f in folds) + "]")
                    lead = [[re.escape(f)] for f in folds]
                if k == 0:
                    leads = lead
                units.append(unit)
            if w.endswith("*"):
                units.append(r"\w*")
            branches.extend([*lead, *units[1:]] for lead in leads)
        return re.compile(_branch_source(branches))

    def _first_chars(self, word: str) -> set[str]:
        """Every character a match of ``word`` can start with (a superset)."""
        c = _strip_marks(word.rstrip("*").strip(), self.data.optional_marks)[0]
        out = {c}
        for group in self.data.equivalents:
            members = {unicodedata.normalize("NFC", g) for g in group}
            if c in members:
                out |= members
        for mark in self.data.optional_marks:
            out |= _precomposed(mark).get(c, set())  # ज़ (U+095B) for ज
        return out

    def subject_named(self, text: str) -> str | None:
        """The subject a matched mention names, e.g. "उत्तर कोरियाई" -> "North Korea"."""
        try:
            return self._named[text]
        except KeyError:
            pass
        name = self._subject_named(text)
        if len(self._named) < 10_000:  # mentions repeat a few spellings; bounded all the same
            self._named[text] = name
        return name

    def _subject_named(self, text: str) -> str | None:
        key = _SPACE_RUN.sub(" ", _strip_marks(text, self.data.optional_marks)).casefold()
        hit = self._subject_of.get(key)
        if hit is not None:
            return hit
        for s, pat in self.subjects.items():
            if pat.fullmatch(text):
                return s
        return None

    def _line_regex(self, words: Iterable[str], cls: dict[str, str]) -> regex.Pattern[str]:
        """A whole line that starts with one of ``words`` (after indentation)."""
        ws = [w for w in words if w.strip()]
        if not ws:
            return _NEVER
        alts = _trie_source(ws, self.data, cls)
        return regex.compile(rf"(?m)^[ \t\u00a0]*(?:{alts}).*$", regex.V1 | regex.IGNORECASE)

    def _section_regex(self, words: Iterable[str], cls: dict[str, str]) -> regex.Pattern[str]:
        ws = [w for w in words if w.strip()]
        if not ws:
            return _NEVER
        alts = _trie_source(ws, self.data, cls)
        return regex.compile(
            rf"(?m)^[ \t\u00a0]*(?:{alts})[ \t\u00a0:.\-–—|»>]*$", regex.V1 | regex.IGNORECASE
        )

    def _tail_regex(self, words: Iterable[str], cls: dict[str, str],
                    quoted: bool = False) -> regex.Pattern[str]:
        """One of ``words`` ending the searched span (``pattern.search(text, lo, pos)``): a
        word form as a whole word, a punctuation form (":") even right after a word."""
        ws = [w for w in words if w.strip()]
        words_ = [w for w in ws if w.strip()[0].isalnum()]
        marks = [w for w in ws if not w.strip()[0].isalnum()]
        alts = []
        if words_:
            alts.append(rf"(?<!\w)(?:{_trie_source(words_, self.data, cls)})(?!\w)")
        if marks:
            alts.append(f"(?:{_trie_source(marks, self.data, cls)})")
        if not alts:
            return _NEVER
        # ``quoted``: an opening quote may stand before the figure ("в формате «146 на 146»")
        quote = '[«"“„]?' if quoted else ""
        return regex.compile(rf"(?:{'|'.join(alts)})[ \t\u00a0]*{quote}\Z", regex.V1)

    def _suffix_regex(self, words: Iterable[str], cls: dict[str, str]) -> regex.Pattern[str]:
        """Owner markers may be glued to the name ("Korea's") or separate ("कोरिया के")."""
        ws = [w for w in words if w.strip()]
        if not ws:
            return _NEVER
        return regex.compile(rf"\s*(?:{_trie_source(ws, self.data, cls)})(?!\w)", regex.V1)


_lexicon = cached_by_identity(Lexicon)


def lexicon_for(lang: LanguageData) -> Lexicon:
    """The compiled lexicon of ``lang`` (built once per language data object and cached)."""
    return _lexicon(lang.extraction)
