"""``reconcile(items)`` and the :class:`Reconciler` behind it.

Items may be mixed: :class:`~factcheck.models.Article` objects, paths (files or folders,
read with :func:`factcheck.io.iter_inputs`), raw article text, already extracted
:class:`~factcheck.models.Claim` objects, and :class:`~factcheck.models.SkippedInput`
records (listed as skipped). Which ``str`` is a path is decided by its shape alone (see
:func:`is_path_text`), never by what happens to exist on disk: ``"."`` is text,
``Path(".")`` the current folder.

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
import warnings
from collections import Counter
from collections.abc import Iterable
from typing import Any, Union

from factcheck.errors import FactcheckError
from factcheck.models import Article, ArticleStatus, Claim, SkippedInput
from factcheck.reconcile.columns import claims_per_article
from factcheck.reconcile.gcpause import gc_paused
from factcheck.reconcile.groups import MAX_RELATIONS, build_groups
from factcheck.reconcile.measures import CumulativeHook, is_cumulative
from factcheck.reconcile.pairs import FULL_PAIRS_LIMIT
from factcheck.reconcile.report import ArticleMeta, Report
from factcheck.settings import Settings

Item = Union[Article, Claim, SkippedInput, str, "os.PathLike[str]"]
"""Anything :func:`reconcile` accepts in its list."""

#: File suffixes that make a one-line string a path (the formats factcheck.io reads).
PATH_SUFFIXES = (".txt", ".jsonl", ".ndjson", ".csv", ".json")

#: Folder separators that make a one-word string a path.
_SEPARATORS = tuple({"/", os.sep, os.altsep or "/"})


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
        strict: stop at the first input that cannot be used instead of skipping it (as the
            CLI's ``--strict``): an article whose extraction raises re-raises the error, and
            an unreadable file raises :class:`~factcheck.errors.InputError`. By default such
            inputs are listed as skipped, saying why, and the run goes on.

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
        strict: bool = False,
    ) -> None:
        self.settings = settings or Settings()
        self.strict = strict
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
            items: articles, paths, raw texts, claims and skipped-input records, mixed; a
                ``str`` is a path only when :func:`is_path_text` says so, else article text.

        Returns:
            A :class:`Report`; it does not depend on the order of ``items``.

        Raises:
            InputError: an item is of a type reconcile does not accept; with ``strict``, an
                unreadable file.
            Exception: with ``strict``, whatever an article's extraction raised.
        """
        claims: list[Claim] = []
        statuses: list[ArticleStatus] = []
        self._meta: list[ArticleMeta] = []  # outlet, date, URL of each article read (for the outputs)
        given: list[str] = []  # article ids of claims given directly, counted once at the end
        paths: list[str | os.PathLike[str]] = []
        from factcheck.inputs import as_items

        items = as_items(items)  # one str/Path is one item; rows and DataFrames; else TypeError
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
            elif isinstance(item, str) and not is_path_text(item):
                _warn_if_names_a_path(item)
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
        for a in _read(paths, strict=self.strict):
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
            meta = tuple(sorted({m.id: m for m in self._meta}.values(), key=lambda m: m.id))
            return Report(groups=tuple(groups), articles=articles, meta=meta)  # type: ignore[arg-type]

    def _extract(self, article: Article, claims: list[Claim]) -> ArticleStatus:
        """Extract ``article`` into ``claims``; an error skips the article, naming why (unless strict)."""
        self._meta.append(ArticleMeta(
            id=article.id, url=article.url, publisher=article.publisher,
            published=article.published.isoformat() if article.published else None,
        ))
        try:
            found = self.extractor.extract(article)
        except FactcheckError as e:  # a known limit (e.g. an unsupported language): its message says what to do
            if self.strict:
                raise
            return ArticleStatus(id=article.id, status="skipped", reason=str(e))
        except Exception as e:  # noqa: BLE001 - a bug in one article's extraction must not end the run
            if self.strict:
                raise
            return ArticleStatus(
                id=article.id,
                status="skipped",
                reason=f"extraction failed on article {article.id!r} ({type(e).__name__}: {e}); "
                "this is a bug in factcheck, please report it (strict=True re-raises it with its traceback)",
            )
        claims.extend(found)
        return ArticleStatus(id=article.id, status="processed", claims=len(found))


