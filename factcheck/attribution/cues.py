"""Compiled matchers built once from data: source mentions, cues, back-references, datelines.

Everything here is a pure function of the registry and a language's ``attribution:``
section, cached, so an article costs a handful of ``finditer`` passes.

>>> from factcheck.langdata import load_language
>>> m = cue_matcher(load_language("hi"))
>>> [c.sides for c in m.cues("एनआईएस के अनुसार")]
[('source_before',)]
"""

from __future__ import annotations

import functools
from collections.abc import Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING

import regex

from factcheck._cache import cached_by_identity
from factcheck.attribution._text import (
    FirstWords,
    PhraseIndex,
    WordIndex,
    alternation,
    fold,
    is_acronym,
    matches_at,
    phrase_pattern,
    word_keys,
)
from factcheck.attribution.sources import SourceRegistry, default_registry
from factcheck.errors import DataError, FactcheckError

if TYPE_CHECKING:
    from factcheck.langdata import LanguageData

FLAGS = regex.IGNORECASE  # VERSION0: full case folding (V1) is slow and not needed here


@dataclass(frozen=True)
class Mention:
    """A named source in the text: ``text[start:end]`` names ``source``."""

    start: int
    end: int
    source: str


@dataclass(frozen=True)
class Cue:
    """An attribution cue; ``sides`` name where its source may stand, most likely first
    (``source_before``, ``source_after``, ``originator_before``, ``originator_after``)."""

    start: int
    end: int
    text: str
    sides: tuple[str, ...]

    @property
    def kinds(self) -> frozenset[str]:
        return frozenset(self.sides)


@dataclass(frozen=True)
class BackRef:
    """A word that refers back to an earlier source ("the agency"), preferring ``kinds``."""

    start: int
    end: int
    text: str
    kinds: tuple[str, ...]


class SourceMatcher:
    """Finds every alias and description pattern of a registry's sources in a text."""

    def __init__(self, registry: SourceRegistry, right_open: frozenset[str] = frozenset()) -> None:
        self.registry = registry
        plain: list[str] = []
        exact: list[str] = []
        open_plain: list[str] = []
        for src in registry:
            for code, alias in src.all_aliases():
                if code in right_open:
                    open_plain.append(alias)
                elif is_acronym(alias):
                    exact.append(alias)
                else:
                    plain.append(alias)
        # one regex per matching mode (each a trie: longest alias at a position); the sweep
        # below keeps the longer of two overlapping mentions from different modes
        modes = [
            (alternation(exact, case_sensitive=True), FirstWords(exact)),
            (alternation(plain), FirstWords(plain)),
            (alternation(open_plain, right_boundary=False), FirstWords(open_plain, runs_on=True)),
        ]
        modes = [(alt, fw) for alt, fw in modes if alt]
        self._alias_res = [regex.compile(alt, FLAGS) for alt, _ in modes]
        self._alias_starts = [fw for _, fw in modes]  # where each mode's aliases may start
        groups, self._group_ids = [], {}
        for i, src in enumerate(registry):
            for code, pats in src.patterns.items():
                for j, pat in enumerate(pats):
                    name = f"p{i}_{j}_{len(groups)}"
                    try:
                        regex.compile(pat, FLAGS)
                    except regex.error as e:
                        raise DataError(
                            f"source {src.id!r}: key patterns.{code}.{j}: invalid regex: {e}"
                        ) from None
                    groups.append(f"(?P<{name}>{pat})")
                    self._group_ids[name] = src.id
        self._pattern_re = regex.compile("|".join(groups), FLAGS) if groups else None

    @property
    def alias_starts(self) -> list[FirstWords]:
        """Where each alias mode's phrases may start (one per mode, in order)."""
        return self._alias_starts

    def mentions(self, text: str, pos: int = 0, endpos: int | None = None,
                 words: list[tuple[int, str]] | None = None,
                 at: list[list[int]] | None = None) -> list[Mention]:
        """Non-overlapping mentions in ``text[pos:endpos]``, longest first where two overlap,
        in text order (``words``: :func:`word_keys` of the span, if already read; ``at``:
        where each alias mode may start, as :class:`WordIndex` finds, if known).

        >>> m = source_matcher().mentions("Officials at the NIS said")
        >>> [(x.source, x.start) for x in m]
        [('NIS', 17)]
        """
        end = len(text) if endpos is None else endpos
        found: list[Mention] = []
        for m in self._alias_matches(text, pos, end, words, at):
            src = self.registry.find(m.group())
            if src is not None:
                found.append(Mention(m.start(), m.end(), src.id))
        if self._pattern_re is not None:
            for m in self._pattern_re.finditer(text, pos, end):
                found.append(Mention(m.start(), m.end(), self._group_ids[m.lastgroup]))
        found.sort(key=lambda x: (x.start, -(x.end - x.start)))
        kept: list[Mention] = []
        for cand in found:  # one sweep: of two overlapping mentions the longer wins
            if kept and cand.start < kept[-1].end:
                if cand.end - cand.start > kept[-1].end - kept[-1].start:
                    kept[-1] = cand
                continue
            kept.append(cand)
        return kept


    def _alias_matches(self, text: str, pos: int, end: int, words: list[tuple[int, str]] | None = None,
                       at: list[list[int]] | None = None) -> Iterator[regex.Match[str]]:
        """What ``finditer`` of each alias regex over ``text[pos:end]`` finds, mode by mode:
        the regex is tried only at the words an alias of its mode may start with."""
        for k, (alias_re, starts) in enumerate(zip(self._alias_res, self._alias_starts, strict=True)):
            if starts.anywhere:
                yield from alias_re.finditer(text, pos, end)
                continue
            if at is not None:
                yield from matches_at(alias_re, text, at[k], pos, end)
                continue
            if words is None:
                words = word_keys(text, pos, end)
            yield from matches_at(alias_re, text, starts.starts(words, text, pos, end), pos, end)


