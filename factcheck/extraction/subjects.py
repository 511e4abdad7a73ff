"""Who a figure is about: the subject named in or next to its phrase, the sentence's actor,
or the subject whose troops the article talks about (see claims.py, rule 6).

>>> from factcheck.langdata import load_language
>>> from factcheck.extraction.lexicon import lexicon_for
>>> from factcheck.extraction.measures import get_measure
>>> from factcheck.extraction.zones import ZoneIndex
>>> text = "North Korea has sent 15,000 troops to Russia."
>>> finder = SubjectFinder(text, lexicon_for(load_language("en")), ZoneIndex([]))
>>> finder.find((0, len(text)), 21, 34, get_measure("troops_deployed"))
'North Korea'
"""

from __future__ import annotations

import bisect

import regex

from factcheck.extraction.lexicon import Lexicon
from factcheck.extraction.measures import Measure
from factcheck.extraction.zones import BOILERPLATE, ZoneIndex

UNKNOWN_SUBJECT = "unknown"

GAP_WORD = regex.compile(r"\w[\w\-‐‑]*", regex.V1)
SPACES = regex.compile(r"[ \t\u00a0\u200b\u200c\u200d]*")
WORDS = regex.compile(r"\w+", regex.V1)
_WORD_CHAR = regex.compile(r"\w", regex.V1)
_HYPHENS = regex.compile(r"[-‐‑–](?=\w)|(?<=\w)[-‐‑–]")
_QUOTES = regex.compile(r"[ \t\u00a0\"'«»„“”‘’‚]*")
#: Characters back the sentence before may name whose people the figure counts.
_TOPIC_REACH = 300


