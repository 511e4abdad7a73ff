"""Claim extraction: typed claims from articles.

Contract (kept stable)::

    Extractor(settings=None, measures=None)      # builds spaCy pipelines lazily, per language
    Extractor.extract(article) -> list[Claim]
    extract(article_or_text, *, language=None, settings=None) -> list[Claim]
"""

from __future__ import annotations

from factcheck.extraction._placeholder import Extractor, extract

__all__ = ["Extractor", "extract"]