def source_matcher(registry: SourceRegistry | None = None) -> SourceMatcher:
    """The matcher of ``registry`` (default: the shared one), kept on the registry and
    rebuilt when its version changes."""
    reg = registry or default_registry()
    cached = reg.__dict__.get("_fc_matcher")
    if cached is None or cached[0] != reg.version:
        cached = (reg.version, SourceMatcher(reg, _right_open()))
        reg.__dict__["_fc_matcher"] = cached
    return cached[1]


@functools.lru_cache(maxsize=1)
def _right_open() -> frozenset[str]:
    """Codes of languages whose particles attach to names (read once: a per-article
    directory scan would cost more than matching). A language whose file is broken is
    skipped here; it raises its own error when an article in it is analysed."""
    from factcheck.langdata import load_language, supported_languages

    codes = set()
    for code in supported_languages():
        try:
            if load_language(code).attribution.suffixes_attach:
                codes.add(code)
        except FactcheckError:
            continue
    return frozenset(codes)


class CueMatcher:
    """One language's cues, back-references, markers and dateline patterns, compiled."""

    def __init__(self, lang: LanguageData) -> None:
        data = lang.attribution
        self.data = data
        self.code = lang.code
        declared: dict[str, list[str]] = {}
        for side, phrases in (
            ("source_before", data.cues.source_before),
            ("source_before", data.elided_speaker),
            ("source_after", data.cues.source_after),
            ("originator_before", data.citing.originator_before),
            ("originator_after", data.citing.originator_after),
        ):
            for p in phrases:
                declared.setdefault(fold(p), []).append(side)
        # a longer cue also has the sides of a shorter cue it ends with: ", said" may be
        # "…, said NIS" (its own side) or "NIS, citing X, said" (the side of "said")
        self._sides = PhraseIndex()
        for key, sides in declared.items():
            extra = [s for other, os_ in declared.items() if other != key and key.endswith(other)
                     and not key[-len(other) - 1:-len(other)].isalnum() for s in os_]
            self._sides.add(key, tuple(dict.fromkeys([*sides, *extra])))
        cue_phrases = list(_all(data.cues.source_before, data.elided_speaker, data.cues.source_after,
                                data.citing.originator_before, data.citing.originator_after))
        self._cue_re = _compile(cue_phrases)
        self._cue_starts = FirstWords(cue_phrases)
        self._backref_kinds = PhraseIndex()
        for br in data.back_references:
            for p in br.phrases:
                self._backref_kinds.add(p, tuple(br.kinds))
        self._backref_re = _compile(self._backref_kinds.phrases())
        self._backref_starts = FirstWords(self._backref_kinds.phrases())
        self._indef_re = (
            regex.compile(f"(?:{alternation(data.indefinite)})\\s*$", FLAGS) if data.indefinite else None
        )
        # "…, an activist said": an unnamed speaker right before the verb
        self._unnamed_re = (
            regex.compile(f"(?<!\\w)(?:{alternation(data.indefinite)})\\s+\\w+\\s*(?:{alternation(data.agent_markers)})?\\s*$",
                          FLAGS) if data.indefinite else None
        )
        self._agent_re = (
            regex.compile(f"^\\W*(?:{alternation(data.agent_markers)})", FLAGS) if data.agent_markers else None
        )
        self._agent_any_re = _compile(list(data.agent_markers))
        self._topic_re = (
            regex.compile(f"^\\W*(?:{alternation(data.topic_markers)})", FLAGS) if data.topic_markers else None
        )
        self._quote_end_re = (
            regex.compile(alternation(data.quote_ends, left_boundary=False), FLAGS) if data.quote_ends else None
        )
        self._pointer_re = _compile(list(data.back_pointing))
        self._elided = frozenset(fold(p) for p in data.elided_speaker)
        self._break_re = _compile(list(data.continuation_breaks))
        self._opener_re = _compile(list(data.continuation_openers))
        # an opener set off by commas may follow the sentence's first words ("Ukraine, by
        # contrast, has …"): written with its leading comma in the data
        self._inner_opener_re = _compile([o for o in data.continuation_openers if o.startswith(",")])
        self._joined_re = _compile(list(data.joined_openers))
        self._clause_re = _compile(list(data.clause_breaks))
        self._clause_starts = FirstWords(list(data.clause_breaks))
        self._datelines: tuple[int, int, list[regex.Pattern[str]]] | None = None
        last = alternation(data.headline.source_last)
        self.headline_last_re = regex.compile(f"(?:{last})$", FLAGS) if last else None
        self._word_re = regex.compile(r"\w+")
        self._indexes: dict[int, tuple[SourceMatcher, WordIndex]] = {}

    #: bits of :meth:`word_index` masks: cues, back-references, clause breaks, then alias modes
    CUE, BACK_REF, CLAUSE, ALIAS = 0, 1, 2, 3

    def word_index(self, sources: SourceMatcher) -> WordIndex:
        """One :class:`WordIndex` for this language's cues, back-references and clause
        breaks and the aliases of ``sources`` (bits :attr:`CUE`, :attr:`BACK_REF`,
        :attr:`CLAUSE`, then ``ALIAS + k`` for alias mode ``k``; cached per matcher)."""
        got = self._indexes.get(id(sources))
        if got is None or got[0] is not sources:
            firsts = [self._cue_starts, self._backref_starts, self._clause_starts, *sources.alias_starts]
            got = self._indexes[id(sources)] = (sources, WordIndex(firsts))
        return got[1]

    def may_have(self, bit: int, hits: list[tuple[int, int]]) -> bool:
        """False when no phrase of ``bit`` (see :meth:`scan_at`) can start in a span with
        these ``hits``: a test before any matching."""
        starts = (self._cue_starts, self._backref_starts, self._clause_starts)[bit]
        flag = 1 << bit
        return starts.anywhere or any(mask & flag for _, mask in hits)

    def scan_at(self, bit: int, text: str, pos: int, endpos: int,
                hits: list[tuple[int, int]]) -> list[regex.Match[str]]:
        """The matches of cues (``bit`` :attr:`CUE`), back-references or clause breaks in
        ``text[pos:endpos]``, as ``finditer`` finds them, tried only at the ``hits`` of
        :meth:`word_index` with that bit (the whole span when a phrase may start anywhere)."""
        pattern, starts = ((self._cue_re, self._cue_starts), (self._backref_re, self._backref_starts),
                           (self._clause_re, self._clause_starts))[bit]
        if pattern is None:
            return []
        if starts.anywhere:
            return list(pattern.finditer(text, pos, endpos))
        flag = 1 << bit
        return matches_at(pattern, text, [at for at, mask in hits if mask & flag], pos, endpos)

    def cues(self, text: str, pos: int = 0, endpos: int | None = None) -> Iterator[Cue]:
        """Every cue in ``text[pos:endpos]``."""
        for m in self.cue_matches(text, pos, len(text) if endpos is None else endpos):
            yield self.cue_of(m)

    def cue_matches(self, text: str, pos: int, endpos: int,
                    words: list[tuple[int, str]] | None = None) -> Iterator[regex.Match[str]]:
        """The raw matches behind :meth:`cues` (turn one into a Cue with :meth:`cue_of`);
        ``words``: :func:`word_keys` of the span, if read (then only its cue words are tried)."""
        return _scan(self._cue_re, self._cue_starts, text, pos, endpos, words)

    def cue_of(self, m: regex.Match[str]) -> Cue:
        """The cue a match of :meth:`cue_matches` is."""
        return Cue(m.start(), m.end(), m.group(), self._sides.get(fold(m.group()), ()))

    def back_refs(self, text: str, pos: int, endpos: int) -> Iterator[BackRef]:
        """Back-reference words in ``text[pos:endpos]`` not preceded by an indefinite word."""
        for m in self.back_ref_matches(text, pos, endpos):
            ref = self.back_ref_of(text, m, pos)
            if ref is not None:
                yield ref

    def back_ref_matches(self, text: str, pos: int, endpos: int,
                         words: list[tuple[int, str]] | None = None) -> Iterator[regex.Match[str]]:
        """The raw matches behind :meth:`back_refs` (see :meth:`back_ref_of`)."""
        return _scan(self._backref_re, self._backref_starts, text, pos, endpos, words)

    def back_ref_of(self, text: str, m: regex.Match[str], pos: int = 0) -> BackRef | None:
        """The back-reference a match is, or None after an indefinite word ("a report");
        ``pos`` is where the scan began (the indefinite word is looked for after it)."""
        before = text[max(pos, m.start() - 20): m.start()]
        if self._indef_re is not None and self._indef_re.search(before):
            return None
        return BackRef(m.start(), m.end(), m.group(), self._backref_kinds.get(fold(m.group()), ()))

    def after_indefinite(self, text: str, start: int) -> bool:
        """Whether an indefinite word stands right before ``start`` ("an estimated 4,700":
        an adjective, not a cue)."""
        return bool(self._indef_re and self._indef_re.search(text[max(0, start - 20): start]))

    def unnamed_speaker(self, text: str, cue_start: int) -> int | None:
        """Where an unnamed speaker right before a cue starts ("…, **an activist** said",
        "**किसी अधिकारी** ने कहा"), or None: names before it are not the speaker."""
        if self._unnamed_re is None:
            return None
        lo = max(0, cue_start - 40)
        m = self._unnamed_re.search(text, lo, cue_start)
        return m.start() if m else None

    def is_agent(self, text: str, end: int) -> bool:
        """Whether the word after ``end`` marks the agent (the speaker): "एनआईएस ने", also
        after an aside in parentheses ("국방정보국(DI)은")."""
        if not self._agent_re:
            return False
        after = _ASIDE.sub("", text[end: end + 40], count=1)
        return bool(self._agent_re.match(after[:12]))

    def points_back(self, text: str, pos: int, endpos: int) -> int | None:
        """Where a back-pointing phrase ("Об этом", "This was stated by") starts in
        ``text[pos:endpos]``, or None."""
        m = self._pointer_re.search(text, pos, endpos) if self._pointer_re else None
        return m.start() if m else None

    def is_topic(self, text: str, end: int) -> bool:
        """Whether the word after ``end`` marks the sentence topic ("국정원은")."""
        if not self._topic_re:
            return False
        return bool(self._topic_re.match(_ASIDE.sub("", text[end: end + 40], count=1)[:12]))

    def speaker_elided(self, cue: Cue) -> bool:
        """Whether the cue is one whose speaker is usually left unsaid ("추정된다")."""
        return fold(cue.text) in self._elided or any(
            p.endswith("*") and fold(cue.text).startswith(p[:-1]) for p in self._elided)

    def ends_quote(self, text: str, a: int, b: int) -> bool:
        """Whether a reported clause closes in ``text[a:b]`` ("…보냈다고 군이 밝혔다")."""
        return bool(self._quote_end_re and self._quote_end_re.search(text, a, b))

    def agent_between(self, text: str, a: int, b: int) -> bool:
        """Whether an agent marker stands in ``text[a:b]`` ("एनआईएस के निदेशक X **ने** कहा")."""
        return bool(self._agent_any_re and self._agent_any_re.search(text, a, b))

    def opens_continuation(self, text: str, pos: int, endpos: int) -> bool:
        """Whether the sentence at ``pos`` opens with a ``continuation_openers`` word ("Так, …"),
        or has one set off by commas after its first few words ("Ukraine, by contrast, …")."""
        if self._opener_re and self._opener_re.match(text, pos, endpos):
            return True
        if self._inner_opener_re is None:
            return False
        m = self._inner_opener_re.search(text, pos, min(endpos, pos + _INNER_OPENER_REACH))
        return m is not None and len(_WORDS.findall(text, pos, m.start())) <= _INNER_OPENER_WORDS

    def opens_joined(self, text: str, pos: int, endpos: int) -> bool:
        """Whether the sentence at ``pos`` opens with a ``joined_openers`` word ("And …")."""
        return bool(self._joined_re and self._joined_re.match(text, pos, endpos))

    def has_break(self, text: str, pos: int, endpos: int) -> bool:
        """Whether ``text[pos:endpos]`` speaks in the writer's own voice ("बता दें कि")."""
        return bool(self._break_re and self._break_re.search(text, pos, endpos))

    def clause_breaks(self, text: str, pos: int, endpos: int,
                      words: list[tuple[int, str]] | None = None) -> list[int]:
        """Offsets in ``text[pos:endpos]`` where a new clause starts."""
        return [m.start() for m in _scan(self._clause_re, self._clause_starts, text, pos, endpos, words)]

    def words_between(self, text: str, a: int, b: int) -> int:
        """How many words lie between offsets ``a`` and ``b``."""
        return len(self._word_re.findall(text, min(a, b), max(a, b)))

    def datelines(self, registry: SourceRegistry) -> list[regex.Pattern[str]]:
        """The dateline patterns with ``{wire}`` bound to the aliases of every source of a
        kind the language lets sign a dateline (``wire_kinds``; cached)."""
        if self._datelines and self._datelines[:2] == (id(registry), registry.version):
            return self._datelines[2]
        kinds = set(self.data.wire_kinds)
        wires = [a for s in registry if s.kind in kinds for _, a in s.all_aliases()]
        wire = f"(?P<wire>{alternation(wires)})"
        out = []
        for i, pat in enumerate(self.data.dateline_patterns):
            try:
                out.append(regex.compile(pat.replace("{wire}", wire), FLAGS | regex.MULTILINE))
            except regex.error as e:
                raise DataError(
                    f"language {self.code!r}: key attribution.dateline_patterns.{i}: invalid regex: {e}"
                ) from None
        self._datelines = (id(registry), registry.version, out)
        return out


