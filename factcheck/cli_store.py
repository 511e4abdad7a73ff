"""Command-line parts for the claim store and Dask: ``--store``, ``--scheduler``, ``factcheck store``.

Registered by :func:`register` from :func:`factcheck.cli.build_parser`::

    factcheck extract --store claims.duckdb feed/2026-12-07/      # add a day's articles
    factcheck reconcile --store claims.duckdb --since 2026-12-01 --format html -o report.html
    factcheck store refresh claims.duckdb                         # re-read what a new version reads differently
    factcheck store export claims.duckdb --format parquet out/
    factcheck extract --scheduler local:2 feed/                   # extract on a Dask LocalCluster

>>> import argparse
>>> p = argparse.ArgumentParser(); sub = p.add_subparsers()
>>> e = sub.add_parser("extract"); _ = e.add_argument("paths", nargs="+")
>>> r = sub.add_parser("reconcile"); _ = r.add_argument("paths", nargs="+")
>>> register(sub, e, r)
>>> p.parse_args(["reconcile", "--store", "c.duckdb"]).paths
[]
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Iterator
from contextlib import nullcontext
from typing import Any

from factcheck.cli_files import Output
from factcheck.errors import InputError
from factcheck.models import Article, ArticleStatus, SkippedInput
from factcheck.settings import Settings

#: Articles per store step when extracting on Dask (enough partitions to keep workers busy).
DASK_BATCH = 1024

#: Articles per store step and worker with ``extract --store --jobs N`` (the workers wait
#: while a step is written: large steps keep that share small).
JOBS_BATCH = 256


def register(sub: Any, extract: argparse.ArgumentParser, reconcile: argparse.ArgumentParser) -> None:
    """Add ``--store``/``--scheduler`` to ``extract`` and ``reconcile``, and the ``store`` command."""
    scheduler_help = "run on Dask: a scheduler address (tcp://host:8786) or local:N for N local worker processes"
    extract.add_argument("--store", metavar="FILE",
                         help="add the articles and their claims to this DuckDB store (created if missing) "
                         "instead of printing them; unchanged articles are not read again")
    extract.add_argument("--scheduler", metavar="ADDRESS", help=scheduler_help)
    extract.set_defaults(func=_dispatch(extract.get_default("func"), _cmd_extract))

    reconcile.add_argument("--store", metavar="FILE", help="reconcile the claims of this store (no PATH needed)")
    reconcile.add_argument("--since", metavar="DATE", help="with --store: only articles published on or after DATE")
    reconcile.add_argument("--measure", metavar="M", help="with --store: only claims of measure M")
    reconcile.add_argument("--subject", metavar="S", help="with --store: only claims about subject S")
    reconcile.add_argument("--scheduler", metavar="ADDRESS", help=scheduler_help)
    for action in reconcile._actions:  # PATH becomes optional: --store replaces it
        if action.dest == "paths":
            action.nargs = "*"
    reconcile.set_defaults(func=_dispatch(reconcile.get_default("func"), _cmd_reconcile))

    s = sub.add_parser("store", help="look after a claim store: refresh, export, info",
                       description="Look after a claim store (a DuckDB file made by extract --store).")
    ssub = s.add_subparsers(dest="store_command", required=True, metavar="ACTION")
    ref = ssub.add_parser("refresh", help="re-read the articles this version of factcheck reads differently")
    ref.add_argument("store", metavar="FILE")
    ref.add_argument("--all", action="store_true", help="re-read every article")
    ref.add_argument("--scheduler", metavar="ADDRESS", help=scheduler_help)
    ref.set_defaults(func=_cmd_refresh)
    ex = ssub.add_parser("export", help="write the articles and claims tables as Parquet (or CSV) files")
    ex.add_argument("store", metavar="FILE")
    ex.add_argument("directory", metavar="DIR")
    ex.add_argument("--format", choices=["parquet", "csv"], default="parquet")
    ex.set_defaults(func=_cmd_export)
    info = ssub.add_parser("info", help="schema version and counts")
    info.add_argument("store", metavar="FILE")
    info.set_defaults(func=_cmd_info)
    mig = ssub.add_parser("migrate", help="upgrade a store written by an older factcheck")
    mig.add_argument("store", metavar="FILE")
    mig.set_defaults(func=_cmd_migrate)


def _dispatch(plain: Callable[[argparse.Namespace], int], ours: Callable[[argparse.Namespace], int | None]
              ) -> Callable[[argparse.Namespace], int]:
    def run(args: argparse.Namespace) -> int:
        result = ours(args)
        return plain(args) if result is None else result

    return run


def _cli() -> Any:
    from factcheck import cli  # imported here: cli imports this module to register it

    return cli


def _scheduler(args: argparse.Namespace, *, extracts: bool = True) -> Any:
    """The Dask client ``--scheduler`` asks for (workers warmed up when they will extract)."""
    if not getattr(args, "scheduler", None):
        return nullcontext(None)
    from factcheck import dask as fdask

    fdask.parse_scheduler(args.scheduler)  # a bad spec fails before a cluster starts
    settings = Settings(include_boilerplate=getattr(args, "include_boilerplate", False))
    return fdask.client(args.scheduler, warm=settings if extracts else None)


# --- extract ---------------------------------------------------------------------------


def _cmd_extract(args: argparse.Namespace) -> int | None:
    if not args.store and not args.scheduler:
        return None  # the plain command
    cli = _cli()
    settings = Settings(include_boilerplate=args.include_boilerplate)
    from factcheck.io import iter_located
    from factcheck.progress import Progress

    located = iter_located(args.paths, language=args.language, max_chars=args.max_chars)
    with _scheduler(args) as client, Progress(enabled=False if client else None) as progress:
        if not args.store:  # Dask, printed as the plain command prints
            from factcheck import dask as fdask

            statuses: list[ArticleStatus] = []
            with Output(args.output) as out:
                writer = cli.WRITERS[args.format](out)
                for where, item, result in fdask.outcomes(located, settings, progress=None):
                    status = cli._status(item, result)
                    statuses.append(status)
                    if status.status == "skipped":
                        progress.note(cli._skip_line(where, status))
                        if args.strict:
                            raise cli._Strict
                    writer.add(status, result if isinstance(result, list) else [])
                writer.close(statuses)
            return int(cli._exit_status(statuses, progress))
        return _add(args, located, settings, progress, client is not None)


def _add(args: argparse.Namespace, located: Iterator[tuple[str, Article | SkippedInput]], settings: Settings,
         progress: Any, on_dask: bool) -> int:
    from factcheck.store import Store

    cli = _cli()
    where_of: dict[str, str] = {}

    def items() -> Iterator[Article | SkippedInput]:
        for where, item in located:
            if isinstance(item, Article):
                where_of[item.id] = where
            yield item

    def on_status(status: ArticleStatus, read: bool) -> None:
        progress.advance()
        if read and status.status == "skipped":
            progress.note(cli._skip_line(where_of.get(status.id, status.id), status))
            if args.strict:
                raise cli._Strict  # the add is one transaction: nothing of it is kept

    store = Store(args.store, settings=settings)
    jobs = getattr(args, "jobs", 1)
    if on_dask:
        from factcheck import dask as fdask

        if jobs > 1:
            progress.note("factcheck: --jobs is not used with --scheduler (the cluster's workers extract)")
        result = store.add(items(), extract=lambda arts: fdask.map_batches(arts, settings, progress=None),
                           on_status=on_status, batch_size=DASK_BATCH)
    elif jobs > 1:
        from factcheck.cli_jobs import batch_extractor

        with batch_extractor(jobs, settings, cli.Extractor) as extract:
            result = store.add(items(), extract=extract, on_status=on_status, batch_size=JOBS_BATCH * jobs)
    else:
        result = store.add(items(), on_status=on_status)
    progress.note(f"factcheck: {args.store}: {result.added} added, {result.replaced} replaced, "
                  f"{result.unchanged} unchanged, {result.skipped} skipped; {result.claims} claims written")
    if args.output:
        progress.note("factcheck: --output is not used with --store (the claims went to the store)")
    total = result.added + result.replaced + result.unchanged
    if total == 0:
        progress.note("factcheck: no input found")
        return cli.EXIT_ERROR
    if result.skipped >= total:
        return cli.EXIT_ERROR
    return cli.EXIT_SKIPPED if result.skipped else cli.EXIT_OK


# --- reconcile -------------------------------------------------------------------------


def _cmd_reconcile(args: argparse.Namespace) -> int | None:
    narrowing = [f"--{k}" for k in ("since", "measure", "subject") if getattr(args, k)]
    if not args.store:
        if narrowing:
            raise InputError(f"{', '.join(narrowing)} need --store (they select claims in a store)")
        if not args.paths:
            raise InputError("give the articles to reconcile (PATH…) or a store (--store FILE)")
        if not args.scheduler:
            return None  # the plain command
    elif args.paths:
        raise InputError("give PATH… or --store, not both: add the files first with "
                         f"'factcheck extract --store {args.store} PATH…'")
    cli = _cli()
    from factcheck.progress import Progress

    with _scheduler(args, extracts=not args.store) as client, Progress() as progress:
        report = _report(args, client is not None)
        statuses = list(report.articles)
        skipped = [s for s in statuses if s.status == "skipped"]
        if args.strict and skipped:
            progress.note(cli._skip_line(skipped[0].id, skipped[0]))
            raise cli._Strict
        for s in skipped:
            progress.note(cli._skip_line(s.id, s))
        with Output(args.output) as out:
            cli.write_report(report, args.format, out)
        return int(cli._exit_status(statuses, progress))


def _report(args: argparse.Namespace, on_dask: bool) -> Any:
    settings = Settings(include_boilerplate=args.include_boilerplate)
    if args.store:
        from factcheck.store import Store

        store = Store(args.store, settings=settings)
        if not on_dask:
            return store.reconcile(since=args.since, measure=args.measure, subject=args.subject)
        return _dask_store_report(store, args, settings)
    from factcheck import dask as fdask

    arts, skipped = fdask.read_articles(args.paths, language=args.language, max_chars=args.max_chars)
    statuses = [ArticleStatus(id=s.where, status="skipped", reason=s.reason) for s in skipped]
    results = fdask.map_batches(arts, settings, progress=None)
    pairs = []
    for a, result in zip(arts, results):
        if isinstance(result, str):
            statuses.append(ArticleStatus(id=a.id, status="skipped", reason=result))
        else:
            statuses.append(ArticleStatus(id=a.id, status="processed", claims=len(result)))
            pairs.extend((c, seq) for seq, c in enumerate(result))
    return fdask.reconcile(_frame(pairs), settings=settings, articles=statuses, trusted=True,
                           meta=[fdask.article_meta(a) for a in arts], progress=None)


def _dask_store_report(store: Any, args: argparse.Namespace, settings: Settings) -> Any:
    from factcheck import dask as fdask

    from factcheck.reconcile.report import ArticleMeta

    claims, articles, meta = store.report_parts(since=args.since, measure=args.measure, subject=args.subject)
    statuses = [ArticleStatus(**row) for row in articles]
    seq: dict[str, int] = {}
    pairs = []
    for c in claims:  # each claim's place in its article (the frame's seq column)
        k = seq.get(c.article_id, 0)
        seq[c.article_id] = k + 1
        pairs.append((c, k))
    return fdask.reconcile(_frame(pairs), settings=settings, articles=statuses, trusted=True,
                           meta=[ArticleMeta(**m) for m in meta], progress=None)


def _frame(pairs: list[Any]) -> Any:
    """A Dask DataFrame of ``(claim, seq)`` pairs, a partition per ~20,000 claims."""
    import dask.dataframe as dd

    from factcheck import dask as fdask
    from factcheck.store.rows import claims_table

    df = fdask._to_pandas(claims_table(pairs))
    return dd.from_pandas(df, npartitions=max(1, min(64, len(df) // 20_000 + 1)), sort=False)


# --- store -----------------------------------------------------------------------------


def _cmd_refresh(args: argparse.Namespace) -> int:
    from factcheck.store import Store

    store = Store(args.store)
    if not store.path.exists():
        raise InputError(f"{args.store}: no store here")
    with _scheduler(args) as client:
        extract = None
        if client is not None:
            from factcheck import dask as fdask

            extract = lambda arts: fdask.map_batches(arts, store.settings, progress=None)  # noqa: E731
        result = store.refresh(everything=args.all, extract=extract)
    sys.stderr.write(f"factcheck: {args.store}: {result.replaced} re-read ({result.claims} claims), "
                     f"{result.unchanged} already current\n")
    return 0


def _cmd_export(args: argparse.Namespace) -> int:
    from factcheck.store import Store

    for path in Store(args.store).export(args.directory, format=args.format):
        sys.stdout.write(f"{path}\n")
    return 0


def _cmd_info(args: argparse.Namespace) -> int:
    from factcheck.store import Store

    store = Store(args.store)
    df = store.sql("SELECT (SELECT count(*) FROM articles) AS articles, "
                   "(SELECT count(*) FROM articles WHERE status = 'skipped') AS skipped, "
                   "(SELECT count(*) FROM claims) AS claims, "
                   "(SELECT value FROM meta WHERE key = 'schema_version') AS schema_version")
    for k, v in df.iloc[0].items():
        sys.stdout.write(f"{k}\t{v}\n")
    return 0


def _cmd_migrate(args: argparse.Namespace) -> int:
    from factcheck.store import SCHEMA_VERSION, Store

    old = Store(args.store).migrate()
    sys.stdout.write(f"{args.store}: schema version {old} -> {SCHEMA_VERSION}\n")
    return 0

