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
"""

from __future__ import annotations

import functools
from dataclasses import dataclass

import regex

from factcheck.errors import DataError, UnsupportedLanguageError
from factcheck.langdata import load_language, supported_languages

#: Detection reads at most this many characters: enough to outvote boilerplate,
#: and bounded so a 20 MB input costs no more than a normal article.
SAMPLE_CHARS = 200_000


@dataclass(frozen=True)
class _Profile:
    code: str
    scripts: tuple[str, ...]
    script_pattern: regex.Pattern[str] | None
    word_pattern: regex.Pattern[str] | None


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
    out = []
    for code in supported_languages():
        data = load_language(code)
        out.append(_profile(data.code, tuple(data.scripts), tuple(data.detect)))
    return out


def script_scores(text: str) -> dict[str, int]:
    """How many letters of ``text`` (its first ``SAMPLE_CHARS``) each language's scripts cover.

    Args:
        text: any string.

    Returns:
        ``{code: letters}`` for every supported language.

    >>> script_scores("नमस्ते world")["hi"]
    6
    """
    sample = text[:SAMPLE_CHARS]
    scores: dict[str, int] = {}
    for p in _profiles():
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
    scores = script_scores(sample)
    best = max(scores.values(), default=0)
    if best == 0:
        raise UnsupportedLanguageError(
            _describe_unknown(sample, profiles), [p.code for p in profiles], where=where
        )
    tied = [p for p in profiles if scores[p.code] == best]
    if len(tied) == 1:
        return tied[0].code

    # One script, several languages: the frequent words decide; ties keep the sorted order.
    def words(p: _Profile) -> int:
        return len(p.word_pattern.findall(sample)) if p.word_pattern is not None else 0

    return max(tied, key=words).code


def _describe_unknown(sample: str, profiles: list[_Profile]) -> str:
    """A short label for text no language claims (used as the 'language' in the error)."""
    scripts = sorted({s for p in profiles for s in p.scripts})
    if not regex.search(r"\p{L}", sample):
        return "unknown (the text has no letters)"
    named = ", ".join(scripts[:-1]) + " or " + scripts[-1] if len(scripts) > 1 else "".join(scripts)
    return f"unknown (no letters in the {named or 'known'} script)"
