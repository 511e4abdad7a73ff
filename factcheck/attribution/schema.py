"""Schema of the ``attribution:`` section of a language file (owned by attribution and time).

Keys are language-neutral concepts; values are surface forms as written in the language.
Phrases match as whole words, case-insensitively; spaces match any run of white space;
the nukta may be present or absent (ख़ुफ़िया = खुफिया); a trailing ``*`` matches any ending
of the last word (``заяви*`` matches заявил, заявила, заявили). Patterns named ``*_patterns``
are regular expressions (``regex`` module syntax) with a ``{wire}`` placeholder.

Example (an excerpt of ``en.yaml``)::

    attribution:
      cues:
        source_before: [said, told, reported]   # "NIS said"
        source_after: [according to, ", said"]  # "according to NIS", "…, said NIS"
      citing: {originator_after: [citing]}      # "Yonhap, citing KCNA"
      back_references: [{phrases: [the agency], kinds: [intelligence_agency]}]
      time: {months: [January, Jan], since: {before: [since]}}

Sides are named from the source's point of view: ``source_before`` cues follow the
source ("NIS **said**", "एनआईएस **के अनुसार**"); ``source_after`` cues precede it.

>>> AttributionData(cues=Cues(source_before=("said",))).cues.source_before
('said',)
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

Words = tuple[str, ...]

SourceKind = Literal[
    "intelligence_agency",
    "state_media",
    "news_agency",
    "government",
    "military",
    "person",
    "report",
    "country",
    # lawmakers relay what an agency briefed them: credited to the agency when it is named nearby
    "legislator",
]


class _Frozen(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class Cues(_Frozen):
    """Attribution cues, by the side of the cue on which the source stands."""

    source_before: Words = Field(
        default=(), description='The source precedes the cue: "NIS said", "एनआईएस ने कहा".'
    )
    source_after: Words = Field(
        default=(), description='The source follows the cue: "according to NIS", ", said NIS".'
    )


class Citing(_Frozen):
    """Cues that link a relay (outlet) to the originator it cites."""

    originator_before: Words = Field(
        default=(), description='"KCNA के हवाले से योनहाप ने…", "… का हवाला देते हुए".'
    )
    originator_after: Words = Field(default=(), description='"Yonhap, citing KCNA, said…".')


class BackReference(_Frozen):
    """Words that refer back to a source named earlier ("the agency", "it")."""

    phrases: Words
    kinds: tuple[SourceKind, ...] = Field(
        default=(), description="Prefer the last source of one of these kinds; empty: any kind."
    )


class Headline(_Frozen):
    """How headlines credit a source: "…: NIS", "…, says NIS", "NIS: …"."""

    source_last: Words = Field(default=(), description='Separators before a final source (":", ", says").')
    source_first: Words = Field(default=(), description='Separators after a leading source (":").')


class Markers(_Frozen):
    """Words around a date expression: ``before`` it ("since …") or ``after`` it ("… से")."""

    before: Words = ()
    after: Words = ()


class TimeData(_Frozen):
    """Time-expression vocabulary. Month and weekday names are matched case-sensitively
    (so English "may" is not May) and are turned into numbers by dateparser."""

    dateparser_languages: Words = Field(
        default=(), description="dateparser language codes for dates in this language's pages."
    )
    months: Words = ()
    weekdays: Words = ()
    synonyms: dict[str, str] = Field(
        default_factory=dict,
        description="Month/weekday names dateparser lacks, mapped to one it reads: {बृहस्पतिवार: गुरुवार}.",
    )
    units: dict[Literal["year", "month", "week"], Words] = Field(
        default_factory=dict, description='Calendar units: {"year": [साल, वर्ष]}.'
    )
    last: Words = Field(default=(), description='"last" before a unit: पिछले साल, last year.')
    this: Words = Field(default=(), description='"this" before a unit: इस साल, this year.')
    relative_words: dict[str, tuple[Literal["last", "this"], Literal["year", "month", "week"]]] = Field(
        default_factory=dict,
        description='One word naming "last"/"this" + a unit: {작년: [last, year], 올해: [this, year]}.',
    )
    year_markers: Words = Field(
        default=(), description='Words written right after a year number, part of the date: "2025년", "2024 года".'
    )
    day_markers: Words = Field(
        default=(), description='Words written right after a day number, part of the date: "4일".'
    )
    day_alone: bool = Field(
        default=False,
        description='A day number with its day marker and no month is a date: the latest such '
        'day on or before the article date (Korean "국정원은 23일 밝혔다", "9일 회의에서").',
    )
    date_orders: tuple[Literal["ymd", "dmy", "mdy"], ...] = Field(
        default=(),
        description='Orders of all-numeric dates ("2025.09.04" is ymd, "04.09.2025" dmy); "ymd" also '
        'reads year-first dates with a month name ("2025년 9월 4일"). Day-month and month-day dates '
        "with a month name are read in every language; ISO 2025-09-04 always.",
    )
    since: Markers = Markers()
    until: Markers = Markers()
    end_of: Markers = Markers()
    start_of: Markers = Markers()
    during: Markers = Markers()
    event_in: Markers = Field(
        default=Markers(), description='A single event in a period: "अप्रैल में आई (रिपोर्ट)".'
    )
    point: Markers = Field(default=Markers(), description='A statement date: "on Tuesday", "मंगलवार को".')
    so_far: Words = Field(default=(), description='"अब तक", "so far": as of the statement date.')
    recent: Words = Field(default=(), description='"हाल ही में", "recently": as of the statement date.')
    header_markers: Words = Field(
        default=(), description='Words that introduce a page date: "Updated:", "Published on".'
    )


class AttributionData(_Frozen):
    """Everything attribution and time need to know about one language."""

    cues: Cues = Cues()
    citing: Citing = Citing()
    agent_markers: Words = Field(
        default=(), description='A source followed by one of these is the speaker ("ने").'
    )
    elided_speaker: Words = Field(
        default=(), description='Cues whose speaker is usually left unsaid, the last one (passives and '
        'assessments: "…으로 추정된다", "…수 있다고 봤다"): with no speaker named, the statement continues the '
        'last speaker of the sentence or the two before it. They are cues (source_before) too.',
    )
    topic_markers: Words = Field(
        default=(), description='Agent markers that mark the sentence topic ("국정원은", "미국 당국은"): in a '
        'sentence with a reported clause the topic is its speaker, the subject ("북한이") the clause\'s.',
    )
    back_references: tuple[BackReference, ...] = ()
    indefinite: Words = Field(
        default=(), description='Before a back-reference word, makes it a new source ("a report").'
    )
    continuation_openers: Words = Field(
        default=(),
        description='Words that open a paragraph going on with the one before ("Так, …", "Thus, …"): '
        'its first sentence continues the last statement across the paragraph break.',
    )
    joined_openers: Words = Field(
        default=(),
        description='Words that open a sentence going on with the one right before it, in its '
        'paragraph ("…1,500 soldiers. **And** soon more will follow, X said"): that sentence\'s '
        'statement also covers the cue-less sentence before it.',
    )
    continuation_breaks: Words = Field(
        default=(),
        description='The writer speaks in their own voice ("बता दें कि"): no inherited source.',
    )
    clause_breaks: Words = Field(
        default=(), description='Words that start a new clause ("जबकि", "while", ";"): a cue in the '
        "figure's own clause wins over one elsewhere in the sentence.",
    )
    back_pointing: Words = Field(
        default=(), description='Words by which a statement points back at what was just said ("Об этом '
        'сообщил X", "This was stated by X", "X ने यह दावा किया", "X는 이같이 밝혔다"): a figure in the '
        'cue-less sentences right before it takes its source. List the cue itself under cues too.',
    )
    quote_ends: Words = Field(
        default=(), description='Endings that close a reported clause where particles attach ("…했다고", '
        '"…라며", \'"…"고\'): a name before one belongs to the reported clause, so a speaker after it, '
        'or else the first speaker of the sentence, is preferred.',
    )
    headline: Headline = Headline()
    dateline_patterns: Words = Field(
        default=(),
        description=r'Regexes (multiline) for wire datelines/sign-offs: "^[^\n]{0,60}?\({wire}\)".',
    )
    max_gap_words: int = Field(
        default=4, ge=0, description="Words allowed between a source and its cue."
    )
    max_agent_gap_words: int = Field(
        default=8, ge=0,
        description='Words allowed between an agent-marked source and its cue ("X ने शनिवार को जारी एक बयान में कहा").',
    )
    suffixes_attach: bool = Field(
        default=False, description="Particles attach to words (국정원은, 10월부터): names, months, weekdays "
        "and relative words need no right word boundary, markers after a date no left one.",
    )
    wire_kinds: tuple[SourceKind, ...] = Field(
        default=("news_agency",),
        description='Source kinds that sign datelines as wires ("/ТАСС/": state_media too).',
    )
    time: TimeData = TimeData()
