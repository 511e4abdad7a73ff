"""Text helpers shared by the attribution modules: normal forms and phrase patterns.

The cited text is never rewritten: phrases are turned into patterns that match every
spelling in the original text (nukta or not, precomposed or not, any white space).
"""

from __future__ import annotations

import functools
import unicodedata
from itertools import accumulate, compress
from collections.abc import Sequence

import regex

NUKTA = "\u093c"
# Precomposed Devanagari letters with nukta (U+0958..U+095F) and their base letters.
_PRECOMPOSED = {chr(0x0958 + i): base for i, base in enumerate("कखगजडढफय")}
_NUKTA_BASES = set(_PRECOMPOSED.values())
_BASE_TO_PRECOMPOSED = {base: pre for pre, base in _PRECOMPOSED.items()}
# apostrophes as typeset: "Seoul’s spy agency" is the alias "Seoul's spy agency"
_APOSTROPHES = "'’‘ʼ"
# one pass: precomposed nukta letters to their base, the nukta dropped, apostrophes as "'"
_FOLD = str.maketrans({**_PRECOMPOSED, NUKTA: None, **{c: "'" for c in _APOSTROPHES}})
def _casefold(s: str) -> str:
    """Case folding that keeps one character for one ("ẞ" -> "ß", never "ss").

    The patterns match case-insensitively one character against one, so a key folded in
    full ("ss") would never meet the text as written ("ß"): a character whose full folding
    is several ("ß" -> "ss", "ŉ" -> "ʼn") folds to its lower case. Every character folds to
    at least one, so a folding as long as the text has none of them.

    >>> _casefold("AßB"), _casefold("AB")
    ('aßb', 'ab')
    """
    folded = s.casefold()
    if len(folded) == len(s):
        return folded
    return "".join(c.casefold() if len(c.casefold()) == 1 else c.lower() for c in s)


@functools.lru_cache(maxsize=16384)
def fold(text: str) -> str:
    """A matching key: NFC, nukta removed, case folded, white space collapsed.

    Memoised: every matched alias, cue and marker is folded again to look up its value,
    and an article repeats the same few words many times.

    >>> fold("ख़ुफ़िया  सेवा") == fold("खुफिया सेवा")
    True
    """
    s = unicodedata.normalize("NFC", text).translate(_FOLD)
    return " ".join(_casefold(s).split())


def is_acronym(alias: str) -> bool:
    """Upper-case short names (``US``, ``AP``, ``ТАСС``) match only as written."""
    letters = [c for c in alias if c.isalpha()]
    return bool(letters) and len(letters) <= 6 and all(c.isupper() for c in letters)


def _pieces(phrase: str, case_sensitive: bool) -> list[str]:
    """One regex piece per character of the folded phrase (nukta optional, any space)."""
    out: list[str] = []
    for ch in _fold_keep_case(phrase.rstrip("*")) if case_sensitive else fold(phrase.rstrip("*")):
        if ch == " ":
            out.append(r"\s+")
        elif ch in _NUKTA_BASES:
            out.append(f"(?:{ch}{NUKTA}?|{_BASE_TO_PRECOMPOSED[ch]})")
        elif ch == "'":
            out.append(f"[{_APOSTROPHES}]")
        else:
            out.append(regex.escape(ch))
    return out


def _bounds(phrase: str, right_boundary: bool, left_boundary: bool = True) -> tuple[str, str]:
    left = r"(?<!\w)" if left_boundary and phrase[:1].isalnum() else ""
    if phrase.endswith("*") and len(phrase) > 1:
        return left, r"\w*"  # "заяви*": any ending
    last = phrase[-1:]
    word_end = bool(last) and (last.isalnum() or unicodedata.category(last).startswith("M"))
    right = r"(?!\w)" if right_boundary and word_end else ""
    return left, right


def phrase_pattern(phrase: str, *, right_boundary: bool = True, case_sensitive: bool = False) -> str:
    """A regex source matching ``phrase`` as whole words in any nukta/space spelling;
    a trailing ``*`` matches any ending of the last word ("заяви*" → заявил, заявила).

    >>> bool(regex.search(phrase_pattern("खुफिया सेवा"), "ख़ुफ़िया   सेवा"))
    True
    """
    left, right = _bounds(phrase, right_boundary)
    body = "".join(_pieces(phrase, case_sensitive))
    if case_sensitive:
        body = f"(?-i:{body})"
    return f"{left}{body}{right}"


