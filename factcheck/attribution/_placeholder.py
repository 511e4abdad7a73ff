"""Temporary stand-in until attribution lands (delete then)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from factcheck.models import Article, Attribution, TimeScope


class ArticleContext:
    def __init__(self, article: Article) -> None:
        self.published: dt.date | None = article.published

    def attribute(self, start: int, end: int) -> Attribution:
        return Attribution()

    def time_scope(self, start: int, end: int) -> TimeScope:
        if self.published is None:
            return TimeScope(reason="article date unknown")
        return TimeScope(as_of=self.published, precision="day", reason="article date")


def analyse_article(article: Article, lang, sentences: Sequence[tuple[int, int]],
                    zones: Sequence[tuple[int, int, str]]) -> ArticleContext:
    return ArticleContext(article)