class SubjectFinder:
    """Who a figure is about, from the sentence or, failing that, the whole article."""

    def __init__(self, text: str, lex: Lexicon, zones: ZoneIndex) -> None:
        self.text = text
        self.lex = lex
        self.zones = zones
        self._owner: str | None | bool = False  # False: not computed yet
        self._all: list[tuple[int, int, str]] | None = None  # the whole text's mentions
        self._starts: list[int] = []
        # the subject the sentence last named for a figure: (sentence start, end, subject)
        self._named_in: tuple[int, int, str] | None = None
        #: whether the last :meth:`find` read the subject from the context (the sentence
        #: before, the article's owner) rather than from its own sentence
        self.from_context = False

    def _scan(self, lo: int, hi: int) -> list[tuple[int, int, str]]:
        out = []
        for m in self.lex.subject_scan.finditer(self.text, lo, hi):
            s = self.lex.subject_named(m.group())
            if s is not None:
                out.append((m.start(), m.end(), s))
        return out

    def _mentions(self, lo: int, hi: int) -> list[tuple[int, int, str]]:
        """The mentions a scan of ``text[lo:hi]`` finds, cut from one scan of the whole text.

        The whole text is scanned once (the article owner needs it anyway) instead of once
        per decision. A bounded scan finds exactly the whole scan's mentions inside the
        bounds (the look-behind sees the text before ``lo``) unless a whole-text mention
        straddles a bound, or a mention could end at ``hi`` inside a word (the bounded
        scan's ``(?!\\w)`` succeeds at its end): then the bounds are scanned as before.
        """
        if self._all is None:
            self._all = self._scan(0, len(self.text))
            self._starts = [m[0] for m in self._all]
        found, text = self._all, self.text
        k = bisect.bisect_left(self._starts, lo)
        j = bisect.bisect_left(self._starts, hi, k)
        if ((k and found[k - 1][1] > lo) or (j and found[j - 1][1] > hi)
                or (lo < hi < len(text) and not text[hi - 1].isspace()
                    and _WORD_CHAR.match(text, hi))):
            return self._scan(lo, hi)
        return found[k:j]

    def _followed_by(self, pat: regex.Pattern[str], end: int, hi: int) -> bool:
        i = SPACES.match(self.text, end, hi).end()
        return bool(pat.match(self.text, i, hi))

    def _only_modifiers(self, lo: int, hi: int) -> bool:
        """True when ``text[lo:hi]`` is blank or only modifiers ("North Korea's additional")."""
        i = lo
        while True:
            i = SPACES.match(self.text, i, hi).end()
            if i >= hi:
                return True
            # … or an event noun or counter: "우크라이나군 사망 2870명" (Ukraine's forces, deaths 2,870)
            m = (self.lex.modifiers.match(self.text, i, hi)
                 or self.lex.increment_before.match(self.text, i, hi)
                 or self.lex.any_counted.match(self.text, i, hi))
            if m is None:
                return False
            i = m.end()

    def _is_speaker(self, end: int, hi: int) -> bool:
        """"South Korea says …", "दक्षिण कोरिया ने कहा": a source, not the actor."""
        i = SPACES.match(self.text, end, hi).end()
        m = self.lex.agent_after.match(self.text, i, hi) or self.lex.owner_after.match(
            self.text, end, hi
        )
        if m:
            i = SPACES.match(self.text, m.end(), hi).end()
        # past an auxiliary or the source's own noun: "has said", "'s spy agency said",
        # "दक्षिण कोरियाई खुफिया एजेंसी के मुताबिक"
        for _ in range(3):
            if self.lex.reporting_after.match(self.text, i, hi):
                return True
            w = GAP_WORD.match(self.text, i, hi)
            if w is None:
                return False
            i = SPACES.match(self.text, w.end(), hi).end()
        return False

    def _owner_end(self, start: int, end: int, hi: int) -> int | None:
        """Where the owner mark after the mention ends ("Russia**'s**", "रूस **के**"), or the
        mention's end when it is written with its mark glued ("러시아의"); None: no owner."""
        m = self.lex.owner_after.match(self.text, end, hi)
        if m:
            return m.end()
        if any(self.text.endswith(o, start, end) for o in self.lex.data.owner_after):
            return end
        return None

    def acts_before(self, lo: int, pos: int, name: str) -> bool:
        """``name`` is named in ``text[lo:pos]`` other than as a place, recipient or owner
        ("Pyongyang sent …", not "उत्तर कोरिया के 8 हजार सैनिक"), i.e. it may be the actor."""
        return any(n == name and not self._is_place(s, e, lo, pos)
                   and self._owner_end(s, e, pos) is None
                   for s, e, n in self._mentions(lo, pos))

    def places(self, lo: int, hi: int) -> list[tuple[int, int, str]]:
        """Mentions in ``text[lo:hi]`` marked as a place or recipient ("in Russia", "रूस में")."""
        return [m for m in self._mentions(lo, hi) if self._is_place(m[0], m[1], lo, hi)]

    def _is_place(self, start: int, end: int, lo: int, hi: int) -> bool:
        if self._followed_by(self.lex.destination_after, end, hi):
            return True
        prev = list(WORDS.finditer(self.text, max(lo, start - 50), start))
        if prev and self.lex.destination_before.fullmatch(prev[-1].group()):
            return True
        # the second of two coordinated places: "to Poland and Lithuania"
        return bool(len(prev) >= 3 and self.lex.coordinators.fullmatch(prev[-1].group())
                    and self.lex.destination_before.fullmatch(prev[-3].group()))

    def find(self, sentence: tuple[int, int], phrase_start: int, noun_end: int,
             measure: Measure, cue_start: int | None = None) -> str:
        """The subject of the figure ``text[phrase_start:noun_end]`` in ``sentence``.

        A subject the sentence names for the figure (in its phrase, as its owner, as the
        actor of a measure whose subject acts) wins; else the subject the sentence named for
        an earlier figure ("46,000 Ukrainian soldiers were killed and 380,000 wounded",
        "Ukraine suffered 124,500 casualties, including 15,500 killed"); else the article's.
        """
        lo, hi = sentence
        self.from_context = False
        named = self._named(sentence, phrase_start, noun_end, measure, cue_start)
        if named is not None:
            self._named_in = (lo, hi, named)
            return named
        if self._named_in is not None and self._named_in[:2] == (lo, hi):
            return self._named_in[2]
        self.from_context = True
        local = self._topic_before(lo, measure.counts)
        if local is not None:
            return local
        owner = self.article_owner()
        if owner is not None:
            return owner
        before = self._mentions(lo, phrase_start)
        return before[-1][2] if before else UNKNOWN_SUBJECT

    def _named(self, sentence: tuple[int, int], phrase_start: int, noun_end: int,
               measure: Measure, cue_start: int | None) -> str | None:
        lo, hi = sentence
        text, lex = self.text, self.lex
        for s, e, name in self._mentions(phrase_start, noun_end):
            return name  # "2,000 North Korean troops"
        if measure.counts in lex.data.owner_after_noun:
            # the owner right after its noun: "10 000 военных КНДР", "двух солдат из КНДР",
            # "50 членов «Хезболлы»"
            i = _QUOTES.match(text, noun_end, hi).end()
            link = lex.owner_links_after_noun.match(text, i, hi)
            if link:
                i = SPACES.match(text, link.end(), hi).end()
            for s, e, name in self._mentions(i, min(hi, i + 80)):
                if s == i:
                    return name
                break
        before = self._mentions(lo, phrase_start)
        owned = None
        if before:
            s, e, name = before[-1]
            owned = self._owner_end(s, e, phrase_start)
            if owned is not None and self._only_modifiers(owned, phrase_start):
                return name  # "North Korea's 11,000 troops", "उत्तर कोरिया के 600 सैनिक"
        if before and owned is None and lex.data.noun_before_words and not text[before[-1][1]:phrase_start].strip():
            s, e, name = before[-1]
            if not any(text.endswith(a, s, e) for a in lex.data.agent_after) and not self._is_place(s, e, lo, hi):
                return name  # "파병된 북한군 1만 명": the bare name right before the number owns it
        if before:
            s, e, name = before[-1]
            if (owned is None and self._only_modifiers(e, phrase_start)
                    and lex.any_counted.search(text, e, phrase_start)
                    and (cue_start is None or cue_start >= phrase_start or e <= cue_start)
                    and not self._is_place(s, e, lo, hi)):
                return name  # "우크라이나군 사망 2870명": the forces, their deaths, the figure
        back = self._pronoun_owner(before, lo, phrase_start, noun_end, measure)
        if back is not None:
            return back
        whole = self._whole_before(before, lo, phrase_start)
        if whole is not None:
            return whole
        before = [b for b in before if not self._is_speaker(b[1], hi)]
        if cue_start is not None and cue_start < phrase_start:
            # "supplied Russia with 100 missiles": between the verb and the figure is the recipient
            before = [b for b in before if b[1] <= cue_start]
        if measure.subject_is_agent and before:
            # "रूस की तरफ से लड़ने के लिए": an agent mark that goes on as the side helped is no agent
            agents = [b for b in before if self._followed_by(lex.agent_after, b[1], hi)
                      and not self._is_place(b[0], b[1], lo, hi)]
            if agents:
                return agents[-1][2]
            # "रूस के कुर्स्क क्षेत्र में", "Russia's Kursk region": an owner of something else
            # "the Russia-Ukraine war", "US-led": half of a compound modifies another noun
            actors = [b for b in before if not self._is_place(b[0], b[1], lo, hi)
                      and self._owner_end(b[0], b[1], hi) is None
                      and text[b[0]:b[1]] not in lex.data.never_agent
                      and not _HYPHENS.match(text, b[1]) and not _HYPHENS.match(text, b[0] - 1)]
            if actors:
                return actors[-1][2]
        return None

    def _owns_noun(self, s: int, e: int, hi: int, thing: str) -> bool:
        """The mention is followed, within two words, by a noun of ``thing`` ("the Ukrainian
        prisoners", "Russia's troops"): it names whose soldiers (missiles …) those are."""
        text, lex = self.text, self.lex
        noun = lex.nouns.get(thing)
        if noun is None:
            return False
        m = lex.owner_after.match(text, e, hi)
        i = m.end() if m else e
        for _ in range(3):
            i = SPACES.match(text, i, hi).end()
            if noun.match(text, i, hi):
                return True
            w = GAP_WORD.match(text, i, hi)
            if w is None:
                return False
            i = w.end()
        return False

    def _sentence_end_before(self, lo: int, hi: int) -> int | None:
        """Where the last sentence end in ``text[lo:hi]`` starts (the lexicon's end marks:
        "189.500", "U.S. troops", "N. Korea" are no end)."""
        last = None
        for m in self.lex.sentence_end.finditer(self.text, lo, hi):
            last = m.start()
        return last

    def _topic_before(self, lo: int, thing: str) -> str | None:
        """Whose soldiers (missiles …) the sentence before, in the same paragraph, talked
        about: its first mention owning a noun of the thing counted ("X gave details on the
        Ukrainian prisoners. Released were 114 soldiers …"). None when it names none or the
        paragraph starts with this sentence: the article's owner decides."""
        text = self.text
        floor = max(0, lo - _TOPIC_REACH)
        para = max(text.rfind("\n", floor, lo) + 1, floor)
        # the end of the sentence before this one (``lo`` may be a clause inside it)
        prev_end = self._sentence_end_before(para, lo)
        if prev_end is None:
            return None
        prev_start = self._sentence_end_before(para, prev_end)
        prev_start = para if prev_start is None else prev_start + 1
        for s, e, name in self._mentions(prev_start, prev_end):
            if (self.zones.name_at(s) != BOILERPLATE and not self._is_place(s, e, prev_start, prev_end)
                    and not self._is_speaker(e, prev_end) and self._owns_noun(s, e, prev_end, thing)):
                return name
        return None

    def _pronoun_owner(self, before: list[tuple[int, int, str]], lo: int, phrase_start: int,
                       noun_end: int, measure: Measure) -> str | None:
        """The side a pronoun stands for: the last one named before it (a speaker too, not a
        place). The pronoun owns the figure ("20,000 of his fighters") or, for a measure
        whose subject acts, is the actor right before it with no other side named between
        ("Israel says it has lost 30 more troops")."""
        text, lex = self.text, self.lex
        if not before or not lex.data.speaker_pronouns:
            return None
        named = [b for b in before if not self._is_place(b[0], b[1], lo, phrase_start)]
        if not named:
            return None
        s, e, name = named[-1]
        if lex.speaker_pronouns.search(text, phrase_start, noun_end):
            return name
        if measure.subject_is_agent and before[-1][1] == e:
            pronoun = lex.speaker_pronouns.search(text, e, phrase_start)
            if pronoun is not None and len(WORDS.findall(text, pronoun.end(), phrase_start)) <= 3:
                return name
        return None

    def _whole_before(self, before: list[tuple[int, int, str]], lo: int, phrase_start: int) -> str | None:
        """A part named after its whole ("dozens of members of Hezbollah, including six
        commanders", "Hezbollah fighters, including six commanders"): the subject named right
        before the ``subset_before`` cue that opens the part, or before the whole's own noun."""
        text, lex = self.text, self.lex
        if not before or not lex.data.role.subset_before:
            return None
        cue = None
        for m in lex.subset_before.finditer(text, max(lo, phrase_start - 60), phrase_start):
            cue = m
        if cue is None or text[cue.end():phrase_start].strip():
            return None
        for s, e, name in reversed(before):
            if e > cue.start():
                continue
            # only the whole's own noun may stand between ("Hezbollah fighters, including"),
            # not another thing it owns ("from Russian captivity, including 70 soldiers")
            between = list(WORDS.finditer(text, e, cue.start()))
            if (len(between) <= 2 and all(lex.any_noun.match(text, w.start(), cue.start()) for w in between)
                    and not self._is_place(s, e, lo, cue.start()) and not self._is_speaker(e, cue.start())):
                return name
            return None
        return None

    def article_owner(self) -> str | None:
        """The subject whose troops or arms the article talks about (computed once).

        Each mention outside boilerplate scores 2 when a counted noun follows within two
        words ("उत्तर कोरियाई सैनिकों", "North Korea's troops"), 1 when it is an agent
        ("उत्तर कोरिया ने"), else a tie-breaking 0.01; places and recipients do not count.
        """
        if self._owner is not False:
            return self._owner  # type: ignore[return-value]
        scores: dict[str, float] = {}
        text, lex = self.text, self.lex
        n = len(text)
        for s, e, name in self._mentions(0, n):
            hi = min(n, e + 80)
            if (self.zones.name_at(s) == BOILERPLATE or self._is_place(s, e, 0, n)
                    or self._is_speaker(e, hi)):
                continue
            m = lex.owner_after.match(text, e, hi)
            i = m.end() if m else e
            score = 0.01
            for _ in range(3):
                i = SPACES.match(text, i, hi).end()
                if lex.any_noun.match(text, i, hi):
                    score = 2.0
                    break
                w = GAP_WORD.match(text, i, hi)
                if w is None:
                    break
                i = w.end()
            if score < 1 and self._followed_by(lex.agent_after, e, hi):
                score = 1.0
            scores[name] = scores.get(name, 0.0) + score
        self._owner = max(sorted(scores), key=lambda k: scores[k]) if scores else None
        return self._owner
