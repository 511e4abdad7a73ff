"""Ctrl-C while the command line is still starting (importing spaCy and friends, ~1-3 s).

Imported first by ``factcheck/__init__.py``. Only when the process is the ``factcheck``
program (``factcheck …`` or ``python -m factcheck …``) does it install, for the duration of
the package import, a SIGINT handler that prints the command line's one line and ends the
process with status 130 — not a traceback from whichever module was being imported.
:func:`done` (the last line of the package import) restores the previous handler; a library
user's process is never touched.
"""

from __future__ import annotations

import os
import signal
import sys
import threading
from typing import Any

_previous: Any = None


def _is_program() -> bool:
    argv0 = sys.argv[0] if sys.argv else ""
    # ``python -m factcheck``: argv[0] is "-m" while the package is located and imported
    return argv0 == "-m" or os.path.basename(argv0) in ("factcheck", "factcheck.exe")


def _stop(signum: int, frame: Any) -> None:
    os.write(2, b"factcheck: interrupted\n")
    os._exit(130)


def start() -> None:
    global _previous
    if _is_program() and threading.current_thread() is threading.main_thread():
        _previous = signal.signal(signal.SIGINT, _stop)


def done() -> None:
    global _previous
    if _previous is not None:
        signal.signal(signal.SIGINT, _previous)
        _previous = None


start()
