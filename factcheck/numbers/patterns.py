"""Compile a language's ``numbers:`` data into regex patterns and lookup tables.

:func:`compile_numbers` is a pure function of :class:`NumbersData`; :func:`patterns_for`
caches its result per data object, so a text is scanned with patterns built once.

Surface forms become prefix-trie regexes (fast alternation). Every form also matches its
other Unicode encodings (precomposed or decomposed nukta), and lookups go through
:func:`norm_key`, so "हज़ार" typed either way finds the same entry.

>>> p = compile_numbers(NumbersData(words={5.0: ("five",)}))
>>> p.words[norm_key("Five")].value
5.0
"""

from __future__ import annotations

import functools
import unicodedata
from dataclasses import dataclass, field
from typing import Iterable

import regex

from factcheck.errors import DataError
from factcheck.numbers.schema import NumbersData, Unit

_WS = regex.compile(r"\s+")


@functools.cache
def _composition_exclusions() -> dict[str, str]:
    """Decomposed pair -> precomposed char, for chars that NFC never produces (ज़ U+095B)."""
    out: dict[str, str] = {}
    for cp in range(0x80, 0x3000):
        c = chr(cp)
        d = unicodedata.normalize("NFD", c)
        if len(d) == 2 and unicodedata.normalize("NFC", d) != c:
            out[d] = c
    return out


@functools.lru_cache(maxsize=8192)  # pure; the same forms are looked up for every match
def norm_key(s: str) -> str:
    """The lookup key of a surface form: NFD, case-folded, whitespace collapsed.

    >>> norm_key("हज़ार") == norm_key("ह\\u091c\\u093cार")
    True
    """
    return _WS.sub(" ", unicodedata.normalize("NFD", s).casefold()).strip()


def _variants(form: str) -> set[str]:
    nfd = unicodedata.normalize("NFD", form)
    out = {form, nfd, unicodedata.normalize("NFC", form)}
    composed = nfd
    for pair, single in _composition_exclusions().items():
        if pair in composed:
            composed = composed.replace(pair, single)
    out.add(composed)
    return {v for v in out if v}


def trie_regex(forms: Iterable[str]) -> str:
    """A regex matching any of ``forms`` (and their other encodings), longest first.

    Whitespace inside a form matches any whitespace run.

    >>> bool(regex.fullmatch(trie_regex(["at least", "at"]), "at  least"))
    True
    """
    trie: dict = {}
    for form in forms:
        for v in _variants(form.strip()):
            node = trie
            for tok in _tokens(v):
                node = node.setdefault(tok, {})
            node[""] = {}
    if not trie:
        return r"(?!)"
    return _node_regex(trie)


def longest_first_regex(forms: Iterable[str]) -> str:
    """A plain alternation, longest form first, for reverse ``(?r)`` searches.

    A prefix trie prefers the longer form only when reading left to right; a search that
    reads right to left ("no fewer than" before "fewer than") needs longest-first order.
    """
    variants = sorted({v for f in forms for v in _variants(f.strip())}, key=len, reverse=True)
    if not variants:
        return r"(?!)"
    return "(?:" + "|".join("".join(_tokens(v)) for v in variants) + ")"


def _tokens(s: str) -> list[str]:
    out: list[str] = []
    for ch in s:
        if ch.isspace():
            if out and out[-1] == r"\s+":
                continue
            out.append(r"\s+")
        else:
            out.append(regex.escape(ch))
    return out


def _node_regex(node: dict) -> str:
    alts = [tok + _node_regex(child) for tok, child in sorted(node.items()) if tok]
    if not alts:
        return ""
    body = alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"
    if "" in node:
        return "(?:" + body + ")?"
    return body


@dataclass(frozen=True)
class Word:
    """One entry of the word table: what a number word, scale, modifier… contributes."""

    role: str  # number | scale | modifier | ordinal | article
    value: float = 0.0
    after_digits_only: bool = False
    standalone: bool = False
    alone: float | None = None


@dataclass(frozen=True)
class UnitInfo:
    unit: str
    kind: str | None


