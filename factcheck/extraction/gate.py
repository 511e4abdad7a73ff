"""The claim gate: the sentences that can hold a claim, found with a few regex searches each.

Only a small share of a news article's sentences hold a claim (in the benchmark corpus
13–14 %), but reading numbers and deciding claims costs far more per sentence than a
regular-expression search. So :func:`claim_sentences` keeps only the sentences that
contain

* a counted **noun** (``nouns``, ``subsets``) and something that can name the **event**:
  an event cue (``events``), an event noun (``event_nouns``) or a subject (a subject's land
  makes a presence: "troops in Russia"); or
* a **subject** and an event cue or event noun: "1,100 North Korean casualties", "North
  Korean casualties reached 4,000" count the one thing the event has a measure for,

and numbers are read and claims drafted only there (``Extractor(gate=False)`` reads
everything, for tests and comparisons).

Why it loses nothing (claims.py, nouns.py, linked.py): numbers are read sentence by
sentence whether gated or not (``find_numbers(..., spans=...)`` reads each sentence as a
whole text), so a sentence's figures do not depend on which other sentences are read; and
every decision about a figure is taken inside its sentence — the counted noun, the event
cue, the clause, the subject named in or before the phrase, the previous figure — and every
claim's measure is ``registry.decide(thing, event)``. The thing comes from a tracked or
subset noun (after the number, before it, elsewhere in the sentence), from the previous
claim of the same sentence, or — only with an event noun or an elided noun's event cue —
is a thing the sentence before names ("… North Korean troops suffered 4,000 casualties. Of
these, 1,000 were killed") or, with a subject named with it, the one thing that event
counts; the event comes from an event cue, an event noun, a place (a subject mention) or
the previous claim. So a first claim of a sentence needs noun ∧ (event ∨ subject) or
subject ∧ event there, or an event there and a noun in the sentence before, or a noun and a
``refers_back`` phrase there and an event in the sentence before.
The only whole-article input is the subject the article talks about, read from the full
text whether gated or not. Those words are looked for only inside the sentence's bounds
(``pattern.match/search(text, pos, endpos)`` with ``endpos`` at most the sentence end); the
gate searches the same bounds with the same surface forms *without* word guards, which
match wherever a guarded pattern can.

>>> from factcheck.langdata import load_language
>>> from factcheck.extraction.lexicon import lexicon_for
>>> from factcheck.extraction.sentences import split_sentences
>>> text = "The weather was fine. North Korea sent 2,000 troops. Prices rose 5 %."
>>> lex = lexicon_for(load_language("en"))
>>> [text[s:e] for s, e in claim_sentences(text, split_sentences(text, lex), lex)]
['North Korea sent 2,000 troops.']
"""

from __future__ import annotations

from factcheck.extraction.lexicon import Lexicon


def claim_sentences(text: str, sentences: list[tuple[int, int]],
                    lex: Lexicon) -> list[tuple[int, int]]:
    """The sentences (sorted ``(start, end)`` offsets) that can hold a claim; see the module.

    Args:
        text: the article text.
        sentences: its sentences (``split_sentences``).
        lex: the language's compiled lexicon.

    Returns:
        The kept sentences, in order (a sub-list of ``sentences``).
    """
    noun, event, subject = lex.gate_noun.search, lex.gate_event.search, lex.gate_subject.search
    out = []
    # the noun first: its pattern is the cheapest to search and most sentences have none;
    # without one, the rarest word (a subject) decides before the event is looked for
    noun_before = False  # the sentence before names a counted noun
    refers = lex.refers_back.search if lex.data.refers_back else None
    prev: tuple[int, int] | None = None
    for s, e in sentences:
        has_noun = bool(noun(text, s, e))
        if has_noun:
            keep = event(text, s, e) or subject(text, s, e)
            if not keep and refers is not None and prev is not None and refers(text, s, e):
                keep = event(text, *prev)  # "Речь идет о 6000 военнослужащих": the event is before
        elif noun_before:
            keep = event(text, s, e)
        else:
            keep = subject(text, s, e) and event(text, s, e)
        if keep:
            out.append((s, e))
        noun_before = has_noun
        prev = (s, e)
    return out
