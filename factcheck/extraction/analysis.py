"""The extraction steps as plain functions over the text: zones, sentences, numbers, drafts.

Every step reads characters, never tokens, so :class:`~factcheck.extraction.Extractor`
calls :func:`analyse_text` directly and builds no spaCy ``Doc``: tokenising the article
would cost as much as the spaCy floor itself and nothing would read the tokens. The spaCy
pipeline (``pipeline.py``) runs the same functions as components, for spaCy users who want
``Doc._.fc_*`` and ``doc.spans["fc_claims"]``.

Numbers are read sentence by sentence (``find_numbers(..., spans=sentences)``: each
sentence is read as if it were the whole text), so a figure never runs across a sentence
end. With ``gate=True`` (the default) only the sentences that can hold a claim are read
(``gate.py``); the claims are the same as with ``gate=False``.

>>> from factcheck.langdata import load_language
>>> from factcheck.extraction.measures import default_registry
>>> from factcheck.settings import Settings
>>> a = analyse_text("It rained. North Korea sent 2,000 troops.", load_language("en"),
...                  Settings(), default_registry())
>>> [(d.measure.name, d.start, d.end) for d in a.drafts], len(a.sentences), len(a.numbers)
([('troops_deployed', 28, 40)], 2, 1)
"""

from __future__ import annotations

from typing import NamedTuple

from factcheck.extraction.claims import ClaimDraft, draft_claims
from factcheck.extraction.gate import claim_sentences
from factcheck.extraction.lexicon import lexicon_for
from factcheck.extraction.measures import MeasureRegistry
from factcheck.extraction.sentences import split_sentences
from factcheck.extraction.zones import Zone, ZoneIndex, find_zones
from factcheck.langdata import LanguageData
from factcheck.settings import Settings


class TextAnalysis(NamedTuple):
    """What extraction read from one text (offsets into it)."""

    zones: list[Zone]
    sentences: list[tuple[int, int]]
    numbers: list  # factcheck.numbers.NumberMention; gated: only those in claim sentences
    drafts: list[ClaimDraft]


def analyse_text(text: str, lang: LanguageData, settings: Settings, registry: MeasureRegistry,
                 *, gate: bool = True) -> TextAnalysis:
    """Zones, sentences, number mentions and claim drafts of ``text``.

    Args:
        text: the article text (never edited).
        lang: its language data.
        settings: run settings (``include_boilerplate``, number tolerances).
        registry: the measures to look for.
        gate: read numbers only in sentences that can hold a claim (same drafts, less work).
    """
    from factcheck.numbers import find_numbers

    lex = lexicon_for(lang)
    zones = find_zones(text, lex)
    sentences = split_sentences(text, lex)
    # numbers are read sentence by sentence (each sentence as a whole text): a figure never
    # runs into the next sentence, and what a sentence holds does not depend on which
    # other sentences are read — the gate's premise
    spans = claim_sentences(text, sentences, lex) if gate else sentences
    numbers = find_numbers(text, lang, settings=settings, spans=spans) if spans else []
    drafts = draft_claims(text, numbers, sentences, ZoneIndex(zones), lex, registry,
                          include_boilerplate=settings.include_boilerplate) if numbers else []
    return TextAnalysis(zones, sentences, numbers, drafts)