#: The patterns read right after a numeral / by reverse search before a figure, in the
#: order of the flags of ``right_flags`` / ``left_flags`` (names of Patterns fields).
RIGHT = (
    "digit_more", "ordinal_suffix", "month_after", "time_suffix", "qual_after",
    "range_connector", "range_open_joiner", "unit_after", "year_after",
)
LEFT = ("qual_before", "unit_before", "year_before", "range_open", "range_not_after")


@dataclass(frozen=True)
class Patterns:
    """Everything the finder needs for one language, compiled once."""

    # Where a number expression may start, in two scanners: figures (time, ISO date,
    # digits) and words. `regex` finds a digit after a non-word boundary in a tight loop;
    # one scanner for both tries every word start for every figure too. The finder reads
    # the earlier match (figures first on a tie).
    digit_scanner: regex.Pattern
    word_scanner: regex.Pattern
    digit_more: regex.Pattern  # a digit atom's run goes on: joiner + atom, or a glued scale
    vq_scale: regex.Pattern
    cont: regex.Pattern
    scale_glued: regex.Pattern
    joiner: regex.Pattern
    ordinal_suffix: regex.Pattern
    range_connector: regex.Pattern
    range_close: regex.Pattern
    range_open: regex.Pattern
    range_open_joiner: regex.Pattern
    range_not_after: regex.Pattern
    qual_before: regex.Pattern
    qual_not_after: dict[str, regex.Pattern]  # before-qualifier key -> words that cancel it
    qual_after: regex.Pattern
    qual_not_before: dict[str, regex.Pattern]  # after-qualifier key -> words that cancel it
    unit_after: regex.Pattern
    unit_before: regex.Pattern
    year_before: regex.Pattern
    year_after: regex.Pattern
    year_not_before: regex.Pattern
    month_after: regex.Pattern
    day_after_month: regex.Pattern
    time_suffix: regex.Pattern
    digit_map: dict[str, str]
    digit_sets: tuple[frozenset[str], ...]
    group_seps: frozenset[str]
    decimal_seps: frozenset[str]
    glued: bool
    qual_overrides: frozenset[str] = frozenset()  # after-qualifier keys that beat one before
    compound: bool = False  # compound_words: number words join inside one word
    compound_joiner: regex.Pattern | None = None  # a word joiner glued inside one ("und")
    lone_scale_next: regex.Pattern | None = None  # lone_scale_before (None: not listed)
    words: dict[str, Word] = field(default_factory=dict)
    qualifiers: dict[str, str] = field(default_factory=dict)  # key -> meaning (both positions)
    qualifiers_after: dict[str, str] = field(default_factory=dict)
    vague: dict[str, tuple[float, float | None]] = field(default_factory=dict)
    vague_quant: dict[str, tuple[float, float | None]] = field(default_factory=dict)
    proportions: dict[str, float] = field(default_factory=dict)
    prop_digits: regex.Pattern | None = None  # proportion forms written with digits ("3분의 1")
    units_ci: dict[str, UnitInfo] = field(default_factory=dict)
    units_cs: dict[str, UnitInfo] = field(default_factory=dict)
    months: dict[str, int] = field(default_factory=dict)
    year_after_keys: frozenset[str] = frozenset()
    year_min: int = 1900
    year_max: int = 2100
    bare_year: str = "count"
    # The named groups that exist in the scanner / `cont` (a language without cased number
    # words has no "lexi" group): the finder asks for them directly, not via groupdict().
    scan_words: tuple[str, ...] = ()
    cont_has_w: bool = False
    cont_has_a: bool = False
    # Gates (see factcheck.numbers.runs.right_flags): the few characters after a numeral /
    # before a figure -> which patterns of RIGHT / LEFT could match there (a partial match
    # of the snippet). Most figures have nothing to read around them, and the same snippets
    # (" tro", "ent ") recur, so one dict lookup replaces up to nine regex calls.
    right_seen: dict[str, tuple[bool, ...]] = field(default_factory=dict)
    # Unit form as written -> (kind, pint unit) or None: pure, and a few forms recur.
    unit_seen: dict[str, tuple[str, str] | None] = field(default_factory=dict)
    left_seen: dict[str, tuple[bool, ...]] = field(default_factory=dict)
    # Digit string -> (value, grouped, decimal): the same figures recur across a text and
    # across articles ("2025", "10"); reading them is pure, so it is done once.
    digit_cache: dict[str, tuple[float | None, bool, bool]] = field(default_factory=dict)


