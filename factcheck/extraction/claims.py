"""Decide, for each number mention, whether it is a claim: measure, subject, modality, role.

The rules, in order (all cue words are data in the language file's ``extraction:`` section):

1. Only possible counts (``kind == "count"``) outside boilerplate zones are considered.
2. **Counted noun**: the noun right after the number phrase, past at most ``max_gap_words``
   unknown words and any ``modifiers`` ("लगभग 2,000 उत्तर कोरियाई सैनिक", "100 ballistic
   missiles"); a function word (``gap_stops``), punctuation, another number or a hyphen
   glued to the number ("1.2 million-strong") ends the search. A ``subsets`` noun counts the
   thing too but makes the figure a subset ("1,000 combat engineers"). An ``event_nouns``
   noun ("4,700 casualties") counts the thing named elsewhere in the sentence.
3. **Event**: the event cue nearest to the figure in its clause, among the events that
   decide a measure of that thing (``measures.yaml``). No event, no claim: a count of
   troops at home ("a 1.2 million-strong army") is not a deployment.
4. **Modality**: negation before the event, or cue words in the clause (for ``estimated``
   and ``denied``, anywhere before the figure in its sentence too).
5. **Role**: subset nouns or ``subset_before`` cues; increments from ``increment_*`` cues.
6. **Subject**: a subject named inside the figure's phrase or owning it ("North Korea's",
   "उत्तर कोरिया के"); else, when the measure's subject acts (sending, supplying), the agent
   of the sentence ("उत्तर कोरिया ने") or the nearest earlier mention that is not a place or
   recipient; else the subject whose troops the article talks about.
"""

from __future__ import annotations

import bisect
import functools
import re
from collections.abc import Sequence
from typing import NamedTuple

import regex

from factcheck.extraction.lexicon import Lexicon
from factcheck.extraction.linked import Linked, linked_noun
from factcheck.extraction.measures import Measure, MeasureRegistry
from factcheck.extraction.nouns import (
    Noun,
    attach_noun,
    elided_more,
    elided_noun,
    partitive_noun,
    noun_before,
    thing_before,
)
from factcheck.extraction.sentences import clause_around, sentence_at
from factcheck.extraction.subjects import GAP_WORD, SPACES, WORDS, SubjectFinder
from factcheck.extraction.zones import BOILERPLATE, ZoneIndex
from factcheck.models import Modality, Role
from factcheck.values import Value

# compiled once: a module-level regex.search looks its pattern up in a cache on every call
_DIGIT = regex.compile(r"\d")
_STOP_MARK = regex.compile(r"[.।!?;]")
_WORD_CHAR = regex.compile(r"\w", regex.V1)
#: Words read from the right: the same maximal runs as WORDS, last first.
_WORDS_BACK = regex.compile(r"\w+", regex.V1 | regex.REVERSE)

#: Strongest first: a denied or hypothetical figure is never read as asserted.
MODALITY_ORDER = ("denied", "hypothetical", "possible", "planned", "estimated")
#: Cues of reporting verbs may stand before the figure's clause ("NIS estimated that …").
SENTENCE_MODALITIES = frozenset({"estimated", "denied"})


class ClaimDraft(NamedTuple):
    """A claim before the article context (source, time) is added."""

    measure: Measure
    subject: str
    value: Value
    modality: Modality
    role: Role
    subset: str | None
    start: int
    end: int
    sentence_start: int
    sentence_end: int
    zone: str
    event: str = ""
    #: the sentence names no subject for it: it was read from the context (the sentence
    #: before, the article), and a civil authority's own toll may override it
    subject_from_context: bool = False


def _thing_in_context(text: str, lo: int, hi: int, lex: Lexicon, event: str,
                      registry: MeasureRegistry) -> str | None:
    """For "4,700 casualties": the tracked thing the sentence talks about."""
    for thing, pat in lex.nouns_anywhere.items():
        if registry.decide(thing, event) and pat.search(text, lo, hi):
            return thing
    return None


class _Cue(NamedTuple):
    event: str
    start: int
    end: int


def _event_starts(text: str, lo: int, hi: int, lex: Lexicon) -> list[tuple[int, frozenset[str]]]:
    """Every position in ``text[lo:hi]`` where some event word matches (guarded).

    One scan instead of one per event: an event's pattern can match only where the union
    of all event words (``any_event``: same guards, a superset of words) does, so trying
    each event at these positions in order, resuming after each of its matches, finds
    exactly the matches of its own ``finditer``. The unguarded ``re`` prefilter matches
    wherever the union can (see ``Lexicon._bare_regex``) and is stepped one character at a
    time, so no position is skipped. Each position comes with the events whose words can
    start with its character (``Lexicon.events_from``): no other event can match there.
    """
    last = _LAST_STARTS
    if last and last[0] is text and last[1] == lo and last[2] == hi and last[3] is lex:
        return last[4]  # a figure asks for its clause's several times (its cue, outcome, verb)
    out = []
    search, union = lex.event_prefilter.search, lex.any_event.match
    pos = lo
    while (c := search(text, pos, hi)) is not None:
        p = c.start()
        if union(text, p, hi) is not None:
            out.append((p, lex.events_from(text[p])))
        pos = p + 1
    _LAST_STARTS[:] = [text, lo, hi, lex, out]  # read only by the callers
    return out


