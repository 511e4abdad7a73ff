"""The spaCy pipeline: ``spacy.blank(lang)`` plus factcheck's registered components.

Components (each reads the language data named in its config; no downloaded models):

- ``factcheck_zones``     -> ``Doc._.fc_zones``: ``(start, end, name)`` headline/body/boilerplate
- ``factcheck_sentences`` -> ``Doc._.fc_sentences``: ``(start, end)``; also sets ``Token.is_sent_start``
- ``factcheck_numbers``   -> ``Doc._.fc_numbers``: ``factcheck.numbers.NumberMention`` list
- ``factcheck_claims``    -> ``Doc._.fc_claims``: :class:`~factcheck.extraction.claims.ClaimDraft`
  list, and ``Doc.spans["fc_claims"]`` whose spans carry ``Span._.fc_value``,
  ``Span._.fc_measure``, ``Span._.fc_subject``

Offsets point into ``doc.text``; the text is never edited.

The components read characters, never tokens: they call the same plain functions as
:meth:`~factcheck.extraction.Extractor.extract` (``analysis.py``), which builds no ``Doc``
at all (tokenising costs as much as the spaCy floor itself). The pipeline is the public
way to get the results on a ``Doc``, for spaCy users.

>>> nlp = build_pipeline("en")
>>> nlp.pipe_names
['factcheck_zones', 'factcheck_sentences', 'factcheck_numbers', 'factcheck_claims']
"""

from __future__ import annotations

from typing import Any

import numpy
import regex
import spacy
from spacy.attrs import IDX, SENT_START
from spacy.language import Language
from spacy.tokens import Doc, Span

from factcheck.extraction.claims import draft_claims
from factcheck.extraction.lexicon import lexicon_for
from factcheck.extraction.measures import MeasureRegistry, default_registry
from factcheck.extraction.sentences import split_sentences
from factcheck.extraction.zones import ZoneIndex, find_zones
from factcheck.langdata import load_language
from factcheck.settings import Settings

for _name in ("fc_zones", "fc_sentences", "fc_numbers", "fc_claims"):
    if not Doc.has_extension(_name):
        Doc.set_extension(_name, default=None)
for _name in ("fc_value", "fc_measure", "fc_subject"):
    if not Span.has_extension(_name):
        Span.set_extension(_name, default=None)

#: spaCy refuses longer texts by default (a guard for parsers); our components are linear.
MAX_LENGTH = 2**31 - 1

_TEXT_KEY = "fc_text"
_SURROGATE = regex.compile(r"[\ud800-\udfff]")


def doc_text(doc: Doc) -> str:
    """``doc.text``, computed once: spaCy rebuilds it from every token on each access."""
    text = doc.user_data.get(_TEXT_KEY)
    if text is None:
        text = doc.text
        doc.user_data[_TEXT_KEY] = text
    return text


#: Longer texts are not tokenised: our components read characters, not tokens, and a
#: tokenised 20 MB text costs gigabytes. The Doc then holds the text as one token.
TOKENIZE_MAX_CHARS = 1_000_000


def run_pipeline(nlp: Language, text: str) -> Doc:
    """Run ``nlp`` on ``text``, handing the components the text itself (no rebuild from tokens).

    Texts over :data:`TOKENIZE_MAX_CHARS` characters skip the tokenizer (see there).
    """
    # spaCy stores strings as UTF-8: a lone surrogate would raise. The tokens get a same-length
    # copy with U+FFFD; the components (and every offset and cited text) use the text itself.
    safe = _SURROGATE.sub("\ufffd", text)
    if len(text) > TOKENIZE_MAX_CHARS:
        doc = Doc(nlp.vocab, words=[safe], spaces=[False])
    else:
        doc = nlp.make_doc(safe)
    doc.user_data[_TEXT_KEY] = text
    for _name, proc in nlp.pipeline:
        doc = proc(doc)
    return doc


class ZonesComponent:
    """Sets ``Doc._.fc_zones`` from the language's boilerplate markers."""

    def __init__(self, language: str) -> None:
        self.lex = lexicon_for(load_language(language))

    def __call__(self, doc: Doc) -> Doc:
        doc._.fc_zones = find_zones(doc_text(doc), self.lex)
        return doc