def _cls(chars: Iterable[str]) -> str:
    chars = sorted(set(chars))
    return "[" + "".join(regex.escape(c) for c in chars) + "]" if chars else "(?!)"


def _ci(forms: Iterable[str]) -> str:
    return "(?i:" + trie_regex(forms) + ")"


def _prop_digits(data: NumbersData) -> regex.Pattern | None:
    """Proportion forms that begin with a digit ("3분의 1"): read where a figure starts,
    before the digits are read as a number of their own."""
    forms = [f for v in data.proportions for f in v.forms if f[:1].isdigit()]
    return regex.compile(rf"{_ci(forms)}(?!\d)") if forms else None


def _lone_scale_next(forms: tuple[str, ...]) -> regex.Pattern | None:
    """``lone_scale_before``: a form written with a leading space follows after spaces
    ("천 명"), any other glued ("천여", "천명이")."""
    spaced = [f for f in forms if f[:1].isspace()]
    glued = [f for f in forms if not f[:1].isspace()]
    alts = ([rf"\s+{_ci(spaced)}"] if spaced else []) + ([_ci(glued)] if glued else [])
    return regex.compile("|".join(alts)) if alts else None


def _year_not_before(data: NumbersData) -> str:
    """A counted noun after a bare number, past up to ``count_modifier_words`` modifiers
    ("2000 troops", "2000 North Korean troops"): then the number is a count, not a year."""
    y = data.year
    if not y.not_before:
        return "(?!)"
    mods = ""
    if y.count_modifiers and y.count_modifier_words:
        mods = rf"(?:\s+{_ci(y.count_modifiers)}(?=\s)){{0,{y.count_modifier_words}}}"
    return rf"{mods}\s+{_ci(y.not_before)}(?!\w)"


def _words_ahead(forms: Iterable[str]) -> regex.Pattern:
    """Whitespace then one of ``forms`` as a whole word; a form ending in "*" matches any
    word it begins ("पहुंच*": पहुंचा, पहुंची, पहुंचने)."""
    whole = [f for f in forms if not f.endswith("*")]
    begins = [f[:-1] for f in forms if f.endswith("*")]
    alts = ([rf"{_ci(whole)}(?!\w)"] if whole else []) + ([_ci(begins)] if begins else [])
    return regex.compile(r"\s+(?:" + "|".join(alts) + ")")


def _ci_rev(forms: Iterable[str]) -> str:
    return "(?i:" + longest_first_regex(forms) + ")"


def _first_chars(digits: str, caseless: list[str], cased: list[str]) -> str:
    """A class of the characters a scanner match can start with (any encoding of a form)."""
    plain = set(digits) | {v[0] for f in caseless for v in _variants(f.strip())}
    folded = {v[0] for f in cased for v in _variants(f.strip())}
    alts = [_cls(plain)] if plain else []
    alts += ["(?i:" + _cls(folded) + ")"] if folded else []
    return "(?:" + "|".join(alts) + ")" if alts else "(?!)"


_GROUP_NAME = regex.compile(r"\(\?P<\w+>")


def _unnamed(rx: str) -> str:
    """``rx`` without group names, to unite patterns that name groups alike (a gate)."""
    return "(?:" + _GROUP_NAME.sub("(?:", rx) + ")"


def _add(table: dict, key: str, entry: object, what: str) -> None:
    if key in table and table[key] != entry:
        raise DataError(f"numbers: the form {key!r} is listed twice with different meanings ({what})")
    table[key] = entry


