"""Claim extraction: typed claims from articles.

Contract (kept stable)::

    Extractor(settings=None, measures=None)      # builds spaCy pipelines lazily, per language
    Extractor.extract(article) -> list[Claim]
    extract(article_or_text, *, language=None, settings=None) -> list[Claim]

Measures are data (``factcheck/data/measures.yaml``); ``get_measure(name)`` and
``register_measure(measure)`` use the shared registry. See docs/extraction.md.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from factcheck._lazy import exports as _exports

# Loaded on first use: factcheck.langdata imports this package's schema and gazetteer
# modules, and the extractor imports langdata, so an eager import here made a cycle that
# only the order of imports in factcheck/__init__.py kept working.
__getattr__, __dir__ = _exports(__name__, {
    "Extractor": "factcheck.extraction.extractor",
    "extract": "factcheck.extraction.extractor",
    "Measure": "factcheck.extraction.measures",
    "MeasureRegistry": "factcheck.extraction.measures",
    "get_measure": "factcheck.extraction.measures",
    "load_measures": "factcheck.extraction.measures",
    "register_measure": "factcheck.extraction.measures",
}, globals())

if TYPE_CHECKING:
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
