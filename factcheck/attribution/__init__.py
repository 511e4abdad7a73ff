"""Attribution and time: who said each figure, through whom, and as of when.

Contract used by extraction (kept stable)::

    ctx = analyse_article(article, lang, sentences, zones)
    ctx.published            # date | None: the given date, else read from the text
    ctx.attribute(start, end) -> Attribution   # for the figure at text[start:end]
    ctx.time_scope(start, end) -> TimeScope

``sentences`` is a sequence of ``(start, end)`` offsets; ``zones`` a sequence of
``(start, end, name)`` with names such as ``headline``, ``body``, ``boilerplate``.
"""

from __future__ import annotations

from factcheck.attribution._placeholder import ArticleContext, analyse_article

__all__ = ["ArticleContext", "analyse_article"]
