"""The things timed side by side: factcheck and the tools a user would pick instead.

Each tool is a :class:`Tool`: a name, a note, and ``build(lang)`` returning a function that
processes a list of articles (or raising :class:`Unavailable` with the reason it is
skipped — not installed, not landed yet, or failing on our text). Optional tools are
measured only when installed; they are not dependencies of factcheck.

>>> floor = spacy_floor("en")
>>> from factcheck.models import Article
>>> floor([Article(id="x", text="About 15,000 troops.")])
1
"""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from factcheck.models import Article

Run = Callable[[Sequence[Article]], int]
"""Processes the articles; returns a count (docs, matches or claims) so work is not optimised away."""


class Unavailable(Exception):
    """A tool that cannot be measured here; the message says why."""


@dataclass(frozen=True)
class Tool:
    name: str
    note: str
    build: Callable[[str], Run]


def _spacy_code(lang: str) -> str:
    # The spaCy code comes from the language file, not from the benchmark.
    from factcheck.langdata import load_language

    return load_language(lang).spacy


def spacy_floor(lang: str) -> Run:
    """spaCy blank-pipeline tokenisation (``nlp.pipe``): the floor any spaCy-based tool pays."""
    import spacy

    nlp = spacy.blank(_spacy_code(lang))

    def run(articles: Sequence[Article]) -> int:
        return sum(1 for _ in nlp.pipe((a.text for a in articles), batch_size=64))

    return run


def factcheck_extract(lang: str) -> Run:
    """Full factcheck extraction: numbers, qualifiers, measures, attribution, dates → Claims."""
    from factcheck.extraction import Extractor
    from factcheck.settings import Settings

    extractor = Extractor(Settings())

    def run(articles: Sequence[Article]) -> int:
        return sum(len(extractor.extract(a)) for a in articles)

    return run


def factcheck_numbers(lang: str) -> Run:
    """factcheck's number finder alone (``find_numbers``), without claims or attribution."""
    from factcheck.langdata import load_language
    from factcheck.numbers import find_numbers

    data = load_language(lang)

    def run(articles: Sequence[Article]) -> int:
        return sum(len(find_numbers(a.text, data)) for a in articles)

    return run


def number_parser(lang: str) -> Run:
    """number-parser's ``parse`` (number words → digits in running text); optional."""
    try:
        import number_parser as npar
    except ImportError as exc:
        raise Unavailable("not installed (pip install number-parser)") from exc

    def run(articles: Sequence[Article]) -> int:
        return sum(len(npar.parse(a.text, language=lang)) for a in articles)

    return run


def duckling(lang: str) -> Run:
    """Duckling through pyduckling-native (numerals, quantities, times); optional."""
    try:
        import duckling as dk
    except ImportError as exc:
        raise Unavailable(
            "not installed (pip install pyduckling-native; wheels exist only for CPython 3.5-3.9, "
            "the sdist needs the Haskell toolchain)"
        ) from exc
    zones = dk.load_time_zones("/usr/share/zoneinfo")
    ref = dk.parse_ref_time(zones, "UTC", int(time.time()))
    dlang = dk.parse_lang(lang.upper())
    locale = dk.default_locale_lang(dlang)
    context = dk.Context(ref, locale)
    dims = dk.parse_dimensions(["number", "quantity", "time"])

    def run(articles: Sequence[Article]) -> int:
        return sum(len(dk.parse(a.text, context, dims, False)) for a in articles)

    return run


FLOOR = Tool("spaCy blank tokeniser (floor)", "spacy.blank(lang), nlp.pipe", spacy_floor)
TOOLS: tuple[Tool, ...] = (
    FLOOR,
    Tool("factcheck extract (full)", "Extractor(settings).extract(article)", factcheck_extract),
    Tool("factcheck find_numbers", "numbers only, no claims", factcheck_numbers),
    Tool("number-parser", "number_parser.parse(text, language)", number_parser),
    Tool("Duckling (pyduckling-native)", "parse(text, number/quantity/time)", duckling),
)
"""Every tool, the floor first; the table keeps this order."""

FULL = TOOLS[1].name


def prepare(tool: Tool, lang: str, probe: Sequence[Article]) -> Run:
    """Build ``tool`` for ``lang`` and run it once on ``probe`` (warm-up and smoke check).

    Raises:
        Unavailable: with the reason (not installed, not landed, failed on our text).
    """
    try:
        run = tool.build(lang)
        run(probe)
    except Unavailable:
        raise
    except NotImplementedError as exc:
        raise Unavailable(f"not landed yet ({exc})") from exc
    except Exception as exc:  # a tool failing on our text is reported, not fatal
        raise Unavailable(f"failed on the corpus: {type(exc).__name__}: {exc}") from exc
    return run
