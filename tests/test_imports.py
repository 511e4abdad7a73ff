"""Layers import one way: every module imports alone, and ``import factcheck`` stays light.

Each module is imported in a fresh process (forked from one interpreter that has imported no
factcheck module), so an import cycle that only some import order hides fails here: the
package ``__init__`` no longer imports everything first in a fixed order.
"""

from __future__ import annotations

import importlib.util
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

HEAVY = ("spacy", "pint", "pandas", "matplotlib", "duckdb", "dask")


def _modules() -> list[str]:
    spec = importlib.util.find_spec("factcheck")  # locates the package without importing it
    assert spec is not None and spec.submodule_search_locations
    root = Path(next(iter(spec.submodule_search_locations)))
    names = []
    for path in sorted(root.rglob("*.py")):
        parts = path.relative_to(root.parent).with_suffix("").parts
        names.append(".".join(parts[:-1] if parts[-1] == "__init__" else parts))
    return names


# One interpreter forks a child per module; each child imports its module and nothing else.
# Common third-party libraries are loaded once before forking (they cannot take part in a
# factcheck import cycle), so the whole loop takes seconds.
_DRIVER = r"""
import importlib, json, os, sys, traceback
import dateparser, numpy, orjson, pydantic, regex, rich.console, rich.progress, yaml  # noqa: F401
assert not any(m == "factcheck" or m.startswith("factcheck.") for m in sys.modules)
failed, running, todo = {}, {}, json.loads(sys.argv[1])

def start(name):
    read, write = os.pipe()
    pid = os.fork()
    if pid == 0:
        os.close(read)
        try:
            importlib.import_module(name)
            status = 0
        except BaseException:
            os.write(write, traceback.format_exc().encode())
            status = 1
        os._exit(status)
    os.close(write)
    running[pid] = (name, read)

while todo or running:
    while todo and len(running) < (os.cpu_count() or 1):
        start(todo.pop())
    pid, status = os.wait()
    name, read = running.pop(pid)
    with os.fdopen(read, "rb") as r:
        message = r.read().decode()
    if status:
        failed[name] = message or f"exit status {status}"
print(json.dumps(failed))
"""


@pytest.mark.skipif(not hasattr(os, "fork"), reason="needs os.fork to import each module in a fresh process")
def test_every_module_imports_alone_in_a_fresh_interpreter():
    modules = _modules()
    assert {"factcheck.langdata", "factcheck.extraction.extractor", "factcheck.cli"} <= set(modules)
    proc = subprocess.run([sys.executable, "-c", _DRIVER, json.dumps(modules)],
                          capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr
    failed = json.loads(proc.stdout.strip().splitlines()[-1])
    assert not failed, "\n\n".join(f"import {name} alone failed:\n{tb}" for name, tb in failed.items())


def _fresh(code: str) -> list[str]:
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert proc.returncode == 0, proc.stderr
    return json.loads(proc.stdout.strip().splitlines()[-1])


def test_import_factcheck_loads_no_heavy_library():
    loaded = _fresh("import json, sys, factcheck\n"
                    f"print(json.dumps([m for m in {HEAVY!r} if m in sys.modules]))")
    assert loaded == [], f"'import factcheck' imported {loaded}: import them where they are used"


def test_the_command_line_loads_no_heavy_library_before_it_runs():
    loaded = _fresh("import json, sys, factcheck.cli\n"
                    f"print(json.dumps([m for m in {HEAVY!r} if m in sys.modules]))")
    assert loaded == [], f"'import factcheck.cli' imported {loaded}: import them where they are used"


def test_every_public_name_still_loads():
    names = _fresh("import json, factcheck\n"
                   "missing = [n for n in factcheck.__all__ if getattr(factcheck, n, None) is None]\n"
                   "print(json.dumps(missing + ([] if callable(factcheck.reconcile) else ['reconcile'])))")
    assert names == []
