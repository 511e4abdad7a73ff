"""factcheck on Dask: extract on many workers, reconcile group by group.

``extract(paths_or_bag)`` gives a Dask DataFrame of claims (one row per claim, the
columns of :mod:`factcheck.store.rows`); ``reconcile(claims_ddf)`` shuffles the claims by
quantity (subject, measure), reconciles each partition's groups on a worker and returns
the same :class:`~factcheck.reconcile.Report` as one process. A quantity's groups (its
total, increments and subsets) are judged together — a total that its own article gives
again as a batch or part is doubtful (:mod:`factcheck.reconcile.doubt`) — and quantities
are independent, so no group's evidence spans partitions and a very large group stays
exact (it needs the memory of one quantity on one worker). Each worker process builds its
Extractor, and so loads the language data, once (:func:`worker_extractor`).

Schedulers: whatever Dask uses by default (a :class:`distributed.Client` when one is
active), or :func:`client` with ``"local:N"`` (a LocalCluster of N one-thread worker
processes) or a scheduler address (``"tcp://10.0.0.5:8786"``).

>>> parse_scheduler("local:2")
('local', 2)
>>> parse_scheduler("tcp://10.0.0.5:8786")
('address', 'tcp://10.0.0.5:8786')
"""

from __future__ import annotations

import logging
import sys
import threading
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager, redirect_stdout
from typing import TYPE_CHECKING, Any

from factcheck.errors import InputError
from factcheck.io import MAX_ARTICLE_CHARS, iter_located
from factcheck.models import Article, ArticleStatus, Claim, SkippedInput
from factcheck.settings import Settings
from factcheck.store.rows import claims_from_table, claims_table, empty_frame

if TYPE_CHECKING:  # pragma: no cover
    import dask.bag
    import dask.dataframe
    import pandas

    from factcheck.reconcile import Report

#: Articles per partition when reading paths (a few seconds of work per task).
PARTITION_SIZE = 64
#: What the claims are shuffled by: a quantity's roles stay together (see the module docstring).
KEY = ["subject", "measure"]

_LOCAL = threading.local()
#: Extractors built in this process (one per worker thread and settings): tests read it.
BUILT = 0
_BUILT_LOCK = threading.Lock()


def parse_scheduler(spec: str) -> tuple[str, Any]:
    """``("local", N)`` for ``local:N``, else ``("address", spec)``; bad input raises InputError."""
    if spec.startswith("local"):
        _, _, n = spec.partition(":")
        try:
            workers = int(n) if n else 2
        except ValueError:
            workers = 0
        if workers < 1:
            raise InputError(f"--scheduler {spec!r}: write local:N with N the number of workers (local:2)")
        return "local", workers
    if "://" not in spec and ":" not in spec:
        raise InputError(f"--scheduler {spec!r}: give a scheduler address (tcp://host:8786) or local:N")
    return "address", spec


@contextmanager
def client(spec: str, *, warm: Settings | None = None) -> Iterator[Any]:
    """A :class:`distributed.Client` for ``spec`` (``local:N`` or an address), closed afterwards.

    Args:
        spec: ``local:N`` (N one-thread worker processes here) or a scheduler address.
        warm: build every worker's extractor for these settings, and load each supported
            language's data, before returning (otherwise the first task on each worker does).
    """
    import dask
    from distributed import Client, LocalCluster

    kind, arg = parse_scheduler(spec)
    if kind == "local":
        # one thread per process: extraction holds the GIL, so threads would not add speed
        # silence_logs: the workers' shutdown chatter is not for a command line's stderr
        # no worker profiler: it samples the task thread every 10 ms for a dashboard page a
        # command line never shows, taking the GIL from extraction (~5 % of a worker's CPU)
        with dask.config.set({"distributed.worker.profile.enabled": False}), \
                LocalCluster(n_workers=arg, threads_per_worker=1, processes=True, dashboard_address=":0",
                             silence_logs=logging.ERROR) as cluster, Client(cluster) as c:
            if warm is not None:
                warm_workers(c, warm)
            yield c
    else:
        with Client(arg) as c:
            if warm is not None:
                warm_workers(c, warm)
            yield c


def warm_workers(c: Any, settings: Settings) -> None:
    """Run :func:`warm_up` once on every worker of client ``c`` (in its task thread)."""
    workers = list(c.scheduler_info()["workers"])
    futures = [c.submit(warm_up, settings, pure=False, workers=[w], allow_other_workers=False) for w in workers]
    c.gather(futures)


def warm_up(settings: Settings, extractor: Any = None) -> int:
    """Build this thread's extractor (or warm ``extractor``) and read one tiny text in every
    supported language, so its pipelines and language data are loaded; returns the count."""
    from factcheck.langdata import supported_languages

    ex = extractor if extractor is not None else worker_extractor(settings)
    langs = supported_languages()
    for code in langs:
        try:
            ex.extract(Article(id="warm-up", text="1", language=code))
        except Exception:  # noqa: BLE001 - a language that cannot load fails again, named, on its articles
            pass
    return len(langs)