_LAST_STARTS: list = []  # [text, lo, hi, lex, starts] of the last call


@functools.lru_cache(maxsize=256)
def _event_order(events: frozenset[str]) -> dict[str, int]:
    """Each event's index in ``sorted(events)``, once per event set (the registry hands
    out the same sets). Read only."""
    return {e: i for i, e in enumerate(sorted(events))}


def _nearest_event(text: str, clause: tuple[int, int], phrase: tuple[int, int],
                   events: frozenset[str], lex: Lexicon,
                   others: Sequence[int] = ()) -> _Cue | None:
    """The event cue nearest the figure; a cue beyond another figure (``others``: their
    starts, sorted) is that figure's ("11 हजार सैनिकों में से 4000 हताहत")."""
    lo, hi = clause
    ps, pe = phrase
    limit = lex.data.max_cue_words
    starts = _event_starts(text, lo, hi, lex)
    if not starts:
        return None
    order = _event_order(events)
    # "1만 명 가운데 …": the verbs after the figure are its part's
    whole = lex.data.partitive_after and lex.partitive_after.match(
        text, SPACES.match(text, pe, hi).end(), hi) is not None
    resume: dict[str, int] = {}  # per event: where its own finditer would search on
    # Position by position, only the events that can start there; each event resumes after
    # its own matches, so the (event, match) pairs are those of one finditer per event. The
    # key ends with the event's sorted index and the start: the minimum is the pair the
    # event-by-event loop kept (the first of the equal nearest keys, events in sorted order).
    best: tuple[int, int, int, int, int, _Cue] | None = None
    for p, can in starts:
        for event in can:
            idx = order.get(event)
            if idx is None or p < resume.get(event, lo):
                continue
            m = lex.events[event].match(text, p, hi)
            if m is None:
                continue
            resume[event] = m.end()
            if m.end() <= ps:
                gap, side = (m.end(), ps), 1
            elif m.start() >= pe:
                if whole:
                    continue
                gap, side = (pe, m.start()), 0
            else:
                continue  # inside the figure's own phrase
            d = len(WORDS.findall(text, *gap)) + (lex.data.cue_before_words if side else 0)
            k = bisect.bisect_left(others, gap[0])
            shared = False
            if k < len(others) and others[k] < gap[1]:
                # another figure stands between: its cue, unless the two are coordinated
                shared = (_coordinated(text, pe, others[k], lex) if side == 0
                          else _coordinated_before(text, ps, lex))
                if not shared:
                    continue
            if d > (2 * limit if shared else limit):
                continue  # too far to be this figure's event
            # nearest first; then after the figure; then the longer cue ("killed or wounded")
            key = (d, side, m.start() - m.end(), idx, m.start())
            if best is None or key < best[:5]:
                best = (*key, _Cue(event, m.start(), m.end()))
    return best[5] if best else None


def _coordinated(text: str, pos: int, other: int, lex: Lexicon) -> bool:
    """Only a coordinator stands between this figure and the next: they share the verb
    ("1.2 करोड़ गोले और 100 मिसाइलें … दी हैं", "3 million shells and 100 missiles were sent")."""
    i = SPACES.match(text, pos, other).end()
    if i < other and text[i] == ",":
        i = SPACES.match(text, i + 1, other).end()
    m = lex.coordinators.match(text, i, other)
    if m:
        i = m.end()
    elif not any(text.endswith(c, 0, pos) for c in lex.data.coordinators):
        return False  # (else a coordinator glued to the figure's own noun: "공병 1,000명과 …")
    i = SPACES.match(text, i, other).end()
    if i < other and lex.data.noun_before_words:
        # "포탄 800만 발 및 미사일 100기", "1,000명과 군사 건설 인력 5,000명": the next
        # figure's own noun (a few words, no verb) leads
        plain = 0
        while i < other and not lex.any_event.match(text, i, other):
            n = lex.any_counted.match(text, i, other)
            if n is None:
                n = GAP_WORD.match(text, i, other)
                plain += 1
                if n is None or plain > 1:
                    break
            i = SPACES.match(text, n.end(), other).end()
    return i == other


def _coordinated_before(text: str, ps: int, lex: Lexicon) -> bool:
    """A coordinator right before the figure: "3 million shells **and** 100 missiles", or a
    clause continuer: "shipped munitions, **including** 8 million shells"."""
    for pattern in (lex.coordinators, lex.clause_continuer):
        for m in pattern.finditer(text, max(0, ps - 20), ps):
            if SPACES.match(text, m.end(), ps).end() == ps:
                return True
    return False


