"""Temporary stand-in until extraction lands (delete then)."""

from __future__ import annotations

from factcheck.models import Article, Claim


class Extractor:
    def __init__(self, settings=None, measures=None) -> None:
        self.settings = settings

    def extract(self, article: Article) -> list[Claim]:
        raise NotImplementedError("claim extraction has not landed yet")


def extract(article, *, language=None, settings=None) -> list[Claim]:
    raise NotImplementedError("claim extraction has not landed yet")