def _spaced(form: str) -> str:
    """A connector/joiner: words need whitespace around them, symbols may touch."""
    body = _ci([form])
    if regex.fullmatch(r"\w[\w\s.]*", form):
        return r"\s+" + body + r"\s+"
    return r"\s*" + body + r"\s*"


def compile_numbers(data: NumbersData) -> Patterns:
    """Build the patterns and tables of one language's ``numbers:`` section (pure).

    Raises:
        DataError: a form is listed twice with different meanings.
    """
    b = "" if data.glued else r"(?!\w)"
    digits = "".join(data.digits)
    d = _cls(digits)
    nonspace_seps = [s for s in (*data.group_separators, *data.decimal_separators) if not s.isspace()]
    ns = _cls(nonspace_seps)
    g = _cls(data.group_separators)
    p = _cls(data.decimal_separators)
    grouped = []
    if "western" in data.grouping:
        grouped.append(rf"{d}{{1,3}}(?:{g}{d}{{3}})+")
    if "indian" in data.grouping:
        grouped.append(rf"{d}{{1,2}}(?:{g}{d}{{2}})+{g}{d}{{3}}")
    num_core = "(?:" + "|".join([*grouped, rf"{d}+"]) + rf")(?:{p}{d}+)?"
    # Not glued to a neighbouring separator ("1,,000", ".5", "13.08.2025") or a slash
    # ("24/7"): such strings are not figures we can read, so nothing is returned.
    tail = rf"(?!{d}|{ns}(?:{ns}|{d})|/\d|\^)" if nonspace_seps else rf"(?!{d}|/\d|\^)"
    # "S-400", "मिग-29", "2024-25": a letter or digit, a hyphen, digits is a name or a span,
    # but a vowel sign before the hyphen is punctuation-like ("पढ़ेंः-132 साल").
    digit_lb = rf"(?<!\w)(?<![\p{{L}}\p{{N}}]-)(?<!\d/)(?<!\^)" + (rf"(?<!{ns})" if nonspace_seps else "")
    digit_atom = num_core + tail

    words: dict[str, Word] = {}
    for value, forms in data.words.items():
        for f in forms:
            _add(words, norm_key(f), Word("number", float(value)), f"words.{value}")
    for value, forms in data.ordinal_words.items():
        for f in forms:
            _add(words, norm_key(f), Word("ordinal", float(value)), f"ordinal_words.{value}")
    for sc in data.scales:
        for f in sc.forms:
            _add(words, norm_key(f), Word("scale", sc.value, sc.after_digits_only, sc.standalone), "scales")
    for m in data.modifiers:
        for f in m.forms:
            _add(words, norm_key(f), Word("modifier", m.add, alone=m.alone), "modifiers")
    for f in data.articles:
        _add(words, norm_key(f), Word("article", 1.0), "articles")

    word_forms = [f for fs in data.words.values() for f in fs]
    word_forms += [f for fs in data.ordinal_words.values() for f in fs]
    word_forms += [f for m in data.modifiers for f in m.forms]
    word_forms += [f for sc in data.scales if not sc.after_digits_only for f in sc.forms]
    all_scales = [f for sc in data.scales for f in sc.forms]
    word_scales = [f for sc in data.scales if not sc.after_digits_only for f in sc.forms]
    ordsuf = _ci(data.ordinal_suffixes) if data.ordinal_suffixes else "(?!)"

    # compound_words: a word atom may go on inside its word (two|thousand written as one word); a run that
    # ends inside a word is refused where every figure's end is checked (finder._clean_end)
    bw = "" if data.compound_words else b
    word_atom = rf"(?P<w>{_ci(word_forms)})(?P<wo>{ordsuf})?{bw}" if word_forms else "(?!)"
    art_atom = (
        rf"(?P<a>{_ci(data.articles)})(?=\s+{_ci(word_scales)}{b})" if data.articles and word_scales else "(?!)"
    )
    # A digit atom may be followed by any scale (5k, 5 bn); a word atom only by word scales.
    cont = rf"(?P<d>{digit_atom})|{word_atom}|{art_atom}|(?P<s>{_ci(all_scales)}){bw}"

    vague_forms = [f for v in (*data.vague, *data.proportions) for f in v.forms]
    vq_forms = [f for v in data.vague_quantifiers for f in v.forms]
    month_forms = [f for fs in data.months.values() for f in fs]
    months_rx = trie_regex(month_forms)
    time_rx = rf"(?<![\w:]){d}{{1,2}}:{d}{{2}}(?::{d}{{2}})?(?![\w:])"
    # One trie for every word that can start a number expression: one big alternation is
    # several times slower in `regex`. Forms without case (Devanagari, symbols) and month
    # names ("May", not "may") are matched as written, which is faster than (?i).
    # An article ("a", "an") starts a number only right before a word scale ("a hundred",
    # what `cont` reads there). One that is no other form and begins no word or scale form
    # is scanned with that condition, so the scanner does not stop at every "a" (or "and",
    # "a" + the ordinal suffix "nd") for nothing.
    others = {norm_key(f) for f in (*vague_forms, *vq_forms, *month_forms)}
    starts = [norm_key(f) for f in (*word_forms, *all_scales)]
    art_only = [
        a for a in data.articles
        if norm_key(a) not in others and not any(k.startswith(norm_key(a)) for k in starts)
    ]
    lexicon = [*vague_forms, *vq_forms, *word_forms, *(a for a in data.articles if a not in art_only)]
    caseless = [f for f in lexicon if f.lower() == f.upper()] + month_forms
    cased = [f for f in lexicon if f.lower() != f.upper()]
    lex_alts = []
    if caseless:
        lex_alts.append(rf"(?P<lex>{trie_regex(caseless)})")
    if cased:
        lex_alts.append(rf"(?P<lexi>{_ci(cased)})")
    if art_only and word_scales:
        lex_alts.append(rf"(?P<art>{_ci(art_only)})(?=\s+{_ci(word_scales)}{b})")
    digit_alts = "|".join(
        [
            rf"(?P<time>{time_rx})",
            rf"(?<![\w-])(?P<iso>{d}{{4}}-{d}{{2}}-{d}{{2}})(?![\w-])",  # 2025-09-04
            rf"{digit_lb}(?P<d>{digit_atom})",
        ]
    )
    word_body = rf"(?:{'|'.join(lex_alts)})(?P<wo>{ordsuf})?{bw}" if lex_alts else "(?!)"

    # longest first: " and " must win over the bare space it starts with
    joiners = [_spaced(j) for j in data.word_joiners] + [r"\s+"]
    joiner = "(?:" + "|".join(joiners) + ")" + ("?" if data.glued else "")

    qualifiers: dict[str, str] = {}
    qualifiers_after: dict[str, str] = {}
    for q in data.qualifiers:
        for f in q.forms:
            _add(qualifiers if q.position == "before" else qualifiers_after, norm_key(f), q.meaning, "qualifiers")
    qb = [f for q in data.qualifiers if q.position == "before" for f in q.forms]
    qa = [f for q in data.qualifiers if q.position == "after" for f in q.forms]

    vague = {norm_key(f): (v.low, v.high) for v in data.vague for f in v.forms}
    vague_quant = {norm_key(f): (v.low, v.high) for v in data.vague_quantifiers for f in v.forms}
    proportions = {norm_key(f): v.fraction for v in data.proportions for f in v.forms}

    units_ci: dict[str, UnitInfo] = {}
    units_cs: dict[str, UnitInfo] = {}
    for u in data.units:
        for f in u.forms:
            table = units_cs if u.case_sensitive else units_ci
            key = unicodedata.normalize("NFD", f) if u.case_sensitive else norm_key(f)
            _add(table, key, UnitInfo(u.unit, u.kind), f"units.{u.unit}")

    def unit_rx(units: list[Unit], rev: bool = False) -> str:
        cs = [f for u in units if u.case_sensitive for f in u.forms]
        ci = [f for u in units if not u.case_sensitive for f in u.forms]
        alts = ([(longest_first_regex if rev else trie_regex)(cs)] if cs else [])
        alts += [(_ci_rev if rev else _ci)(ci)] if ci else []
        return "(?:" + "|".join(alts) + ")" if alts else "(?!)"

    after_units = [u for u in data.units if u.position == "after"]
    before_units = [u for u in data.units if u.position == "before"]
    word_end = "" if data.glued else r"(?!\w|-\d)"

    months = {norm_key(f): n for n, fs in data.months.items() for f in fs}
    ys = r"\s?" if data.ordinal_suffix_space else ""
    conn = "|".join(_spaced(c) for c in data.ranges.connectors) or "(?!)"

    # A word match starts where no word character precedes it. When every form starts with
    # a word character that is exactly a word boundary, which `regex` checks several times
    # faster; otherwise checking the possible first characters first lets it skip most
    # positions without entering the trie.
    firsts = {v[0] for f in (*caseless, *cased, *art_only) for v in _variants(f.strip())}
    if all(regex.match(r"\w", c) for c in firsts):
        word_scanner = regex.compile(rf"\b{word_body}")
    else:
        word_scanner = regex.compile(rf"(?<!\w)(?={_first_chars('', caseless, [*cased, *art_only])}){word_body}")
    cont_rx = regex.compile(cont)
    scale_glued = rf"(?P<s>{_ci(all_scales)}){b}" if all_scales else "(?!)"
    vq_scale = rf"\s+(?P<s>{_ci(word_scales)}){b}" if word_scales else "(?!)"
    r = {  # what the finder may read right after a figure's numeral
        "ordinal_suffix": rf"{ys}(?:{ordsuf}){b}",
        "range_connector": "(?:" + conn + ")",
        "range_open_joiner": "(?:" + "|".join(_spaced(j) for j in data.ranges.open_joiners) + ")"
        if data.ranges.open_joiners
        else "(?!)",
        "qual_after": rf"\s*(?P<q>{_ci(qa)}){b}" if qa else "(?!)",
        "unit_after": rf"(?:\s*|-)(?P<u>{unit_rx(after_units)}){word_end}",
        "year_after": rf"\s*(?P<y>{_ci(data.year.after)}){b}" if data.year.after else "(?!)",
        # "24 February", "24. February" (some languages write the day with a dot)
        "month_after": rf"\.?\s*(?P<m>{months_rx})(?!\w)(?:,?\s+(?P<y>{d}{{4}})(?!\w))?" if month_forms else "(?!)",
        "time_suffix": rf"\s*(?:{_ci(data.time_suffixes)})(?!\w)" if data.time_suffixes else "(?!)",
        "digit_more": rf"{joiner}(?:{_unnamed(cont)})|{_unnamed(scale_glued)}",
    }
    # Reverse searches anchored at the figure's start; each gets its own (?r) flag.
    left = {
        "range_open": rf"(?<!\w){_ci_rev(data.ranges.open)}\s+\Z" if data.ranges.open else "(?!)",
        "range_not_after": rf"(?<!\w){_ci_rev(data.ranges.not_after)}\s+\Z" if data.ranges.not_after else "(?!)",
        "qual_before": rf"(?<!\w)(?P<q>{_ci_rev(qb)})\s*\Z" if qb else "(?!)",
        "unit_before": rf"(?<!\w)(?P<u>{unit_rx(before_units, rev=True)})\s*\Z",
        "year_before": rf"(?<!\w){_ci_rev(data.year.before)}\s+\Z" if data.year.before else "(?!)",
    }
    return Patterns(
        digit_scanner=regex.compile(rf"(?:{digit_alts})"),
        word_scanner=word_scanner,
        digit_more=regex.compile(r["digit_more"]),
        vq_scale=regex.compile(vq_scale),
        cont=cont_rx,
        scale_glued=regex.compile(scale_glued),
        joiner=regex.compile(joiner),
        ordinal_suffix=regex.compile(r["ordinal_suffix"]),
        range_connector=regex.compile(r["range_connector"]),
        range_close=regex.compile(rf"\s*(?:{_ci(data.ranges.close)}){b}" if data.ranges.close else "(?!)"),
        range_open=regex.compile("(?r)" + left["range_open"] if data.ranges.open else "(?!)"),
        range_open_joiner=regex.compile(r["range_open_joiner"]),
        range_not_after=regex.compile("(?r)" + left["range_not_after"] if data.ranges.not_after else "(?!)"),
        qual_before=regex.compile("(?r)" + left["qual_before"] if qb else "(?!)"),
        qual_not_after={
            norm_key(f): regex.compile(rf"(?r)(?<!\w){_ci_rev(q.not_after)}\s+\Z")
            for q in data.qualifiers
            if q.position == "before" and q.not_after
            for f in q.forms
        },
        qual_after=regex.compile(r["qual_after"]),
        qual_not_before={
            norm_key(f): _words_ahead(q.not_before)
            for q in data.qualifiers
            if q.position == "after" and q.not_before
            for f in q.forms
        },
        unit_after=regex.compile(r["unit_after"]),
        unit_before=regex.compile("(?r)" + left["unit_before"]),
        year_before=regex.compile("(?r)" + left["year_before"] if data.year.before else "(?!)"),
        year_after=regex.compile(r["year_after"]),
        year_not_before=regex.compile(_year_not_before(data)),
        month_after=regex.compile(r["month_after"]),
        day_after_month=regex.compile(
            rf"\.?,?\s*(?:(?P<d>{d}{{1,2}})(?:{ordsuf})?(?!\w)(?:,?\s+(?P<y>{d}{{4}})(?!\w))?"
            rf"|(?P<y2>{d}{{4}})(?!\w))"
        ),
        time_suffix=regex.compile(r["time_suffix"]),
        digit_map={c: str(i) for s in data.digits for i, c in enumerate(s)},
        digit_sets=tuple(frozenset(s) for s in data.digits),
        group_seps=frozenset(data.group_separators),
        decimal_seps=frozenset(data.decimal_separators),
        glued=data.glued,
        qual_overrides=frozenset(norm_key(f) for q in data.qualifiers
                                 if q.position == "after" and q.overrides_before for f in q.forms),
        compound=data.compound_words,
        compound_joiner=_compound_joiner(data) if data.compound_words else None,
        lone_scale_next=_lone_scale_next(data.lone_scale_before),
        words=words,
        qualifiers=qualifiers,
        qualifiers_after=qualifiers_after,
        vague=vague,
        vague_quant=vague_quant,
        proportions=proportions,
        prop_digits=_prop_digits(data),
        units_ci=units_ci,
        units_cs=units_cs,
        months=months,
        year_after_keys=frozenset(norm_key(f) for f in data.year.after),
        year_min=data.year.min,
        year_max=data.year.max,
        bare_year=data.year.bare,
        scan_words=tuple(g for g in ("lex", "lexi", "art") if g in word_scanner.groupindex),
        cont_has_w="w" in cont_rx.groupindex,
        cont_has_a="a" in cont_rx.groupindex,
    )


def _compound_joiner(data: NumbersData) -> regex.Pattern:
    """An optional word joiner written inside a compound number word ("ein**und**zwanzig")."""
    inner = [j for j in data.word_joiners if j.strip() and not any(c.isspace() for c in j)]
    return regex.compile(f"(?:{_ci(inner)})?" if inner else "")


_CACHE: dict[int, tuple[NumbersData, Patterns]] = {}


def patterns_for(data: NumbersData) -> Patterns:
    """The compiled patterns of ``data``, built once per data object."""
    hit = _CACHE.get(id(data))
    if hit is not None and hit[0] is data:
        return hit[1]
    compiled = compile_numbers(data)
    if len(_CACHE) > 64:  # user-made data objects; keep the cache bounded
        _CACHE.clear()
    _CACHE[id(data)] = (data, compiled)
    return compiled