def worker_extractor(settings: Settings) -> Any:
    """This worker thread's Extractor for ``settings``, built on first use and kept."""
    global BUILT
    cache = getattr(_LOCAL, "extractors", None)
    if cache is None:
        cache = _LOCAL.extractors = {}
    key = settings.model_dump_json()
    ex = cache.get(key)
    if ex is None:
        from factcheck.extraction import Extractor

        ex = cache[key] = Extractor(settings)
        with _BUILT_LOCK:
            BUILT += 1
    return ex


def extract_batch(articles: Sequence[Article], settings: Settings) -> list[list[Claim] | str]:
    """Each article's claims, or why it is skipped (runs on a worker)."""
    from factcheck.store.store import extract_one

    ex = worker_extractor(settings)
    return [extract_one(ex, a) for a in articles]


def _claims_frame(articles: Sequence[Article], settings: Settings) -> pandas.DataFrame:
    pairs = []
    for result in extract_batch(list(articles), settings):
        if isinstance(result, list):
            pairs.extend((c, seq) for seq, c in enumerate(result))
    return _to_pandas(claims_table(pairs))


def _to_pandas(table: Any) -> pandas.DataFrame:
    import pandas as pd
    import pyarrow as pa

    # nullable integers (an offset column with a NULL must not turn into floats); Arrow
    # dtypes for lists and dates, which Dask's string conversion would otherwise turn into text
    kinds = {pa.int32(): pd.Int32Dtype(), pa.list_(pa.string()): pd.ArrowDtype(pa.list_(pa.string())),
             pa.date32(): pd.ArrowDtype(pa.date32())}
    return table.to_pandas(types_mapper=kinds.get)


def article_meta(article: Article) -> Any:
    """What a report shows of ``article`` beside its quotes (as one process records it)."""
    from factcheck.reconcile.report import ArticleMeta

    row = {"id": article.id, "url": article.url, "publisher": article.publisher, "language": article.language,
           "published": article.published.isoformat() if article.published else None}
    return ArticleMeta(**{k: v for k, v in row.items() if k in ArticleMeta.model_fields})


def read_articles(paths: Iterable[str], *, language: str | None = None,
                  max_chars: int | None = MAX_ARTICLE_CHARS) -> tuple[list[Article], list[SkippedInput]]:
    """The articles in ``paths`` and the inputs that could not be read (read here, on the client)."""
    arts: list[Article] = []
    skipped: list[SkippedInput] = []
    for _, item in iter_located(list(paths), language=language, max_chars=max_chars):
        (skipped if isinstance(item, SkippedInput) else arts).append(item)  # type: ignore[arg-type]
    return arts, skipped


def extract(paths_or_bag: Iterable[str] | dask.bag.Bag, *, settings: Settings | None = None,
            language: str | None = None, max_chars: int | None = MAX_ARTICLE_CHARS,
            partition_size: int = PARTITION_SIZE) -> dask.dataframe.DataFrame:
    """A Dask DataFrame of the claims in ``paths_or_bag`` (lazy: nothing runs until computed).

    Args:
        paths_or_bag: files and folders (read on the client, then split into partitions of
            ``partition_size`` articles), or a ``dask.bag.Bag`` of :class:`Article`.
        settings: extraction settings (defaults if None).
        language, max_chars: as :func:`factcheck.io.iter_inputs`, for paths.

    Returns:
        One row per claim (:data:`factcheck.store.rows.CLAIM_COLUMNS`), partitions in input order.
    """
    import dask.bag as db
    import dask.dataframe as dd
    from dask import delayed

    settings = settings or Settings()
    if isinstance(paths_or_bag, db.Bag):
        bag = paths_or_bag
    else:
        paths = [paths_or_bag] if isinstance(paths_or_bag, str) else list(paths_or_bag)
        arts, _ = read_articles(paths, language=language, max_chars=max_chars)
        bag = db.from_sequence(arts, partition_size=max(1, partition_size)) if arts else db.from_sequence([[]][:0])
    parts = [delayed(_claims_frame)(p, settings) for p in bag.to_delayed()]
    meta = _to_pandas(claims_table([]))
    if not parts:
        return dd.from_pandas(meta, npartitions=1)
    return dd.from_delayed(parts, meta=meta, verify_meta=False)


def _reconcile_part(df: pandas.DataFrame, settings: Settings, options: dict[str, Any],
                    trusted: bool = False) -> tuple[list[Any], dict[str, int]]:
    """One partition's groups and claims per article (runs on a worker)."""
    from factcheck.reconcile import Reconciler

    claims = claims_from_table(df, trusted=trusted) if len(df) else []
    if not claims:
        return [], {}
    report = Reconciler(settings, **options).run(claims)
    return list(report.groups), {a.id: a.claims for a in report.articles}


