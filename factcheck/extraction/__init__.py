"""Claim extraction: typed claims from articles.

Contract (kept stable)::

    Extractor(settings=None, measures=None)      # builds spaCy pipelines lazily, per language
    Extractor.extract(article) -> list[Claim]
    extract(article_or_text, *, language=None, settings=None) -> list[Claim]

Measures are data (``factcheck/data/measures.yaml``); ``get_measure(name)`` and
``register_measure(measure)`` use the shared registry. See docs/extraction.md.
"""

from __future__ import annotations

from factcheck.extraction.extractor import Extractor, extract
from factcheck.extraction.measures import (
    Measure,
    MeasureRegistry,
    get_measure,
    load_measures,
    register_measure,
)

__all__ = [
    "Extractor",
    "Measure",
    "MeasureRegistry",
    "extract",
    "get_measure",
    "load_measures",
    "register_measure",
]