_ASIDE = regex.compile(r"^\s*[(（][^()（）]{0,30}[)）]")

#: Quotation marks: an opening mark and the marks that close it.
QUOTES = {"“": "”", "«": "»", "„": "“”", '"': '"', "「": "」", "『": "』"}


_OPENING = regex.compile("[" + regex.escape("".join(QUOTES)) + "]")


def quote_spans(text: str, pos: int, endpos: int) -> list[tuple[int, int]]:
    """The quoted stretches of ``text[pos:endpos]``, marks included (unclosed quotes run to
    ``endpos``; quotes are not nested).

    >>> quote_spans('a “b” c «d', 0, 10)
    [(2, 5), (8, 10)]
    """
    out: list[tuple[int, int]] = []
    m = _OPENING.search(text, pos, endpos)
    while m is not None:
        i = m.start()
        closers = QUOTES[m.group()]
        j = min((k for k in (text.find(c, i + 1, endpos) for c in closers) if k >= 0), default=endpos - 1)
        out.append((i, j + 1))
        m = _OPENING.search(text, j + 1, endpos) if j + 1 < endpos else None
    return out


def _all(*groups: tuple[str, ...]) -> Iterator[str]:
    for g in groups:
        yield from g


def _scan(pattern: regex.Pattern[str] | None, starts: FirstWords, text: str, pos: int, endpos: int,
          words: list[tuple[int, str]] | None) -> Iterator[regex.Match[str]]:
    """``pattern.finditer(text, pos, endpos)``, tried only where a phrase may start when the
    span's words are known."""
    if pattern is None:
        return iter(())
    if words is None or starts.anywhere:
        return pattern.finditer(text, pos, endpos)
    return iter(matches_at(pattern, text, starts.starts(words, text, pos, endpos), pos, endpos))


#: An opener set off by commas stands after at most this many words, within this many characters.
_INNER_OPENER_WORDS = 4
_WORDS = regex.compile(r"\w+")
_INNER_OPENER_REACH = 80


def _compile(phrases: list[str]) -> regex.Pattern[str] | None:
    alt = alternation(phrases)
    return regex.compile(alt, FLAGS) if alt else None


@cached_by_identity
def cue_matcher(lang: LanguageData) -> CueMatcher:
    """The cached :class:`CueMatcher` of one language (keyed by the data object)."""
    return CueMatcher(lang)

__all__ = ["BackRef", "Cue", "CueMatcher", "Mention", "SourceMatcher", "cue_matcher", "source_matcher",
           "phrase_pattern"]