def _negated(text: str, cue: _Cue, sentence: tuple[int, int], phrase: tuple[int, int],
             lex: Lexicon) -> bool:
    """A negation just before the event cue, or right after it ("भेजे नहीं") — never one
    inside the figure's own phrase ("no fewer than 600")."""
    window = lex.data.negation_window
    # from the (window + 1)-th word before the cue on: words read backwards from the cue
    start = cue.start
    if window:
        for k, w in enumerate(_WORDS_BACK.finditer(text, sentence[0], cue.start)):
            start = w.start()
            if k == window:
                break
    if cue.start >= phrase[1]:
        start = max(start, phrase[1])
    if lex.negation_prefilter.search(text, start, cue.start) and lex.negation.search(
            text, start, cue.start):
        return True
    if cue.start < phrase[0]:
        return False  # the word after the cue is the figure's own ("sent no fewer than")
    after = WORDS.match(text, SPACES.match(text, cue.end, sentence[1]).end(), sentence[1])
    return bool(after and lex.negation.fullmatch(after.group()))


def _modality(text: str, clause: tuple[int, int], sentence: tuple[int, int],
              phrase: tuple[int, int], cue: _Cue, lex: Lexicon) -> Modality:
    phrase_start = phrase[0]
    if _negated(text, cue, sentence, phrase, lex):
        return Modality.DENIED
    lo, hi = clause
    # every range searched below lies inside the sentence and clause, and the unguarded
    # prefilter matches wherever a cue could (a match in a narrower range is one in the
    # wider): no prefilter match there, no cue — the common case, one cheap ``re`` scan
    if not lex.modality_prefilter.search(text, min(lo, sentence[0]), max(hi, sentence[1])):
        return Modality.ASSERTED
    # reporting verbs reach over commas ("NIS estimated, …") but not over "but"/"लेकिन"
    sentence_lo = sentence[0]
    for m in lex.clause_word.finditer(text, sentence[0], phrase_start):
        sentence_lo = m.end()
    # … and a trailing ", officials estimated." when no other figure follows
    tail_hi = sentence[1] if not _DIGIT.search(text, hi, sentence[1]) else hi
    for m in lex.clause_word.finditer(text, hi, tail_hi):
        tail_hi = m.start()
        break
    wide_lo, wide_hi = min(lo, sentence_lo), max(hi, tail_hi)
    # one search for any cue over the widest range first: it finds one wherever a cue's own
    # search in a narrower range could — unless the clause ends inside a word (a bounded
    # search may end a match at ``hi`` where the text goes on), then each cue is searched
    if not (hi < wide_hi and not text[hi - 1].isspace() and _WORD_CHAR.match(text, hi)):
        if not lex.any_modality.search(text, wide_lo, wide_hi):
            return Modality.ASSERTED
    for name in MODALITY_ORDER:
        pat = lex.modality[name]
        if name in SENTENCE_MODALITIES:
            found = pat.search(text, min(lo, sentence_lo), max(hi, tail_hi))
        else:
            found = pat.search(text, lo, hi)
        if found:
            # a longer cue of another modality at the same place wins: "may have killed"
            # (an estimate of the past) over "may" (a possibility)
            for other in MODALITY_ORDER:
                longer = other != name and lex.modality[other].match(text, found.start(), wide_hi)
                if longer and longer.end() > found.end():
                    return Modality(other)
            return Modality(name)
    return Modality.ASSERTED


def _just_before(text: str, pat: regex.Pattern[str], lo: int, pos: int, slack_words: int = 0,
                 prefilter: re.Pattern[str] | None = None) -> bool:
    """True when a ``pat`` match ends right before ``pos`` (past ``slack_words`` words);
    ``prefilter``: the unguarded form of ``pat`` (no match of it in the window, no match)."""
    window_lo = max(lo, pos - 60)
    if prefilter is not None and not prefilter.search(text, window_lo, pos):
        return False
    for m in pat.finditer(text, window_lo, pos):
        if (len(WORDS.findall(text, m.end(), pos)) <= slack_words
                and not _STOP_MARK.search(text, m.end(), pos)):
            return True
    return False


def _went_on_after(pattern: regex.Pattern[str], text: str, pos: int, hi: int) -> int | None:
    """Where the text goes on (spaces skipped) after ``pattern`` matched right after ``pos``
    (spaces skipped), or None when it does not match there."""
    m = pattern.match(text, SPACES.match(text, pos, hi).end(), hi)
    return None if m is None else SPACES.match(text, m.end(), hi).end()


def _more_after(text: str, pos: int, hi: int, lex: Lexicon) -> bool:
    """"hundreds of troops more," / "83 सैनिक और भेज सकता": a "more" right after the noun,
    then punctuation, the clause end or an event cue (not "troops and missiles")."""
    i = _went_on_after(lex.increment_after, text, pos, hi)
    if i is None:
        return False
    if i >= hi or not (text[i].isalnum() or text[i] == "_"):
        return True
    return bool(lex.any_event.match(text, i, hi))


def _rate_after(text: str, pos: int, hi: int, lex: Lexicon) -> bool:
    """"92 soldiers a day": a toll per stretch of time right after the noun (a rate adds up,
    it is no running total), unless the phrase dates something ("… a day after the strike")."""
    i = _went_on_after(lex.rate_after, text, pos, hi)
    return i is not None and lex.rate_not_before.match(text, i, hi) is None


