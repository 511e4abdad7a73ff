"""Text helpers shared by the attribution modules: normal forms and phrase patterns.

The cited text is never rewritten: phrases are turned into patterns that match every
spelling in the original text (nukta or not, precomposed or not, any white space).
"""

from __future__ import annotations

import unicodedata

import regex

NUKTA = "\u093c"
# Precomposed Devanagari letters with nukta (U+0958..U+095F) and their base letters.
_PRECOMPOSED = {chr(0x0958 + i): base for i, base in enumerate("कखगजडढफय")}
_NUKTA_BASES = set(_PRECOMPOSED.values())
_BASE_TO_PRECOMPOSED = {base: pre for pre, base in _PRECOMPOSED.items()}


def fold(text: str) -> str:
    """A matching key: NFC, nukta removed, case folded, white space collapsed.

    >>> fold("ख़ुफ़िया  सेवा") == fold("खुफिया सेवा")
    True
    """
    s = unicodedata.normalize("NFC", text)
    s = "".join(_PRECOMPOSED.get(ch, ch) for ch in s).replace(NUKTA, "")
    return " ".join(s.casefold().split())


def is_acronym(alias: str) -> bool:
    """Upper-case short names (``US``, ``AP``, ``ТАСС``) match only as written."""
    letters = [c for c in alias if c.isalpha()]
    return bool(letters) and len(letters) <= 6 and all(c.isupper() for c in letters)


def phrase_pattern(phrase: str, *, right_boundary: bool = True, case_sensitive: bool = False) -> str:
    """A regex source matching ``phrase`` as whole words in any nukta/space spelling.

    >>> bool(regex.search(phrase_pattern("खुफिया सेवा"), "ख़ुफ़िया   सेवा"))
    True
    """
    parts: list[str] = []
    for ch in fold(phrase) if not case_sensitive else _fold_keep_case(phrase):
        if ch == " ":
            parts.append(r"\s+")
        elif ch in _NUKTA_BASES:
            parts.append(f"(?:{ch}{NUKTA}?|{_BASE_TO_PRECOMPOSED[ch]})")
        else:
            parts.append(regex.escape(ch))
    body = "".join(parts)
    if case_sensitive:
        body = f"(?-i:{body})"
    left = r"(?<!\w)" if phrase[:1].isalnum() else ""
    right = r"(?!\w)" if right_boundary and phrase[-1:].isalnum() else ""
    if phrase[-1:] and unicodedata.category(phrase[-1]).startswith("M"):
        right = r"(?!\w)" if right_boundary else ""
    return f"{left}{body}{right}"


def _fold_keep_case(text: str) -> str:
    s = unicodedata.normalize("NFC", text)
    s = "".join(_PRECOMPOSED.get(ch, ch) for ch in s).replace(NUKTA, "")
    return " ".join(s.split())


def alternation(phrases: list[str] | tuple[str, ...], **kw: bool) -> str:
    """Longest-first alternation of :func:`phrase_pattern` (regex picks the first match)."""
    uniq = sorted({p for p in phrases if p.strip()}, key=lambda p: (-len(p), p))
    return "|".join(phrase_pattern(p, **kw) for p in uniq)


def ascii_digits(text: str) -> str:
    """Every decimal digit (Devanagari ४, Arabic-Indic …) as its ASCII digit, for parsers."""
    return "".join(str(unicodedata.digit(c)) if c.isdigit() and not c.isascii() else c for c in text)
