"""``reconcile(items)`` and the :class:`Reconciler` behind it.

Items may be mixed: :class:`~factcheck.models.Article` objects, paths (files or folders,
read with :func:`factcheck.io.iter_articles`), raw article text, already extracted
:class:`~factcheck.models.Claim` objects, and :class:`~factcheck.models.SkippedInput`
records (listed as skipped).

>>> import datetime as dt
>>> from factcheck.models import Claim, Evidence, TimeScope
>>> from factcheck.values import Exact
>>> ev = Evidence(article_id="a1", start=0, end=3, text="600", sentence_start=0, sentence_end=3)
>>> c = Claim(article_id="a1", measure="troops_killed", subject="north_korea",
...           value=Exact(value=600), unit="soldier", evidence=ev)
>>> report = reconcile([c])
>>> report.groups[0].verdict
'single'
"""

from __future__ import annotations

import hashlib
import os
from collections import Counter
from collections.abc import Iterable
from pathlib import Path
from typing import Any, Union

from pydantic import ValidationError

from factcheck.errors import FactcheckError
from factcheck.models import Article, ArticleStatus, Claim, SkippedInput
from factcheck.reconcile.columns import claims_per_article
from factcheck.reconcile.gcpause import gc_paused
from factcheck.reconcile.groups import MAX_RELATIONS, build_groups
from factcheck.reconcile.measures import CumulativeHook, is_cumulative
from factcheck.reconcile.pairs import FULL_PAIRS_LIMIT
from factcheck.reconcile.report import Report
from factcheck.settings import Settings

Item = Union[Article, Claim, SkippedInput, str, "os.PathLike[str]"]
"""Anything :func:`reconcile` accepts in its list."""

#: File suffixes that make a short string a path even when the file is missing.
_PATH_SUFFIXES = (".txt", ".jsonl", ".ndjson", ".csv", ".json")


class Reconciler:
    """Reconciles claims and articles with fixed settings; build once, run many times.

    Args:
        settings: windows and tolerances (defaults if None).
        cumulative: which measures are running totals — a predicate or a set of names;
            None asks the measure registry (see :func:`is_cumulative`).
        extractor: anything with ``.extract(article) -> list[Claim]``; None builds
            ``factcheck.extraction.Extractor(settings)`` when the first article arrives.
        max_relations: relations stored per group (worst first).
        full_limit: groups up to this size compare every pair; larger ones a bounded set.

    >>> Reconciler().run([]).groups
    ()
    """

    def __init__(
        self,
        settings: Settings | None = None,
        *,
        cumulative: CumulativeHook | None = None,
        extractor: Any | None = None,
        max_relations: int = MAX_RELATIONS,
        full_limit: int = FULL_PAIRS_LIMIT,
    ) -> None:
        self.settings = settings or Settings()
        self._cumulative = cumulative
        self._extractor = extractor
        self.max_relations = max_relations
        self.full_limit = full_limit

    def is_cumulative(self, measure: str) -> bool:
        """Whether ``measure`` is a running total for this reconciler."""
        return is_cumulative(measure, cumulative=self._cumulative)

    @property
    def extractor(self) -> Any:
        if self._extractor is None:
            from factcheck.extraction import Extractor

            self._extractor = Extractor(self.settings)
        return self._extractor

    def run(self, items: Iterable[Item]) -> Report:
        """Extract what needs extracting, group, compare and estimate.

        Args:
            items: articles, paths, raw texts, claims and skipped-input records, mixed.

        Returns:
            A :class:`Report`; it does not depend on the order of ``items``.

        Raises:
            InputError: an item is of a type reconcile does not accept.
        """
        claims: list[Claim] = []
        statuses: list[ArticleStatus] = []
        given: list[str] = []  # article ids of claims given directly, counted once at the end
        paths: list[str | os.PathLike[str]] = []
        items = items if isinstance(items, (list, tuple)) else list(items)
        claims_only = set(map(type, items)) == {Claim}
        if claims_only:  # an archive's case: no per-item Python step; counted from the columns
            claims = list(items)
            items = ()
        for item in items:
            if isinstance(item, Claim):
                claims.append(item)
                given.append(item.article_id)
            elif isinstance(item, Article):
                statuses.append(self._extract(item, claims))
            elif isinstance(item, SkippedInput):
                statuses.append(_skipped(item))
            elif isinstance(item, str) and not _looks_like_path(item):
                statuses.append(self._extract(Article(id=text_id(item), text=item), claims))
            elif isinstance(item, (str, os.PathLike)):
                paths.append(item)
            else:
                from factcheck.errors import InputError

                raise InputError(
                    f"reconcile cannot use an item of type {type(item).__name__}: pass Article, Claim, "
                    "a path, article text, or SkippedInput"
                )
        # all paths in one read, so duplicate article ids across files are caught
        for a in _read(paths):
            statuses.append(_skipped(a) if isinstance(a, SkippedInput) else self._extract(a, claims))
        counted: dict[str, int] = {}
        with gc_paused():
            groups = build_groups(
                claims,
                settings=self.settings,
                cumulative=self.is_cumulative,
                max_relations=self.max_relations,
                full_limit=self.full_limit,
                on_read=(lambda cols: counted.update(claims_per_article(cols))) if claims_only else None,
            )
            # still paused: with a million claims alive, every collection the article rows
            # and the report's validation would trigger rescans them all, freeing nothing
            # counted in C: a per-item ``+= 1`` costs more than a million appends
            direct = counted if claims_only else Counter(given)
            seen = {s.id for s in statuses}
            # plain rows, validated in one pass by Report: one per article of a million claims
            rows = [(s.id, s.status, s.claims, s.reason or "") for s in statuses]
            rows += [(aid, "processed", n, "claims given directly") for aid, n in direct.items() if aid not in seen]
            rows.sort()
            articles = [{"id": i, "status": st, "claims": n, "reason": r or None} for i, st, n, r in rows]
            return Report(groups=tuple(groups), articles=articles)  # type: ignore[arg-type]

    def _extract(self, article: Article, claims: list[Claim]) -> ArticleStatus:
        """Extract ``article`` into ``claims``; a factcheck error skips the article, naming why."""
        try:
            found = self.extractor.extract(article)
        except FactcheckError as e:
            return ArticleStatus(id=article.id, status="skipped", reason=str(e))
        claims.extend(found)
        return ArticleStatus(id=article.id, status="processed", claims=len(found))