def _role(text: str, clause: tuple[int, int], phrase_start: int, noun: Noun,
          lex: Lexicon, number_end: int | None = None) -> tuple[Role, str | None, bool]:
    """The figure's role, its subset name, and whether a cue right next to the number ties it
    to the figure before it ("300 из них", "another 3,000"; a tied figure of another measure
    is that measure's total, see ``_decide``)."""
    pre = lex.role_prefilter
    if lex.data.role.batch_before and _just_before(text, lex.batch_before, clause[0], phrase_start):
        return Role.INCREMENT, None, True  # "the first batch of 1,500 special forces"
    if noun.subset is not None:
        return Role.SUBSET, noun.subset, False
    if _just_before(text, lex.subset_before, clause[0], phrase_start, slack_words=1,
                    prefilter=pre["subset_before"]):
        # the noun as written names the part ("of whom 300 soldiers"); an elided one names none
        return Role.SUBSET, text[noun.start:noun.end] if noun.thing is not None else None, False
    if number_end is not None and lex.data.role.subset_after and lex.subset_after.match(
            text, SPACES.match(text, number_end, clause[1]).end(), clause[1]):
        return Role.SUBSET, None, True  # "до 8000 из них были переброшены"
    if _just_before(text, lex.increment_before, clause[0], phrase_start,
                    prefilter=pre["increment_before"]):
        return Role.INCREMENT, None, True
    if noun.increment:
        return Role.INCREMENT, None, False
    if _more_after(text, noun.end, clause[1], lex):
        return Role.INCREMENT, None, False
    if lex.data.role.rate_after and _rate_after(text, noun.end, clause[1], lex):
        return Role.INCREMENT, None, False
    if _total_cue(text, clause[0], phrase_start, lex):
        return Role.TOTAL, None, False  # "추가 파병해 총 1만4천 명이 됐다": "in total", whatever the clause adds
    if (pre["increment_clause"].search(text, clause[0], clause[1])
            and lex.increment_clause.search(text, clause[0], clause[1])):
        return Role.INCREMENT, None, False
    return Role.TOTAL, None, False


def draft_claims(text: str, mentions: Sequence, sentences: list[tuple[int, int]],
                 zones: ZoneIndex, lex: Lexicon, registry: MeasureRegistry, *,
                 include_boilerplate: bool = False) -> list[ClaimDraft]:
    """Every claim among ``mentions`` (``factcheck.numbers.NumberMention``), in text order."""
    starts = [s for s, _ in sentences]
    subjects = SubjectFinder(text, lex, zones)
    counts = [m.start for m in mentions if m.kind == "count"]  # sorted, as find_numbers gives
    count_end = {m.start: m.end for m in mentions if m.kind == "count"}
    out: list[ClaimDraft] = []
    for mention in mentions:
        if mention.kind != "count":
            continue
        zone = zones.name_at(mention.start)
        if zone == BOILERPLATE and not include_boilerplate:
            continue
        sentence = sentence_at(sentences, starts, mention.start)
        if sentence is None or mention.end > sentence[1]:
            continue
        k = bisect.bisect_right(starts, sentence[0]) - 1
        context_lo = sentences[k - 1][0] if k > 0 else sentence[0]  # the sentence before too
        vague = getattr(mention.value, "kind", None) == "vague"
        noun = None
        if mention.number_end < mention.end:
            # the counter inside an after-qualifier: "1000명에 달한다" (명 in "명에 달"); the
            # words after such a qualifier end the phrase ("…에 이른다고 밝히며 추가 파병")
            noun = attach_noun(text, mention.number_end, mention.end, lex, vague)
            if noun is not None:
                noun = noun._replace(end=mention.end)
        if noun is None:
            noun = attach_noun(text, mention.end, sentence[1], lex, vague)
        previous = None
        if out and out[-1].sentence_start == sentence[0]:
            previous = _Cue(out[-1].event, out[-1].start, out[-1].end)
        if noun is None:
            noun = partitive_noun(text, mention.end, sentence[1], lex, count_end)
        if noun is None:
            # the noun before the number first: in "मौत का आंकड़ा 600 तक पहुंच गया" the verb
            # after the bare number is "reached", not an elided arrival
            link = linked_noun(text, sentence, mention.start, mention.end, lex)
            draft = link and _decide_linked(text, mention, link, sentence, zone, lex, registry,
                                             subjects, counts, previous, context_lo)
            if draft:
                out.append(draft)
                continue
            noun = (elided_noun(text, mention.end, sentence[1], lex)
                    or elided_more(text, mention.end, sentence, lex,
                                    out[-1].measure.counts if previous else None)
                    or thing_before(text, sentence[0], mention.start, mention.end, sentence[1], lex))
        if noun is None and previous is not None and _total_cue(text, sentence[0], mention.start, lex):
            # "…, bringing the total to about 14,000": the previous figure's thing
            noun = Noun(out[-1].measure.counts, None, None, mention.end, mention.end, False)
        if noun is None and previous is not None and _list_item(text, out[-1].end, mention.start,
                                                                mention.end, sentence[1], lex):
            prev = out[-1]  # "…, «Запад» — более 3 620": the previous figure for another label
            out.append(prev._replace(value=mention.value, start=mention.start, end=mention.end))
            continue
        if (noun is None and previous is not None and getattr(mention.value, "fraction", None)
                and _just_before(text, lex.subset_before, sentence[0], mention.start)):
            # "погибли 600 человек, из них половина — офицеры": a share of the previous figure
            out.append(out[-1]._replace(value=mention.value, start=mention.start, end=mention.end,
                                        role=Role.SUBSET, subset=None))
            continue
        if noun is None:
            continue
        draft = _decide(text, mention, noun, sentence, zone, lex, registry, subjects, counts,
                        previous, out[-1].subject if previous is not None else None,
                        context_lo, out[-1].measure if out else None)
        if (draft is None and previous is not None and noun.thing is not None
                and noun.thing == out[-1].measure.counts
                and _next_in_list(text, out[-1].end, mention.start, lex)):
            # "минимум два генерала, 10 полковников и 14 майоров": an item of the list the
            # figure before opens shares its event, and the qualifier that governs the list
            prev = out[-1]
            draft = prev._replace(value=_shared_qualifier(prev.value, mention.value), start=mention.start,
                                  end=noun.end, subset=noun.subset or prev.subset)
        if draft is not None:
            out.append(draft)
    return out


