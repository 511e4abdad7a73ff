"""Language detection from language data: scripts first, frequent words second.

Each language file lists ``scripts`` (Unicode script names such as ``Devanagari``,
``Latin``, ``Hangul``, ``Cyrillic``) and ``detect`` (frequent function words). Detection
counts the letters of each language's scripts and picks the language whose scripts
cover the most letters; languages that tie (one script, several languages) are told
apart by how often their ``detect`` words occur. No language is named in this module:
adding a language file is enough to make it detectable.

Hindi pages carry English boilerplate (menus, "Also read" widgets), so the count is of
letters over the whole sample, not of the first script seen.

>>> detect_language("सियोल में अधिकारियों ने कहा कि सैनिक भेजे गए हैं।")
'hi'
>>> detect_language("Officials in Seoul said that the troops were sent.")
'en'

Articles mix languages: an English wire quote in a Hindi article, a Russian quote in a
Korean one. :func:`language_spans` finds the paragraphs (lines) written in a supported
language other than the article's, so extraction reads each in its own language, with
offsets into the original text. Language tags are normalised by
:func:`normalise_language` (``en-US``, ``hi_IN``, ``RU`` → ``en``, ``hi``, ``ru``).
"""

from __future__ import annotations

import dataclasses
import functools
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass

import regex

from factcheck.errors import DataError, UnsupportedLanguageError
from factcheck.langdata import load_language, supported_languages

#: A paragraph is read in another language than its article's only when it has at least
#: this many letters of that language's scripts and they are most of its letters: a menu
#: word or a name in another script is not a paragraph in another language.
MIN_PARAGRAPH_LETTERS = 20

#: Detection reads at most this many characters: enough to outvote boilerplate,
#: and bounded so a 20 MB input costs no more than a normal article.
SAMPLE_CHARS = 200_000


@dataclass(frozen=True)
class _Profile:
    code: str
    scripts: tuple[str, ...]
    script_pattern: regex.Pattern[str] | None
    word_pattern: regex.Pattern[str] | None
    rank: int = 0


@functools.lru_cache(maxsize=256)
def _profile(code: str, scripts: tuple[str, ...], words: tuple[str, ...]) -> _Profile:
    """Compile one language's detection patterns (cached on the data, not the code)."""
    script_pattern = None
    if scripts:
        for s in scripts:
            try:
                # Names only: the name goes into a pattern, so nothing else may pass.
                if not regex.fullmatch(r"[A-Za-z][A-Za-z_ ]*", s):
                    raise regex.error("not a script name")
                regex.compile(rf"\p{{Script={s}}}")
            except regex.error:
                raise DataError(
                    f"language {code!r}: key scripts: {s!r} is not a Unicode script name "
                    "(use names such as Devanagari, Latin, Hangul, Cyrillic)"
                ) from None
        # Letters and marks only: digits and punctuation say nothing about the language.
        script_pattern = regex.compile(
            "(?:" + "|".join(rf"[\p{{Script={s}}}&&[\p{{L}}\p{{M}}]]" for s in scripts) + ")+",
            regex.V1,
        )
    word_pattern = None
    if words:
        alternatives = "|".join(regex.escape(w) for w in sorted(words, key=len, reverse=True))
        # Lookarounds on \w (with marks) rather than \b: Devanagari words end in vowel signs.
        word_pattern = regex.compile(
            rf"(?<![\w\p{{M}}])(?:{alternatives})(?![\w\p{{M}}])", regex.IGNORECASE
        )
    return _Profile(code, tuple(scripts), script_pattern, word_pattern)


def _profiles() -> list[_Profile]:
    """Every supported language's profile, kept while the loaded language data is the same
    (asked once per article)."""
    datas = tuple(load_language(code) for code in supported_languages())
    if _PROFILES and _PROFILES[0] == datas:
        return list(_PROFILES[1])
    out = []
    for data in datas:
        p = _profile(data.code, tuple(data.scripts), tuple(data.detect))
        out.append(dataclasses.replace(p, rank=data.detect_rank) if data.detect_rank else p)
    _PROFILES[:] = [datas, out]
    return list(out)


_PROFILES: list = []  # [(language data ...), [profile ...]] of the last call


