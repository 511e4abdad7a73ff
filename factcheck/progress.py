"""Progress and notes on stderr for long command-line runs.

A progress bar appears only when stderr is a terminal and the run has passed a few
articles, so pipes, logs and short runs stay clean. With a ``total`` (the command line
estimates it from the inputs before the run) it shows done/total, a bar and the time
left; without one, a counter and the time spent. Notes (one line per skipped input) are
printed above the bar without breaking it; :meth:`Progress.close` removes the bar, and the
command line calls it before printing any output.

>>> import io
>>> err = io.StringIO()
>>> with Progress(err) as p:
...     p.note("factcheck: skipped a.txt: empty file")
...     p.advance()
>>> err.getvalue()
'factcheck: skipped a.txt: empty file\\n'
"""

from __future__ import annotations

import sys
from types import TracebackType
from typing import TextIO

from rich.console import Console
from rich.progress import Progress as _RichProgress
from rich.progress import BarColumn, SpinnerColumn, TextColumn, TimeElapsedColumn, TimeRemainingColumn

#: The bar appears once this many articles are done: shorter runs finish before it helps.
SHOW_AFTER = 5


class Progress:
    """Counts articles; shows a live counter on a terminal; prints notes on ``stream``.

    Args:
        stream: where notes and the bar go (default ``sys.stderr``).
        enabled: force the bar on or off (default: only when ``stream`` is a terminal).
        show_after: number of articles after which the bar appears.
        total: how many articles the run is expected to have (None: unknown); a count
            past it raises it, so an estimate is enough.
    """

    def __init__(
        self,
        stream: TextIO | None = None,
        *,
        enabled: bool | None = None,
        show_after: int = SHOW_AFTER,
        description: str = "articles",
        total: int | None = None,
    ) -> None:
        self.stream = stream if stream is not None else sys.stderr
        if enabled is None:
            isatty = getattr(self.stream, "isatty", None)
            enabled = bool(isatty and isatty())
        self.enabled = enabled
        self.show_after = show_after
        self.description = description
        self.count = 0
        self.total = total if total else None
        self._bar: _RichProgress | None = None
        self._task = None

    def __enter__(self) -> Progress:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    def advance(self, n: int = 1) -> None:
        """Count ``n`` more articles done (starts the bar once past ``show_after``)."""
        self.count += n
        if self.total is not None and self.count > self.total:
            self.total = self.count
        if self._bar is None and self.enabled and self.count > self.show_after:
            if self.total is not None:
                columns = (
                    SpinnerColumn(),
                    TextColumn("{task.completed:,}/{task.total:,.0f} {task.description}"),
                    BarColumn(),
                    TimeElapsedColumn(),
                    TextColumn("left"),
                    TimeRemainingColumn(),
                )
            else:
                columns = (SpinnerColumn(), TextColumn("{task.completed:,} {task.description}"), TimeElapsedColumn())
            self._bar = _RichProgress(
                *columns,
                console=Console(file=self.stream),
                transient=True,
                # Never capture sys.stdout: claims and reports must reach stdout, not the bar.
                redirect_stdout=False,
                redirect_stderr=False,
            )
            self._bar.start()
            self._task = self._bar.add_task(self.description, total=self.total)
        if self._bar is not None and self._task is not None:
            self._bar.update(self._task, completed=self.count, total=self.total)

    def note(self, message: str) -> None:
        """Print one line on the stream, above the bar when it is showing."""
        if self._bar is not None:
            self._bar.console.print(message, markup=False, highlight=False, soft_wrap=True)
        else:
            self.stream.write(message + "\n")
            self.stream.flush()

    def close(self) -> None:
        """Remove the bar (it is transient: the terminal keeps only the notes); no bar
        starts again after this, so output printed next is never drawn over."""
        self.enabled = False
        if self._bar is not None:
            self._bar.stop()
            self._bar = None