_LIST_COMMA = regex.compile(r"\s*,\s*")


def _next_in_list(text: str, prev_end: int, start: int, lex: Lexicon) -> bool:
    """Only a comma or a coordinator (or both) stands between the figure before and this one."""
    i = _LIST_COMMA.match(text, prev_end, start)
    i = i.end() if i else prev_end
    m = lex.coordinators.match(text, SPACES.match(text, i, start).end(), start)
    if m:
        i = m.end()
    elif i == prev_end:
        return False
    return SPACES.match(text, i, start).end() == start


def _shared_qualifier(lead: Value, item: Value) -> Value:
    """A plain figure in a list takes the qualifier of the list's first ("минимум два генерала,
    10 полковников": at least 10)."""
    if item.kind == "exact" and lead.kind in ("approx", "at_least", "at_most"):
        return lead.model_copy(update={"value": item.value})
    return item


#: "…, «Запад» — ": a comma, a label of at most three words (quoted or not), a dash.
_LIST_LABEL = regex.compile(r"\s*[,;]\s*[\"«“„']?(?:[^\W\d_]+[\s.-]*){1,3}[\"»”“']?\s*(\S+)\s*$")


def _list_item(text: str, prev_end: int, start: int, end: int, hi: int, lex: Lexicon) -> bool:
    """A bare figure in a list whose verb a dash stands for ("потери … составили 2 810
    военных, «Запад» — более 3 620, «Юг» — более 5 390"): only a label and an
    ``ellipsis_dashes`` dash since the previous figure, and nothing but punctuation after it."""
    if not lex.data.ellipsis_dashes or start - prev_end > 40:
        return False
    m = _LIST_LABEL.match(text, prev_end, start)
    if m is None or m.group(1) not in lex.data.ellipsis_dashes:
        return False
    if lex.any_event.search(text, m.start(), m.start(1)):
        return False  # "погибли 300, ранены — 500": the label is another event, not another place
    i = SPACES.match(text, end, hi).end()
    return i >= hi or text[i] in ",;.!?"


def _presence(text: str, clause: tuple[int, int], phrase: tuple[int, int], thing: str,
              lex: Lexicon, registry: MeasureRegistry, subjects: SubjectFinder) -> _Cue | None:
    """No event cue, but the troops stand in another subject's land: "15,000 North Korean
    troops in Russia", "रूस में 11 हजार उत्तर कोरियाई सैनिक" — a presence, read as
    ``presence_event`` (the troops at home, "1.2 million troops in North Korea", are not)."""
    event = lex.data.presence_event
    measure = registry.decide(thing, event) if event else None
    if measure is None:
        return None
    if lex.data.presence_not_after and lex.presence_not_after.search(
            text, max(clause[0], phrase[0] - 20), phrase[0]):
        return None  # "working alongside ten soldiers in Russia": beside someone, not a force
    places = subjects.places(*clause)
    if not places:
        return None
    owner = subjects.find(clause, phrase[0], phrase[1], measure)
    for s, e, name in places:
        if name != owner:
            return _Cue(event, s, e)  # type: ignore[arg-type]
    return None


def _own_event(text: str, noun: Noun, thing: str, lex: Lexicon,
               registry: MeasureRegistry) -> _Cue | None:
    """No cue in the clause, but the counted noun is also an event noun of its thing: "обмен
    1200 **военнопленных**" (prisoners of war: captured)."""
    for event, pat in lex.event_nouns.items():
        m = pat.match(text, noun.start, noun.end)
        if m and m.end() == noun.end and registry.decide(thing, event):
            return _Cue(event, noun.start, noun.end)
    return None


def _total_cue(text: str, lo: int, pos: int, lex: Lexicon) -> tuple[int, int] | None:
    """A ``total_before`` cue ending right before ``pos`` (past at most one word)."""
    if not lex.role_prefilter["total_before"].search(text, max(lo, pos - 80), pos):
        return None  # no cue can start in the window
    for m in lex.total_before.finditer(text, max(lo, pos - 80), pos):
        if len(WORDS.findall(text, m.end(), pos)) <= 1:
            return m.start(), m.end()
    return None


