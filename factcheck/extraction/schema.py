"""Schema of the ``extraction:`` section of a language file (owned by claim extraction).

Keys are language-neutral concepts; values are surface forms as written in the language.
A surface form is matched as whole words; a trailing ``*`` matches any ending
(``deploy*`` matches "deployed", "deploying"). Combining marks listed in
``optional_marks`` (the nukta) may be present or absent in the text, precomposed or not,
and every set in ``equivalents`` matches any of its members.

Example (an excerpt of ``en.yaml``)::

    extraction:
      sentence_ends: [".", "?", "!"]
      nouns: {soldier: [troops, soldiers], missile: [missiles]}
      events: {send: [sent, send*], kill: [killed]}
      subjects: {North Korea: [North Korea, North Korean, Pyongyang]}

>>> ExtractionData(nouns={"soldier": ("troops",)}).nouns["soldier"]
('troops',)
"""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field

Words = tuple[str, ...]


class _Frozen(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class BoilerplateData(_Frozen):
    """Markers of text that is not the article: teasers, sidebars, widgets, bylines."""

    line_starts: Words = Field(
        default=(), description='A line starting with one of these is boilerplate ("Also read").'
    )
    line_contains: Words = Field(
        default=(), description="A line containing one of these is boilerplate (horoscope widget)."
    )
    section_starts: Words = Field(
        default=(),
        description='A line that is exactly one of these starts boilerplate to the end ("Latest News").',
    )


class ModalityData(_Frozen):
    """Cue words for each non-default modality, searched in the figure's clause."""

    estimated: Words = ()
    possible: Words = ()
    planned: Words = ()
    denied: Words = ()
    hypothetical: Words = ()


class RoleData(_Frozen):
    """Cue words that make a figure an increment or a subset rather than a total."""

    increment_before: Words = Field(default=(), description='Just before the number: "another 3,000".')
    batch_before: Words = Field(
        default=(),
        description='Just before the number, a batch that adds to those sent even when its noun '
        'names a part: "the **first batch of** 1,500 special forces".',
    )
    increment_between: Words = Field(
        default=(), description='Between the number and its noun: "3,000 more troops".'
    )
    increment_after: Words = Field(
        default=(),
        description='Right after the noun, before punctuation or the event: "troops more", "सैनिक और भेज".',
    )
    increment_clause: Words = Field(default=(), description='Anywhere in the clause: "batch".')
    rate_after: Words = Field(
        default=(),
        description='Right after the noun: a toll per stretch of time, an increment ("92 soldiers '
        '**a day**"), unless a ``rate_not_before`` word follows ("a day **after** the strike").',
    )
    rate_not_before: Words = Field(
        default=(),
        description='Right after a ``rate_after`` phrase: it dates something, it is no rate.',
    )
    total_before: Words = Field(
        default=(),
        description='Just before a figure with no event of its own: the running total of the '
        'previous figure\'s event ("bringing the total to", "कुल संख्या").',
    )
    subset_before: Words = Field(default=(), description='Just before the number: "of whom 300".')
    subset_places: Words = Field(
        default=(),
        description='Anywhere in the clause of a figure the subject sends or supplies: a place '
        'narrower than a country ("в Курской **области**", "near the **border**") — the troops '
        'there are a part of those sent.',
    )
    subset_clause: Words = Field(
        default=(),
        description='Anywhere in the clause of a toll (an outcome measure): the figure counts a '
        'part — one strike or battle, those sent home ("killed in a missile **strike**", '
        '"2,000 wounded **repatriated**", "раненых **вернули** на родину", "मिसाइल **हमले** में").',
    )
    subset_places_not_after: Words = Field(
        default=(),
        description='Within three words before a ``subset_places`` word, the place is where the '
        'troops were sent, all of them ("sent **to** the area"), not where a part stands.',
    )
    subset_after: Words = Field(
        default=(), description='Right after the number, the noun elided: "до 8000 **из них**" (8,000 of them).'
    )


class ExtractionData(_Frozen):
    """Everything claim extraction needs to know about one language."""

    sentence_ends: Words = Field(
        default=(".", "?", "!"), description="Characters that end a sentence (line breaks always do)."
    )
    sentence_end_suffixes: Words = Field(
        default=(),
        description="Endings glued to a word that close a sentence when white space, not an end "
        'mark, follows: transcripts drop the full stop ("…보고했**습니다** 교전 횟수가…").',
    )
    clause_breaks: Words = Field(
        default=(",", ";", ":"),
        description="Punctuation that ends a clause (not between two digits: 15,000).",
    )
    clause_words: Words = Field(default=(), description="Conjunctions that open a new clause.")
    clause_end_suffixes: Words = Field(
        default=(),
        description="Endings glued to a word that close its clause, as a clause mark would "
        '(Korean connective endings: "…파병했**으며** 그중 …", "밝히**면서** …").',
    )
    clause_continuers: Words = Field(
        default=(),
        description="Words that, right after clause punctuation, keep the clause going: the "
        'figure after them shares its verb and cues ("shipped munitions, **including** 8 million '
        'shells").',
    )
    optional_marks: Words = Field(
        default=(), description="Combining marks writers often drop (e.g. the nukta)."
    )
    equivalents: tuple[Words, ...] = Field(
        default=(), description="Sets of characters written interchangeably."
    )
    boilerplate: BoilerplateData = BoilerplateData()
    headline_max_lines: int = Field(
        default=3, ge=0, description="Up to this many leading short lines form the headline zone."
    )
    body_min_words: int = Field(
        default=20, ge=1, le=100,
        description="A line with at least this many words (and an end mark; twice as many "
        "without one) opens the body: headlines and bylines are shorter. Scale it to how many "
        "words the language spends on a sentence (Korean glues particles: fewer words).",
    )
    nouns: dict[str, Words] = Field(
        default_factory=dict,
        description="Counted thing (a measure's `counts`) -> nouns that name it after a number.",
    )
    subsets: dict[str, dict[str, Words]] = Field(
        default_factory=dict,
        description="Counted thing -> {subset name -> nouns}: a specific kind of the thing.",
    )
    event_nouns: dict[str, Words] = Field(
        default_factory=dict,
        description='Event -> nouns that count the event itself ("4,700 casualties").',
    )
    modifiers: Words = Field(
        default=(), description='Words allowed between a number and its noun ("ballistic").'
    )
    gap_stops: Words = Field(
        default=(), description="Function words that end a number's noun phrase (of, की, के)."
    )
    max_gap_words: int = Field(default=3, ge=0, le=8)
    noun_before_words: int = Field(
        default=0, ge=0, le=4,
        description="Words before the number that may name the counted noun (Korean: 공병 1천 명).",
    )
    other_nouns: Words = Field(
        default=(),
        description="Nouns of untracked things; right before the number they veto a counter (노동자).",
    )
    strength_words: Words = Field(
        default=(),
        description='Words glued to a number by a hyphen that keep the counted noun ahead '
        '("a 10,000-**strong** contingent"); any other hyphenated word ends the search ("155-mm"). '
        'After a counter noun they do the same ("수천 명 **규모의** 건설 인력": the builders are counted).',
    )
    count_links: Words = Field(
        default=(),
        description='Words right before a bare number that tie it to a noun standing before it '
        '("troops **numbering** 15,000", "casualties **reached** 4,000", "losses**:** 4,700").',
    )
    count_heads: Words = Field(
        default=(),
        description='Phrases that make a bare number the count of a noun before it, a total '
        '("the **number of** troops … rose to 2,000", "सैनिकों **की संख्या** 15,000", "death **toll**").',
    )
    people_words: Words = Field(
        default=(),
        description='Words that count anyone; right after a number whose noun stands before it '
        'they restate that noun ("losses among the troops stand at 4,000 **people**").',
    )
    count_window_words: int = Field(
        default=10, ge=1, le=20,
        description="How many words before a linked number its noun may stand (count_links, count_heads).",
    )
    ellipsis_words: Words = Field(
        default=(),
        description='Auxiliaries between a bare number and its event ("4,000 have been killed", "600 की मौत").',
    )
    vague_links: Words = Field(
        default=(), description='Words allowed right after a vague amount ("thousands of troops").'
    )
    events: dict[str, Words] = Field(
        default_factory=dict, description="Event (a measure's `events`) -> cue words."
    )
    max_cue_words: int = Field(
        default=8, ge=1, description="Words allowed between a figure and its event cue."
    )
    cue_before_words: int = Field(
        default=0, ge=0, le=4,
        description="A cue before the figure counts as this many words farther than it is: "
        "where the verb follows its object (Korean), a cue before the figure is mostly a "
        'previous clause\'s verb ("사상자가 발생했으며 3천 명이 추가 파병된": 파병).',
    )
    presence_event: str | None = Field(
        default=None,
        description="Event read when troops stand in another subject's land without a cue "
        '("15,000 North Korean troops in Russia"): e.g. `deploy`.',
    )
    presence_not_after: Words = Field(
        default=(),
        description='Right before a figure: its troops are beside someone, not a force present in '
        'the land ("working **alongside** around ten soldiers in Russia").',
    )
    partitive_before: Words = Field(
        default=(),
        description='Right before a figure, makes it the whole a part is taken from ("4,000 '
        '**of the** 11,000 soldiers have been killed"): what happened to the part (an outcome '
        'such as killed) is not its event.',
    )
    partitive_after: Words = Field(
        default=(),
        description='Right after a figure\'s noun, makes it the whole a later part is taken '
        'from: the verb after it is the part\'s ("배치된 1만 명 **가운데** 1천 명이 숨졌다": '
        "the 10,000 were deployed, not killed); only a cue before the figure is its own.",
    )
    agent_forms: Words = Field(
        default=(),
        description='Active forms of an event verb after a figure: the figure did it, it is not '
        'what happened to it ("three soldiers **have killed** an officer"; "have been killed" '
        'is not one).',
    )
    coordinators: Words = Field(
        default=(),
        description='Join two figures that share one event: "1.2 crore shells and 100 missiles were given".',
    )
    refers_back: Words = Field(
        default=(),
        description='Right before a figure with no event in its clause, sends the reader to the '
        'sentence before for what happens ("КНДР планирует отправить ресурсы. **Речь идет о** '
        '6000 военнослужащих"): its last event cue and its modality are the figure\'s.',
    )
    ellipsis_dashes: Words = Field(
        default=(),
        description='A dash standing for the verb left out of a list item after a comma ("потери '
        'группировки «Север» составили 2 810 военных, «Запад» **—** более 3 620"): a bare figure '
        'after a short label and one of these repeats the figure before it for that label.',
    )
    negation: Words = Field(default=(), description='Words that negate a following event ("not").')
    negation_window: int = Field(default=3, ge=0, description="Words between negation and event.")
    modality: ModalityData = ModalityData()
    role: RoleData = RoleData()
    subjects: dict[str, Words] = Field(
        default_factory=dict, description="Subject (canonical name) -> its names and adjectives."
    )
    agent_after: Words = Field(default=(), description="Marks the mention before it as agent (ने).")
    reporting_after: Words = Field(
        default=(),
        description="After a mention (and its agent marker): it is a speaker, not the actor (said, ने कहा).",
    )
    owner_after: Words = Field(
        default=(), description="Marks the mention before it as owner of what follows ('s, के)."
    )
    never_agent: Words = Field(
        default=(),
        description='Subject forms in an oblique case, never the actor of the sentence: a place, '
        'owner or recipient ("поможет **России**, направив …": North Korea sends).',
    )
    speaker_pronouns: Words = Field(
        default=(),
        description='Pronouns that stand for the side named before them ("Israel says **it** has lost 30 '
        'troops", "Prigozhin said 20,000 of **his** fighters died"): as the owner inside the figure or as '
        'the actor right before it, they make that side the subject.',
    )
    owner_after_noun: Words = Field(
        default=(),
        description='Things whose counted noun may take its owner right after it, in the genitive '
        '("10 000 военных **КНДР**"). Leave out things whose noun is followed by the recipient '
        '("100 ракет России" = to Russia).',
    )
    owner_links_after_noun: Words = Field(
        default=(), description='Words that may stand between such a noun and its owner ("солдат **из** КНДР").'
    )
    destination_after: Words = Field(
        default=(), description="Marks the mention before it as a place or recipient (में, को)."
    )
    destination_before: Words = Field(
        default=(), description="Marks the mention after it as a place or recipient (to, in)."
    )