def script_scores(text: str) -> dict[str, int]:
    """How many letters of ``text`` (its first ``SAMPLE_CHARS``) each language's scripts cover.

    Args:
        text: any string.

    Returns:
        ``{code: letters}`` for every supported language.

    >>> script_scores("नमस्ते world")["hi"]
    6
    """
    return _scores(text[:SAMPLE_CHARS], _profiles())


def _scores(sample: str, profiles: list[_Profile]) -> dict[str, int]:
    scores: dict[str, int] = {}
    for p in profiles:
        if p.script_pattern is None:
            scores[p.code] = 0
        else:
            scores[p.code] = sum(len(m) for m in p.script_pattern.findall(sample))
    return scores


def detect_language(text: str, *, where: str | None = None) -> str:
    """The code of the supported language ``text`` is written in.

    Args:
        text: the article text (only its first ``SAMPLE_CHARS`` characters are read).
        where: names the input in the error message (file, line or article id).

    Returns:
        A language code with a data file, e.g. ``"hi"``.

    Raises:
        UnsupportedLanguageError: no letter of ``text`` is in a supported language's
            script (e.g. Arabic-only text, or no letters at all); the message lists
            the supported languages.

    >>> detect_language("North Korea sent troops, officials said.")
    'en'
    """
    sample = text[:SAMPLE_CHARS]
    profiles = _profiles()
    scores = _scores(sample, profiles)
    best = max(scores.values(), default=0)
    if best == 0:
        raise UnsupportedLanguageError(
            _describe_unknown(sample, profiles), [p.code for p in profiles], where=where
        )
    return _pick(sample, profiles, scores, best)


def _pick(sample: str, profiles: list[_Profile], scores: dict[str, int], best: int) -> str:
    """The language with the ``best`` score; a tie is broken by frequent words."""
    tied = [p for p in profiles if scores[p.code] == best]
    if len(tied) == 1:
        return tied[0].code

    # One script, several languages: the frequent words decide, then each language's
    # detect_rank (data); ties keep the sorted order.
    def words(p: _Profile) -> tuple[int, int]:
        n = len(p.word_pattern.findall(sample)) if p.word_pattern is not None else 0
        return n, p.rank

    return max(tied, key=words).code


def normalise_language(code: str, supported: Iterable[str] | None = None) -> str | None:
    """The supported code a language tag names (``"HI"``, ``"en-US"``, ``"en_GB"`` too), or None.

    >>> normalise_language("en-US", ["en", "hi"]), normalise_language("hi_IN", ["en", "hi"])
    ('en', 'hi')
    >>> normalise_language("fr-FR", ["en", "hi"]) is None
    True
    """
    known = set(supported_languages() if supported is None else supported)
    c = code.strip()
    for candidate in (c, c.lower(), c.replace("_", "-").split("-")[0].lower()):
        if candidate in known:
            return candidate
    return None


@functools.lru_cache(maxsize=64)
def _foreign_letters(scripts: tuple[str, ...]) -> regex.Pattern[str]:
    """Letters outside ``scripts``: where another language's paragraph could be."""
    inside = "".join(rf"\p{{Script={s}}}" for s in scripts)
    # letters and their marks (Devanagari vowel signs are marks), as script_scores counts them
    own = rf"--[{inside}\p{{Script=Inherited}}]" if inside else ""
    return regex.compile(rf"[[\p{{L}}\p{{M}}]{own}]+", regex.V1)