def _thing_near(text: str, sentence: tuple[int, int], context_lo: int, lex: Lexicon,
                event: str, registry: MeasureRegistry) -> str | None:
    """The tracked thing of an event noun or elided noun: named in the sentence, else in the
    sentence before ("North Korean troops suffered 4,000 casualties. Of these, around 1,000
    were killed")."""
    thing = _thing_in_context(text, sentence[0], sentence[1], lex, event, registry)
    if thing is None and context_lo < sentence[0]:
        thing = _thing_in_context(text, context_lo, sentence[0], lex, event, registry)
    return thing


def _outcome_cue(text: str, clause: tuple[int, int], phrase: tuple[int, int], thing: str,
                 lex: Lexicon, registry: MeasureRegistry, others: Sequence[int]) -> _Cue | None:
    """The nearest cue of what happened to the things ("killed", "captured") in the clause,
    unless a coordinator stands between it and the figure ("sent 11,000 troops and lost …")."""
    events = registry.outcome_events(thing)
    if not events:
        return None
    cue = _nearest_event(text, clause, phrase, events, lex, others)
    if cue is None:
        return None
    if cue.start < phrase[0] and lex.data.cue_before_words:
        return None  # where verbs follow their figures, one before it is another figure's
    lo, hi = (phrase[1], cue.start) if cue.start >= phrase[1] else (cue.end, phrase[0])
    if lex.coordinators.search(text, lo, hi) or lex.clause_word.search(text, lo, hi):
        return None
    return cue