def reconcile(claims_ddf: dask.dataframe.DataFrame, *, settings: Settings | None = None,
              articles: Iterable[ArticleStatus] | None = None, meta: Iterable[Any] = (),
              npartitions: int | None = None, trusted: bool = False,
              progress: bool | None = False, **options: Any) -> Report:
    """Reconcile a Dask DataFrame of claims group by group; the same Report as one process.

    Args:
        claims_ddf: claims as :func:`extract` gives them (or any frame with those columns).
        settings: windows and tolerances (defaults if None).
        articles: every input's status, for the report's article list (default: one row per
            article holding claims, as reconciling the claims in one process lists them).
        meta: the articles' outlet, date, URL and language (``ArticleMeta``), for the outputs.
        npartitions: partitions after the shuffle by key (default: two per worker of the
            active client, or per CPU, and no more than the input has). Fewer partitions
            mean fewer shuffle tasks; groups stay whole whatever the number.
        trusted: the rows were written by factcheck (:func:`extract`, a store), so each claim
            is rebuilt without validating every field again (equal objects, several times
            faster); rows from anywhere else are validated.
        progress: show Dask's progress on stderr.
        options: passed to :class:`~factcheck.reconcile.Reconciler` (``cumulative``,
            ``max_relations``, ``full_limit``).

    >>> import pandas as pd, dask.dataframe as dd
    >>> reconcile(dd.from_pandas(empty_frame(), npartitions=1), progress=False).groups
    ()
    """
    from dask import delayed

    from factcheck.reconcile import Report

    settings = settings or Settings()
    n = npartitions or min(claims_ddf.npartitions, 2 * _workers())
    # task-based: the P2P shuffle cannot move Arrow list columns (the relay chains)
    if n > 1:
        shuffled = claims_ddf.shuffle(on=KEY, npartitions=n, shuffle_method="tasks")
    elif claims_ddf.npartitions > 1:
        shuffled = claims_ddf.repartition(npartitions=1)
    else:
        shuffled = claims_ddf
    parts = [delayed(_reconcile_part)(p, settings, options, trusted) for p in shuffled.to_delayed()]
    results = compute(parts, progress)
    groups = sorted((g for gs, _ in results for g in gs), key=lambda g: g.key)
    if articles is not None:
        rows = sorted((a.id, a.status, a.claims, a.reason or "") for a in articles)
    else:
        counts: Counter[str] = Counter()
        for _, c in results:
            counts.update(c)
        rows = sorted((aid, "processed", k, "claims given directly") for aid, k in counts.items())
    listed = [{"id": i, "status": st, "claims": k, "reason": r or None} for i, st, k, r in rows]
    shown = tuple(sorted({m.id: m for m in meta}.values(), key=lambda m: m.id))
    return Report(groups=tuple(groups), articles=listed, meta=shown)  # type: ignore[arg-type]


def _workers() -> int:
    """Worker processes of the active Dask client, else this machine's CPUs."""
    import os

    try:
        from distributed import get_client

        return max(1, len(get_client().scheduler_info()["workers"]))
    except (ImportError, ValueError):  # no distributed client: the local scheduler's threads
        return os.cpu_count() or 1


def outcomes(located: Iterable[tuple[str, Article | SkippedInput]], settings: Settings, *,
             partition_size: int = PARTITION_SIZE, window: int = 16,
             progress: bool | None = False) -> Iterator[tuple[str, Article | SkippedInput, list[Claim] | str | None]]:
    """(where, input, claims or why skipped) for every input, in input order, extracted on Dask.

    ``window`` partitions are in flight at a time, so memory stays bounded however long
    the input is. Used by the command line's ``--scheduler``.
    """
    import itertools

    it = iter(located)
    while chunk := list(itertools.islice(it, partition_size * window)):
        arts = [a for _, a in chunk if isinstance(a, Article)]
        found = iter(map_batches(arts, settings, partition_size=partition_size, progress=progress))
        for where, item in chunk:
            yield where, item, (None if isinstance(item, SkippedInput) else next(found))


def map_batches(articles: Sequence[Article], settings: Settings, *, partition_size: int = PARTITION_SIZE,
                progress: bool | None = False) -> list[list[Claim] | str]:
    """:func:`extract_batch` over ``articles`` on Dask, results in order (a store's batch reader)."""
    from dask import delayed

    parts = [delayed(extract_batch)(list(articles[i:i + partition_size]), settings)
             for i in range(0, len(articles), partition_size)]
    done = compute(parts, progress)
    return [r for part in done for r in part]


def compute(parts: Sequence[Any], progress: bool | None = None) -> list[Any]:
    """Compute ``parts`` (delayed objects) on the active scheduler; Dask's progress on stderr
    when ``progress`` (default: when stderr is a terminal)."""
    import dask

    if progress is None:
        progress = sys.stderr.isatty()
    try:
        from distributed import get_client

        active = get_client()
    except (ImportError, ValueError):  # no distributed client: the default local scheduler
        active = None
    if active is None:
        if not progress:
            return list(dask.compute(*parts))
        from dask.diagnostics import ProgressBar

        with ProgressBar(out=sys.stderr):
            return list(dask.compute(*parts))
    futures = active.compute(list(parts))
    if progress:
        from distributed import progress as progress_bar

        with redirect_stdout(sys.stderr):  # its text bar writes to stdout, where the output goes
            progress_bar(futures)
    return list(active.gather(futures))
