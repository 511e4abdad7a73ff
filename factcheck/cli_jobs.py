"""``--jobs N``: extraction on N worker processes, each built once with its matchers.

Split from :mod:`factcheck.cli` to keep modules small. Each worker builds its Extractor once,
in the pool initializer, and then takes articles in batches (``imap`` chunks for
``extract``, whole store batches for ``extract --store``); results come back in input order.
The extractor class is passed in (``factory``) so that the command line's ``cli.Extractor``
— which tests replace — is the one used.

Workers ignore SIGINT: Ctrl-C reaches the whole process group and only the parent acts on
it (a worker interrupted inside a queue operation leaves its lock held and the pool hangs).

>>> list(extract_all([("a.txt", SkippedInput(where="a.txt", reason="empty"))], None, 1, object))[0][2] is None
True
"""

from __future__ import annotations

import itertools
import multiprocessing
import signal
import threading
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from typing import Any

from factcheck.errors import FactcheckError
from factcheck.models import Article, Claim, SkippedInput
from factcheck.settings import Settings

#: How long ending the worker pool may take after Ctrl-C before the workers are killed.
STOP_SECONDS = 1.0

#: With --jobs, inputs are handed to the workers in windows of this many per worker,
#: so memory stays bounded however long the input is.
WINDOW_PER_JOB = 32

Located = tuple[str, Article | SkippedInput]
Outcome = tuple[str, Article | SkippedInput, list[Claim] | str | None]
Factory = Callable[[Settings], Any]


def one_line(message: str) -> str:
    """A message on one line: a multi-line error (pydantic's) joined with ``; ``."""
    return "; ".join(part.strip() for part in message.splitlines() if part.strip())


def extract_one(extractor: Any, article: Article) -> list[Claim] | str:
    """The article's claims, or why it could not be processed (never raises)."""
    try:
        return list(extractor.extract(article))
    except FactcheckError as e:
        return f"extraction failed: {one_line(str(e))}"
    except Exception as e:  # noqa: BLE001 - one article's failure must not end a night's run
        return f"extraction failed ({type(e).__name__}: {one_line(str(e))}); please report this as a bug"


def extract_all(inputs: Iterable[Located], settings: Settings, jobs: int, factory: Factory) -> Iterator[Outcome]:
    """(where, input, claims or error message) for every input, in input order."""
    if jobs <= 1:
        extractor = None
        for where, item in inputs:
            if isinstance(item, SkippedInput):
                yield where, item, None
                continue
            if extractor is None:  # built on the first article: a run of bad inputs builds none
                extractor = factory(settings)
            yield where, item, extract_one(extractor, item)
        return
    window = jobs * WINDOW_PER_JOB
    it = iter(inputs)
    with pool(jobs, settings, factory) as p:
        while batch := list(itertools.islice(it, window)):
            yield from p.imap(_work, batch, chunksize=max(1, len(batch) // (jobs * 4)))


@contextmanager
def pool(jobs: int, settings: Settings, factory: Factory) -> Iterator[Any]:
    """A pool of ``jobs`` workers, each with its own extractor; ended at once on an error or Ctrl-C."""
    # Built once here so a broken setup (invalid language data) fails fast with exit 2;
    # a worker whose initializer raised would be respawned by the pool forever.
    factory(settings)
    # While the pool starts, Ctrl-C is noted and acted on once it has started.
    hits: list[int] = []
    previous = signal.signal(signal.SIGINT, lambda signum, frame: hits.append(signum))
    try:
        p = multiprocessing.get_context().Pool(jobs, _init_worker, (factory, settings))
    finally:
        signal.signal(signal.SIGINT, previous)
    if hits:
        stop_pool(p)
        raise KeyboardInterrupt
    try:
        yield p
    except BaseException:
        stop_pool(p)
        raise
    p.close()
    p.join()


@contextmanager
def batch_extractor(jobs: int, settings: Settings, factory: Factory
                    ) -> Iterator[Callable[[Sequence[Article]], list[list[Claim] | str]]]:
    """A store's batch reader on ``jobs`` worker processes: each article's claims, or why
    it is skipped (as :meth:`factcheck.store.Store.add` reads them in one process)."""
    with pool(jobs, settings, factory) as p:
        def extract(articles: Sequence[Article]) -> list[list[Claim] | str]:
            arts = list(articles)
            if not arts:
                return []
            return p.map(_work_store, arts, chunksize=max(1, -(-len(arts) // (jobs * 4))))

        yield extract


def stop_pool(p: Any) -> None:
    """End the workers within about a second: ``terminate`` in a thread, then kill what is left."""
    stopper = threading.Thread(target=p.terminate, daemon=True)
    stopper.start()
    stopper.join(STOP_SECONDS)
    if stopper.is_alive():
        for child in multiprocessing.active_children():
            child.kill()


_WORKER: Any = None


def _init_worker(factory: Factory, settings: Settings) -> None:
    """Build each worker's Extractor once (its matchers and pipelines are costly to build)."""
    global _WORKER
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the parent handles Ctrl-C
    try:
        _WORKER = factory(settings)
    except Exception as e:  # noqa: BLE001 - reported per article by _work, never a respawn loop
        _WORKER = e


def _not_started() -> str:
    return f"extraction failed: the worker could not start ({type(_WORKER).__name__}: {_WORKER})"


def _work(located: Located) -> Outcome:
    where, item = located
    if isinstance(item, SkippedInput):
        return where, item, None
    if isinstance(_WORKER, Exception):
        return where, item, _not_started()
    return where, item, extract_one(_WORKER, item)


def _work_store(article: Article) -> list[Claim] | str:
    from factcheck.store._sql import extract_one as store_extract_one

    if isinstance(_WORKER, Exception):
        return _not_started()
    return store_extract_one(_WORKER, article)


class GuardedExtractor:
    """An Extractor (built on first use) whose unexpected errors become FactcheckErrors.

    The reconciler skips an article on a FactcheckError; any other exception is a bug in
    extraction, and one article's bug must not end the whole run.
    """

    def __init__(self, settings: Settings, factory: Factory, on_done: Callable[[], None] | None = None) -> None:
        self.settings = settings
        self.factory = factory
        self.on_done = on_done
        self._inner: Any = None

    def extract(self, article: Article) -> list[Claim]:
        if self._inner is None:
            self._inner = self.factory(self.settings)
        result = extract_one(self._inner, article)
        if self.on_done is not None:
            self.on_done()
        if isinstance(result, str):
            raise FactcheckError(result)
        return result