def _decide(text: str, mention, noun: Noun, sentence: tuple[int, int], zone: str,
            lex: Lexicon, registry: MeasureRegistry, subjects: SubjectFinder,
            others: Sequence[int], previous: _Cue | None = None,
            previous_subject: str | None = None, context_lo: int | None = None,
            previous_measure: Measure | None = None) -> ClaimDraft | None:
    phrase = (mention.start, noun.end)
    total_of_previous = False
    told_in: tuple[int, int] | None = None  # the sentence before, when it tells the event
    clause = clause_around(text, sentence, mention.start, noun.end, lex)
    refined = noun_before(text, clause[0], mention.start, noun, lex)
    if refined is None:
        return None
    event_before = noun.event is None and refined.event is not None
    noun = refined
    if context_lo is None:
        context_lo = sentence[0]
    if noun.thing is not None and noun.event is not None and not noun.adjective:
        measure = registry.decide(noun.thing, noun.event)  # "사상자 4천700명": the noun names the event
        cue = _Cue(noun.event, noun.start, noun.end)
        if event_before:
            # "손실은 2,870명이 사망하고": the figure's own verb right after it wins over the
            # event noun before it (the topic the figures break down)
            verb = _nearest_event(text, clause, phrase, registry.events_for(noun.thing), lex, others)
            if (verb is not None and verb.start >= phrase[1] and verb.event != noun.event
                    and len(WORDS.findall(text, phrase[1], verb.start)) <= 1):
                own = registry.decide(noun.thing, verb.event)
                if own is not None:
                    measure, cue = own, verb
    elif noun.thing is None:
        assert noun.event is not None
        # "포탄 수십만발을 제공했다": the noun right before the number, else the sentence's
        # (or the sentence before's)
        named = thing_before(text, clause[0], mention.start, mention.end, sentence[1], lex)
        thing = named.thing if named is not None and registry.decide(named.thing, noun.event) else None
        if thing is None:
            thing = _thing_near(text, sentence, context_lo, lex, noun.event, registry)
        if thing is None and lex.any_subject.search(text, mention.end, noun.start):
            # "1,100 North Korean casualties": the subject's own, the one thing with this event
            thing = _only_thing(registry, noun.event)
        if thing is None:
            return None
        measure = registry.decide(thing, noun.event)
        cue = _Cue(noun.event, noun.start, noun.end)
    else:
        thing = noun.thing
        events = registry.events_for(thing)
        if noun.partitive:  # the whole's own figure stands between the part and its verb
            others = [o for o in others if not mention.end <= o < noun.start]
        whole = _whole(text, clause, mention.start, noun.end, lex)
        if whole:  # "4,000 of the 11,000 soldiers have been killed": the killing is the part's
            events = events - registry.outcome_events(thing)
        cue = _nearest_event(text, clause, phrase, events, lex, others)
        adjective = None
        if (noun.adjective and noun.event is not None and registry.decide(thing, noun.event)
                and getattr(mention.value, "point", None) != 1):  # not "एक पकड़े गए सैनिक" ("a captured soldier")
            adjective = _Cue(noun.event, mention.end, noun.start)  # "101 fallen troops"
        if cue is not None and not whole and not _is_outcome(registry, thing, cue.event):
            # "soldiers sent to Russia have been killed", "two wounded soldiers were sent home"
            better = _outcome_cue(text, clause, phrase, thing, lex, registry, others)
            if better is None and adjective is not None and _is_outcome(registry, thing, adjective.event):
                better = adjective
            if better is None:
                # "270 prisoners of war were sent to Kyiv": a noun naming its own outcome keeps it
                own = _own_event(text, noun, thing, lex, registry)
                if own is not None and _is_outcome(registry, thing, own.event):
                    better = own
            if better is not None:
                cue = better
        if (cue is not None and cue.start >= phrase[1] and lex.data.agent_forms
                and lex.agent_form.search(text, max(phrase[1], cue.start - 20), cue.end)):
            return None  # "three North Koreans have killed an officer": the figure is the doer
        if cue is None:
            cue = adjective
        if cue is None and previous is not None and previous.event in registry.events_for(thing):
            total = _total_cue(text, clause[0], mention.start, lex)
            if total is not None:
                cue = _Cue(previous.event, *total)
                total_of_previous = True
        if cue is None:
            cue = _own_event(text, noun, thing, lex, registry)
        if cue is None:
            cue = _presence(text, clause, phrase, thing, lex, registry, subjects)
        if cue is None:
            told = _told_before(text, sentence, context_lo, mention.start, events, lex)
            if told is not None:
                cue, told_in = told
        if cue is None:
            return None
        measure = registry.decide(thing, cue.event)
    if measure is None:
        return None
    # "…планирует отправить ресурсы. Речь идет о 6000 военнослужащих": the sentence before
    # says what happens to them, and how sure it is
    modality = _modality(text, told_in or clause, told_in or sentence, phrase, cue, lex)
    role, subset, tied = _role(text, clause, mention.start, noun, lex, mention.end)
    # "13 тысяч военных КНДР …, 2 тысячи из них": a part of the previous figure's people
    of_previous = tied and role is Role.SUBSET and previous_subject is not None
    if (role is Role.SUBSET and noun.subset is None and previous_measure is not None
            and previous_measure.name != measure.name):
        # "… suffered 4,700 casualties. Of these, about 600 were killed": a part of the
        # previous figure (of another measure, in this sentence or the one before) is this
        # measure's whole count
        role, subset = Role.TOTAL, None
    if total_of_previous and role is Role.INCREMENT:
        role = Role.TOTAL  # "…, bringing the total to 15,000 troops": the running total
    if tied and previous is not None and registry.decide(measure.counts, previous.event) != measure:
        # the cue ties it to a figure of another measure: "sent 13,000, of whom 2,000 were
        # killed", "600 killed and another 2,000 wounded" — its own measure's total
        role, subset = Role.TOTAL, None
    if (role is Role.TOTAL and measure.outcome and lex.data.role.subset_clause
            and lex.subset_clause.search(text, *clause)):
        role = Role.SUBSET  # "500 soldiers were killed in a missile strike": one strike's toll
    if noun.partitive:
        # "8,000 of those troops are in Kursk": a part of the sent; "4,000 of the 11,000
        # soldiers were killed": the whole count of the killed
        role, subset = (Role.TOTAL if measure.outcome else Role.SUBSET), None
    if (role is Role.TOTAL and lex.data.role.subset_clause
            and lex.subset_clause.search(text, clause[0], clause[1])):
        role = Role.SUBSET  # "2,000 wounded were repatriated": those sent home, a part
    subject = subjects.find(sentence, mention.start, noun.end, measure, cue.start)
    from_context = subjects.from_context
    if of_previous and not lex.any_subject.search(text, mention.start, noun.end):
        subject, from_context = previous_subject, False
    if (role is Role.TOTAL and measure.subject_is_agent and not measure.outcome
            and lex.data.role.subset_places and _subset_place(text, clause, lex)
            and not subjects.acts_before(clause[0], mention.start, subject)):
        # "8 тысяч в Курской области", "переброшены вблизи границы": the part standing or
        # moved there. Not when the sender itself acts in the clause ("Пхеньян отправил в
        # Курскую область 11 тысяч": all it sent), nor for a toll (every death is counted)
        role = Role.SUBSET
    end = noun.end
    if (cue.start >= noun.end and len(WORDS.findall(text, noun.end, cue.start)) <= 2
            and not lex.any_subject.search(text, noun.end, cue.start)
            and not any(pat.search(text, noun.end, cue.start)  # "300 सैनिक और मिसाइलें भेजीं"
                        for thing, pat in lex.nouns_anywhere.items() if thing != measure.counts)):
        end = cue.end  # "600 सैनिकों की मौत", "2,000 troops were killed"; not "troops to Russia"
    return ClaimDraft(
        measure=measure,
        subject=subject,
        value=mention.value,
        modality=modality,
        role=role,
        subset=subset,
        start=mention.start,
        end=end,
        sentence_start=sentence[0],
        sentence_end=sentence[1],
        zone=zone,
        event=cue.event,
        subject_from_context=from_context,
    )


def _told_before(text: str, sentence: tuple[int, int], context_lo: int, pos: int,
                 events: frozenset[str], lex: Lexicon) -> tuple[_Cue, tuple[int, int]] | None:
    """A figure right after a ``refers_back`` phrase ("Речь идет о 6000 военнослужащих", "that
    is"): the last event cue of the sentence before, and that sentence."""
    if not (lex.data.refers_back and context_lo < sentence[0]
            and _just_before(text, lex.refers_back, sentence[0], pos)):
        return None
    before = (context_lo, sentence[0])
    best = None
    for p, can in _event_starts(text, *before, lex):
        for event in can & events:
            m = lex.events[event].match(text, p, before[1])
            if m is not None and (best is None or m.start() >= best.start):
                best = _Cue(event, m.start(), m.end())
    return (best, before) if best is not None else None