def language_spans(text: str, language: str) -> list[tuple[int, int, str]]:
    """Paragraphs of ``text`` written in a supported language other than ``language``.

    Only letters outside ``language``'s scripts can start another language's paragraph, so
    languages sharing a script (two that write in Latin letters, say) are not told apart per
    paragraph.

    A paragraph is a line (ended by ``\n`` or ``\r``). One counts when :func:`detect_language` reads it as another
    supported language, at least :data:`MIN_PARAGRAPH_LETTERS` of its letters are in that
    language's scripts, and those are more than half its letters. Adjacent paragraphs of
    one language are merged; offsets are into ``text``. A text with no letter outside its
    language's scripts costs one regex search.

    Args:
        text: the article text.
        language: the article's (supported) language code.

    Returns:
        ``[(start, end, code)]`` in text order; ``[]`` for a text in one language.

    >>> hi = "सियोल में अधिकारियों ने कहा कि उत्तर कोरिया ने सैनिक भेजे हैं।"
    >>> en = "Officials in Seoul said that about 3,000 more troops were sent to Russia."
    >>> language_spans(hi + chr(10) + en, "hi") == [(len(hi) + 1, len(hi) + 1 + len(en), "en")]
    True
    >>> language_spans(hi + " (Yonhap)", "hi")
    []
    """
    try:
        data = load_language(language)
    except (UnsupportedLanguageError, DataError):
        return []
    if data.code != language:  # a tag ("en-US") names no profile
        return []
    foreign = _foreign_letters(tuple(data.scripts))
    # One pass counts the foreign letters per line (a match never holds a line break: not a
    # letter); only lines with enough of them are read further.
    lines: dict[int, list[int]] = {}  # line start -> [line end, foreign letters]
    start = end = -1
    for m in foreign.finditer(text):
        at = m.start()
        if at >= end:
            start = max(text.rfind("\n", 0, at), text.rfind("\r", 0, at)) + 1
            end = min((i for i in (text.find("\n", at), text.find("\r", at)) if i >= 0), default=len(text))
            lines[start] = [end, 0]
        lines[start][1] += m.end() - at
    spans: list[tuple[int, int, str]] = []
    profiles = None  # every language's, read only for a line with enough foreign letters
    for start, (end, count) in lines.items():
        if count < MIN_PARAGRAPH_LETTERS:
            continue
        profiles = _profiles() if profiles is None else profiles
        code = _paragraph_language(text[start:end], language, profiles)
        if code is None:
            continue
        if spans and spans[-1][2] == code and not text[spans[-1][1]:start].strip():
            spans[-1] = (spans[-1][0], end, code)
        else:
            spans.append((start, end, code))
    return spans


def language_parts(text: str, language: str) -> list[tuple[str, str]]:
    """``[(code, text)]``: ``text`` read per language, the article's own language first.

    One entry ``(language, text)`` for a text in one language. Otherwise each language's
    text keeps its own paragraphs and has the others' blanked out with spaces (line breaks
    kept), so every offset still points into the original.

    >>> parts = language_parts("नमस्ते" + chr(10) + "Officials said that about 3,000 more troops were sent.", "hi")
    >>> [(code, len(t)) for code, t in parts]
    [('hi', 61), ('en', 61)]
    """
    spans = language_spans(text, language)
    if not spans:
        return [(language, text)]
    codes = [language] + sorted({c for _, _, c in spans} - {language})
    out = []
    for code in codes:
        if code == language:  # the own language's text: every other language's paragraph blank
            blank = [(s, e) for s, e, c in spans]
        else:
            blank = _complement([(s, e) for s, e, c in spans if c == code], len(text))
        pieces, pos = [], 0
        for s, e in blank:
            pieces += [text[pos:s], _NOT_BREAK.sub(" ", text[s:e])]
            pos = e
        pieces.append(text[pos:])
        out.append((code, "".join(pieces)))
    return out


_NOT_BREAK = regex.compile(r"[^\r\n]")


def _complement(spans: list[tuple[int, int]], length: int) -> list[tuple[int, int]]:
    out, pos = [], 0
    for s, e in spans:
        if s > pos:
            out.append((pos, s))
        pos = e
    if pos < length:
        out.append((pos, length))
    return out


def _paragraph_language(line: str, language: str, profiles: list[_Profile]) -> str | None:
    """The other supported language ``line`` is written in, or None (see :func:`language_spans`)."""
    scores = _scores(line, profiles)
    best = max(scores.values(), default=0)
    if best < MIN_PARAGRAPH_LETTERS:
        return None
    code = _pick(line, profiles, scores, best)
    if code == language:
        return None
    letters = sum(1 for ch in line if ch.isalpha() or unicodedata.category(ch).startswith("M"))
    if 2 * scores[code] <= letters:
        return None
    return code


def _describe_unknown(sample: str, profiles: list[_Profile]) -> str:
    """A short label for text no language claims (used as the 'language' in the error)."""
    scripts = sorted({s for p in profiles for s in p.scripts})
    if not regex.search(r"\p{L}", sample):
        return "unknown (the text has no letters)"
    named = ", ".join(scripts[:-1]) + " or " + scripts[-1] if len(scripts) > 1 else "".join(scripts)
    return f"unknown (no letters in the {named or 'known'} script)"