class SentencesComponent:
    """Sets ``Doc._.fc_sentences`` and the tokens' sentence starts (vectorised, no token loop)."""

    def __init__(self, language: str) -> None:
        self.lex = lexicon_for(load_language(language))

    def __call__(self, doc: Doc) -> Doc:
        sentences = split_sentences(doc_text(doc), self.lex)
        doc._.fc_sentences = sentences
        if len(doc):
            idx = numpy.asarray(doc.to_array(IDX), dtype=numpy.int64).reshape(-1)
            starts = numpy.array([s for s, _ in sentences] or [0], dtype=numpy.int64)
            first = numpy.searchsorted(idx, starts, side="right") - 1
            flags = numpy.full(len(doc), -1, dtype=numpy.int32)
            flags[first[first >= 0]] = 1
            flags[0] = 1
            doc.from_array([SENT_START], flags.reshape(-1, 1).astype(numpy.uint64))
        return doc


class NumbersComponent:
    """Sets ``Doc._.fc_numbers`` with the number normaliser, read sentence by sentence
    (after ``factcheck_sentences``; alone, over the whole text)."""

    def __init__(self, language: str, settings: dict[str, Any]) -> None:
        self.language = load_language(language)
        self.settings = Settings.model_validate(settings or {})

    def __call__(self, doc: Doc) -> Doc:
        from factcheck.numbers import find_numbers

        # sentence by sentence, as Extractor.extract reads them (analysis.py)
        doc._.fc_numbers = find_numbers(doc_text(doc), self.language, settings=self.settings,
                                        spans=doc._.fc_sentences)
        return doc


class ClaimsComponent:
    """Sets ``Doc._.fc_claims`` (claim drafts) and ``Doc.spans["fc_claims"]``.

    ``registry`` (the measures) may be replaced after the pipeline is built.
    """

    def __init__(self, language: str, include_boilerplate: bool) -> None:
        self.lex = lexicon_for(load_language(language))
        self.include_boilerplate = include_boilerplate
        self.registry: MeasureRegistry = default_registry()

    def __call__(self, doc: Doc) -> Doc:
        zones = ZoneIndex(doc._.fc_zones or [])
        drafts = draft_claims(
            doc_text(doc),
            doc._.fc_numbers or [],
            doc._.fc_sentences or [],
            zones,
            self.lex,
            self.registry,
            include_boilerplate=self.include_boilerplate,
        )
        doc._.fc_claims = drafts
        spans = []
        for d in drafts:
            span = doc.char_span(d.start, d.end, alignment_mode="expand")
            if span is not None:
                span._.fc_value = d.value
                span._.fc_measure = d.measure.name
                span._.fc_subject = d.subject
                spans.append(span)
        doc.spans["fc_claims"] = spans
        return doc


@Language.factory("factcheck_zones", default_config={"language": "en"})
def make_zones(nlp: Language, name: str, language: str) -> ZonesComponent:
    return ZonesComponent(language)


@Language.factory("factcheck_sentences", default_config={"language": "en"})
def make_sentences(nlp: Language, name: str, language: str) -> SentencesComponent:
    return SentencesComponent(language)


@Language.factory("factcheck_numbers", default_config={"language": "en", "settings": {}})
def make_numbers(nlp: Language, name: str, language: str, settings: dict[str, Any]) -> NumbersComponent:
    return NumbersComponent(language, settings)


@Language.factory(
    "factcheck_claims", default_config={"language": "en", "include_boilerplate": False}
)
def make_claims(nlp: Language, name: str, language: str, include_boilerplate: bool) -> ClaimsComponent:
    return ClaimsComponent(language, include_boilerplate)


def build_pipeline(code: str, settings: Settings | None = None,
                   registry: MeasureRegistry | None = None) -> Language:
    """A fresh pipeline for language ``code``: ``spacy.blank`` plus our four components.

    Raises:
        UnsupportedLanguageError: no language file for ``code``.
    """
    settings = settings or Settings()
    lang = load_language(code)
    nlp = spacy.blank(lang.spacy)
    nlp.max_length = MAX_LENGTH
    nlp.add_pipe("factcheck_zones", config={"language": code})
    nlp.add_pipe("factcheck_sentences", config={"language": code})
    nlp.add_pipe("factcheck_numbers", config={"language": code, "settings": settings.model_dump()})
    claims = nlp.add_pipe(
        "factcheck_claims",
        config={"language": code, "include_boilerplate": settings.include_boilerplate},
    )
    if registry is not None:
        claims.registry = registry
    return nlp