def _subset_place(text: str, clause: tuple[int, int], lex: Lexicon) -> bool:
    """A ``subset_places`` word in the clause, not one the troops were sent to ("sent to the
    area": ``subset_places_not_after`` within three words before it)."""
    for m in lex.subset_places.finditer(text, *clause):
        if not lex.data.role.subset_places_not_after:
            return True
        before = list(_WORDS_BACK.finditer(text, clause[0], m.start()))[:3]
        if not any(lex.subset_places_not_after.fullmatch(w.group()) for w in before):
            return True
    return False


def _whole(text: str, clause: tuple[int, int], start: int, end: int, lex: Lexicon) -> bool:
    """The figure is the whole a part is taken from: "of the 11,000 soldiers", "11,000
    सैनिकों में से" (``partitive_before`` / ``partitive_after``)."""
    if lex.data.partitive_before and lex.partitive_before.search(text, max(clause[0], start - 20), start):
        return True
    if not lex.data.partitive_after:
        return False
    i = SPACES.match(text, end, clause[1]).end()
    return bool(lex.partitive_after.match(text, i, clause[1]))


def _is_outcome(registry: MeasureRegistry, thing: str, event: str) -> bool:
    measure = registry.decide(thing, event)
    return measure is not None and measure.outcome


def _only_thing(registry: MeasureRegistry, event: str) -> str | None:
    """The one tracked thing a measure counts for ``event`` (casualties: soldiers), if one."""
    candidates = [t for t in sorted(registry.things) if registry.decide(t, event)]
    return candidates[0] if len(candidates) == 1 else None


def _decide_linked(text: str, mention, link: Linked, sentence: tuple[int, int], zone: str,
                   lex: Lexicon, registry: MeasureRegistry, subjects: SubjectFinder,
                   others: Sequence[int], previous: _Cue | None = None,
                   context_lo: int | None = None) -> ClaimDraft | None:
    """A bare number whose noun stands before it ("troops numbering 15,000", see linked.py)."""
    thing = link.thing
    if thing is None:
        # "North Korean casualties reached 4,000": the event noun alone, owned by a subject
        # or about a thing the sentence (or the one before) names
        if link.event is None:
            return None
        thing = _thing_near(text, sentence, sentence[0] if context_lo is None else context_lo,
                            lex, link.event, registry)
        if thing is None and link.subject_named:
            thing = _only_thing(registry, link.event)
        if thing is None:
            return None
    clause = clause_around(text, sentence, mention.start, mention.end, lex)
    hi = clause[1]
    if link.apposition and hi < sentence[1]:
        # "The troops, numbering around 11,000, were deployed": the verb follows the aside
        hi = clause_around(text, sentence, hi + 1, hi + 1, lex)[1]
    clause = (min(clause[0], link.window_lo), hi)
    phrase = (mention.start, mention.end)
    events = registry.events_for(thing)
    # the noun's own verb first ("troops killed has risen to", "मारे गए सैनिकों की संख्या"),
    # then the event noun ("the death toll … stands at", "हताहतों की संख्या 4,000 तक पहुंच गई":
    # the verb after the number means "reached"), then the clause's verb
    cue = _nearest_event(text, (link.window_lo, mention.start), phrase, events, lex, others)
    if cue is None and link.event is not None and registry.decide(thing, link.event):
        cue = _Cue(link.event, link.event_start, link.event_end)
    if cue is None:
        cue = _nearest_event(text, clause, phrase, events, lex, others)
    if cue is None and link.head and previous is not None and previous.event in registry.events_for(thing):
        cue = previous  # "sent 3,000 more, bringing the number of troops to 14,000": its total
    if cue is None:
        cue = _presence(text, clause, (link.start, mention.end), thing, lex, registry, subjects)
    if cue is None:
        return None
    measure = registry.decide(thing, cue.event)
    if measure is None:
        return None
    modality = _modality(text, clause, sentence, phrase, cue, lex)
    noun = Noun(thing, None, None, mention.end, mention.end, False)
    if link.head:  # "the number of troops … 14,000" counts them all; "… rose by 3,000" adds
        incr = _just_before(text, lex.increment_before, clause[0], mention.start,
                            prefilter=lex.role_prefilter["increment_before"])
        role, subset = (Role.INCREMENT if incr else Role.TOTAL), None
    else:
        role, subset, _ = _role(text, clause, mention.start, noun, lex)
    subject = subjects.find(sentence, link.start, link.noun_end, measure, cue.start)
    return ClaimDraft(
        measure=measure, subject=subject, value=mention.value, modality=modality, role=role,
        subset=subset, start=link.start, end=mention.end, sentence_start=sentence[0],
        sentence_end=sentence[1], zone=zone, event=cue.event, subject_from_context=subjects.from_context,
    )
