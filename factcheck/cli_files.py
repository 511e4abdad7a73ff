"""``--output FILE``: written atomically, and refused when it would destroy or re-read an input.

Split from :mod:`factcheck.cli` to keep modules small. The records go to a hidden temporary
file beside FILE, renamed over it only when the run ends, so an interrupted or failed run
never leaves a half-written file.

>>> import io, contextlib
>>> with Output(None) as out:
...     out is __import__("sys").stdout
True
"""

from __future__ import annotations

import os
import sys
import tempfile
from collections.abc import Iterable
from pathlib import Path
from typing import TextIO

from factcheck.errors import FactcheckError


class Output:
    """stdout, or FILE for --output, written atomically; checked before any work.

    FILE is refused (:class:`FactcheckError`, exit 2) when it is one of the inputs or lies
    inside an input folder — the run would destroy an input or read its own output — and when
    it cannot be written (its folder is missing or read-only, it is a folder, or a read-only
    file). The records go to a hidden temporary file beside FILE, renamed over FILE when the
    run ends without an exception; otherwise the temporary file is removed and FILE is left
    as it was. A FILE that is not a regular file (``/dev/null``, a named pipe) is written
    directly.
    """

    def __init__(self, path: str | None, inputs: Iterable[str] = ()) -> None:
        self.path = None if path in (None, "-") else path
        self.inputs = list(inputs)
        self.f: TextIO | None = None
        self.tmp: str | None = None
        self.target: Path | None = None

    def __enter__(self) -> TextIO:
        if self.path is None:
            return sys.stdout
        refuse_input_as_output(self.path, self.inputs)
        target = Path(self.path)
        if target.is_symlink():  # replace the file it points to, not the link
            target = Path(os.path.realpath(target))
        if target.is_dir():
            raise FactcheckError(f"--output {self.path}: cannot write the output: Is a directory; name a file")
        if target.exists() and not target.is_file():  # /dev/null, a fifo: no rename over it
            self.f = self._open_direct(target)
            return self.f
        if target.exists() and not os.access(target, os.W_OK):
            raise FactcheckError(f"--output {self.path}: cannot write the output: the file is read-only")
        self.target = target
        folder = target.parent
        try:
            fd, self.tmp = tempfile.mkstemp(dir=folder, prefix=f".{target.name}.", suffix=".part")
        except OSError as e:
            raise FactcheckError(
                f"--output {self.path}: cannot write the output: {e.strerror} (in folder {str(folder) or '.'})"
            ) from None
        try:
            os.chmod(self.tmp, mode_for(target))
        except OSError:
            pass
        self.f = open(fd, "w", encoding="utf-8", errors="backslashreplace", newline="")
        return self.f

    def _open_direct(self, target: Path) -> TextIO:
        try:
            return open(target, "w", encoding="utf-8", errors="backslashreplace", newline="")
        except OSError as e:
            raise FactcheckError(f"--output {self.path}: cannot write the output: {e.strerror}") from None

    def __exit__(self, exc_type: type[BaseException] | None, *exc: object) -> None:
        if self.f is None:
            return
        f, self.f = self.f, None
        if self.tmp is None:
            f.close()
            return
        try:
            if exc_type is None:
                f.flush()
                os.fsync(f.fileno())
            f.close()
            if exc_type is None:
                os.replace(self.tmp, self.target)
                self.tmp = None
        except OSError as e:
            raise FactcheckError(f"--output {self.path}: cannot write the output: {e.strerror}") from None
        finally:
            if self.tmp is not None:
                try:
                    os.unlink(self.tmp)
                except OSError:
                    pass
                self.tmp = None


def mode_for(target: Path) -> int:
    """An existing file's permissions, else what a new file gets under the umask."""
    try:
        return target.stat().st_mode & 0o7777
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask


def refuse_input_as_output(output: str, inputs: Iterable[str]) -> None:
    """Raise when ``output`` is one of ``inputs`` or lies inside an input folder (symlinks resolved)."""
    target = Path(output)
    try:
        real = target.resolve()
    except (OSError, RuntimeError):  # a symlink loop: opening it fails later with a clear reason
        return
    for raw in inputs:
        if raw == "-":
            continue
        p = Path(raw)
        try:
            rp = p.resolve()
        except (OSError, RuntimeError):
            continue
        same = rp == real
        if not same and target.exists() and p.exists():
            try:
                same = os.path.samefile(p, target)  # hard links too
            except OSError:
                same = False
        if same:
            raise FactcheckError(
                f"--output {output} is also an input ({raw}); writing it would destroy the input — "
                "name another output file"
            )
        if p.is_dir() and real.is_relative_to(rp):
            raise FactcheckError(
                f"--output {output} lies inside the input folder {raw}; the run would read its own "
                "output — write it outside that folder"
            )
