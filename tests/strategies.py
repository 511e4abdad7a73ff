"""Hypothesis strategies shared by the property tests (one place, per STYLE.md)."""

from __future__ import annotations

from hypothesis import strategies as st

from factcheck.values import Approx, AtLeast, AtMost, Between, Exact, Vague

counts = st.integers(min_value=0, max_value=10**12)
small_counts = st.integers(min_value=1, max_value=10**7)


@st.composite
def values(draw: st.DrawFn):
    """Any Value variant with sensible fields."""
    v = draw(small_counts)
    kind = draw(st.sampled_from(["exact", "approx", "at_least", "at_most", "between", "vague"]))
    if kind == "exact":
        return Exact(value=v)
    if kind == "approx":
        return Approx(value=v, tolerance=draw(st.sampled_from([0.05, 0.1, 0.2])))
    if kind == "at_least":
        return AtLeast(value=v, strict=draw(st.booleans()))
    if kind == "at_most":
        return AtMost(value=v, strict=draw(st.booleans()))
    if kind == "between":
        hi = draw(st.integers(min_value=v, max_value=v * 3))
        return Between(low=v, high=hi)
    return Vague(low=v, high=draw(st.one_of(st.none(), st.just(v * 10))), word="w")


# --- reconciliation (owner: reconcile) -------------------------------------------------


def make_claim(
    value,
    *,
    text: str | None = None,
    measure: str = "troops_deployed",
    subject: str = "north_korea",
    unit: str = "soldier",
    source: str = "unattributed",
    chain: tuple[str, ...] = (),
    as_of=None,
    precision: str | None = "day",
    published=None,
    article: str = "a1",
    start: int = 0,
    modality: str = "asserted",
    role: str = "total",
    publisher: str | None = None,
):
    """A hand-built Claim (tests must not depend on extraction); ``text`` defaults to the figure."""
    from factcheck.models import Attribution, Claim, Evidence, Modality, Role, TimeScope

    text = text if text is not None else f"{value.point or 0:g}"
    ev = Evidence(
        article_id=article, start=start, end=start + len(text), text=text,
        sentence_start=start, sentence_end=start + len(text), sentence=text,
    )
    return Claim(
        article_id=article, measure=measure, subject=subject, value=value, unit=unit,
        modality=Modality(modality), role=Role(role),
        attribution=Attribution(source=source, chain=chain),
        time=TimeScope(as_of=as_of, precision=precision if as_of else None),
        evidence=ev, published=published, publisher=publisher,
    )


@st.composite
def reconcile_claims(draw: st.DrawFn, *, measures=("troops_deployed", "weekly_attacks")):
    """A Claim with random figure, date (or none), source, modality, role and unit."""
    import datetime as dt

    value = draw(values())
    day0 = dt.date(2024, 1, 1)
    as_of = draw(st.one_of(st.none(), st.integers(0, 700).map(lambda d: day0 + dt.timedelta(days=d))))
    published = draw(st.one_of(st.none(), st.integers(0, 700).map(lambda d: day0 + dt.timedelta(days=d))))
    return make_claim(
        value,
        measure=draw(st.sampled_from(measures)),
        unit=draw(st.sampled_from(["soldier", "soldier", "soldier", "missile"])),
        source=draw(st.sampled_from(["unattributed", "NIS", "Ukraine", "KCNA"])),
        as_of=as_of,
        precision=draw(st.sampled_from(["day", "month", "year"])),
        published=published,
        article=draw(st.sampled_from(["a1", "a2", "a3", "a4"])),
        start=draw(st.integers(0, 50)),
        modality=draw(st.sampled_from(["asserted", "asserted", "estimated", "possible"])),
        role=draw(st.sampled_from(["total", "total", "increment", "subset"])),
    )


