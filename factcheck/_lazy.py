"""Lazily exported names: a package lists what it exports; each loads on first use.

``import factcheck`` should not wait for what the caller never uses (the extraction
engine, the reconciler and NumPy, the store). A package's ``__init__`` lists its exports
as ``name -> "module:attribute"`` and gets a module ``__getattr__`` (PEP 562) that imports
the module the first time the name is read and keeps the value, so later reads are plain
attribute reads. Submodules (``factcheck.models``) also load on first attribute access, as
they did when the package imported everything.

>>> getattr_, dir_ = exports("factcheck", {"Claim": "factcheck.models:Claim"}, {})
>>> getattr_("Claim").__name__
'Claim'
>>> getattr_("nothing_here")
Traceback (most recent call last):
...
AttributeError: module 'factcheck' has no attribute 'nothing_here'
"""

from __future__ import annotations

import importlib
import importlib.util
from collections.abc import Callable
from typing import Any


def exports(package: str, table: dict[str, str], namespace: dict[str, Any]
            ) -> tuple[Callable[[str], Any], Callable[[], list[str]]]:
    """``(__getattr__, __dir__)`` for ``package`` exporting ``table`` lazily.

    Args:
        package: the package's ``__name__``.
        table: public name -> ``"module:attribute"`` (``"module"`` alone: the same name).
        namespace: the package's ``globals()``; a loaded value is stored there.
    """

    def __getattr__(name: str) -> Any:
        target = table.get(name)
        if target is not None:
            module, _, attribute = target.partition(":")
            value = getattr(importlib.import_module(module), attribute or name)
        elif not name.startswith("__") and importlib.util.find_spec(f"{package}.{name}") is not None:
            value = importlib.import_module(f"{package}.{name}")
        else:
            raise AttributeError(f"module {package!r} has no attribute {name!r}")
        namespace[name] = value
        return value

    def __dir__() -> list[str]:
        return sorted({*namespace, *table})

    return __getattr__, __dir__