def _fold_keep_case(text: str) -> str:
    s = unicodedata.normalize("NFC", text).translate(_FOLD)
    return " ".join(s.split())


def alternation(phrases: list[str] | tuple[str, ...], *, right_boundary: bool = True,
                case_sensitive: bool = False, left_boundary: bool = True) -> str:
    """One regex matching any of ``phrases`` (the longest where several match), as a trie.

    ``right_boundary=False`` lets a phrase end inside a word ("10월" in "10월부터"),
    ``left_boundary=False`` lets it start inside one ("부터" in "10월부터"): for languages
    whose particles attach to words.

    Sharing prefixes keeps a pass over an article fast with hundreds of aliases: the
    engine tries one branch per character instead of every phrase at every position.

    >>> regex.match(alternation(["के अनुसार", "के"]), "के अनुसार").group()
    'के अनुसार'
    """
    tries: dict[str, dict] = {}
    word_first: dict[str, bool] = {}
    for phrase in {p for p in phrases if p.strip()}:
        left, right = _bounds(phrase, right_boundary, left_boundary)
        node = tries.setdefault(left, {})
        pieces = _pieces(phrase, case_sensitive)
        folded = _fold_keep_case(phrase.rstrip("*")) if case_sensitive else fold(phrase.rstrip("*"))
        word_first[left] = word_first.get(left, True) and bool(_WORD.match(folded[:1]))
        for piece in pieces:
            node = node.setdefault(piece, {})
        node[""] = right  # end of a phrase: its right boundary
    alts = [f"{_speedup(left, word_first[left])}{left}{_emit(node)}" for left, node in sorted(tries.items()) if node]
    body = "|".join(alts)
    if case_sensitive and body:
        body = f"(?-i:{body})"
    return body


_WORD = regex.compile(r"\w")


def _speedup(left: str, word_first: bool) -> str:
    """``\\b`` before a left-bounded branch whose phrases all start with a word character.

    ``(?<!\\w)`` followed by a word character already implies a word boundary, so the
    ``\\b`` matches exactly the same text; the engine, though, skips to word boundaries
    instead of trying the whole trie at every character (about twice as fast a pass).
    """
    return r"\b" if left == r"(?<!\w)" and word_first else ""


def _emit(node: dict) -> str:
    branches = [piece + _emit(child) for piece, child in sorted(node.items()) if piece]
    if "" in node:
        branches.append(node[""])  # after the longer branches: the longest match wins
    if len(branches) == 1:
        return branches[0]
    return "(?:" + "|".join(branches) + ")"


_WORDS = regex.compile(r"\w+")


_WORD_START = regex.compile(r"(?<!\w)\w+")


def word_keys(text: str, pos: int, endpos: int) -> list[tuple[int, str]]:
    """``(start, folded word)`` of every word starting in ``text[pos:endpos]``: read once
    per sentence and shared by the matchers that look words up (:class:`FirstWords`)."""
    return [(w.start(), fold(w.group())) for w in _WORD_START.finditer(text, pos, endpos)]