@st.composite
def contested_claims(draw: st.DrawFn):
    """A running-total claim from a crowded few weeks: few figures, several sources, one unit,
    so groups hold many conflicts, shrinks and growths (the bounded-pairs properties need them)."""
    import datetime as dt

    value = draw(st.sampled_from([
        Exact(value=1000), Exact(value=3000), Exact(value=10000), Exact(value=12000), Approx(value=3000),
        Approx(value=11000), Approx(value=15000), AtLeast(value=300), AtLeast(value=5000),
    ]))
    return make_claim(
        value,
        source=draw(st.sampled_from(["unattributed", "NIS", "Ukraine", "KCNA", "Pentagon"])),
        as_of=dt.date(2024, 10, 1) + dt.timedelta(days=draw(st.integers(0, 60))),
        article=draw(st.sampled_from([f"a{k}" for k in range(12)])),
        start=draw(st.integers(0, 500)),
        modality=draw(st.sampled_from(["asserted", "asserted", "estimated", "possible"])),
        publisher=draw(st.sampled_from([None, "example.org"])),
    )


@st.composite
def reconcile_claims_odd_text(draw: st.DrawFn):
    """A reconcile claim whose quoted text, sources and relays are any text (JSON layout edge cases)."""
    odd = st.one_of(st.text(max_size=12), st.sampled_from(['"},\n  {"', "\n", "\\", "\u2028", "हज़ार", ",\n"]))
    claim = draw(reconcile_claims())
    text = draw(odd)
    return make_claim(
        claim.value, text=text, measure=claim.measure, unit=claim.unit,
        source=draw(odd), chain=tuple(draw(st.lists(odd, max_size=3))),
        as_of=claim.time.as_of, precision=claim.time.precision or "day", published=claim.published,
        article=draw(st.sampled_from(["a1", "a2", "x\ny", '"q"'])), start=claim.evidence.start,
        modality=claim.modality.value, role=claim.role.value, publisher=draw(st.one_of(st.none(), odd)),
    )


#: Fragments that break number, quote and sentence parsers (for the fuzz tests, issue 7):
#: doubled separators, huge numbers, digits of other scripts, stray quotes and marks,
#: control characters, HTML remnants, and pieces of real claims to get past the cheap paths.
MESSY_FRAGMENTS = (
    "1,,000", "1,000,", ",000", "1.2.3", "10^400", "1" + "0" * 400, "1e400", "-0", "NaN", "∞",
    "١٢٣", "۴۵۶", "१५,०००", "१,५०,०००", "௧௨", "๑๒", "15,000", "3,000", "11,000", "0.5", "½",
    "लगभग 15,000 सैनिक", "about 3,000 more troops", "more than 11,000 soldiers", "कम से कम 100",
    "at least 100 missiles", "हजारों", "हज़ार", "thousands of", "between 600 and", "600-2,000",
    "“", "”", '"', "'", "«", "»", "(", ")", "।", "॥", ".", "\n", "\r\n", "\t", "\x00", "\x1b[31m",
    "\u200b", "\u200c", "\u200d", "\ufeff", "\u0301", "\u093c", "\u094d", "\U0001f600",
    "सैनिक", "troops", "killed", "मारे गए", "भेजे", "said", "NIS", "के अनुसार", "according to",
    "<p>", "&nbsp;", "%", "$", "km", "2024", "13 अगस्त", "September 4, 2025", "ये भी पढ़ें", "Also read",
)


@st.composite
def messy_texts(draw: st.DrawFn, max_parts: int = 30) -> str:
    """Arbitrary Unicode mixed with MESSY_FRAGMENTS, joined without separators."""
    part = st.one_of(st.sampled_from(MESSY_FRAGMENTS), st.text(max_size=20), st.just(" "))
    return "".join(draw(st.lists(part, max_size=max_parts)))


@st.composite
def text_with_spans(draw: st.DrawFn) -> tuple[str, list[tuple[int, int]]]:
    """A messy or claim-dense text and sorted, non-overlapping spans of it (gaps, empty spans,
    cuts anywhere, also inside a figure or a qualifier)."""
    text = draw(st.one_of(messy_texts(), claim_texts()))
    cuts = sorted(draw(st.lists(st.integers(0, len(text)), max_size=12)))
    bounds = [0, *cuts, len(text)]
    pairs = list(zip(bounds, bounds[1:]))
    keep = draw(st.lists(st.booleans(), min_size=len(pairs), max_size=len(pairs)))
    return text, [span for span, k in zip(pairs, keep) if k]


