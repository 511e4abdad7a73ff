"""Attribution and time: who said each figure, through whom, and as of when.

Contract used by extraction (kept stable)::

    ctx = analyse_article(article, lang, sentences, zones)
    ctx.published            # date | None: the given date, else read from the text
    ctx.date_precision       # "day" | None;  ctx.date_reason says where the date came from
    ctx.attribute(start, end) -> Attribution   # for the figure at text[start:end]
    ctx.time_scope(start, end) -> TimeScope

``sentences`` is a sequence of ``(start, end)`` offsets; ``zones`` a sequence of
``(start, end, name)`` with names such as ``headline``, ``body``, ``boilerplate``.

Sources live in a registry (``factcheck/data/sources.yaml``); add your own with
``default_registry().define(Source(...))`` or ``.load(path)``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from factcheck._lazy import exports as _exports

# Loaded on first use (factcheck/_lazy.py): langdata imports attribution.schema, which
# should not bring in the attribution engine.
__getattr__, __dir__ = _exports(__name__, {
    "ArticleContext": "factcheck.attribution.context",
    "analyse_article": "factcheck.attribution.context",
    "Source": "factcheck.attribution.sources",
    "SourceRegistry": "factcheck.attribution.sources",
    "default_registry": "factcheck.attribution.sources",
}, globals())

if TYPE_CHECKING:
    from factcheck.attribution.context import ArticleContext, analyse_article
    from factcheck.attribution.sources import Source, SourceRegistry, default_registry

__all__ = ["ArticleContext", "Source", "SourceRegistry", "analyse_article", "default_registry"]