def reconcile(
    items: Iterable[Item], *, settings: Settings | None = None, cumulative: CumulativeHook | None = None
) -> Report:
    """Reconcile articles and/or claims: agreement, growth and conflict, explained.

    Builds a default :class:`Reconciler` and runs it; see there for the items accepted.

    Args:
        items: articles, paths, raw texts, claims and skipped-input records, mixed.
        settings: windows and tolerances (defaults if None).
        cumulative: which measures are running totals (default: the measure registry).

    Returns:
        A :class:`Report`.

    >>> reconcile([]).to_dict()["articles"]
    []
    """
    return Reconciler(settings, cumulative=cumulative).run(items)


def text_id(text: str) -> str:
    """The id given to raw article text: ``text-`` and 8 hex digits of its SHA-1.

    Derived from the text, not its position, so reordering inputs changes nothing.

    >>> text_id("About 15,000 troops.")
    'text-d889e02a'
    """
    return "text-" + hashlib.sha1(text.encode("utf-8")).hexdigest()[:8]


def _looks_like_path(s: str) -> bool:
    if "\n" in s or len(s) > 4096:
        return False
    if os.path.exists(s):
        return True
    return s.lower().endswith(_PATH_SUFFIXES) or (os.sep in s and " " not in s.strip())


def _read(paths: list[str | os.PathLike[str]]) -> list[Article | SkippedInput]:
    """Articles in files and folders; each bad input a SkippedInput naming the file."""
    if not paths:
        return []
    from factcheck import io as fio

    iter_inputs = getattr(fio, "iter_inputs", None)
    if iter_inputs is not None:  # reports each bad file or row and reads on
        return list(iter_inputs(paths))
    out: list[Article | SkippedInput] = []
    for item in paths:
        path = Path(item)
        if not path.exists():
            out.append(SkippedInput(where=str(path), reason="no such file or folder"))
            continue
        try:
            out.extend(fio.iter_articles([path]))
        except (FactcheckError, ValidationError, ValueError, OSError) as e:
            out.append(SkippedInput(where=str(path), reason=f"cannot read: {e}"))
    return out


def _skipped(s: SkippedInput) -> ArticleStatus:
    return ArticleStatus(id=s.where, status="skipped", reason=s.reason)