#: Words that make claims when put together (extraction property tests): numbers, qualifiers,
#: counted nouns, event cues, subjects, modality and role cues, teaser markers, in hi and en.
CLAIM_WORDS = (
    "लगभग", "करीब", "कम से कम", "से अधिक", "15,000", "600", "हजारों", "2", "अतिरिक्त", "और",
    "उत्तर कोरिया", "उत्तर कोरियाई", "ने", "के", "की", "रूस", "में", "को", "सैनिक", "सैनिकों",
    "मिसाइलें", "गोले", "कॉम्बैट इंजीनियर", "भेजे", "तैनात", "मारे गए", "मौत", "घायल", "हताहत",
    "सकता है", "नहीं", "अनुमान", "अगर", "।", ",", "\n", "ये भी पढ़ें:", "Latest News",
    "about", "at least", "more than", "3,000", "thousands of", "more", "another", "North Korea",
    "North Korean", "Russia's", "troops", "soldiers", "missiles", "shells", "combat engineers",
    "sent", "deployed", "killed", "wounded", "casualties", "captured", "supplied", "may", "not",
    "estimated", "If", "of whom", "to", ".", "Also read:", "155mm", "1.2 million-strong",
    # the noun before a bare number (extraction/linked.py)
    "numbering", "number of", "reached", "rose to", "toll", ":", "-strong", "more,", "civilians",
    "की संख्या", "बढ़कर", "हताहतों",
)


@st.composite
def claim_texts(draw: st.DrawFn, max_words: int = 40) -> str:
    """Sentences built from CLAIM_WORDS (dense in claims), sometimes with arbitrary text."""
    word = st.one_of(st.sampled_from(CLAIM_WORDS), st.sampled_from(CLAIM_WORDS), st.text(max_size=5))
    sep = st.sampled_from([" ", " ", " ", "", "\n"])
    parts = draw(st.lists(st.tuples(word, sep), max_size=max_words))
    return "".join(w + s for w, s in parts)


# --- number normaliser (tests/test_numbers_properties.py) ------------------------------

#: Integers the number writers below can spell in words (the issue asks for < 10^9).
word_counts = st.integers(min_value=0, max_value=10**9 - 1)


def western_grouping(n: int) -> str:
    """15000 -> "15,000"."""
    return f"{n:,}"


def indian_grouping(n: int) -> str:
    """150000 -> "1,50,000": the last three digits, then groups of two."""
    s = str(n)
    if len(s) <= 3:
        return s
    head, tail = s[:-3], s[-3:]
    groups = []
    while len(head) > 2:
        groups.insert(0, head[-2:])
        head = head[:-2]
    return ",".join([head, *groups, tail])


def to_script_digits(s: str, digits: str) -> str:
    """Rewrite ASCII digits with another script's digits 0-9 ("०१२३४५६७८९")."""
    return s.translate(str.maketrans("0123456789", digits))


