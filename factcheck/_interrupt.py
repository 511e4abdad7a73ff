"""Ctrl-C while the command line is still starting (importing spaCy and friends, ~1-3 s).

Imported first by ``factcheck/__init__.py``. Only when the process is the ``factcheck``
program (``factcheck …`` or ``python -m factcheck …``) does it install a SIGINT handler that
prints the command line's one line and ends the process with status 130 — not a traceback
from whichever module was being imported (the package loads its names lazily, so the heavy
imports happen when ``factcheck.cli`` is imported and when its command loads its engines).
:func:`release`, called by :func:`factcheck.cli.main` once the command's modules are loaded,
restores the previous handler: from there main handles Ctrl-C itself. A library user's process is never touched.
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
    if argv0 == "-m":  # ``python -m X`` while X is located: the program only when X is factcheck
        orig = list(getattr(sys, "orig_argv", []))
        return "-m" in orig and orig[orig.index("-m") + 1:orig.index("-m") + 2] == ["factcheck"]
    return os.path.basename(argv0) in ("factcheck", "factcheck.exe")


def _stop(signum: int, frame: Any) -> None:
    os.write(2, b"factcheck: interrupted\n")
    os._exit(130)


def start() -> None:
    global _previous
    if _is_program() and threading.current_thread() is threading.main_thread():
        _previous = signal.signal(signal.SIGINT, _stop)


def done() -> None:
    """End of the package import: the handler stays until :func:`release` (the CLI's main)."""


def release() -> None:
    global _previous
    if _previous is not None and threading.current_thread() is threading.main_thread():
        signal.signal(signal.SIGINT, _previous)
        _previous = None


start()