class FirstWords:
    """Where an :func:`alternation` of phrases (left-bounded, the default) can start a
    match: at the start of a word that, folded, is the first word of one of the phrases
    (or begins with it, where that word may run on: ``word*``, or no right boundary), or
    at the first character of a phrase that starts with punctuation (", said"). Trying the
    pattern only there (:func:`matches_at`) finds what ``finditer`` finds, for a fraction
    of the work: the regex engine tries the whole trie at every word, a dictionary look-up
    is cheaper.

    ``anywhere`` is True when a phrase may start inside a word (it starts with a mark or
    white space): the caller scans the text instead.

    >>> fw = FirstWords(["according to", "заяви*", ", said"])
    >>> fw.admits("According"), fw.admits("заявила"), fw.admits("to")
    (True, True, False)
    >>> text = "X, said Y according to Z"
    >>> fw.starts(word_keys(text, 0, len(text)), text, 0, len(text))
    [1, 10]
    """

    def __init__(self, phrases: list[str] | tuple[str, ...], *, runs_on: bool = False) -> None:
        self.exact: set[str] = set()
        prefixes: dict[str, list[str]] = {}  # first character -> prefixes starting with it
        self.anywhere = False
        leads: set[str] = set()
        for phrase in phrases:
            if not phrase.strip():
                continue
            folded = fold(phrase.rstrip("*"))
            first = _WORDS.match(folded)
            if first is None and not phrase[:1].isspace() and folded[:1] == phrase[:1]:
                leads.add(folded[:1])  # punctuation first: matches start where it stands
                continue
            if first is None or not phrase[:1].isalnum():  # no (?<!\w) before it: may start mid-word
                self.anywhere = True
                continue
            word = first.group()
            whole = len(word) == len(folded)
            if whole and (runs_on or phrase.endswith("*") or not _bounds(phrase, True)[1]):
                prefixes.setdefault(word[0], []).append(word)
            else:
                self.exact.add(word)
        # a tuple each: str.startswith tries them all in one call
        self.prefixes: dict[str, tuple[str, ...]] = {c: tuple(ps) for c, ps in prefixes.items()}
        self.leads = frozenset(leads)
        chars = "".join(sorted(leads)) + (_APOSTROPHES if "'" in leads else "")  # "’s report" too
        self._lead_re = regex.compile(f"[{regex.escape(chars)}]", regex.IGNORECASE) if leads else None

    def admits(self, word: str) -> bool:
        """Whether a phrase may start at a word that reads ``word`` (as written)."""
        return self._admits(fold(word))

    def _admits(self, key: str) -> bool:
        if key in self.exact:
            return True
        return key.startswith(self.prefixes.get(key[:1], ()))

    def starts(self, words: list[tuple[int, str]], text: str, pos: int, endpos: int) -> list[int]:
        """Where a phrase may start in ``text[pos:endpos]``, in order (``words``:
        :func:`word_keys` of that span)."""
        exact, prefixes = self.exact, self.prefixes
        if prefixes:
            out = [at for at, key in words if key in exact or key.startswith(prefixes.get(key[:1], ()))]
        else:
            out = [at for at, key in words if key in exact]
        if self._lead_re is not None:
            out.extend(m.start() for m in self._lead_re.finditer(text, pos, endpos))
            out.sort()
        return out


class WordIndex:
    """Where each of several :class:`FirstWords` may start a match, from one pass over a
    span's words: :meth:`hits` gives ``(offset, mask)`` for every word (or leading
    punctuation) that some of them admit, bit ``k`` set when ``firsts[k]`` admits it.

    A word's mask depends only on the word as written, so it is worked out (folded and
    looked up) once per distinct word, not once per word read per matcher. The offsets
    with bit ``k`` set are exactly ``firsts[k].starts(...)`` (unless it starts ``anywhere``:
    never set, the caller scans instead).

    >>> idx = WordIndex([FirstWords(["according to", ", said"]), FirstWords(["the agency"])])
    >>> idx.hits("X, said the Agency according to Y", 0, 33)
    [(1, 1), (8, 2), (19, 1)]
    """

    def __init__(self, firsts: Sequence[FirstWords]) -> None:
        self.firsts = tuple(firsts)
        leads = sorted({c for fw in self.firsts if not fw.anywhere for c in fw.leads})
        chars = "".join(leads) + (_APOSTROPHES if "'" in leads else "")  # "’s report" as "'s report"
        lead = f"|[{regex.escape(chars)}]" if leads else ""
        self._token_re = regex.compile(rf"(?<!\w)\w+{lead}", regex.IGNORECASE)
        self._pieces: dict[str, tuple[tuple[int, int], ...]] = {}  # piece between spaces -> its hits
        self._masks: dict[str, int] = {}
        # a word's bits from one look-up: the matchers that admit it as a whole first word,
        # then those whose prefixes it starts with (what FirstWords._admits asks of each)
        self._exact_bits: dict[str, int] = {}
        self._prefix_bits: list[tuple[int, dict[str, tuple[str, ...]]]] = []
        self._lead_bits: list[tuple[int, regex.Pattern[str]]] = []
        for bit, fw in enumerate(self.firsts):
            if fw.anywhere:
                continue
            for word in fw.exact:
                self._exact_bits[word] = self._exact_bits.get(word, 0) | 1 << bit
            if fw.prefixes:
                self._prefix_bits.append((1 << bit, fw.prefixes))
            if fw._lead_re is not None:
                self._lead_bits.append((1 << bit, fw._lead_re))

    def hits(self, text: str, pos: int, endpos: int) -> list[tuple[int, int]]:
        """``(offset, mask)`` of the admitted words and punctuation in ``text[pos:endpos]``."""
        if pos > 0 and _WORD.match(text, pos - 1) and _WORD.match(text, pos):
            # the span starts inside a word: a piece cut there would see a word start
            return [(m.start(), mask) for m in self._token_re.finditer(text, pos, endpos)
                    if (mask := self._mask_of(m.group()))]
        # the span's space-separated pieces, each read once per distinct piece (no word
        # crosses a space, and a space before a piece is what (?<!\w) sees): the split and
        # the look-ups run in C, Python touches only the pieces with a hit
        pieces = text[pos:endpos].split(" ")
        found = list(map(self._pieces.get, pieces))
        if None in found:
            found = [self._piece(p) if f is None else f for p, f in zip(pieces, found, strict=True)]
        if not any(found):
            return []
        ends = list(accumulate(map(len, pieces), initial=pos))  # + k spaces before piece k
        return [(ends[k] + k + at, mask) for k in compress(range(len(found)), found) for at, mask in found[k]]

    def _piece(self, piece: str) -> tuple[tuple[int, int], ...]:
        got = tuple((m.start(), mask) for m in self._token_re.finditer(piece)
                    if (mask := self._mask_of(m.group())))
        if len(self._pieces) >= 200_000:  # bounded: an archive's vocabulary is open-ended
            self._pieces.clear()
        self._pieces[piece] = got
        return got

    def _mask_of(self, token: str) -> int:
        mask = self._masks.get(token)
        return self._mask(token) if mask is None else mask

    def _mask(self, token: str) -> int:
        if _WORDS.match(token):
            key = fold(token)
            mask = self._exact_bits.get(key, 0)
            for bit, prefixes in self._prefix_bits:
                if key.startswith(prefixes.get(key[:1], ())):
                    mask |= bit
        else:
            mask = 0
            for bit, lead_re in self._lead_bits:
                if lead_re.match(token):
                    mask |= bit
        if len(self._masks) >= 200_000:  # bounded: an archive's vocabulary is open-ended
            self._masks.clear()
        self._masks[token] = mask
        return mask