def words_from_data(n: int, language: str) -> str:
    """Spell ``n`` < 10^9 in words from the language's own ``numbers:`` data.

    Uses the first form of each word and the scales that are powers of ten (Hindi: सौ,
    हजार, लाख, करोड़). An independent writer for languages num2words gets wrong.
    """
    from factcheck.langdata import load_language

    data = load_language(language).numbers
    word = {int(v): forms[0] for v, forms in data.words.items() if v == int(v)}
    scales = sorted(
        ((int(s.value), s.forms[0]) for s in data.scales
         if not s.after_digits_only and str(int(s.value)).strip("0") == "1" and s.value <= 10**7),
        reverse=True,
    )
    if n == 0:
        return word[0]
    out = []
    for value, form in scales:
        if n >= value:
            out.append(words_from_data(n // value, language) + " " + form)
            n %= value
    if n:
        out.append(word[n])
    return " ".join(out)


#: The spaces Russian writes between digit groups: space, no-break, narrow no-break, thin.
RUSSIAN_GROUP_SPACES = (" ", "\u00a0", "\u202f", "\u2009")


@st.composite
def russian_grouping(draw: st.DrawFn, n: int) -> str:
    """15000 -> "15 000" with any of RUSSIAN_GROUP_SPACES; four digits may go ungrouped ("4700")."""
    if n < 10_000 and draw(st.booleans()):
        return str(n)
    return f"{n:,}".replace(",", draw(st.sampled_from(RUSSIAN_GROUP_SPACES)))


@st.composite
def korean_numeral(draw: st.DrawFn, n: int) -> str:
    """``n`` as Korean news writes it: 10^4 groups with 만/억/조, each group in digits or
    with 천/백 ("1만5천", "1만 5000", "4천700", "1억2천만"), groups joined with or without a space.
    """
    if n == 0:
        return "0"
    units = [(10**12, "조"), (10**8, "억"), (10**4, "만"), (1, "")]
    parts = []
    for value, unit in units:
        chunk, n = divmod(n, value)
        if chunk == 0:
            continue
        if draw(st.booleans()):
            text = str(chunk)
        else:
            text, rest = "", chunk
            for v, u in ((1000, "천"), (100, "백")):
                d, rest = divmod(rest, v)
                if d:
                    text += f"{d}{u}"
            text += str(rest) if rest else ""
        parts.append(text + unit)
    return "".join(p if i == 0 else draw(st.sampled_from(["", " "])) + p for i, p in enumerate(parts))


#: Pieces of attributed news sentences (attribution and time, issue 4): sources in several
#: scripts, cues on both sides, back-references, datelines, time phrases, figures.
ATTRIBUTION_FRAGMENTS = (
    "एनआईएस", "राष्ट्रीय ख़ुफ़िया सेवा", "केसीएनए", "योनहाप", "तास", "ब्लूमबर्ग", "दक्षिण कोरियाई", "यूक्रेन",
    "NIS", "KCNA", "Yonhap", "the Pentagon", "Ukrainian officials", "ТАСС", "국정원", "US", "us",
    " के अनुसार", " ने कहा", " ने मंगलवार को कहा था कि", " के हवाले से", " का हवाला देते हुए बताया",
    " said", " according to", ", citing", ", said", " told", " reported",
    "एजेंसी ने यह भी", "रिपोर्ट में यह भी बताया गया", "the agency added", "it said", "बता दें कि",
    "सियोल, 4 सितंबर (आईएएनएस)", "SEOUL (Reuters) -", "--आईएएनएस", "(एपी)",
    "पिछले साल अक्टूबर से", "2024 के अंत में", "अब तक", "since October last year", "in 2024", "last week",
    "अप्रैल में आई रिपोर्ट", "on Tuesday", "Wednesday, August 13, 2025", "Updated: 30 Nov, 2024 11:26 AM",
    "लगभग 15,000 सैनिक", "11,000 से अधिक", "about 2,000 troops", "11 देशों की एक रिपोर्ट",
    "।", ".", "\n", "\n\n", ", ", " ", ":", "(", ")",
)


@st.composite
def attribution_texts(draw: st.DrawFn, max_parts: int = 25) -> str:
    """News-like text from ATTRIBUTION_FRAGMENTS, with some arbitrary text mixed in."""
    part = st.one_of(st.sampled_from(ATTRIBUTION_FRAGMENTS), st.sampled_from(ATTRIBUTION_FRAGMENTS),
                     st.text(max_size=8))
    return " ".join(draw(st.lists(part, min_size=1, max_size=max_parts)))


@st.composite
def year_word_phrases(draw: st.DrawFn) -> tuple[str, str, int]:
    """(language, text, year): a year in range and one of the language's ``year.after``
    words, maybe after one of its before-qualifiers ("до 2025 года", "최대 2025년")."""
    from factcheck.langdata import load_language, supported_languages

    code = draw(st.sampled_from(sorted(c for c in supported_languages() if load_language(c).numbers.year.after)))
    data = load_language(code).numbers
    year = draw(st.integers(min_value=data.year.min, max_value=data.year.max))
    quals = sorted(f for q in data.qualifiers if q.position == "before" for f in q.forms)
    qual = draw(st.sampled_from(["", *quals]))
    glue = "" if data.glued else " "
    return code, f"{qual} {year}{glue}{draw(st.sampled_from(data.year.after))}".strip(), year


@st.composite
def year_word_durations(draw: st.DrawFn) -> tuple[str, str, int, str]:
    """(language, text, n, unit): a number below the year range and a unit form that is
    also a ``year.after`` word ("2 года")."""
    from factcheck.langdata import load_language, supported_languages

    pairs = []
    for code in sorted(supported_languages()):
        data = load_language(code).numbers
        after = {f.casefold() for f in data.year.after}
        pairs += [(code, f, u.unit) for u in data.units if u.position == "after" for f in u.forms
                  if f.casefold() in after]
    code, form, unit = draw(st.sampled_from(pairs))
    data = load_language(code).numbers
    n = draw(st.integers(min_value=1, max_value=min(99, data.year.min - 1)))
    return code, f"{n}{'' if data.glued else ' '}{form}", n, unit


# --- extraction claim gate (tests/test_extraction_gate.py) ------------------------------

def _lexicon_words(code: str) -> list[str]:
    """Every surface form of a language's ``extraction:`` data (wildcards completed)."""
    from factcheck.langdata import load_language

    d = load_language(code).extraction
    words: list[str] = []
    for value in d.model_dump().values():
        stack = [value]
        while stack:
            v = stack.pop()
            if isinstance(v, str):
                words.append(v.replace("*", "s"))
            elif isinstance(v, dict):
                stack.extend(v.values())
            elif isinstance(v, (list, tuple)):
                stack.extend(v)
    return sorted({w for w in words if w.strip()})


@st.composite
def lexicon_texts(draw: st.DrawFn, code: str, max_words: int = 40) -> str:
    """Text of one language assembled from its extraction lexicon (nouns, cues, subjects,
    links, modality words …), numbers in several spellings and sentence/clause marks,
    glued or spaced at random — dense in claims and in near-misses."""
    from factcheck.langdata import load_language

    lang = load_language(code)
    digits = lang.numbers.digits[-1] if lang.numbers.digits else "0123456789"
    number = st.one_of(
        st.integers(0, 10**7).map(str),
        st.integers(1000, 10**6).map(western_grouping),
        st.integers(0, 10**5).map(lambda n: to_script_digits(str(n), digits)),
    )
    marks = st.sampled_from([".", ",", ";", ":", "?", "!", "\n", "-", "'s", "(", ")", *lang.extraction.sentence_ends])
    word = st.one_of(st.sampled_from(_lexicon_words(code)), number, marks, st.text(max_size=4))
    sep = st.sampled_from([" ", " ", " ", "", "\n", ". "])
    parts = draw(st.lists(st.tuples(word, sep), max_size=max_words))
    noise = "".join(w + s for w, s in parts)
    # claim-shaped sentences: the slots a claim has, each filled, left out or moved at random
    d = lang.extraction

    def pick(*groups):
        forms = sorted({f.replace("*", "s") for g in groups for f in g if f.strip("*").strip()})
        return st.sampled_from(["", *forms]) if forms else st.just("")

    flat = lambda m: [w for ws in m.values() for w in ws]  # noqa: E731
    subsets = [w for subs in d.subsets.values() for ws in subs.values() for w in ws]
    quals = [f for q in lang.numbers.qualifiers for f in q.forms]
    r, m = d.role, d.modality
    sentences = []
    for _ in range(draw(st.integers(1, 4))):
        slots = [
            draw(pick(flat(d.subjects))), draw(pick(d.agent_after, d.owner_after)),
            draw(pick(m.denied, m.hypothetical, m.possible, m.planned, m.estimated, d.negation)),
            draw(pick(flat(d.events))), draw(pick(flat(d.nouns), flat(d.event_nouns))),
            draw(pick(d.count_links, d.count_heads, r.increment_before, r.subset_before, r.total_before)),
            draw(pick(quals)), draw(number),
            draw(pick(r.increment_between, d.modifiers, flat(d.subjects))),
            draw(pick(flat(d.nouns), subsets, flat(d.event_nouns), d.other_nouns)),
            draw(pick(flat(d.events), d.ellipsis_words, r.increment_after)),
            draw(pick(flat(d.subjects))), draw(pick(d.destination_after, d.clause_words)),
        ]
        if draw(st.booleans()):
            i = draw(st.integers(0, len(slots) - 2))
            slots[i], slots[i + 1] = slots[i + 1], slots[i]
        glue = draw(st.sampled_from([" ", " ", ", "]))
        end = draw(st.sampled_from([*d.sentence_ends, "\n", ""]))
        sentences.append(glue.join(x for x in slots if x) + end)
    claims = " ".join(sentences)
    return draw(st.sampled_from([claims, claims + " " + noise, noise + " " + claims, noise]))