def reconcile(
    items: Iterable[Item],
    *,
    settings: Settings | None = None,
    cumulative: CumulativeHook | None = None,
    strict: bool = False,
) -> Report:
    """Reconcile articles and/or claims: agreement, growth and conflict, explained.

    Builds a default :class:`Reconciler` and runs it.

    What each item is read as:

    - :class:`~factcheck.models.Claim`: an extracted claim; :class:`~factcheck.models.Article`:
      extracted; :class:`~factcheck.models.SkippedInput`: listed as skipped.
    - ``pathlib.Path`` (any ``os.PathLike``): a file or folder, read with ``factcheck.io``.
    - ``str``: **article text**, unless it is shaped like a path — one line ending in
      ``.txt``/``.jsonl``/``.ndjson``/``.csv``/``.json``, or one word containing ``/``
      (``"examples/articles"``). What exists on disk never decides: ``"."`` and
      ``"examples"`` are texts (with a warning when such a file or folder exists); write
      ``Path("examples")`` to read the folder.

    An article whose extraction fails is listed as skipped with the reason (an unexpected
    error is named with its type, as a bug to report) and the run goes on; ``strict=True``
    re-raises instead.

    Args:
        items: articles, paths, raw texts, claims and skipped-input records, mixed.
        settings: windows and tolerances (defaults if None).
        cumulative: which measures are running totals (default: the measure registry).
        strict: stop at the first input that cannot be used (see :class:`Reconciler`).

    Returns:
        A :class:`Report`.

    >>> reconcile([]).to_dict()["articles"]
    []
    """
    return Reconciler(settings, cumulative=cumulative, strict=strict).run(items)


def text_id(text: str) -> str:
    """The id given to raw article text: ``text-`` and 8 hex digits of its SHA-1.

    Derived from the text, not its position, so reordering inputs changes nothing.

    >>> text_id("About 15,000 troops.")
    'text-d889e02a'
    """
    return "text-" + hashlib.sha1(text.encode("utf-8")).hexdigest()[:8]


def is_path_text(s: str) -> bool:
    """Whether :func:`reconcile` reads the ``str`` item ``s`` as a path (else as article text).

    By shape alone, so the meaning of an input never depends on the current folder: one
    line ending in a supported suffix (:data:`PATH_SUFFIXES`), or one word containing a
    folder separator. A missing file shaped like a path is reported as skipped.

    >>> [is_path_text(s) for s in ("examples/articles", "news.jsonl", "/tmp/x", ".", "examples")]
    [True, True, True, False, False]
    >>> is_path_text("About 15,000 troops and/or 600 killed.")
    False
    """
    if "\n" in s or "\r" in s or len(s) > 4096:
        return False
    t = s.strip()
    if not t:
        return False
    if t.lower().endswith(PATH_SUFFIXES):
        return True
    return any(sep in t for sep in _SEPARATORS) and not any(ch.isspace() for ch in t)


def _warn_if_names_a_path(text: str) -> None:
    """Warn when text reconcile reads as an article also names a file or folder (``"examples"``)."""
    t = text.strip()
    if t and len(t) < 256 and not any(ch.isspace() for ch in t) and os.path.exists(t):
        warnings.warn(
            f"reconcile: {text!r} is read as article text, though a file or folder of that name "
            f"exists; pass Path({t!r}) to read it",
            UserWarning,
            stacklevel=3,
        )


def _read(paths: list[str | os.PathLike[str]], *, strict: bool = False) -> list[Article | SkippedInput]:
    """Articles in files and folders, all in one pass (so duplicate ids across files are
    caught); each bad file or row a SkippedInput naming it, or with ``strict`` an InputError."""
    if not paths:
        return []
    from factcheck.io import iter_inputs

    return list(iter_inputs(paths, strict=strict))


def _skipped(s: SkippedInput) -> ArticleStatus:
    return ArticleStatus(id=s.where, status="skipped", reason=s.reason)