def matches_at(pattern: regex.Pattern[str], text: str, starts: list[int], pos: int,
               endpos: int) -> list[regex.Match[str]]:
    """What ``pattern.finditer(text, pos, endpos)`` finds, trying only at ``starts`` (in
    order; every offset where a match may start must be among them)."""
    out = []
    after = pos
    for at in starts:
        if at >= after:
            m = pattern.match(text, at, endpos)
            if m is not None:
                out.append(m)
                after = m.end() if m.end() > at else at + 1
    return out


class PhraseIndex:
    """Values of phrases, looked up by the text a pattern matched: exact folded key first,
    then the longest ``word*`` entry the text starts with.

    >>> idx = PhraseIndex({"заяви*": "said", "по данным": "according"})
    >>> idx.get("Заявила"), idx.get("по  данным"), idx.get("x")
    ('said', 'according', None)
    """

    def __init__(self, items: dict[str, object] | None = None) -> None:
        self._exact: dict[str, object] = {}
        self._prefix: list[tuple[str, object]] = []
        for phrase, value in (items or {}).items():
            self.add(phrase, value)

    def add(self, phrase: str, value: object) -> None:
        """Add ``phrase`` unless already present (the first value wins)."""
        key = fold(phrase)
        if key.endswith("*") and len(key) > 1:
            if all(p != key[:-1] for p, _ in self._prefix):
                self._prefix.append((key[:-1], value))
                self._prefix.sort(key=lambda pv: -len(pv[0]))
        else:
            self._exact.setdefault(key, value)

    def get(self, text: str, default: object = None) -> object:
        key = fold(text)
        if key in self._exact:
            return self._exact[key]
        for prefix, value in self._prefix:
            if key.startswith(prefix):
                return value
        return default

    def __contains__(self, text: object) -> bool:
        return isinstance(text, str) and self.get(text, _MISSING) is not _MISSING

    def phrases(self) -> list[str]:
        """Every phrase, wildcard entries with their ``*``."""
        return [*self._exact, *(p + "*" for p, _ in self._prefix)]


_MISSING = object()


def ascii_digits(text: str) -> str:
    """Every decimal digit (Devanagari ४, Arabic-Indic …) as its ASCII digit, for parsers."""
    return "".join(str(unicodedata.digit(c)) if c.isdigit() and not c.isascii() else c for c in text)
