"""Schema of the ``numbers:`` section of a language file (owned by the number normaliser).

Keys are language-neutral concepts; values are surface forms as written in the language.
The engine (:mod:`factcheck.numbers.finder`) never names a language: a new language is a
new ``numbers:`` section. Matching rules that hold for every key:

- Surface forms are matched as whole words: not preceded by a letter or digit, and not
  followed by one unless ``glued: true`` (Korean ``1만명이``). Latin letters match in any
  case except ``months`` and units with ``case_sensitive: true``.
- A form containing a precomposed or decomposed nukta (ज़ / ज़) matches both encodings;
  the nukta-less spelling (हजार vs हज़ार) must be listed as its own form.
- Whitespace inside a form matches any run of whitespace.

Keys (all optional; see ``factcheck/data/lang/hi.yaml`` and ``en.yaml`` for full examples)::

    numbers:
      digits: ["0123456789", "०१२३४५६७८९"]   # each string is one script's digits 0-9;
                                           # one numeral never mixes scripts
      group_separators: [","]              # Russian: [" ", " ", " "]
      decimal_separators: ["."]            # Russian: [","]
      grouping: [western, indian]          # 1,500,000 (3-3-3) / 15,00,000 (2-2-3)
      glued: false                         # Korean: particles follow numbers without space
      compound_words: false                # true: number words joined into one word
      words: {1: [one], 15: [fifteen], 1.5: [डेढ़, डेढ]}   # number words, value -> forms
      scales:                              # multiply what precedes them
        - {value: 1000, forms: [thousand]}
        - {value: 1000, forms: [k], after_digits_only: true}  # 5k, never "five k"
        - {value: 100, forms: [सौ], standalone: true}         # "सौ" alone means 100
      articles: [a, an]                    # "a hundred", "a dozen": 1 before a scale
      modifiers:                           # act on the next number: साढ़े तीन = 3.5
        - {forms: [साढ़े], add: 0.5}
        - {forms: [सवा], add: 0.25, alone: 1.25}            # सवा लाख = 125,000
      word_joiners: ["-", ",", and]        # may join number words besides whitespace
      ordinal_words: {1: [first], 3: [तीसरा, तीसरे, तीसरी]}
      ordinal_suffixes: [th, st, nd, rd]   # glued to digits or number words: 5th, पांचवां
      ordinal_suffix_space: false          # true: "80 वीं" (a space before the suffix) too
      qualifiers:                          # meaning: approx | at_least | more_than |
        - {forms: [about, around], position: before, meaning: approx}   # at_most | less_than
        - {forms: [से अधिक], position: after, meaning: more_than}
        - {forms: [до], position: before, meaning: at_most,
           not_after: [выросло]}                # "выросло до 14 тысяч": rose to 14,000
        - {forms: [तक], position: after, meaning: at_most,
           not_before: ["पहुंच*"]}              # "4,000 तक पहुंची": reached 4,000
      vague:                               # a word that implies an interval
        - {forms: [thousands], low: 2000, high: null}
      vague_quantifiers:                   # word + scale: "several hundred" = [200, 900]
        - {forms: [several, a few], low: 2, high: 9}
      proportions:                         # a share of a total: "about a third" (no figure)
        - {forms: [a third, one third], fraction: 0.3333}
      ranges:
        connectors: ["-", "–", to]         # 10-12, 10 to 12 thousand
        open: [between]                    # between 10 and 12
        open_joiners: [and]
        close: [के बीच]                     # trailing words that belong to the range
        not_after: [from]                  # "from 5,000 to 10,000" is a change, no range
      units:                               # non-count units (pint names, factcheck.units)
        - {forms: [km, किमी], unit: kilometer}               # kind from dimensionality
        - {forms: [C, "°C"], unit: degree_Celsius, case_sensitive: true}
        - {forms: [mm], unit: millimeter, kind: calibre}     # kind overrides it
        - {forms: [$], unit: US_dollar, kind: money, position: before}
      months: {1: [January, Jan, Jan.]}    # case-sensitive ("May" but not "may")
      time_suffixes: [AM, PM, a.m.]        # 11:26 AM, 10 बजे
      year:                                # bare 4-digit integers in [min, max]
        min: 1900
        max: 2100
        before: [in, since]                # "in 2024" -> year
        after: [में]                        # "2024 में" -> year
        bare: count                        # otherwise: count (hi) or year (en)
        not_before: [troops, people]       # bare: year, yet "2000 troops" is a count
        count_modifiers: [North Korean]    # "2000 North Korean troops" is a count too
        count_modifier_words: 3            # at most this many modifiers in between

Qualifier meanings map onto :mod:`factcheck.values`: ``approx`` -> Approx (tolerance from
``Settings.approx_tolerance``), ``at_least`` -> AtLeast(strict=False), ``more_than`` ->
AtLeast(strict=True), ``at_most`` -> AtMost, ``less_than`` -> AtMost(strict=True).
A following "more"/"और"/"अतिरिक्त" is *not* a qualifier ("3,000 more troops" is an
increment, decided by extraction): list only forms that hedge the figure.

How the engine reads the data (the same for every language):

- Numbers: a run of atoms (digit numerals, ``words``, ``scales``, ``modifiers``,
  ``articles``) joined by whitespace or ``word_joiners`` (digits and a following scale
  may touch: "5k", "1.5लाख"; with ``glued`` anything may touch: "1만5천"). A scale
  multiplies the trailing items smaller than itself and the items are added, largest
  first ("एक लाख पचास हजार", "3억5천만", "two hundred thousand"); two plain word numbers
  add only when the second fits in the first's zeros ("twenty five", "двести двадцать");
  two digit numerals never add. A run that breaks these rules is split.
- A vague word (``vague``) or a quantifier + scale (``vague_quantifiers``) is a Vague.
- A ``proportions`` word is a Vague with its ``fraction`` and no figure (interval [0, inf));
  a qualifier right before it ("more than half") or right after it ("आधे से ज़्यादा") is
  its bound, else ``approx``.
- Right of a number, in this order: ordinal suffix -> ordinal; day + month [+ year] ->
  date; plain integer <= 24 + ``time_suffixes`` -> time; qualifier after; range
  (``connectors`` + a number; a first end without scale shares the second's scale: "10 से
  12 हजार"; "between … and …"; ``close`` words join the span; a reversed range is no
  range); unit after (or a ``position: before`` unit such as "$"); qualifier before.
- Year: a plain 4-digit integer in [min, max] with no unit and no qualifier after it
  (other than a qualifier form that is also a ``year.after`` word, like तक) is a year when
  a ``year.after`` word follows it (this wins over a qualifier before it: "до 2025 года"
  is a year, not "at most 2025"), else, with no qualifier before it, when a
  ``year.before`` word precedes it, or ``bare: year`` holds and no ``year.not_before``
  word follows it, directly or past up to ``count_modifier_words`` ``count_modifiers``
  ("2000 troops were killed", "2000 North Korean troops" are counts; "in 2000 troops",
  "In 2000, North Korean troops" years).
  A ``units`` form may also be a ``year.after`` word (Russian "года"): after a year in
  range it is the year word ("2025 года"), after any other number the unit ("два года",
  a duration).
- A before-qualifier is no qualifier when one of its ``not_after`` words stands right
  before it ("выросло до 14 тысяч" = rose to 14,000, an exact figure; nor is it a year).
- An after-qualifier is no qualifier when one of its ``not_before`` words follows it
  ("4,000 तक पहुंच गई" = reached 4,000, an exact figure; the span ends at the numeral).
- After a qualifier, a scale word standing alone counts one of the scale ("more than
  thousand" = more than 1,000, "약 만" = about 10,000), even when the form is also a
  ``vague`` word (Russian "тысячи" is "thousands" and the genitive of "тысяча"):
  "более тысячи" = more than 1,000, "около сотни тысяч" = about 100,000.
- Kind: the unit's ``kind``, else derived from the pint dimensionality
  (:func:`factcheck.units.kind_of`: length, temperature, duration, mass, money, percent),
  else ordinal/year/date/time, else "count".
- Never a figure: digits glued to letters ("5G", "F16"; in a ``glued`` language only
  letters with case count, so "1만명" is a figure and "5G망" is not), a letter/digit + hyphen + digits
  ("S-400", "2024-25"), doubled separators ("1,,000"), mixed scripts, slashes ("24/7"),
  "^", and anything above 10^15.

>>> NumbersData(words={1: ("one",)}).words[1]
('one',)
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator

Forms = tuple[str, ...]
Meaning = Literal["approx", "at_least", "more_than", "at_most", "less_than"]


class _Frozen(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class Scale(_Frozen):
    """A word that multiplies the number before it: हजार, thousand, 만, тысяч."""

    value: float = Field(gt=1, description="The multiplier (1000 for 'thousand').")
    forms: Forms = Field(min_length=1)
    after_digits_only: bool = Field(
        default=False, description="Only after digits ('5k', '5 bn'), never after number words."
    )
    standalone: bool = Field(
        default=False, description="Alone it means 1 x value ('सौ' = 100, 'हजार' = 1000)."
    )


class Modifier(_Frozen):
    """A word changing the next number: साढ़े (+0.5), सवा (+0.25), पौने (-0.25)."""

    forms: Forms = Field(min_length=1)
    add: float
    alone: float | None = Field(
        default=None, description="Its value when followed directly by a scale (सवा लाख = 1.25 लाख)."
    )


class Qualifier(_Frozen):
    """Words that hedge a figure, before or after it ("about 15,000", "15,000 से अधिक")."""

    forms: Forms = Field(min_length=1)
    position: Literal["before", "after"]
    meaning: Meaning
    not_after: Forms = Field(
        default=(),
        description='Words right before a "before" qualifier that make it a preposition, not a hedge '
        '("выросло до 14 тысяч" = rose to 14,000).',
    )
    not_before: Forms = Field(
        default=(),
        description='Words right after an "after" qualifier that make it a preposition, not a hedge '
        '("4,000 तक पहुंच गई" = reached 4,000); a form ending in "*" matches any word it begins '
        '("पहुंच*": पहुंचा, पहुंची, पहुंचने).',
    )
    overrides_before: bool = Field(
        default=False,
        description='An "after" qualifier whose meaning wins over a qualifier before the figure '
        '(Korean "약 3천 명 이상": about ... or more = at least 3,000); the phrase keeps both.',
    )


class VagueWord(_Frozen):
    """A word for an amount without a figure ("thousands"); ``high=None`` means unbounded."""

    forms: Forms = Field(min_length=1)
    low: float = Field(ge=0)
    high: float | None = None


class Proportion(_Frozen):
    """A word for a share of a total ("a third", "half", "एक तिहाई"): a proportion claim."""

    forms: Forms = Field(min_length=1)
    fraction: float = Field(gt=0, le=1, description="The share it names (0.5 for 'half').")


class VagueQuantifier(_Frozen):
    """A word that, before a scale, makes a vague amount: several hundred = [2, 9] x 100."""

    forms: Forms = Field(min_length=1)
    low: float = Field(ge=0)
    high: float | None = None


class Ranges(_Frozen):
    """How a range is written: "10-12", "10 से 12 हजार", "between 10 and 12"."""

    connectors: Forms = ()
    open: Forms = ()
    open_joiners: Forms = ()
    close: Forms = ()
    not_after: Forms = Field(
        default=(), description='Words that make "X to Y" a change, not a range ("from 5 to 10").'
    )


class Unit(_Frozen):
    """A non-count unit written next to a number; ``unit`` is a name in factcheck.units."""

    forms: Forms = Field(min_length=1)
    unit: str
    kind: str | None = Field(
        default=None, description="Overrides the kind derived from the unit's dimensionality."
    )
    position: Literal["before", "after"] = "after"
    case_sensitive: bool = False


class YearRule(_Frozen):
    """When a bare 4-digit integer is a year rather than a count."""

    min: int = 1900
    max: int = 2100
    before: Forms = ()
    after: Forms = ()
    bare: Literal["count", "year"] = "count"
    not_before: Forms = Field(
        default=(),
        description='With bare: year, words after which a bare number is a count ("2000 troops").',
    )
    count_modifiers: Forms = Field(
        default=(),
        description="Words that may stand between a bare number and a not_before word, which "
        'still make it a count ("2000 North Korean troops", "1500 Russian soldiers").',
    )
    count_modifier_words: int = Field(
        default=3, ge=0, le=6, description="At most this many count_modifiers in a row."
    )


class NumbersData(_Frozen):
    """The ``numbers:`` section of a language file (see the module docstring)."""

    digits: Forms = ("0123456789",)
    group_separators: Forms = (",",)
    decimal_separators: Forms = (".",)
    grouping: tuple[Literal["western", "indian"], ...] = ("western",)
    glued: bool = False
    compound_words: bool = Field(
        default=False,
        description="Number words, scales and word joiners may be written together as one word "
        "(two-thousand-five-hundred as a single word): inside a word they join without a space. "
        "A run that ends inside a word is no number (a longer word that begins like a number word).",
    )
    words: dict[float, Forms] = {}
    scales: tuple[Scale, ...] = ()
    articles: Forms = ()
    modifiers: tuple[Modifier, ...] = ()
    word_joiners: Forms = ()
    ordinal_words: dict[int, Forms] = {}
    ordinal_suffixes: Forms = ()
    ordinal_suffix_space: bool = False
    qualifiers: tuple[Qualifier, ...] = ()
    vague: tuple[VagueWord, ...] = ()
    vague_quantifiers: tuple[VagueQuantifier, ...] = ()
    proportions: tuple[Proportion, ...] = Field(
        default=(),
        description='Words for a share of a total ("about a third", "more than half"): a vague '
        "amount with that fraction and no figure, keeping a qualifier before or after it.",
    )
    ranges: Ranges = Ranges()
    units: tuple[Unit, ...] = ()
    months: dict[int, Forms] = {}
    time_suffixes: Forms = ()
    year: YearRule = YearRule()
    lone_scale_before: Forms = Field(
        default=(),
        description="A number that starts with a bare scale word (no digits, no qualifier) "
        "counts 1 x the scale only when one of these follows it right away (a form may begin "
        "with a space); each later bare scale adds 1 x its own value (Korean: [여, ' 명'] "
        "reads '천여 명' = 1,000+ and '만 천여 명' = 11,000+, never '천안', '만나다' or "
        "'천명했다'). Empty: such a scale alone is no number unless it is `standalone`.",
    )

    @field_validator("digits")
    @classmethod
    def _ten_digits(cls, v: Forms) -> Forms:
        for s in v:
            if len(s) != 10:
                raise ValueError(f"each digits string must list 10 digits 0-9, got {s!r}")
        return v

    @field_validator("group_separators", "decimal_separators")
    @classmethod
    def _one_char(cls, v: Forms) -> Forms:
        for s in v:
            if len(s) != 1:
                raise ValueError(f"a separator is one character, got {s!r}")
        return v

    @field_validator("months")
    @classmethod
    def _month_numbers(cls, v: dict[int, Forms]) -> dict[int, Forms]:
        bad = [k for k in v if not 1 <= k <= 12]
        if bad:
            raise ValueError(f"month numbers must be 1-12, got {bad}")
        return v
